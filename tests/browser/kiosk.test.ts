import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openAtlas, waitIdle } from './harness';

afterAll(closeBrowser);

const kiosk = (a: Awaited<ReturnType<typeof openAtlas>>) => a.page.evaluate(() => window.__atlas!.kiosk());

describe('kiosk mode', () => {
  it('resets the view after inactivity, then tours the zones until touched', async () => {
    const a = await openAtlas('?kiosk=1&idle=2&step=2&lang=zh', { viewport: { width: 1920, height: 1080 } });
    // A visitor changes things…
    await a.page.getByTestId('lang-toggle').click();
    await a.page.getByTestId('filter-sector-vr').check();
    expect(await a.page.evaluate(() => window.__atlas!.lang)).toBe('en');
    // …and walks away: the view resets and the tour starts at the first stop.
    await expect.poll(async () => (await kiosk(a))!.touring, { timeout: 10_000 }).toBe(true);
    expect(await a.page.evaluate(() => window.__atlas!.lang)).toBe('zh');
    expect(await a.page.getByTestId('filter-sector-vr').isChecked()).toBe(false);
    const stops = (await kiosk(a))!.stops;
    expect(stops.length).toBeGreaterThan(2);
    await expect.poll(() => a.page.evaluate(() => window.__atlas!.selection()), { timeout: 10_000 }).toBe(`zone:${stops[1]}`);
    // A touch ends the tour; the visitor keeps the view.
    await a.page.locator('[data-testid="map"]').click({ position: { x: 1200, y: 300 } });
    expect((await kiosk(a))!.touring).toBe(false);
    a.expectClean();
    await a.context.close();
  });

  it('can pause the tour (WCAG 2.2.2) and keeps it paused', async () => {
    const a = await openAtlas('?kiosk=1&idle=1&step=1&lang=en', { locale: 'en-US', viewport: { width: 1920, height: 1080 } });
    await a.page.getByTestId('kiosk-pause').click();
    expect((await kiosk(a))!.paused).toBe(true);
    await a.page.waitForTimeout(2500); // longer than idle + one step: nothing may start
    expect((await kiosk(a))!.touring).toBe(false);
    a.expectClean();
    await a.context.close();
  });

  it('has touch targets of at least 48 px and no link that leaves the kiosk', async () => {
    const a = await openAtlas('?kiosk=1&lang=zh&sel=zone:shougang-park', { viewport: { width: 1920, height: 1080 } });
    const small = await a.page.evaluate(() => {
      const els = [...document.querySelectorAll<HTMLElement>('button, select, input[type="search"], [role="tab"], label:has(input[type="checkbox"]), label:has(input[type="radio"])')];
      return els
        .filter((e) => e.offsetParent !== null && !e.closest('dialog:not([open])'))
        .map((e) => ({ e: e.getAttribute('data-testid') ?? e.getAttribute('aria-label') ?? e.textContent?.trim().slice(0, 20), r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && (r.width < 48 || r.height < 48))
        .map(({ e, r }) => `${e}: ${Math.round(r.width)}×${Math.round(r.height)}`);
    });
    expect(small).toEqual([]);
    const links = await a.page.evaluate(() => [...document.querySelectorAll('a[href]')].map((l) => (l as HTMLAnchorElement).href).filter((h) => new URL(h).origin !== location.origin));
    expect(links).toEqual([]);
    expect(await a.page.locator('[data-testid="file-open"]').count()).toBe(0);
    await a.page.screenshot({ path: 'test-results/kiosk.png' });
    a.expectClean();
    await a.context.close();
  });

  it('recovers from a lost WebGL context', async () => {
    const a = await openAtlas('?lang=zh');
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
    // WebGL logs the context loss itself; anything else is an error.
    expect(a.errors.filter((e) => !/context lost|CONTEXT_LOST/i.test(e))).toEqual([]);
    await a.context.close();
  });
});
