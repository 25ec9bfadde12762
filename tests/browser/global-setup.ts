/**
 * Builds the production bundle, serves it on 127.0.0.1 with Vite's static preview server and tells
 * the tests where it is. Fails loudly, with the install command, when Chromium is missing: browser
 * tests are never skipped silently.
 */
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium';

let server: PreviewServer | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    chromium: string;
  }
}

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  if (process.env.ATLAS_SKIP_BUILD !== '1') {
    // Vitest sets NODE_ENV=test, which Vite would read as "not production" (import.meta.env.PROD
    // false, Svelte in dev mode): build exactly what `npm run build` ships.
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ logLevel: 'warn' });
    } finally {
      process.env.NODE_ENV = env;
    }
  }
  server = await preview({ preview: { host: '127.0.0.1', port: 4180, strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server did not report a URL');
  project.provide('baseURL', url);
  project.provide('chromium', chromium);
  return async () => {
    await server?.close();
  };
}
