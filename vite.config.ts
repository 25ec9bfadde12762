/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { atlasFonts } from './scripts/vite/fonts.ts';
import { atlasGeodata } from './scripts/vite/geodata.ts';

export default defineConfig({
  // Relative asset paths: the build folder can be served from any path on any static host.
  base: './',
  plugins: [
    svelte(),
    atlasFonts(),
    atlasGeodata(),
    // Offline kiosk (issue #11): a Workbox service worker precaching everything the Atlas needs.
    // It is registered only in kiosk mode (src/lib/kiosk/update.ts), so the explorer and the
    // browser tests always load the build that is served. The manifest and icons live in public/.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        // mjs: MapLibre's worker (maplibre-gl-worker.mjs) — without it the map never loads offline.
        // woff2 only: every browser that runs service workers takes woff2 before the woff fallback.
        globPatterns: ['**/*.{html,js,mjs,css,woff2,ttf,png,svg,ico,json,geojson,pmtiles,webmanifest}'],
        // The MapLibre chunks and the pinyin dictionary are larger than Workbox's 2 MB default.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Any navigation (?kiosk&…) is answered with the cached app shell.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1400,
    assetsInlineLimit: 0,
    // The bench reads it to size the first load and each lazy chunk (scripts/bench-bundle.ts).
    manifest: true,
    rolldownOptions: {
      output: {
        // MapLibre in a chunk of its own (the bench's JS budget is "MapLibre + the Atlas's own code"),
        // and everything else the first screen needs in one chunk: without the `$initial` group,
        // modules shared with lazy chunks become a dozen tiny first-load requests.
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/, priority: 2 },
            // zod in one chunk of its own, shared by whatever validates a planner's file (import,
            // restore, persistence), so its size is seen in the bench and no first-screen chunk has it.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Worker threads start faster than forked processes (measured 25 → 23 s for the unit files).
    pool: 'threads',
    // CLI tests spawn tsx; on a busy 2-core machine one spawn can take several seconds.
    testTimeout: 30_000,
  },
});
