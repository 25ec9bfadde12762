/// <reference types="vitest/config" />
// Browser tests: the production build served on 127.0.0.1, driven through playwright-core in
// Debian's Chromium. One file at a time (2-core machines; each file owns one browser).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
