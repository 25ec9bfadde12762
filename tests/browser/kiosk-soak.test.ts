import { afterAll, describe, expect, it } from 'vitest';
import { closeBrowser, openAtlas } from './harness';
import { runKioskSoak, SOAK_BOUNDS } from '../../scripts/kiosk-soak';

afterAll(closeBrowser);

describe('kiosk soak', () => {
  it(`runs ${SOAK_BOUNDS.steps} attract steps with reduced motion without growing`, async () => {
    // A 50 ms step (test only): the loop goes round ~100 times in under a minute.
    const a = await openAtlas('?kiosk&lang=zh&idle=0.05&step=0.05', { viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce', waitReady: false });
    try {
      // The map is never idle while it jumps every 50 ms: wait for the app, not for the map's idle.
      await a.page.waitForFunction(() => window.__atlas?.kiosk()?.touring === true, undefined, { timeout: 60_000 });
      const r = await runKioskSoak(a.page, a.context);
      console.log(`kiosk soak: ${JSON.stringify(r)}`);
      expect(r.end.steps - r.start.steps).toBeGreaterThanOrEqual(SOAK_BOUNDS.steps);
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
