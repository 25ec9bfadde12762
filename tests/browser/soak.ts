/**
 * The kiosk soak as a test: the attract loop with reduced motion and a 50 ms step (test only),
 * measured by scripts/kiosk-soak.ts (shared with `npm run bench`) against SOAK_BOUNDS. `npm test`
 * runs a short soak (tests/browser/kiosk-soak.test.ts) to catch a leak per step; `npm run test:long`
 * the full one (tests/long/kiosk-soak.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openAtlas } from './harness';
import { runKioskSoak, SOAK_BOUNDS } from '../../scripts/kiosk-soak';

export function describeKioskSoak(steps: number) {
  afterAll(closeBrowser);

  describe('kiosk soak', () => {
    it(`runs ${steps} attract steps with reduced motion without growing`, async () => {
      const a = await openAtlas('?kiosk&lang=zh&idle=0.05&step=0.05', { viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce', waitReady: false });
      try {
        // The map is never idle while it jumps every 50 ms: wait for the app, not for the map's idle.
        await a.page.waitForFunction(() => window.__atlas?.kiosk()?.touring === true, undefined, { timeout: 60_000 });
        const r = await runKioskSoak(a.page, a.context, steps);
        console.log(`kiosk soak: ${JSON.stringify(r)}`);
        expect(r.end.steps - r.start.steps).toBeGreaterThanOrEqual(steps);
        expect(r.heapGrowth_mb).toBeLessThan(SOAK_BOUNDS.heapGrowth_mb);
        expect(r.nodesGrowth).toBeLessThanOrEqual(SOAK_BOUNDS.nodesGrowth);
        expect(r.listenersGrowth).toBeLessThanOrEqual(SOAK_BOUNDS.listenersGrowth);
        expect(r.end.sources).toBe(r.start.sources);
        expect(r.end.layers).toBe(r.start.layers);
        a.expectClean();
      } finally {
        await a.context.close();
      }
    }, 600_000);
  });
}
