/**
 * Kiosk mode for unattended touch screens: after a period without input the view resets to the
 * opening one and an attract tour starts, framing each zone in turn until someone touches the
 * screen. The tour can be paused (WCAG 2.2.2) and obeys the app's own reduced-motion setting,
 * since a visitor cannot change the operating system's.
 */
import type { AtlasState } from '../state/atlas.svelte';

export interface KioskOptions {
  /** Inactivity before reset and tour, ms. */
  idleMs: number;
  /** Time each tour stop is shown, ms. */
  stepMs: number;
}

export const DEFAULT_KIOSK: KioskOptions = { idleMs: 120_000, stepMs: 9_000 };

export class Kiosk {
  /** The attract tour is running. */
  touring = $state(false);
  /** The visitor paused the tour (it stays paused until resumed). */
  paused = $state(false);
  /** Index of the current tour stop. */
  step = $state(0);
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private stepTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly atlas: AtlasState,
    readonly options: KioskOptions,
  ) {}

  /** Zones the tour visits: the shown version of every zone with a geometry. */
  get stops(): string[] {
    return this.atlas.shownVersions.filter((z) => z.geometry).map((z) => z.properties.zone);
  }

  /** Starts listening for input; call once. Returns a function that stops everything. */
  start(target: EventTarget = window): () => void {
    const onInput = () => this.activity();
    const events = ['pointerdown', 'keydown', 'wheel', 'touchstart'];
    for (const e of events) target.addEventListener(e, onInput, { passive: true, capture: true });
    this.armIdle();
    return () => {
      for (const e of events) target.removeEventListener(e, onInput, { capture: true });
      clearTimeout(this.idleTimer);
      clearInterval(this.stepTimer);
    };
  }

  /** Any visitor input: stop the tour, restart the idle countdown. */
  activity() {
    if (this.touring) this.stopTour();
    this.armIdle();
  }

  private armIdle() {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.idle(), this.options.idleMs);
  }

  /** Nobody is there: back to the opening view, then the tour. */
  idle() {
    this.atlas.reset();
    if (!this.paused) this.startTour();
  }

  startTour() {
    const stops = this.stops;
    if (stops.length === 0) return;
    this.touring = true;
    this.step = 0;
    this.show();
    clearInterval(this.stepTimer);
    this.stepTimer = setInterval(() => {
      this.step = (this.step + 1) % this.stops.length;
      this.show();
    }, this.options.stepMs);
  }

  stopTour() {
    this.touring = false;
    clearInterval(this.stepTimer);
  }

  togglePause() {
    this.paused = !this.paused;
    if (this.paused) this.stopTour();
    else this.armIdle();
  }

  private show() {
    const id = this.stops[this.step];
    if (id) this.atlas.select({ type: 'zone', id });
  }
}
