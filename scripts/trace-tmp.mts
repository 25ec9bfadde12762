import { writeFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { syntheticParcels } from './fixtures/parcels';
const n = Number(process.argv[2] ?? 12000);
mkdirSync('/tmp/atlas-trace', { recursive: true });
const file = `/tmp/atlas-trace/p${n}.geojson`;
writeFileSync(file, syntheticParcels({ features: n }));
const app = await preview({ preview: { host: '127.0.0.1', port: 4197 }, logLevel: 'error' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
for (let run = 0; run < 1; run++) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  await page.goto(`${app.resolvedUrls!.local[0]}?lang=en`);
  await page.waitForFunction(() => (window as any).__atlas?.ready === true);
  await browser.startTracing(page, { path: `/tmp/atlas-trace/trace${run}.json`, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'] });
  await page.getByTestId('file-input').setInputFiles(file);
  await page.waitForFunction((want) => (window as any).__atlas.proposalCount() === want, n, { timeout: 180000 });
  await page.evaluate(() => (window as any).__atlas.whenIdle());
  await page.waitForFunction(() => (window as any).__atlas.savesPending() === 0);
  await browser.stopTracing();
  await ctx.close();
}
await browser.close();
await app.close();
