import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openingUrl, SelfHealer } from '../../../src/lib/kiosk/heal';

class MemoryStorage {
  m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

describe('kiosk self-healing', () => {
  let now = 1_000_000;
  let reloads: string[];
  let logs: string[];
  let storage: MemoryStorage;
  const healer = (cooldownMs = 120_000) => new SelfHealer({ openingUrl: '/?kiosk&lang=zh', cooldownMs, storage, now: () => now, reload: (u) => reloads.push(u), log: (m) => logs.push(m) });
  beforeEach(() => {
    reloads = [];
    logs = [];
    storage = new MemoryStorage();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('reloads to the opening view and says why', () => {
    expect(healer().heal('uncaught exception: boom')).toBe(true);
    expect(reloads).toEqual(['/?kiosk&lang=zh']);
    expect(logs[0]).toMatch(/uncaught exception: boom/);
  });

  it('does not loop: a second fault within the cooldown (even after the reload) only logs', () => {
    healer().heal('first');
    now += 30_000;
    // A new page: a new healer, the same session storage.
    expect(healer().heal('second')).toBe(false);
    expect(reloads).toHaveLength(1);
    expect(logs[1]).toMatch(/second; not reloading: the last self-heal was 30 s ago/);
    now += 120_000;
    expect(healer().heal('third')).toBe(true);
    expect(reloads).toHaveLength(2);
  });

  it('reloads when a lost WebGL context is not restored within 10 s, not when it is', () => {
    const h = healer();
    h.contextLost(true);
    vi.advanceTimersByTime(9_000);
    h.contextLost(false);
    vi.advanceTimersByTime(5_000);
    expect(reloads).toEqual([]);
    h.contextLost(true);
    vi.advanceTimersByTime(10_000);
    expect(reloads).toHaveLength(1);
    expect(logs[0]).toMatch(/WebGL context not restored within 10 s/);
  });

  it('keeps only the kiosk set-up in the opening URL', () => {
    expect(openingUrl('/atlas/', '?lang=en&c=1,2,3,0,0&sel=zone:x&kiosk=&idle=60&step=9', ['kiosk', 'idle', 'step', 'countdown', 'basemap', 'lang'])).toBe('/atlas/?kiosk&idle=60&step=9&lang=en');
  });
});
