import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { AtlasState } from '../../../src/lib/state/atlas.svelte';
import { Kiosk, kioskRequested } from '../../../src/lib/kiosk/kiosk.svelte';
import { loadRealData } from '../geodata';

const { data, issues } = loadRealData();

describe('kiosk parameter', () => {
  it('accepts the bare ?kiosk and kiosk=1, refuses kiosk=0', () => {
    expect(kioskRequested('?kiosk')).toBe(true);
    expect(kioskRequested('?lang=zh&kiosk&idle=5')).toBe(true);
    expect(kioskRequested('?kiosk=1')).toBe(true);
    expect(kioskRequested('?kiosk=0')).toBe(false);
    expect(kioskRequested('?lang=zh')).toBe(false);
  });
});

describe('kiosk idle cycle', () => {
  let atlas: AtlasState;
  let updates: number;
  let pending: boolean;
  let k: Kiosk;
  let cleanup: () => void;
  const target = new EventTarget();
  const touch = () => target.dispatchEvent(new Event('pointerdown'));
  beforeEach(() => {
    vi.useFakeTimers();
    atlas = new AtlasState({ lang: 'zh', data, issues });
    updates = 0;
    pending = false;
    k = new Kiosk(atlas, { idleMs: 1000, stepMs: 500, countdownMs: 10_000 }, () => {
      if (!pending) return false;
      pending = false;
      updates++;
      return true;
    });
    cleanup = k.start(target);
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('tours straight away when nobody touched; a touch ends the tour and keeps the view', () => {
    vi.advanceTimersByTime(1000);
    expect(k.mode).toBe('touring');
    vi.advanceTimersByTime(500);
    flushSync();
    expect(k.stop?.kind).toBe('zones');
    const sel = atlas.selection;
    touch();
    expect(k.mode).toBe('visitor');
    expect(atlas.selection).toEqual(sel);
  });

  it('counts down 10 s after a visitor leaves; a touch cancels; then everything is reset', () => {
    touch();
    atlas.lang = 'en';
    atlas.select({ type: 'zone', id: 'shougang-park' });
    atlas.reducedMotion = true;
    vi.advanceTimersByTime(1000);
    expect(k.mode).toBe('countdown');
    expect(k.remaining).toBe(10);
    vi.advanceTimersByTime(4000);
    expect(k.remaining).toBe(6);
    touch();
    expect(k.mode).toBe('visitor');
    expect(atlas.lang).toBe('en');
    vi.advanceTimersByTime(1000 + 10_000);
    expect(k.resets).toBe(1);
    expect(atlas.lang).toBe('zh');
    expect(atlas.reducedMotion).toBe(false);
    expect(k.mode).toBe('touring');
  });

  it('applies a new version at the idle reset or the end of a loop, never during a visit', () => {
    touch();
    pending = true;
    // A visit of a minute with touches: no update.
    for (let i = 0; i < 60; i++) {
      vi.advanceTimersByTime(900);
      touch();
    }
    expect(updates).toBe(0);
    vi.advanceTimersByTime(1000 + 10_000);
    expect(updates).toBe(1);
    // Touring when the next version arrives: applied when the loop is back at the opening view.
    k.startTour();
    pending = true;
    vi.advanceTimersByTime(500 * (k.stops.length - 1));
    expect(updates).toBe(1);
    vi.advanceTimersByTime(500);
    expect(updates).toBe(2);
  });

  it('pause holds the tour on its stop; touches on the tour controls do not end it', () => {
    vi.advanceTimersByTime(1000);
    k.togglePause();
    const step = k.step;
    vi.advanceTimersByTime(900);
    expect(k.step).toBe(step);
    expect(k.mode).toBe('touring');
  });
});
