/**
 * Kiosk mode for unattended touch screens (issue #11).
 *
 * Three modes: `visitor` (someone is using it), `countdown` (nobody touched for `idle`: a
 * "轻触继续 / Touch to continue" overlay counts down; any touch cancels it) and `touring` (the
 * attract loop built from the data, see tour.ts). When the countdown ends, everything a visitor can
 * change is reset and the tour starts. Nobody touched since the last reset (e.g. right after
 * start-up): no countdown, the tour starts directly.
 *
 * Touches on the tour's own controls (marked `data-kiosk-keep`) do not end the tour, so the tour
 * can be paused (WCAG 2.2.2). The app has its own reduce-motion switch, since a visitor cannot
 * change the operating system's. A new version of the app (service worker) is applied only at an
 * idle reset or at the end of a tour loop, never in the middle of a visit.
 */
import type { AtlasState } from '../state/atlas.svelte';
import type { Claim } from '../data/schema';
import { keyFigures, tourStops, type TourStop } from './tour';

// What main.ts needs to decide on kiosk mode, in a module of its own (this one loads in kiosk mode only).
export { KIOSK_PARAMS, kioskRequested } from './params';

export interface KioskOptions {
  /** Inactivity before the countdown, ms. */
  idleMs: number;
  /** Time each tour stop is shown, ms. */
  stepMs: number;
  /** Length of the "touch to continue" countdown, ms. */
  countdownMs: number;
}

export const DEFAULT_KIOSK: KioskOptions = { idleMs: 120_000, stepMs: 9_000, countdownMs: 10_000 };

export type KioskMode = 'visitor' | 'countdown' | 'touring';


export class Kiosk {
  private readonly atlas: AtlasState;
  readonly options: KioskOptions;
  /** Applies a waiting new version (reloads); returns false when there is none. */
  private readonly applyUpdate: () => boolean;
  mode = $state<KioskMode>('visitor');
  /** The visitor paused the tour (only while touring). */
  paused = $state(false);
  /** Index of the current tour stop. */
  step = $state(0);
  /** Whole seconds left on the countdown. */
  remaining = $state(0);
  /** Bumped on every idle reset: components clear inputs, close panels and scroll back. */
  resets = $state(0);
  /** Tour steps taken since start-up (soak test, bench). */
  stepsTaken = 0;

  /** The attract loop for the zones as shown now. */
  readonly stops: TourStop[];
  /** The interview's key figures (the big-type stop). */
  readonly figures: Claim[];
  /** Current tour stop (null outside the tour). */
  readonly stop: TourStop | null;

  get touring(): boolean {
    return this.mode === 'touring';
  }

  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private stepTimer: ReturnType<typeof setTimeout> | undefined;
  private countdownTimer: ReturnType<typeof setInterval> | undefined;
  private countdownEnd = 0;
  /** Someone touched since the last reset. */
  private touched = false;
  private readonly initialReducedMotion: boolean;

  constructor(atlas: AtlasState, options: KioskOptions, applyUpdate: () => boolean = () => false) {
    this.atlas = atlas;
    this.options = options;
    this.applyUpdate = applyUpdate;
    this.stops = $derived(tourStops(atlas.shownVersions));
    this.figures = $derived(keyFigures(atlas.data.claims, atlas.data.sources));
    this.stop = $derived(this.mode === 'touring' ? (this.stops[this.step % this.stops.length] ?? null) : null);
    this.initialReducedMotion = atlas.reducedMotion;
  }

  /** Starts listening for input; call once. Returns a function that stops everything. */
  start(target: EventTarget = window): () => void {
    const onInput = (e: Event) => {
      // The tour's own controls (pause) must not end the tour they control.
      const el = e.target as Partial<Element> | null;
      if (typeof el?.closest === 'function' && el.closest('[data-kiosk-keep]')) {
        this.touched = true;
        return;
      }
      this.activity();
    };
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'];
    for (const e of events) target.addEventListener(e, onInput, { passive: true, capture: true });
    this.armIdle();
    return () => {
      for (const e of events) target.removeEventListener(e, onInput, { capture: true });
      this.clearTimers();
    };
  }

  private clearTimers() {
    clearTimeout(this.idleTimer);
    clearTimeout(this.stepTimer);
    clearInterval(this.countdownTimer);
  }

  /** Any visitor input: end the tour or the countdown, restart the idle timer. */
  activity() {
    this.touched = true;
    if (this.mode === 'touring') this.stopTour();
    if (this.mode === 'countdown') {
      clearInterval(this.countdownTimer);
      this.mode = 'visitor';
    }
    this.armIdle();
  }

  private armIdle() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.idle(), this.options.idleMs);
  }

  /** Nobody touched for `idle`: count down if someone was here, else start the tour. */
  idle() {
    if (this.mode === 'countdown') return;
    if (!this.touched) {
      if (this.mode !== 'touring') this.startTour();
      return;
    }
    clearTimeout(this.stepTimer);
    this.mode = 'countdown';
    this.countdownEnd = Date.now() + this.options.countdownMs;
    this.remaining = Math.ceil(this.options.countdownMs / 1000);
    clearInterval(this.countdownTimer);
    this.countdownTimer = setInterval(() => {
      const left = this.countdownEnd - Date.now();
      this.remaining = Math.max(0, Math.ceil(left / 1000));
      if (left <= 0) this.resetAndTour();
    }, Math.min(250, this.options.countdownMs));
  }

  /** The countdown ran out: reset everything a visitor can change, apply an update, tour. */
  resetAndTour() {
    clearInterval(this.countdownTimer);
    this.reset();
    if (this.applyUpdate()) return;
    this.startTour();
  }

  /** Everything a visitor can change, back to the opening state (components follow `resets`). */
  reset() {
    this.atlas.reset();
    this.atlas.reducedMotion = this.initialReducedMotion;
    this.paused = false;
    this.touched = false;
    this.resets++;
    this.mode = 'visitor';
  }

  startTour() {
    if (this.stops.length === 0) return;
    this.mode = 'touring';
    this.paused = false;
    this.step = 0;
    this.show();
    this.schedule();
  }

  private schedule() {
    clearTimeout(this.stepTimer);
    this.stepTimer = setTimeout(() => this.advance(), this.options.stepMs);
  }

  private advance() {
    if (this.mode !== 'touring' || this.paused) return;
    this.step = (this.step + 1) % this.stops.length;
    this.stepsTaken++;
    // Back at the opening view with nobody here: the moment to apply a new version.
    if (this.step === 0 && this.applyUpdate()) return;
    this.show();
    this.schedule();
  }

  stopTour() {
    this.mode = 'visitor';
    this.paused = false;
    clearTimeout(this.stepTimer);
  }

  togglePause() {
    if (this.mode !== 'touring') return;
    this.paused = !this.paused;
    if (this.paused) clearTimeout(this.stepTimer);
    else this.schedule();
    // Someone is here: the idle countdown applies again.
    this.touched = true;
    this.armIdle();
  }

  private show() {
    const stop = this.stops[this.step];
    if (!stop) return;
    if (stop.kind === 'zones') {
      this.atlas.select({ type: 'zone', id: stop.zones[0]! }, false);
      this.atlas.frame(stop.box);
    } else {
      this.atlas.select(null, false);
      if (stop.kind === 'opening') this.atlas.frame(this.atlas.districtBbox);
    }
  }
}
