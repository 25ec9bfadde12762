import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { writeFileSync } from 'node:fs';
import { syntheticParcels } from './scripts/fixtures/parcels';
writeFileSync('/tmp/p12k.geojson', syntheticParcels({ features: 12000 }));
const app = await preview({ preview: { host: '127.0.0.1', port: 4193 }, logLevel: 'error' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const page = await ctx.newPage();
await page.goto(`${app.resolvedUrls!.local[0]}?lang=en`);
await page.waitForFunction(() => (window as any).__atlas?.ready === true, undefined, { timeout: 60000 });
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 1000 }); await cdp.send('Profiler.start');
await page.getByTestId('file-input').setInputFiles('/tmp/p12k.geojson');
await page.waitForFunction(() => (window as any).__atlas.proposalCount() === 12000 && document.querySelector('[data-testid="proposal-list"] li'), undefined, { timeout: 120000, polling: 50 });
await page.evaluate(() => (window as any).__atlas.whenIdle());
const { profile } = await cdp.send('Profiler.stop') as any;
const self = new Map<string, number>(); const total = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const key = (n: any) => `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0; let id = profile.samples[i]; const n: any = byId.get(id);
  self.set(key(n), (self.get(key(n)) ?? 0) + dt);
  const seen = new Set<string>();
  while (id !== undefined) { const m: any = byId.get(id); const k = key(m); if (!seen.has(k)) { total.set(k, (total.get(k) ?? 0) + dt); seen.add(k); } id = parent.get(id)!; }
}

// contiguous busy segments
const segs: { start: number; dur: number; self: Map<string, number>; total: Map<string, number> }[] = [];
let cur: any = null; let tt = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] ?? 0; tt += dt;
  let id = profile.samples[i]; const n: any = byId.get(id);
  if (n.callFrame.functionName === '(idle)') { if (cur && cur.dur > 100000) segs.push(cur); cur = null; continue; }
  cur ??= { start: tt, dur: 0, self: new Map(), total: new Map() };
  cur.dur += dt;
  cur.self.set(key(n), (cur.self.get(key(n)) ?? 0) + dt);
  const seen = new Set<string>();
  while (id !== undefined) { const m: any = byId.get(id); const k = key(m); if (!seen.has(k)) { cur.total.set(k, (cur.total.get(k) ?? 0) + dt); seen.add(k); } id = parent.get(id)!; }
}
for (const sg of segs.sort((a, b) => b.dur - a.dur).slice(0, 4)) {
  console.log(`SEG ${(sg.dur / 1000).toFixed(0)}ms at ${(sg.start / 1000).toFixed(0)}`);
  console.log([...sg.total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 28).map(([k, v]) => `  ${(v / 1000).toFixed(0)}ms ${k}`).join('\n'));
}
await browser.close(); await app.close();
