/**
 * `npm run screenshot [-- --no-build] [-- --out FILE]`: the README's screenshot, made from the built
 * Atlas in Debian's Chromium so it can be made again after a change. Builds (unless --no-build),
 * serves `dist/` on 127.0.0.1, opens the Shougang North Area with its card in English at 1280 × 800,
 * shows on the map the streets, junctions and station its east edge's evidence names, waits until the
 * map is idle and writes docs/screenshot.png. Needs nothing outside the repository and no network.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : join(import.meta.dirname, '..', 'docs', 'screenshot.png');
const exe = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
if (!exe) {
  console.error('Chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
  process.exit(2);
}
if (!args.includes('--no-build')) {
  process.env.NODE_ENV = 'production';
  await build({ logLevel: 'warn' });
}
const server = await preview({ preview: { host: '127.0.0.1', port: 4195, strictPort: false }, logLevel: 'error' });
const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'en-US' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (r) => (/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(r.request().url()) || !/^https?:/.test(r.request().url()) ? r.continue() : r.abort()));
  await page.goto(`${server.resolvedUrls!.local[0]}?lang=en&sel=zone:shougang-north`);
  await page.waitForFunction(() => (window as unknown as { __atlas?: { ready: boolean } }).__atlas?.ready === true, undefined, { timeout: 60_000 });
  // "Why here": show the places the evidence for the east edge names (the group with the most of them).
  const groups = page.getByTestId('card-why-refs');
  await groups.first().waitFor();
  const counts = await groups.evaluateAll((els) => els.map((e) => e.querySelectorAll('button').length));
  const best = counts.indexOf(Math.max(...counts));
  await groups.nth(best).getByRole('button', { name: /^Show all/ }).click();
  await page.evaluate(() => (window as unknown as { __atlas: { whenIdle(): Promise<void> } }).__atlas.whenIdle());
  await page.waitForTimeout(300);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
