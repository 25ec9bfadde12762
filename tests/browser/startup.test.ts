/**
 * Start-up stays light: the first screen loads MapLibre, one app chunk, the CSS, the data file and
 * one font file, once (the build's Noto Sans SC subset, shared by the panels and the map labels), and
 * nothing of the audit, the card's text, search, import, drawing, comparison, the kiosk or sharing
 * until they are used. Text outside the subset (a
 * planner's file) still gets its glyphs from the full font's pieces, loaded only then.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openAtlas, waitIdle } from './harness';

afterAll(closeBrowser);

const paths = (urls: string[]) => urls.map((u) => new URL(u).pathname);

describe('start-up', () => {
  it('loads few files: one font file, no lazy feature', async () => {
    const urls: string[] = [];
    const a = await openAtlas('?lang=zh', { before: (page) => Promise.resolve(page.on('request', (r) => urls.push(r.url()))) });
    const loaded = paths(urls);
    expect(loaded.length).toBeLessThanOrEqual(9);
    // One font file, fetched once: the panels and the map's labels share the download (issue #16).
    const fonts = loaded.filter((u) => /\.(woff2?|ttf|otf)$/.test(u));
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatch(/noto-sans-sc-atlas-400-[\w-]+\.woff2$/);
    // …and the map's labels are drawn with it: the district's name is placed.
    expect(await a.page.evaluate(() => window.__atlas!.renderedLabels('atlas-district-label'))).toEqual(['石景山区']);
    for (const lazy of ['PlaceCardBody', 'AuditPanel', 'Indicators', 'ShareDialog', 'userfile', 'zod', 'persist', 'search', 'import', 'audit', 'qr', 'export', 'ImportStatus', 'ComparePanel', 'CompareSwipe', 'KioskApp', 'outline']) {
      expect(loaded.filter((u) => new RegExp(`/${lazy}-[\\w-]{8}\\.js$`).test(u)), lazy).toEqual([]);
    }
    // The panel text is drawn in the bundled font (not a system fallback).
    expect(await a.page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', document.querySelector('h1')!.textContent!))).toBe(true);
    // The data-quality indicator reports the build's check of the bundled data.
    expect(await a.page.getByTestId('data-issues-button').innerText()).toMatch(/✓/);

    // The data is one JSON file of the build, fetched once.
    expect(loaded.filter((u) => /\/atlas-data-[\w-]{8}\.json$/.test(u))).toHaveLength(1);

    // Features load when used.
    await a.page.getByTestId('place-zone-shougang-park').click();
    await a.page.getByTestId('card-title').waitFor();
    expect(paths(urls).some((u) => /\/PlaceCardBody-[\w-]{8}\.js$/.test(u))).toBe(true);
    await a.page.getByTestId('tab-audit').click();
    await a.page.getByTestId('audit-summary').waitFor();
    expect(paths(urls).some((u) => /\/AuditPanel-[\w-]{8}\.js$/.test(u))).toBe(true);
    a.expectClean();
    await a.context.close();
  });

  it('draws the first screen before the sections below it, which follow without any interaction', async () => {
    // The place list, file and drawing tools and legend (below the first screen at 1280 × 800)
    // mount after the map's first idle (App.svelte), or after 3 s at the latest.
    const a = await openAtlas('?lang=en', {
      waitReady: false,
      before: (page) =>
        page.addInitScript(() => {
          const w = window as unknown as { __listAt?: number };
          new MutationObserver((_, obs) => {
            if (document.querySelector('[data-testid="place-list"]')) {
              w.__listAt = performance.now();
              obs.disconnect();
            }
          }).observe(document, { childList: true, subtree: true });
        }),
    });
    await a.page.getByTestId('place-list').waitFor();
    await a.page.getByTestId('legend').waitFor();
    await a.page.getByTestId('file-open').waitFor();
    await a.page.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0);
    const { listAt, idleAt } = await a.page.evaluate(() => ({
      listAt: (window as unknown as { __listAt: number }).__listAt,
      idleAt: performance.getEntriesByName('atlas:map-idle')[0]!.startTime,
    }));
    // A slow machine may reach the 3 s fallback before the map's idle; otherwise the list follows it.
    if (idleAt < 2500) expect(listAt).toBeGreaterThanOrEqual(idleAt);
    else expect(listAt).toBeLessThan(3500);
    // Above the first screen's fold, the panel was there from the first frame.
    expect(await a.page.getByTestId('filters').isVisible()).toBe(true);
    await a.page.getByTestId('place-zone-shougang-park').click();
    await a.page.getByTestId('card-title').waitFor();
    a.expectClean();
    await a.context.close();
  });

  it('without WebGL says the map could not start, and the panel still lists and finds the places', async () => {
    // The panel's contents wait for the map's first frame (App.svelte): a map that cannot start
    // must not hold them back.
    const a = await openAtlas('?lang=en', {
      waitReady: false,
      before: (page) =>
        page.addInitScript(() => {
          const get = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
            return /webgl/.test(kind) ? null : (get as (...x: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
          } as typeof get;
        }),
    });
    await expect.poll(() => a.page.getByRole('alert').innerText()).toMatch(/^The map could not start: /);
    await a.page.getByTestId('place-zone-shougang-park').waitFor();
    await a.page.getByTestId('search-input').fill('Shougang');
    await expect.poll(() => a.page.getByTestId('search-results').innerText()).toMatch(/Shougang Park/);
    expect(a.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    expect(a.external).toEqual([]);
    await a.context.close();
  });

  it("draws a planner's name in characters outside the subset with the full font's pieces, loaded only then", async () => {
    const urls: string[] = [];
    const a = await openAtlas('?lang=zh', { before: (page) => Promise.resolve(page.on('request', (r) => urls.push(r.url()))) });
    const pieces = () => paths(urls).filter((u) => /\/noto-sans-sc-\d+-400-normal-[\w-]+\.woff2$/.test(u));
    expect(pieces()).toEqual([]);
    await a.page.getByTestId('file-input').setInputFiles('tests/fixtures/proposals/rare-glyphs.geojson');
    await expect.poll(() => a.page.getByTestId('card-title').innerText()).toBe('龘鑫创新园（方案）');
    await waitIdle(a.page);
    // 龘 and 鑫 are in Noto Sans SC but in no catalogue or data file: their piece was fetched, and
    // the page's font now has them.
    await expect.poll(pieces).not.toEqual([]);
    const faces = await a.page.evaluate(async () => (await document.fonts.load('16px "Noto Sans SC"', '龘鑫')).map((f) => f.unicodeRange));
    expect(faces.length).toBeGreaterThan(0);
    expect(await a.page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '龘鑫'))).toBe(true);
    a.expectClean();
    await a.context.close();
  });
});

describe('the harness itself', () => {
  it('blocks and records a request that leaves 127.0.0.1, from the page and from a worker', async () => {
    const a = await openAtlas('?lang=en', { locale: 'en-US' });
    const failures: string[] = [];
    a.context.on('requestfailed', (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
    const outcome = await a.page.evaluate(async () => {
      const page = await fetch('https://example.com/from-page').then(() => 'loaded', () => 'blocked');
      const src = "fetch('https://example.org/from-worker').then(() => postMessage('loaded'), () => postMessage('blocked'))";
      const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
      const worker = await new Promise((r) => (w.onmessage = (e) => r(e.data)));
      return { page, worker };
    });
    expect(outcome).toEqual({ page: 'blocked', worker: 'blocked' });
    await expect.poll(() => [...a.external].sort()).toEqual(['https://example.com/from-page', 'https://example.org/from-worker']);
    // Refused by the browser (the harness's dead proxy), not by a network that happens to be missing.
    await expect.poll(() => failures.sort()).toEqual(['https://example.com/from-page net::ERR_PROXY_CONNECTION_FAILED', 'https://example.org/from-worker net::ERR_PROXY_CONNECTION_FAILED']);
    // …and expectClean() fails on them.
    expect(() => a.expectClean()).toThrow(/left 127\.0\.0\.1/);
    await a.context.close();
  });
});
