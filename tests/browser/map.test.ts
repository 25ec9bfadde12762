import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { closeBrowser, openAtlas, waitIdle } from './harness';

afterAll(closeBrowser);
mkdirSync('test-results', { recursive: true });

describe('the Atlas on its embedded data, offline', () => {
  it('reaches idle with no request leaving 127.0.0.1 and no page or console error', async () => {
    const a = await openAtlas('?lang=zh');
    expect(await a.page.evaluate(() => window.__atlas!.ready)).toBe(true);
    a.expectClean();
    await a.context.close();
  });

  it('draws the district fill and Chinese labels with the bundled font (screenshot)', async () => {
    const a = await openAtlas('?lang=zh');
    const woff2: string[] = [];
    a.page.on('request', (r) => r.url().endsWith('.woff2') && woff2.push(r.url()));
    const summary = await a.page.evaluate(() => window.__atlas!.styleSummary());
    expect(summary.glyphs).toBeNull();
    expect(summary.fontFaces).toEqual(['Noto Sans SC Regular']);
    // The district label is placed (symbol layers report only placed labels).
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-district-label'))).toContain('shijingshan');
    const shot = await a.page.locator('[data-testid="map"]').screenshot({ path: 'test-results/map-zh.png' });
    const png = PNG.sync.read(shot);
    // The district fill (#fbfaf5) covers a good share of the view, the neighbours' grey too.
    let fill = 0;
    let grey = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (Math.abs(r - 0xfb) <= 2 && Math.abs(g - 0xfa) <= 2 && Math.abs(b - 0xf5) <= 2) fill++;
      if (Math.abs(r - 0xe2) <= 2 && Math.abs(g - 0xe6) <= 2 && Math.abs(b - 0xeb) <= 2) grey++;
    }
    const n = png.data.length / 4;
    expect(fill / n).toBeGreaterThan(0.1);
    expect(grey / n).toBeGreaterThan(0.02);
    a.expectClean();
    await a.context.close();
  });

  it('shows the ODbL attribution, metric scale, navigation and fullscreen controls', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    const attrib = a.page.locator('.maplibregl-ctrl-attrib');
    await expect.poll(() => attrib.innerText()).toContain('© OpenStreetMap contributors, geoBoundaries');
    expect(await attrib.isVisible()).toBe(true);
    expect(await a.page.locator('.maplibregl-ctrl-scale').innerText()).toMatch(/\d+\s*(m|km)$/);
    expect(await a.page.getByRole('button', { name: 'Zoom in' }).isVisible()).toBe(true);
    expect(await a.page.getByRole('button', { name: 'Enter fullscreen' }).isVisible()).toBe(true);
    a.expectClean();
    await a.context.close();
  });

  it('localises MapLibre controls and the title in Chinese', async () => {
    const a = await openAtlas('?lang=zh');
    expect(await a.page.getByRole('button', { name: '放大' }).isVisible()).toBe(true);
    expect(await a.page.getByTestId('app-title').innerText()).toBe('石景山科创地图');
    await a.page.getByTestId('lang-toggle').click();
    await expect.poll(() => a.page.getByTestId('app-title').innerText()).toBe('Shijingshan Innovation Atlas');
    expect(await a.page.getByRole('button', { name: 'Zoom in' }).isVisible()).toBe(true);
    a.expectClean();
    await a.context.close();
  });

  it('keeps the camera around the district (maxBounds)', async () => {
    const a = await openAtlas('?lang=zh');
    // Drag the map far to the east many times: the centre must stay within the bounds.
    const box = (await a.page.locator('[data-testid="map"]').boundingBox())!;
    for (let i = 0; i < 4; i++) {
      await a.page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
      await a.page.mouse.down();
      await a.page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2, { steps: 5 });
      await a.page.mouse.up();
    }
    const cam = await a.page.evaluate(() => window.__atlas!.camera());
    expect(cam.center[0]).toBeLessThan(116.3 + 0.18);
    a.expectClean();
    await a.context.close();
  });

  it('names the streets along their lines at z15, over Shougang and over 实兴大街, in Chinese and in English (screenshots)', async () => {
    const streets = JSON.parse(readFileSync('geodata/streets.geojson', 'utf8')).features as { properties: { street?: string; name?: { zh: string; en: string } } }[];
    const nameOf = (key: string) => streets.find((f) => f.properties.street === key)!.properties.name!;
    const han = /\p{Script=Han}/u;
    for (const [place, c, key] of [['shougang', '116.155,39.915', 'beixinan-lu'], ['shixing', '116.185,39.936', 'shixing-dajie']] as const) {
      // Full resolution: these screenshots are looked at for the street names.
      const a = await openAtlas(`?lang=zh&c=${c},15,0,0`, { deviceScaleFactor: 1 });
      const labels = () => a.page.evaluate(() => window.__atlas!.renderedLabels('atlas-streets-label'));
      await waitIdle(a.page);
      // The labels MapLibre placed, as drawn: the named street among them, every one in Chinese.
      expect(await labels()).toContain(nameOf(key).zh);
      expect((await labels()).every((l) => han.test(l))).toBe(true);
      await a.page.locator('[data-testid="map"]').screenshot({ path: `test-results/streets-${place}-zh.png` });
      await a.page.getByTestId('lang-toggle').click();
      await expect.poll(labels).toContain(nameOf(key).en);
      expect((await labels()).some((l) => han.test(l))).toBe(false);
      await a.page.locator('[data-testid="map"]').screenshot({ path: `test-results/streets-${place}-en.png` });
      a.expectClean();
      await a.context.close();
    }
  });
});
