/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { atlasFonts } from './scripts/vite/fonts.ts';
import { atlasGeodata } from './scripts/vite/geodata.ts';

export default defineConfig({
  // Relative asset paths: the build folder can be served from any path on any static host.
  base: './',
  plugins: [svelte(), atlasFonts(), atlasGeodata()],
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
  },
});
