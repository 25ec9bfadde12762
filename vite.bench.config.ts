// Builds the bare MapLibre baseline pages for `npm run bench` (bench/bare.html: the first screen;
// bench/floor.html: a big file in one setData): the same data module and label-font files as the
// Atlas, made by the same plugins.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { atlasFonts } from './scripts/vite/fonts.ts';
import { atlasGeodata } from './scripts/vite/geodata.ts';

const repo = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  base: './',
  root: 'bench',
  // No font preload: the bare page has no UI text, only map labels (fetched by MapLibre).
  plugins: [atlasFonts({ root: repo, preload: false }), atlasGeodata({ root: repo })],
  build: { outDir: '../.bench-dist', emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 2000, manifest: true, rolldownOptions: { input: ['bench/bare.html', 'bench/floor.html'] } },
  worker: { format: 'es' },
});
