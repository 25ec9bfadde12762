// Builds the bare MapLibre baseline page (bench/bare.html) for `npm run bench`.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  root: 'bench',
  build: { outDir: '../.bench-dist', emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 2000, rolldownOptions: { input: 'bench/bare.html' } },
  worker: { format: 'es' },
});
