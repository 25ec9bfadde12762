import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import geographiclib from 'geographiclib-geodesic';
import type { Page } from 'playwright-core';
import { closeBrowser, openAtlas, waitIdle } from './harness';

afterAll(closeBrowser);

const WGS84 = geographiclib.Geodesic.WGS84;
const zonesFile = JSON.parse(readFileSync(new URL('../../geodata/zones.geojson', import.meta.url), 'utf8')) as {
  features: { properties: { id: string; name: { en: string } }; geometry: { type: string; coordinates: number[][][] | number[][][][] } | null }[];
};

/** Ellipsoidal area (GeographicLib, in the test process) of an Atlas zone version from geodata/. */
function geodataArea(id: string): number {
  const g = zonesFile.features.find((f) => f.properties.id === id)!.geometry!;
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as number[][][][];
  let total = 0;
  for (const poly of polys)
    poly.forEach((ring, i) => {
      const p = WGS84.Polygon(false);
      for (const q of ring.slice(0, -1)) p.AddPoint(q[1]!, q[0]!);
      const a = Math.abs(p.Compute(false, true).area ?? 0);
      total += i === 0 ? a : -a;
    });
  return total;
}

/** The map canvas's box on the page. */
async function mapBox(page: Page) {
  const box = await page.locator('.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  return box;
}

/** Metres per CSS pixel at the map centre (MapLibre: 512-px world at zoom 0, Web Mercator). */
async function metresPerPixel(page: Page): Promise<number> {
  const cam = await page.evaluate(() => window.__atlas!.camera());
  return (40_075_016.686 * Math.cos((cam.center[1] * Math.PI) / 180)) / (512 * 2 ** cam.zoom);
}

async function openDrawTools(page: Page) {
  await page.getByTestId('draw-polygon').click();
  await page.getByTestId('draw-undo').waitFor();
  // Snapping off: the test clicks exact pixels.
  await page.getByTestId('draw-snap').uncheck();
}

describe('draw a proposal', () => {
  it('clicks points, shows the live area ± band, closes on the first point, and undoes and redoes it', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US', viewport: { width: 1400, height: 900 } });
    // terra-draw is not loaded before the tools are opened.
    const scripts = () => a.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/draw-[^/]*\.js$/.test(n)));
    expect(await scripts()).toEqual([]);
    await openDrawTools(a.page);
    expect((await scripts()).length).toBe(1);

    const box = await mapBox(a.page);
    // A 200 × 150 px rectangle in the lower right part of the map, clear of the card.
    const x0 = box.x + box.width - 320;
    const y0 = box.y + box.height - 260;
    const pts: [number, number][] = [[x0, y0], [x0 + 200, y0], [x0 + 200, y0 + 150], [x0, y0 + 150]];
    for (const [x, y] of pts) await a.page.mouse.click(x, y);
    await a.page.mouse.move(x0 + 2, y0 + 150);
    await a.page.screenshot({ path: 'test-results/workbench-drawing.png' });
    const live = a.page.getByTestId('draw-area');
    await live.waitFor({ timeout: 5000 });
    await expect.poll(() => live.innerText()).toMatch(/±/);
    expect(await a.page.getByTestId('draw-perimeter').innerText()).toMatch(/\d/);

    // Close on the first point: a proposal like an opened file.
    a.page.setDefaultTimeout(10_000);
    await a.page.mouse.click(x0, y0);
    await a.page.screenshot({ path: 'test-results/workbench-closed.png' });
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposals().length)).toBe(1);
    const [p] = await a.page.evaluate(() => window.__atlas!.proposals());
    expect(p!.name).toBe('Sketch 1');
    // The area against the pixels clicked: 200 × 150 px at the map's scale (Web Mercator, ±2 %).
    const m = await metresPerPixel(a.page);
    expect(Math.abs(p!.area_m2 / (200 * 150 * m * m) - 1)).toBeLessThan(0.02);
    await expect.poll(() => a.page.getByTestId('card-title').innerText()).toBe('Sketch 1');
    expect(await a.page.getByTestId('card-area').innerText()).toMatch(/±/);
    expect(await a.page.getByTestId('place-list').innerText()).toContain('Sketch 1');
    await a.page.screenshot({ path: 'test-results/workbench-draw.png' });

    // Ctrl+Z removes it again; the Redo button brings it back.
    await a.page.keyboard.press('Control+z');
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposals().length)).toBe(0);
    expect(await a.page.getByTestId('place-list').innerText()).not.toContain('Sketch 1');
    await a.page.getByTestId('draw-redo').click();
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposals().length)).toBe(1);
    // Closing the tools keeps the proposal (and unloads nothing the app still needs).
    await a.page.getByTestId('draw-close').click();
    expect(await a.page.evaluate(() => window.__atlas!.proposals().length)).toBe(1);
    expect(await a.page.getByTestId('place-list').innerText()).toContain('Sketch 1');
    a.expectClean();
    await a.context.close();
  });

  it('is keyboard-operable: arrows move the map, Space adds a point at the centre cross, Enter closes', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    await openDrawTools(a.page);
    await a.page.getByTestId('draw-crosshair').waitFor();
    await a.page.locator('.maplibregl-canvas').focus();
    const moves = ['ArrowRight', 'ArrowDown', 'ArrowLeft'];
    await a.page.keyboard.press('Space');
    for (const k of moves) {
      for (let i = 0; i < 3; i++) await a.page.keyboard.press(k);
      await waitIdle(a.page);
      await a.page.keyboard.press('Space');
    }
    await expect.poll(() => a.page.getByTestId('draw-area').innerText()).toMatch(/±/);
    await a.page.keyboard.press('Enter');
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposals().length)).toBe(1);
    expect((await a.page.evaluate(() => window.__atlas!.proposals()))[0]!.area_m2).toBeGreaterThan(0);
    a.expectClean();
    await a.context.close();
  });
});

describe('a proposal beside the official version it is attached to', () => {
  it('keeps the official version in the picker, the list and the before/after block, and compares them', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US', viewport: { width: 1400, height: 900 } });
    await a.page.getByTestId('draw-attach').selectOption('zgc-sjs-park|after');
    await openDrawTools(a.page);
    const box = await mapBox(a.page);
    const x0 = box.x + box.width - 320;
    const y0 = box.y + box.height - 260;
    for (const [x, y] of [[x0, y0], [x0 + 160, y0 + 10], [x0 + 120, y0 + 140]] as [number, number][]) await a.page.mouse.click(x, y);
    await a.page.keyboard.press('Enter');
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposals().length)).toBe(1);
    const [p] = await a.page.evaluate(() => window.__atlas!.proposals());
    expect(p!.name).toBe('My version of Zhongguancun Shijingshan Park, after the adjustment');
    expect(p!.attachedTo).toBe('zgc-sjs-park:after');

    // The card says what it is for; the official version is untouched everywhere.
    expect(await a.page.getByTestId('card-attached').innerText()).toBe('Proposal for Zhongguancun Shijingshan Park · after the adjustment');
    expect(await a.page.getByTestId('version-zgc-sjs-park-after').count()).toBe(1);
    const list = await a.page.getByTestId('place-list').innerText();
    expect(list).toContain('Zhongguancun Shijingshan Park');
    expect(list).toContain('My version of Zhongguancun Shijingshan Park');

    // Compare: the official version left, the proposal right, in the URL.
    await a.page.getByTestId('card-compare').first().click();
    await expect.poll(() => new URL(a.page.url()).searchParams.get('cmp')).toBe(`zgc-sjs-park-after,${p!.id},0.5`);
    const head = await a.page.getByTestId('compare-table').locator('thead').innerText();
    expect(head).toContain('Zhongguancun Shijingshan Park · after the adjustment');
    expect(head).toContain('My version of Zhongguancun Shijingshan Park');
    await expect.poll(() => a.page.getByTestId('compare-area-b').innerText()).toMatch(/±/);

    await a.page.getByTestId('tab-audit').click();
    await a.page.getByTestId('audit-summary').waitFor();
    expect(await a.page.getByTestId('audit-expansion-zgc-sjs-park').locator('h3').innerText()).toContain('Zhongguancun Shijingshan Park');
    a.expectClean();
    await a.context.close();
  });
});

describe('compare two versions with the swipe divider', () => {
  it('moves the divider with ← → Home End, clips both sides on one map, keeps it in the URL', async () => {
    const a = await openAtlas('?lang=en&cmp=zgc-sjs-park-before,zgc-sjs-park-after,0.5', { locale: 'en-US', viewport: { width: 1400, height: 900 } });
    expect(await a.page.locator('.maplibregl-canvas').count()).toBe(1);
    const divider = a.page.getByTestId('compare-divider');
    await divider.waitFor();
    expect(await divider.getAttribute('aria-valuenow')).toBe('50');
    await divider.focus();
    for (let i = 0; i < 5; i++) await a.page.keyboard.press('ArrowLeft');
    expect(await divider.getAttribute('aria-valuenow')).toBe('40');
    await expect.poll(() => new URL(a.page.url()).searchParams.get('cmp')).toBe('zgc-sjs-park-before,zgc-sjs-park-after,0.4');
    await a.page.keyboard.press('ArrowRight');
    expect(await divider.getAttribute('aria-valuenow')).toBe('42');
    await waitIdle(a.page);
    await a.page.screenshot({ path: 'test-results/workbench-compare.png' });

    // Frame the park, then: End leaves only the left geometry, Home only the right one.
    await a.page.evaluate(() => window.__atlas!.whenIdle());
    await a.page.keyboard.press('End');
    await waitIdle(a.page);
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-compare-fill'))).toEqual(['a']);
    await a.page.keyboard.press('Home');
    await waitIdle(a.page);
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-compare-fill'))).toEqual(['b']);

    // The table: both areas with their band, land added / removed / kept, stations within 800 m.
    for (const id of ['compare-area-a', 'compare-area-b', 'compare-net']) expect(await a.page.getByTestId(id).innerText()).toMatch(/\d.*±/);
    for (const id of ['compare-added', 'compare-removed', 'compare-kept']) expect(await a.page.getByTestId(id).innerText()).toMatch(/\d/);
    expect(await a.page.getByTestId('compare-table').innerText()).toContain('Metro stations within 800 m');

    // A reload opens the same comparison.
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.savesPending())).toBe(0);
    await a.page.reload();
    await a.page.waitForFunction(() => window.__atlas?.ready === true);
    expect(await a.page.getByTestId('compare-divider').getAttribute('aria-valuenow')).toBe('0');
    a.expectClean();
    await a.context.close();
  });
});

describe('export then import through the app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-export-'));
  for (const [format, ext] of [['geojson', 'geojson'], ['kml', 'kml'], ['shp', 'zip']] as const)
    it(`${format}: an Atlas zone comes back with the same ellipsoidal area (1e-6) and its attribution`, async () => {
      const a = await openAtlas('?lang=en&sel=zone:shougang-park', { locale: 'en-US' });
      await a.page.getByTestId(`export-zone-${format}`).waitFor();
      const [dl] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId(`export-zone-${format}`).click()]);
      expect(dl.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`));
      const path = join(dir, dl.suggestedFilename());
      await dl.saveAs(path);
      if (format !== 'shp') expect(readFileSync(path, 'utf8')).toContain('OpenStreetMap contributors, geoBoundaries');
      await a.page.getByTestId('file-input').setInputFiles(path);
      await expect.poll(() => a.page.evaluate(() => window.__atlas!.proposals().length)).toBe(1);
      const [p] = await a.page.evaluate(() => window.__atlas!.proposals());
      const want = geodataArea('shougang-park');
      expect(Math.abs(p!.area_m2 - want) / want).toBeLessThan(1e-6);
      expect(p!.name).toBe(zonesFile.features.find((f) => f.properties.id === 'shougang-park')!.properties.name.en);
      a.expectClean();
      await a.context.close();
    });
});

describe('the audit as a report', () => {
  it('at 1400×900 shows names, verdicts without scrolling sideways, and right-aligned numbers', async () => {
    const a = await openAtlas('?lang=zh&tab=audit', { locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    await a.page.getByTestId('audit-summary').waitFor();
    const text = await a.page.getByTestId('audit-panel').innerText();
    expect(text).toContain('中关村石景山园 · 调整前');
    expect(text).not.toContain('zgc-sjs-park-before');
    expect(text).not.toContain('位于shijingshan内');
    for (const table of ['audit-table-claims', 'audit-table-zones']) {
      const t = a.page.getByTestId(table);
      // No horizontal scroll, and the last column (verdict / reason) inside the panel.
      const fits = await t.evaluate((el) => {
        const wrap = el.parentElement!;
        const panel = el.closest('aside')!.getBoundingClientRect();
        const last = el.querySelector('thead th:last-child')!.getBoundingClientRect();
        return { scroll: wrap.scrollWidth <= wrap.clientWidth + 1, inside: last.right <= panel.right + 1 };
      });
      expect(fits, table).toEqual({ scroll: true, inside: true });
    }
    const verdict = await a.page.getByTestId('audit-table-claims').locator('thead th', { hasText: '结论' }).count();
    expect(verdict).toBe(1);
    const align = await a.page.getByTestId('audit-table-zones').locator('tbody td.num').first().evaluate((el) => getComputedStyle(el).textAlign);
    expect(align).toBe('right');
    await a.page.screenshot({ path: 'test-results/workbench-audit-report.png' });
    a.expectClean();
    await a.context.close();
  });
});
