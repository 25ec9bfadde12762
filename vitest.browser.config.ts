/// <reference types="vitest/config" />
// Browser tests: the production build served on 127.0.0.1, driven through playwright-core in
// Debian's Chromium. Two files at a time, each with its own browser: on the 2-core machine the
// suite took 357 s one file at a time and 304 s two at a time (issue #18, measured).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    fileParallelism: true,
    maxWorkers: Number(process.env.BW ?? 2),
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
