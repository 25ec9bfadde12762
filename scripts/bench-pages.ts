/**
 * Page bench: the built Atlas against a bare MapLibre page with the same style, data module and
 * label-font file (bench/bare.html), each served on 127.0.0.1 and loaded in Debian's Chromium, in a
 * new tab opened at its URL in a fresh browser context per load (see `openTab`). The bare page
 * draws its map where the Atlas's first screen has it (same place, size and camera, read from the
 * Atlas's warm-up load). The two pages are loaded alternately (bare, Atlas, Atlas, bare, …) in one
 * browser, so a neighbour's CPU load falls on both alike. Reports the median over `runs` loads of:
 * time from navigation to the map's first `idle` (each page's User Timing mark at the event) and
 * to the next animation frame (the idle frame drawn), JS heap after idle (after a forced garbage
 * collection, so both pages' figures are what they keep, not garbage that happens not to be
 * collected yet), and from the warm-up load of each page (see `networkLoad`) bytes transferred
 * (headers and bodies as received) and requests. Skipped (and said so) when Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { build, preview } from 'vite';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

export const PAGE_RUNS = 15;
/** The window both pages are loaded in (the Atlas's map then takes 940 × 755 px of it). */
const VIEWPORT = { width: 1280, height: 800 };

/** One timed load. */
export interface PageRun {
  /** Navigation → the map's first `idle` event (the page's User Timing mark at the event). */
  idle_ms: number;
  /**
   * Navigation → the first animation frame after that event: it runs once the browser has drawn
   * the idle frame.
   */
  frame_ms: number;
  /** JS heap at idle after a forced garbage collection. */
  heap_mb: number;
  /** Heap at idle before the forced collection (includes garbage not yet collected). */
  heapBeforeGc_mb: number;
}

export interface PageNetwork {
  transfer_kb: number;
  requests: number;
  /** Request URLs (path only), in order: what the first screen loads. */
  urls: string[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Where the Atlas's map was on its first screen: place and size (CSS px) and camera, for the bare page. */
type MapPlace = { x: number; y: number; w: number; h: number; c: string };

/**
 * Opens `url` in a new tab of a fresh browser context, the way a visitor opens a link in a new tab:
 * the tab is created at its URL (CDP `Target.createTarget`), so it has no previous document.
 * `page.goto` from Playwright's initial about:blank page leaves that document's compositor to be
 * torn down in the renderer's first idle period; under SwiftShader the teardown waits for the GPU
 * process (measured with a trace: 250–450 ms) and lands at random before or after the map's idle,
 * on either page, delaying one reading or the other.
 */
async function openTab(browser: Browser, cdp: CDPSession, url: string): Promise<{ ctx: BrowserContext; page: Page }> {
  const known = new Set((await cdp.send('Target.getBrowserContexts')).browserContextIds);
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  const ids = (await cdp.send('Target.getBrowserContexts')).browserContextIds.filter((id) => !known.has(id));
  if (ids.length !== 1) throw new Error(`bench: cannot tell the new browser context (${ids.length} new)`);
  const opened = ctx.waitForEvent('page');
  await cdp.send('Target.createTarget', { url, browserContextId: ids[0]! });
  return { ctx, page: await opened };
}

/** Waits for the page's own marks (src/lib/map/adapter.ts, bench/bare.ts) and reads them. */
async function idleMarks(page: Page, mark: 'atlas' | 'bare'): Promise<{ idle_ms: number; frame_ms: number }> {
  // Set by the page itself: the harness's own polling would add its wait for a frame to one page or
  // the other. Predicates as functions: the Atlas's CSP forbids evaluating strings.
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, `${mark}:map-idle-frame`, { timeout: 60_000 });
  const at = (name: string) => page.evaluate((n) => performance.getEntriesByName(n)[0]!.startTime, name);
  return { idle_ms: await at(`${mark}:map-idle`), frame_ms: await at(`${mark}:map-idle-frame`) };
}

/** One timed load in a new tab: the idle marks, then the JS heap before and after a forced GC. */
async function loadOnce(browser: Browser, cdp: CDPSession, url: string, mark: 'atlas' | 'bare'): Promise<PageRun> {
  const { ctx, page } = await openTab(browser, cdp, url);
  try {
    const { idle_ms, frame_ms } = await idleMarks(page, mark);
    const pageCdp = await ctx.newCDPSession(page);
    await pageCdp.send('Performance.enable');
    const heapNow = async () => (await pageCdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    const before = await heapNow();
    await pageCdp.send('HeapProfiler.collectGarbage');
    const heap = await heapNow();
    return { idle_ms, frame_ms, heap_mb: heap / 2 ** 20, heapBeforeGc_mb: before / 2 ** 20 };
  } finally {
    await ctx.close();
  }
}

/**
 * One load (the warm-up, not timed) that records the network: a tab opened at its URL starts
 * loading before a CDP session can attach to it, so this load uses `page.goto` with the CDP Network
 * domain enabled first. Bytes as received (headers and bodies) and requests, page and workers;
 * data: and blob: URLs are not requests.
 */
async function networkLoad(browser: Browser, url: string, mark: 'atlas' | 'bare', place?: (page: Page) => Promise<void>): Promise<PageNetwork> {
  const ctx = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    const urls: string[] = [];
    cdp.on('Network.requestWillBeSent', (e) => {
      if (/^https?:/.test(e.request.url)) urls.push(e.request.url.replace(/^https?:\/\/[^/]+/, ''));
    });
    cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
    await page.goto(url);
    await idleMarks(page, mark);
    await place?.(page);
    return { transfer_kb: bytes / 1024, requests: urls.length, urls };
  } finally {
    await ctx.close();
  }
}

const summarise = (runs: PageRun[], net: PageNetwork) => ({
  idle_ms: median(runs.map((r) => r.idle_ms)),
  frame_ms: median(runs.map((r) => r.frame_ms)),
  heapBeforeGc_mb: median(runs.map((r) => r.heapBeforeGc_mb)),
  heap_mb: median(runs.map((r) => r.heap_mb)),
  ...net,
  runs,
});

export type PagesResult = { atlas: ReturnType<typeof summarise>; bare: ReturnType<typeof summarise>; runs: number; map: MapPlace };

/** Builds both pages (unless `skipBuild`), serves them and loads each `runs` times. */
export async function benchPages(opts: { runs?: number; skipBuild?: boolean } = {}): Promise<PagesResult | { skipped: string }> {
  const runs = Math.max(5, opts.runs ?? PAGE_RUNS);
  const exe = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  if (!exe) return { skipped: 'Chromium not found (apt-get install -y chromium)' };
  if (!opts.skipBuild) await build({ logLevel: 'error' });
  await build({ configFile: 'vite.bench.config.ts', logLevel: 'error' });
  const app = await preview({ preview: { host: '127.0.0.1', port: 4190 }, logLevel: 'error' });
  const bare = await preview({ configFile: 'vite.bench.config.ts', preview: { host: '127.0.0.1', port: 4191 }, logLevel: 'error' });
  const browser = await chromium.launch({
    executablePath: exe,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    // The bare page draws the map where the Atlas's first screen has it, at the same size and
    // camera (read once, from the warm-up load): the same tiles on the same number of pixels.
    let at: MapPlace | null = null;
    const readPlace = async (page: Page) => {
      if (at) return;
      const box = (await page.getByTestId('map').boundingBox())!;
      const cam = await page.evaluate(() => (window as unknown as { __atlas: { camera(): { center: [number, number]; zoom: number } } }).__atlas.camera());
      at = { x: Math.round(box.x), y: Math.round(box.y), w: Math.round(box.width), h: Math.round(box.height), c: `${cam.center[0]},${cam.center[1]},${cam.zoom}` };
    };
    const cdp = await browser.newBrowserCDPSession();
    const atlasUrl = `${app.resolvedUrls!.local[0]}?lang=zh`;
    const bareUrl = () => {
      const { x, y, w, h, c } = at!;
      return `${bare.resolvedUrls!.local[0]}bare.html?x=${x}&y=${y}&w=${w}&h=${h}&c=${c}`;
    };
    const atlasLoad = () => loadOnce(browser, cdp, atlasUrl, 'atlas');
    const bareLoad = () => loadOnce(browser, cdp, bareUrl(), 'bare');
    // One warm-up load each (disk cache of the OS, JIT of the browser), not timed: they record the
    // network; the Atlas's first, for the map's place and camera.
    const atlasNet = await networkLoad(browser, atlasUrl, 'atlas', readPlace);
    const bareNet = await networkLoad(browser, bareUrl(), 'bare');
    const a: PageRun[] = [];
    const b: PageRun[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) (b.push(await bareLoad()), a.push(await atlasLoad()));
      else (a.push(await atlasLoad()), b.push(await bareLoad()));
    }
    return { atlas: summarise(a, atlasNet), bare: summarise(b, bareNet), runs, map: at! };
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
  }
}
