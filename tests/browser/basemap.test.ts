import { afterAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { baseURL, closeBrowser, openAtlas } from './harness';

afterAll(closeBrowser);

/** A minimal external basemap: one magenta background layer and its own GeoJSON source. */
const externalStyle = {
  version: 8,
  name: 'test basemap',
  sources: { 'test-src': { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } },
  layers: [
    { id: 'test-background', type: 'background', paint: { 'background-color': '#ff00ff' } },
    { id: 'test-lines', type: 'line', source: 'test-src' },
  ],
};

describe('pluggable basemap', () => {
  it('draws an external style under the Atlas overlay', async () => {
    const styleUrl = new URL('test-basemap/style.json', baseURL()).href;
    const a = await openAtlas(`?lang=zh&basemap=${encodeURIComponent(styleUrl)}`, {
      before: (page) => page.route(styleUrl, (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(externalStyle) })),
    });
    const layers = await a.page.evaluate(() => window.__atlas!.layers());
    expect(layers.slice(0, 2)).toEqual(['test-background', 'test-lines']);
    expect(layers).toContain('atlas-zones-fill');
    expect(layers).toContain('atlas-district-outline');
    expect(layers).not.toContain('atlas-background');
    const png = PNG.sync.read(await a.page.locator('[data-testid="map"]').screenshot({ path: 'test-results/basemap-external.png' }));
    let magenta = 0;
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i]! > 240 && png.data[i + 1]! < 20 && png.data[i + 2]! > 240) magenta++;
    expect(magenta / (png.data.length / 4)).toBeGreaterThan(0.3);
    // The overlay's Chinese district label still renders with the bundled font.
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-district-label'))).toContain('shijingshan');
    a.expectClean();
    await a.context.close();
  });

  it('falls back to the embedded basemap, and says so, when the style cannot be loaded', async () => {
    const a = await openAtlas(`?lang=en&basemap=${encodeURIComponent(new URL('no-such-style.json', baseURL()).href)}`, { locale: 'en-US' });
    await expect.poll(() => a.page.getByRole('status').innerText()).toMatch(/could not be loaded/);
    expect(await a.page.evaluate(() => window.__atlas!.layers())).toContain('atlas-background');
    // The 404 itself is the expected failure; nothing else may go wrong.
    expect(a.external).toEqual([]);
    expect(a.errors.filter((e) => !e.includes('404'))).toEqual([]);
    await a.context.close();
  });
});
