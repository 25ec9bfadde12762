/**
 * Offline kiosk: the service worker precaches the whole Atlas, so a reload with the server gone
 * still shows the map and its zones. This file runs its own preview server (of the build the
 * global setup made) so that it can stop it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import { closeBrowser, openAtlas, waitReady } from './harness';

let server: PreviewServer | undefined;
afterAll(async () => {
  await server?.close();
  await closeBrowser();
});

describe('kiosk offline', () => {
  it('reloads with the server stopped and still shows the map and its zones', async () => {
    server = await preview({ preview: { host: '127.0.0.1', port: 4231, strictPort: false }, logLevel: 'warn' });
    const base = server.resolvedUrls!.local[0]!;
    const a = await openAtlas(`${base}?kiosk&lang=zh&idle=600`, { viewport: { width: 1920, height: 1080 }, serviceWorkers: 'allow' });
    try {
      // The service worker is active once everything is precached.
      await a.page.evaluate(async () => {
        const reg = await navigator.serviceWorker.ready;
        if (!reg.active) throw new Error('no active service worker');
      });
      const cached = await a.page.evaluate(async () => {
        const names = await caches.keys();
        const urls = (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat();
        return urls.map((u) => new URL(u).pathname);
      });
      // HTML, JS (with the map worker, .mjs), CSS, fonts, the manifest and icons.
      for (const re of [/index\.html$/, /\.js$/, /maplibre-gl-worker.*\.mjs$/, /\.css$/, /\.woff2$/, /manifest\.webmanifest$/, /icon-512\.png$/]) expect(cached.some((u) => re.test(u)), String(re)).toBe(true);
      const zonesBefore = (await a.page.evaluate(() => window.__atlas!.rendered('atlas-zones-fill'))).length;
      expect(zonesBefore).toBeGreaterThan(0);

      await server.close();
      server = undefined;
      // The server is gone: a reload is answered by the service worker.
      await a.page.reload();
      await waitReady(a.page);
      expect(await a.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      expect(await a.page.getByTestId('app-title').innerText()).toContain('石景山科创地图');
      await expect.poll(async () => (await a.page.evaluate(() => window.__atlas!.rendered('atlas-zones-fill'))).length, { timeout: 20_000 }).toBe(zonesBefore);
      // Labels render with the bundled fonts, so those were cached too.
      expect((await a.page.evaluate(() => window.__atlas!.rendered('atlas-zones-label'))).length).toBeGreaterThan(0);
      await a.page.screenshot({ path: 'test-results/kiosk-offline.png' });
      a.expectClean();
    } finally {
      await a.context.close();
    }
  }, 180_000);
});
