/**
 * Page bench: the built Atlas against a bare MapLibre page with the same style and data
 * (bench/bare.html), each served on 127.0.0.1 and loaded in Debian's Chromium with a fresh profile.
 * Reports the median over RUNS loads of: time from navigation to the map's first `idle`, JS heap
 * after idle, bytes transferred and requests. Skipped (and said so) when Chromium is missing.
 */
import { existsSync } from 'node:fs';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const RUNS = 5;

export interface PageMetrics {
  idle_ms: number;
  heap_mb: number;
  transfer_kb: number;
  requests: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(url: string, ready: () => boolean, exe: string): Promise<PageMetrics> {
  const browser = await chromium.launch({
    executablePath: exe,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  const runs: PageMetrics[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      let requests = 0;
      page.on('request', () => requests++);
      await page.goto(url);
      await page.waitForFunction(ready, undefined, { timeout: 60_000 });
      const idle_ms = await page.evaluate(() => performance.now());
      const transfer = await page.evaluate(() => performance.getEntriesByType('resource').reduce((s, e) => s + ((e as PerformanceResourceTiming).transferSize || 0), 0) + ((performance.getEntriesByType('navigation')[0] as PerformanceResourceTiming | undefined)?.transferSize ?? 0));
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
      runs.push({ idle_ms, heap_mb: heap / 2 ** 20, transfer_kb: transfer / 1024, requests });
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  return {
    idle_ms: median(runs.map((r) => r.idle_ms)),
    heap_mb: median(runs.map((r) => r.heap_mb)),
    transfer_kb: median(runs.map((r) => r.transfer_kb)),
    requests: median(runs.map((r) => r.requests)),
  };
}

export async function benchPages(): Promise<{ atlas: PageMetrics; bare: PageMetrics; runs: number } | { skipped: string }> {
  const exe = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  if (!exe) return { skipped: 'Chromium not found (apt-get install -y chromium)' };
  await build({ logLevel: 'error' });
  await build({ configFile: 'vite.bench.config.ts', logLevel: 'error' });
  const app = await preview({ preview: { host: '127.0.0.1', port: 4190 }, logLevel: 'error' });
  const bare = await preview({ configFile: 'vite.bench.config.ts', preview: { host: '127.0.0.1', port: 4191 }, logLevel: 'error' });
  try {
    // Predicates as functions: the Atlas's CSP forbids evaluating strings.
    const atlas = await measure(`${app.resolvedUrls!.local[0]}?lang=zh`, () => (window as unknown as { __atlas?: { ready: boolean } }).__atlas?.ready === true, exe);
    const base = await measure(`${bare.resolvedUrls!.local[0]}bare.html`, () => (window as unknown as { __bareReady?: boolean }).__bareReady === true, exe);
    return { atlas, bare: base, runs: RUNS };
  } finally {
    await app.close();
    await bare.close();
  }
}
