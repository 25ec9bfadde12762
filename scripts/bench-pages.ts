/**
 * Page bench: the built Atlas against a bare MapLibre page with the same style, data module and
 * label-font file (bench/bare.html), each served on 127.0.0.1 and loaded in Debian's Chromium with a
 * fresh browser context per load. The bare page draws its map where the Atlas's first screen has
 * it (same place, size and camera, read from the Atlas's warm-up load). The two pages are loaded
 * alternately (bare, Atlas, Atlas, bare, …) in one browser, so a neighbour's CPU load falls on both
 * alike. Reports the median over `runs` loads of: time from navigation to the map's first `idle`
 * (each page's User Timing mark at the event) and to the next animation frame (the idle frame
 * drawn), JS heap after idle (after a forced
 * garbage collection, so both pages' figures are what they keep, not garbage that happens not to be
 * collected yet), bytes transferred (headers and bodies as received) and requests (both from the
 * CDP Network domain; data: and blob: URLs are not requests). Skipped (and said so) when Chromium is
 * missing.
 */
import { existsSync } from 'node:fs';
import { build, preview } from 'vite';
import { chromium, type Browser, type Page } from 'playwright-core';

export const PAGE_RUNS = 15;

export interface PageMetrics {
  /** Navigation → the map's first `idle` event (the page's User Timing mark at the event). */
  idle_ms: number;
  /**
   * Navigation → the first animation frame after that event: it runs once the browser has drawn
   * the idle frame (under SwiftShader that can be 0–500 ms later, and on either side of the event).
   */
  frame_ms: number;
  heap_mb: number;
  transfer_kb: number;
  requests: number;
}

export interface PageRun extends PageMetrics {
  /** Heap at idle before the forced collection (includes garbage not yet collected). */
  heapBeforeGc_mb: number;
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

async function loadOnce(browser: Browser, url: string, mark: 'atlas' | 'bare', place?: (page: Page) => Promise<void>): Promise<PageRun> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
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
    // Both marks are set by the page itself (src/lib/map/adapter.ts, bench/bare.ts): the harness's
    // own polling would add its wait for a frame to one page or the other.
    // Predicates as functions: the Atlas's CSP forbids evaluating strings.
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, `${mark}:map-idle-frame`, { timeout: 60_000 });
    const at = (name: string) => page.evaluate((n) => performance.getEntriesByName(n)[0]!.startTime, name);
    const idle_ms = await at(`${mark}:map-idle`);
    const frame_ms = await at(`${mark}:map-idle-frame`);
    await place?.(page);
    await cdp.send('Performance.enable');
    const heapNow = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    const before = await heapNow();
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await heapNow();
    return { idle_ms, frame_ms, heap_mb: heap / 2 ** 20, heapBeforeGc_mb: before / 2 ** 20, transfer_kb: bytes / 1024, requests: urls.length, urls };
  } finally {
    await ctx.close();
  }
}

const summarise = (runs: PageRun[]): PageMetrics & { heapBeforeGc_mb: number; runs: Omit<PageRun, 'urls'>[]; urls: string[] } => ({
  idle_ms: median(runs.map((r) => r.idle_ms)),
  frame_ms: median(runs.map((r) => r.frame_ms)),
  heapBeforeGc_mb: median(runs.map((r) => r.heapBeforeGc_mb)),
  heap_mb: median(runs.map((r) => r.heap_mb)),
  transfer_kb: median(runs.map((r) => r.transfer_kb)),
  requests: median(runs.map((r) => r.requests)),
  runs: runs.map(({ urls: _, ...r }) => r),
  urls: runs[0]?.urls ?? [],
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
    const atlasLoad = () => loadOnce(browser, `${app.resolvedUrls!.local[0]}?lang=zh`, 'atlas', readPlace);
    const bareLoad = () => {
      const { x, y, w, h, c } = at!;
      return loadOnce(browser, `${bare.resolvedUrls!.local[0]}bare.html?x=${x}&y=${y}&w=${w}&h=${h}&c=${c}`, 'bare');
    };
    // One warm-up load each (disk cache of the OS, JIT of the browser), not counted; the Atlas's
    // first, for the map's place and camera.
    await atlasLoad();
    await bareLoad();
    const a: PageRun[] = [];
    const b: PageRun[] = [];
    for (let i = 0; i < runs; i++) {
      if (i % 2 === 0) (b.push(await bareLoad()), a.push(await atlasLoad()));
      else (a.push(await atlasLoad()), b.push(await bareLoad()));
    }
    return { atlas: summarise(a), bare: summarise(b), runs, map: at! };
  } finally {
    await browser.close();
    await app.close();
    await bare.close();
  }
}
