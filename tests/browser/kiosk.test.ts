import { afterAll, afterEach, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { closeBrowser, openAtlas, waitIdle, type AtlasPage } from './harness';

afterAll(closeBrowser);

// A kiosk page keeps touring until closed: close every page of a test, also when it failed, so a
// failure does not slow down the tests after it.
const pages: AtlasPage[] = [];
afterEach(async () => {
  for (const a of pages.splice(0)) await a.context.close().catch(() => undefined);
});
async function open(path: string, opts: Parameters<typeof openAtlas>[1] = {}): Promise<AtlasPage> {
  const a = await openAtlas(path, opts);
  pages.push(a);
  return a;
}
/**
 * Moves the page's clock on by `s` seconds (and a little), firing the timers due meanwhile: the
 * kiosk's idle, countdown, tour-step and self-heal timers are fast-forwarded, not waited for
 * (pages opened with `clock: true`, see harness.ts).
 */
const fastForward = (a: AtlasPage, s: number) => a.page.clock.fastForward(s * 1000 + 100);

const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };
const kiosk = (a: AtlasPage) => a.page.evaluate(() => window.__atlas!.kiosk()!);
const selection = (a: AtlasPage) => a.page.evaluate(() => window.__atlas!.selection());

/** Visible buttons and inputs smaller than 48 × 48 px. */
const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const els = [...document.querySelectorAll<HTMLElement>('button, select, input, [role="tab"], [role="option"], label:has(input)')];
    return els
      .filter((e) => e.offsetParent !== null && !e.closest('dialog:not([open])'))
      .map((e) => ({ e: e.getAttribute('data-testid') ?? e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 20), r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.width < 48 || r.height < 48))
      .map(({ e, r }) => `${e}: ${Math.round(r.width)}×${Math.round(r.height)}`);
  });

/** Font sizes (px) of every element inside `selector` that holds text of its own. */
const textSizes = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const out: { text: string; px: number }[] = [];
    for (const root of document.querySelectorAll(sel))
      for (const el of [root, ...root.querySelectorAll('*')]) {
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()).map((n) => n.textContent!.trim()).join(' ');
        if (own) out.push({ text: own.slice(0, 30), px: parseFloat(getComputedStyle(el).fontSize) });
      }
    return out;
  }, selector);

/** Dispatches a cancelable event on an element and says whether the page prevented it. */
const prevented = (page: Page, selector: string, type: 'contextmenu' | 'selectstart' | 'wheel') =>
  page.evaluate(
    ([sel, t]) => {
      const el = document.querySelector(sel)!;
      const e = t === 'wheel' ? new WheelEvent('wheel', { ctrlKey: true, deltaY: -100, bubbles: true, cancelable: true }) : new MouseEvent(t, { bubbles: true, cancelable: true });
      el.dispatchEvent(e);
      return e.defaultPrevented;
    },
    [selector, type] as const,
  );

describe('kiosk presentation layout', () => {
  it('opens with the bare ?kiosk parameter (and with kiosk=1), without explorer tools', async () => {
    for (const q of ['?kiosk&lang=zh', '?kiosk=1&lang=zh']) {
      const a = await open(q, { viewport: LANDSCAPE });
      await a.page.getByTestId('kiosk-layout').waitFor();
      const title = await a.page.getByTestId('app-title').innerText();
      expect(title).toContain('石景山科创地图');
      expect(title).toContain('Shijingshan Innovation Atlas');
      // No filters, version pickers, file actions, print, or the explorer's panel.
      for (const id of ['filters', 'versions', 'file-open', 'place-list', 'share-export']) expect(await a.page.getByTestId(id).count(), id).toBe(0);
      expect(await a.page.getByRole('button', { name: /打印|Print/ }).count()).toBe(0);
      // The address bar keeps the kiosk's set-up, so a reload stays a kiosk.
      expect(await a.page.evaluate(() => new URLSearchParams(location.search).has('kiosk'))).toBe(true);
      a.expectClean();
      await a.context.close();
    }
  });

  it('shows one large bilingual story card per zone or place, Chinese above English', async () => {
    // Reduced motion: each pick frames its place in one jump instead of an 800 ms flight, which
    // this test does not look at (the tour test and kiosk-framing.test.ts check the framing).
    const a = await open('?kiosk&lang=zh', { viewport: LANDSCAPE, reducedMotion: 'reduce' });
    await a.page.getByTestId('kiosk-places').click();
    const items = await a.page.getByTestId('kiosk-place-list').locator('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-testid')!));
    // Every zone and place of the data is in the list (read from the data through the app's own counts).
    const expected = await a.page.evaluate(() => window.__atlas!.kiosk()!.stops.length);
    expect(items.length).toBeGreaterThan(expected - 2);
    let wide = 0;
    for (const id of items) {
      // A mouse click on the button, without Playwright's wait for two unchanged frames first
      // (about 0.5 s of SwiftShader drawing per pick at 1080p): the card that opens must be the
      // picked place's, so a covered or dead button still fails.
      await a.page.getByTestId(id).click({ force: true });
      const card = a.page.getByTestId('story-card');
      await card.waitFor();
      expect(await card.count()).toBe(1);
      expect(await card.getAttribute('data-id')).toBe(id.replace(/^kiosk-place-(zone|point)-/, '$1:'));
      // zh name above the en name.
      const zh = await card.locator('h2 [lang="zh-Hans"]').boundingBox();
      const en = await card.locator('h2 [lang="en"]').boundingBox();
      expect(zh!.y + zh!.height, id).toBeLessThanOrEqual(en!.y + 1);
      // Body text at least 28 px at 1080p.
      const small = (await textSizes(a.page, '[data-testid="story-card"]')).filter((t) => t.px < 28);
      expect(small, id).toEqual([]);
      await expect.poll(() => card.getByTestId('story-provenance').isVisible()).toBe(true);
      if (id.startsWith('kiosk-place-zone-')) {
        const measured = card.getByTestId('story-measured');
        const kind = await measured.getAttribute('data-kind');
        const text = await measured.innerText();
        // Where the band is wide the measured area is a range, a bound or "≈ value ± band", never "0 ± 3".
        if (kind !== 'band' && kind !== 'approx') expect(text, id).not.toContain('±');
        expect(text, id).not.toMatch(/(^|[^\d.])0 (±|平方公里|公顷)/);
        if (kind === 'range' || kind === 'approx' || kind === 'at-most' || kind === 'at-least') {
          wide++;
          expect(parseFloat(await measured.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(48);
        }
        // A stated figure, when the data has one, stands beside the measured one (same block, big type).
        const stated = card.getByTestId('story-area').getByTestId('story-stated');
        for (const px of await stated.evaluateAll((es) => es.map((e) => parseFloat(getComputedStyle(e).fontSize)))) expect(px).toBeGreaterThanOrEqual(48);
      }
    }
    expect(wide, 'zones with a wide band shown as a range or bound').toBeGreaterThan(0);
    await a.page.screenshot({ path: 'test-results/kiosk-card.png' });
    a.expectClean();
    await a.context.close();
  }, 240_000);

  it('shares only a QR code', async () => {
    const a = await open('?kiosk&lang=zh&sel=zone:shougang-park', { viewport: LANDSCAPE });
    await a.page.getByTestId('share-button').click();
    await a.page.getByTestId('share-qr').waitFor();
    for (const id of ['share-link', 'share-copy', 'share-export']) expect(await a.page.getByTestId(id).count(), id).toBe(0);
    expect((await a.page.getByTestId('share-qr').boundingBox())!.width).toBeGreaterThanOrEqual(300);
    a.expectClean();
    await a.context.close();
  });

  it('blocks the context menu, text selection and page zoom everywhere', async () => {
    const a = await open('?kiosk&lang=zh&sel=zone:shougang-park', { viewport: LANDSCAPE });
    await a.page.getByTestId('story-card').waitFor();
    for (const sel of ['[data-testid="app-title"]', '[data-testid="story-card"] h2', '[data-testid="map"]', 'body'])
      for (const type of ['contextmenu', 'selectstart', 'wheel'] as const) expect(await prevented(a.page, sel, type), `${type} on ${sel}`).toBe(true);
    expect(await a.page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="story-card"]')!).userSelect)).toBe('none');
    a.expectClean();
    await a.context.close();
  });
});

describe('kiosk attract loop', () => {
  it('is built from the data: opening view, each distinct zone view with its cards, key figures, back', async () => {
    // idle longer than a step: a touch on pause arms the idle countdown again (someone was here).
    const IDLE_S = 120;
    const STEP_S = 30;
    const a = await open(`?kiosk&lang=zh&idle=${IDLE_S}&step=${STEP_S}`, { viewport: LANDSCAPE, reducedMotion: 'reduce', clock: true });
    await fastForward(a, IDLE_S);
    await expect.poll(async () => (await kiosk(a)).touring).toBe(true);
    const { stops } = await kiosk(a);
    expect(stops[0]).toBe('opening');
    expect(stops.at(-1)).toBe('figures');
    const zoneStops = stops.filter((s) => s.startsWith('zones:'));
    expect(zoneStops.length).toBeGreaterThan(0);
    // Every zone appears in one stop only.
    const zones = zoneStops.flatMap((s) => s.slice(6).split('+'));
    expect(new Set(zones).size).toBe(zones.length);
    // Touching the pause button keeps the tour (controls exist only while touring) and stops it moving.
    await a.page.getByTestId('kiosk-pause').click();
    expect((await kiosk(a)).paused).toBe(true);
    const cams: { stop: string; zoom: number; center: [number, number] }[] = [];
    for (let i = 0; i < stops.length; i++) {
      const k = await kiosk(a);
      await waitIdle(a.page);
      const cam = await a.page.evaluate(() => window.__atlas!.camera());
      cams.push({ stop: k.stop!, zoom: cam.zoom, center: cam.center });
      if (k.stop!.startsWith('zones:')) {
        const ids = k.stop!.slice(6).split('+');
        // One card per zone of the stop.
        const cards = await a.page.getByTestId('story-card').evaluateAll((cs) => cs.map((c) => c.getAttribute('data-id')));
        expect(cards).toEqual(ids.map((z) => `zone:${z}`));
        // Framed with room: not closer than a few kilometres (zoom ≤ 15 at this size), and the
        // zone is on screen with some of its surroundings (metro, labels or other zones).
        expect(cam.zoom, k.stop!).toBeLessThanOrEqual(15);
        const drawn = await a.page.evaluate(() => window.__atlas!.rendered('atlas-zones-fill').concat(window.__atlas!.rendered('atlas-zones-envelope'), window.__atlas!.rendered('atlas-zones-outline')));
        expect(drawn.length, k.stop!).toBeGreaterThan(0);
        const context = await a.page.evaluate(() => window.__atlas!.layers().filter((l) => !l.startsWith('atlas-zones')).flatMap((l) => window.__atlas!.rendered(l)));
        expect(context.length, `${k.stop}: neighbours on screen`).toBeGreaterThan(0);
      }
      if (k.stop === 'figures') {
        const figs = a.page.getByTestId('kiosk-figures');
        expect(await figs.isVisible()).toBe(true);
        const big = await figs.locator('.big').evaluateAll((es) => es.map((e) => parseFloat(getComputedStyle(e).fontSize)));
        expect(big.length).toBeGreaterThan(0);
        for (const px of big) expect(px).toBeGreaterThanOrEqual(56);
        await a.page.screenshot({ path: 'test-results/kiosk-figures.png' });
      }
      // Step on by resuming briefly (paused, the tour stays where it is). The button was clicked
      // as a user would above; here without the wait for two still frames of the map (kiosk state
      // says whether each click landed).
      await a.page.getByTestId('kiosk-pause').click({ force: true });
      await fastForward(a, STEP_S);
      await expect.poll(async () => (await kiosk(a)).stop).not.toBe(k.stop);
      await a.page.getByTestId('kiosk-pause').click({ force: true });
      expect((await kiosk(a)).paused).toBe(true);
    }
    // Distinct views: no two zone stops share a camera.
    const zc = cams.filter((c) => c.stop.startsWith('zones:'));
    for (let i = 0; i < zc.length; i++)
      for (let j = i + 1; j < zc.length; j++) {
        const same = Math.abs(zc[i]!.zoom - zc[j]!.zoom) < 0.3 && Math.hypot(zc[i]!.center[0] - zc[j]!.center[0], zc[i]!.center[1] - zc[j]!.center[1]) < 0.003;
        expect(same, `${zc[i]!.stop} and ${zc[j]!.stop} frame the same view`).toBe(false);
      }
    a.expectClean();
    await a.context.close();
  }, 240_000);

  it('shows tour controls only while touring', async () => {
    const a = await open('?kiosk&lang=zh&idle=60&step=60', { viewport: LANDSCAPE, clock: true });
    await fastForward(a, 60);
    await a.page.getByTestId('kiosk-pause').waitFor();
    expect(await a.page.getByTestId('kiosk-bar').count()).toBe(1);
    // A touch on the map ends the tour, and its controls go with it.
    await a.page.locator('[data-testid="map"]').click({ position: { x: 400, y: 600 } });
    expect(await a.page.getByTestId('kiosk-pause').count()).toBe(0);
    expect(await a.page.getByTestId('kiosk-bar').count()).toBe(0);
    a.expectClean();
    await a.context.close();
  });
});

describe('kiosk idle countdown and reset', () => {
  it('counts down "轻触继续 / Touch to continue" for 10 s; a touch cancels it and keeps the view', async () => {
    const a = await open('?kiosk&lang=zh&idle=60', { viewport: LANDSCAPE, clock: true });
    await a.page.getByTestId('kiosk-places').click();
    await a.page.getByTestId('kiosk-place-zone-shougang-park').click();
    const overlay = a.page.getByTestId('kiosk-countdown');
    expect(await overlay.count()).toBe(0);
    await fastForward(a, 60);
    await overlay.waitFor();
    const text = await overlay.innerText();
    expect(text).toContain('轻触继续');
    expect(text).toContain('Touch to continue');
    // 10 s, counting down (the clock also runs in real time: a busy machine may add a second or two).
    const left = (await kiosk(a)).remaining;
    expect(left).toBeGreaterThanOrEqual(7);
    expect(left).toBeLessThanOrEqual(10);
    await fastForward(a, 4);
    const later = await kiosk(a);
    expect(later.remaining).toBeLessThanOrEqual(left - 4);
    expect(later.mode).toBe('countdown');
    await a.page.mouse.click(960, 540);
    await overlay.waitFor({ state: 'detached' });
    expect((await kiosk(a)).mode).toBe('visitor');
    expect(await selection(a)).toBe('zone:shougang-park');
    a.expectClean();
    await a.context.close();
  });

  it('then resets everything a visitor can change: language, selection, camera, dialogs, search, lists, scroll', async () => {
    // With motion: the visitor switches it off, and the reset brings it back and flies home.
    const a = await open('?kiosk&lang=zh&idle=60&countdown=2&step=60', { viewport: LANDSCAPE, clock: true, reducedMotion: 'no-preference' });
    await waitIdle(a.page);
    const opening = await a.page.evaluate(() => window.__atlas!.camera());
    // A visitor: English, reduced motion, a place from the list, a search left open, the list scrolled, the map moved.
    await a.page.getByTestId('lang-toggle').click();
    await a.page.getByTestId('kiosk-motion').click();
    await a.page.getByTestId('kiosk-places').click();
    await a.page.getByTestId('kiosk-place-zone-shougang-park').click();
    await waitIdle(a.page);
    await a.page.getByTestId('search-input').fill('shougang');
    await a.page.getByTestId('search-results').waitFor();
    await a.page.getByTestId('kiosk-place-list').evaluate((e) => e.scrollTo(0, 200));
    await a.page.getByTestId('story-card').locator('..').evaluate((e) => e.scrollTo(0, 300));
    await a.page.mouse.move(600, 700);
    await a.page.mouse.down();
    await a.page.mouse.move(500, 600, { steps: 5 });
    await a.page.mouse.up();
    expect(await a.page.evaluate(() => window.__atlas!.lang)).toBe('en');
    // Walks away: countdown, then everything back.
    expect(await a.page.getByTestId('kiosk-countdown').count()).toBe(0);
    await fastForward(a, 60);
    await a.page.getByTestId('kiosk-countdown').waitFor();
    await fastForward(a, 2);
    await expect.poll(async () => (await kiosk(a)).resets).toBe(1);
    // The camera flies back to the opening view (its flight fast-forwarded).
    await fastForward(a, 2);
    await expect
      .poll(
        async () => {
          const c = await a.page.evaluate(() => window.__atlas!.camera());
          const ok = Math.abs(c.zoom - opening.zoom) < 0.3 && Math.hypot(c.center[0] - opening.center[0], c.center[1] - opening.center[1]) < 0.01;
          return ok || JSON.stringify({ opening, now: c });
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(await a.page.evaluate(() => window.__atlas!.lang)).toBe('zh');
    expect(await selection(a)).toBe(null);
    expect(await a.page.getByTestId('kiosk-motion').getAttribute('aria-pressed')).toBe('false');
    expect(await a.page.getByTestId('kiosk-places-panel').count()).toBe(0);
    expect(await a.page.getByTestId('story-card').count()).toBe(0);
    // The next visitor opens the list: no text, no results, scrolled to the top.
    await a.page.getByTestId('kiosk-places').click();
    expect(await a.page.getByTestId('search-input').inputValue()).toBe('');
    expect(await a.page.getByTestId('search-results').count()).toBe(0);
    expect(await a.page.getByTestId('kiosk-place-list').evaluate((e) => e.scrollTop)).toBe(0);
    a.expectClean();
    await a.context.close();
  }, 150_000);

  it('closes an open share dialog at the reset', async () => {
    const a = await open('?kiosk&lang=zh&idle=60&countdown=10&step=60', { viewport: LANDSCAPE, clock: true });
    await a.page.getByTestId('share-button').click();
    await a.page.getByTestId('share-qr').waitFor();
    await fastForward(a, 60);
    await a.page.getByTestId('kiosk-countdown').waitFor();
    await fastForward(a, 10);
    await expect.poll(async () => (await kiosk(a)).resets).toBe(1);
    expect(await a.page.getByTestId('share-dialog').evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    a.expectClean();
    await a.context.close();
  });
});

describe('kiosk touch targets and accessibility in both orientations', () => {
  for (const [name, viewport] of [
    ['landscape', LANDSCAPE],
    ['portrait', PORTRAIT],
  ] as const) {
    it(`${name}: targets ≥ 48 px, axe clean, while touring and with the list open`, async () => {
      const a = await open('?kiosk&lang=zh&idle=60&step=60', { viewport, clock: true });
      await fastForward(a, 60);
      await expect.poll(async () => (await kiosk(a)).touring).toBe(true);
      expect(await smallTargets(a.page)).toEqual([]);
      // The tour bar leaves the zoom buttons free (in portrait both sit under the title band).
      const bar = (await a.page.getByTestId('kiosk-bar').boundingBox())!;
      const zoom = (await a.page.locator('.maplibregl-ctrl-zoom-in').boundingBox())!;
      const apart = zoom.y >= bar.y + bar.height || zoom.y + zoom.height <= bar.y || zoom.x >= bar.x + bar.width || zoom.x + zoom.width <= bar.x;
      expect(apart, `zoom button ${JSON.stringify(zoom)} under the tour bar ${JSON.stringify(bar)}`).toBe(true);
      const axe = async () => {
        const r = await new AxeBuilder({ page: a.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.maplibregl-canvas').analyze();
        return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      };
      expect(await axe()).toEqual([]);
      // A visitor: a card and the list of places.
      await a.page.getByTestId('kiosk-places').click();
      await a.page.getByTestId('kiosk-place-zone-shougang-park').click();
      if (name === 'portrait') await a.page.getByTestId('kiosk-places').click();
      await a.page.getByTestId('story-card').waitFor();
      expect(await smallTargets(a.page)).toEqual([]);
      expect(await axe()).toEqual([]);
      // No label wraps one character per line: every button is wider than tall.
      const narrow = await a.page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-testid="kiosk-layout"] button')].filter((b) => b.offsetParent && b.getBoundingClientRect().height > 2 * b.getBoundingClientRect().width).map((b) => b.textContent),
      );
      expect(narrow).toEqual([]);
      // Nothing links off the kiosk.
      const links = await a.page.evaluate(() => [...document.querySelectorAll('a[href]')].map((l) => (l as HTMLAnchorElement).href).filter((h) => new URL(h).origin !== location.origin));
      expect(links).toEqual([]);
      await a.page.screenshot({ path: `test-results/kiosk-${name}.png` });
      a.expectClean();
      await a.context.close();
    });
  }
});

describe('kiosk self-healing', () => {
  it('recovers from a lost WebGL context that the browser restores (explorer)', async () => {
    const a = await open('?lang=zh');
    await a.page.evaluate(async () => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
      const ext = gl.getExtension('WEBGL_lose_context')!;
      const lost = new Promise((r) => canvas.addEventListener('webglcontextlost', r, { once: true }));
      ext.loseContext();
      await lost;
      await new Promise((r) => setTimeout(r, 200));
      ext.restoreContext();
    });
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.contextRestores()), { timeout: 10_000 }).toBe(1);
    await waitIdle(a.page);
    await a.page.getByTestId('place-zone-shougang-park').click();
    await waitIdle(a.page);
    expect(await a.page.evaluate(() => window.__atlas!.rendered('atlas-zones-selected'))).toEqual(['shougang-park']);
    expect(a.external).toEqual([]);
    expect(a.errors.filter((e) => !/context lost|CONTEXT_LOST/i.test(e))).toEqual([]);
    await a.context.close();
  });

  it('reloads to the opening view when the WebGL context is lost and never restored', async () => {
    const a = await open('?kiosk&lang=en&idle=600&sel=zone:shougang-park', { viewport: LANDSCAPE, locale: 'en-US', clock: true });
    const warnings: string[] = [];
    a.page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    expect(await selection(a)).toBe('zone:shougang-park');
    // A mark on this document: a reload drops it (performance.timeOrigin is the fake clock's, the same after a reload).
    await a.page.evaluate(() => ((window as { firstLoad?: boolean }).firstLoad = true));
    await a.page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl'))!;
      gl.getExtension('WEBGL_lose_context')!.loseContext();
    });
    await a.page.getByText('The graphics context was lost').waitFor();
    // Not within the first seconds (the browser may still restore it)…
    await fastForward(a, 6);
    expect(await a.page.evaluate(() => (window as { firstLoad?: boolean }).firstLoad)).toBe(true);
    // …but after 10 s the page is a fresh load of the opening view: same kiosk, no selection.
    await fastForward(a, 4);
    await a.page.waitForFunction(() => !(window as { firstLoad?: boolean }).firstLoad && window.__atlas?.ready === true, undefined, { timeout: 30_000 });
    expect(await selection(a)).toBe(null);
    expect(await a.page.evaluate(() => window.__atlas!.lang)).toBe('en');
    expect(await a.page.evaluate(() => location.search)).toContain('kiosk');
    expect(await a.page.evaluate(() => location.search)).not.toContain('sel=');
    expect(warnings.some((w) => /self-heal: WebGL context not restored within 10 s/.test(w))).toBe(true);
    expect(a.external).toEqual([]);
    // WebGL logs the context loss itself; anything else is an error.
    expect(a.errors.filter((e) => !/context lost|CONTEXT_LOST/i.test(e))).toEqual([]);
    await a.context.close();
  });
});
