/**
 * Issue #19: the kiosk frames its views in the space that is free on screen, in portrait
 * (1080 × 1920) and landscape (1920 × 1080): the full height under the title band when no story
 * card is shown, the space beside or above the cards when they are (the tour bar, which comes and
 * goes with the tour, lies over the map's edge and is not counted). Measured
 * as the empty margin between the framed extent on screen and the free map area. The idle and
 * step timers run on Playwright's clock (harness.ts, installClock): fast-forwarded, not waited for.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { bbox as turfBbox } from '@turf/turf';
import type { Page } from 'playwright-core';
import { closeBrowser, openAtlas, waitIdle, type AtlasPage } from './harness';

afterAll(closeBrowser);
mkdirSync('test-results', { recursive: true });

const pages: AtlasPage[] = [];
afterEach(async () => {
  for (const a of pages.splice(0)) await a.context.close().catch(() => undefined);
});

type Rect = { left: number; top: number; right: number; bottom: number };
type Box = [number, number, number, number];

const district = JSON.parse(readFileSync('geodata/districts.geojson', 'utf8')).features.find((f: { properties: { id: string } }) => f.properties.id === 'shijingshan');
const districtBox = turfBbox(district) as Box;

/** The map, the layout's overlays (title band, cards, list of places) and a box on screen, px. */
function onScreen(page: Page, box: Box) {
  return page.evaluate((b) => {
    const plain = (r: DOMRect): Rect => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const map = plain(document.querySelector('[data-testid="map"]')!.getBoundingClientRect());
    const overlays = ['header.band', '[data-testid="kiosk-cards"]', '[data-testid="kiosk-places-panel"]']
      .map((q) => document.querySelector(q))
      .filter((e): e is Element => e !== null)
      .map((e) => plain(e.getBoundingClientRect()));
    const [x0, y0] = window.__atlas!.project([b[0], b[3]]);
    const [x1, y1] = window.__atlas!.project([b[2], b[1]]);
    return { map, overlays, extent: { left: map.left + x0, top: map.top + y0, right: map.left + x1, bottom: map.top + y1 } };
  }, box);
}

/**
 * The free map area: the map less every overlay, each taking the edge it lies along (a band
 * across the screen takes the top or bottom it is nearer to, a column the left or right).
 */
function freeArea(map: Rect, overlays: Rect[]): Rect {
  const f = { ...map };
  for (const o of overlays) {
    if (o.right - o.left >= o.bottom - o.top) {
      if ((o.top + o.bottom) / 2 < (map.top + map.bottom) / 2) f.top = Math.max(f.top, o.bottom);
      else f.bottom = Math.min(f.bottom, o.top);
    } else if ((o.left + o.right) / 2 < (map.left + map.right) / 2) f.left = Math.max(f.left, o.right);
    else f.right = Math.min(f.right, o.left);
  }
  return f;
}

/**
 * The framed extent fills the free area: inside it, centred in it, filling at least 85 % of it
 * across its tighter dimension, and leaving at most a quarter of the free height below it.
 */
async function expectFilled(page: Page, box: Box, what: string) {
  const { map, overlays, extent: e } = await onScreen(page, box);
  const f = freeArea(map, overlays);
  const W = f.right - f.left;
  const H = f.bottom - f.top;
  const report = `${what}: extent ${JSON.stringify(e)} in free area ${JSON.stringify(f)}`;
  const tol = 2;
  expect(e.left, report).toBeGreaterThanOrEqual(f.left - tol);
  expect(e.right, report).toBeLessThanOrEqual(f.right + tol);
  expect(e.top, report).toBeGreaterThanOrEqual(f.top - tol);
  expect(e.bottom, report).toBeLessThanOrEqual(f.bottom + tol);
  expect(Math.max((e.right - e.left) / W, (e.bottom - e.top) / H), report).toBeGreaterThanOrEqual(0.85);
  expect(Math.abs((e.left + e.right) / 2 - (f.left + f.right) / 2) / W, report).toBeLessThanOrEqual(0.05);
  expect(Math.abs((e.top + e.bottom) / 2 - (f.top + f.bottom) / 2) / H, report).toBeLessThanOrEqual(0.05);
  expect((f.bottom - e.bottom) / H, `${report}: share of the free height left below`).toBeLessThanOrEqual(0.25);
  return { free: f, extent: e };
}

const kiosk = (a: AtlasPage) => a.page.evaluate(() => window.__atlas!.kiosk()!);

for (const [name, viewport] of [
  ['portrait', { width: 1080, height: 1920 }],
  ['landscape', { width: 1920, height: 1080 }],
] as const)
  describe(`kiosk framing in ${name} (${viewport.width} × ${viewport.height})`, () => {
    it('fills the free map area at the opening view, before and during the tour, and at every tour stop', async () => {
      const IDLE_S = 60;
      const STEP_S = 60;
      const a = await openAtlas(`?kiosk&lang=zh&idle=${IDLE_S}&step=${STEP_S}`, { viewport, reducedMotion: 'reduce', clock: true });
      pages.push(a);
      await waitIdle(a.page);
      // Opening view at start-up: no card: the full height under the title band.
      expect(await a.page.getByTestId('story-card').count()).toBe(0);
      const start = await expectFilled(a.page, districtBox, 'opening view at start-up');
      const startCamera = await a.page.evaluate(() => window.__atlas!.camera());
      const header = (await a.page.locator('header.band').boundingBox())!;
      expect(start.free.top).toBeCloseTo(header.y + header.height, 0);
      expect(start.free.bottom).toBe(viewport.height);

      // Nobody touches: the tour starts at the opening view, with its bar.
      await a.page.clock.fastForward(IDLE_S * 1000 + 500);
      await expect.poll(async () => (await kiosk(a)).stop).toBe('opening');
      await waitIdle(a.page);
      await expectFilled(a.page, districtBox, 'opening stop of the tour');
      // The same view as at start-up: the tour starts without moving the map.
      const tourCamera = await a.page.evaluate(() => window.__atlas!.camera());
      expect(tourCamera.zoom).toBeCloseTo(startCamera.zoom, 2);
      expect(tourCamera.center[0]).toBeCloseTo(startCamera.center[0], 4);
      expect(tourCamera.center[1]).toBeCloseTo(startCamera.center[1], 4);
      await a.page.screenshot({ path: `test-results/kiosk-${name}-opening.png` });

      // Every zone stop, with its cards.
      const { stops } = await kiosk(a);
      let shot = false;
      for (let i = 1; i < stops.length; i++) {
        await a.page.clock.fastForward(STEP_S * 1000 + 500);
        await expect.poll(async () => (await kiosk(a)).step).toBe(i);
        const k = await kiosk(a);
        if (!k.stopBox) continue;
        await a.page.getByTestId('story-card').first().waitFor();
        await waitIdle(a.page);
        await expectFilled(a.page, k.stopBox, `stop ${k.stop}`);
        if (!shot) await a.page.screenshot({ path: `test-results/kiosk-${name}-stop.png` });
        shot = true;
      }
      expect(shot, 'the tour has a zone stop').toBe(true);
      a.expectClean();
    }, 180_000);
  });
