/**
 * Self-healing for an unattended kiosk (issue #11): a state the app cannot recover from by itself
 * (the WebGL context not restored within 10 s, an uncaught exception, a failed chunk load) reloads
 * the kiosk to its opening view. A cooldown (kept in sessionStorage, so it survives the reload)
 * stops a fault that recurs on every load from turning into a reload loop; every decision is logged
 * to the console with its reason (console.warn: the kiosk's only log, read with remote debugging).
 */

export interface HealOptions {
  /** Where a heal goes: the kiosk's opening URL (its configuration, no visitor's view). */
  openingUrl: string;
  /** No second reload within this time of the last one, ms. */
  cooldownMs?: number;
  /** How long a lost WebGL context may take to come back, ms. */
  contextTimeoutMs?: number;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  now?: () => number;
  reload?: (url: string) => void;
  log?: (message: string) => void;
}

const KEY = 'atlas.kiosk.lastHeal';
/** Messages of a failed dynamic import (Chromium, Firefox, Safari). */
const CHUNK_FAILED = /Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

export class SelfHealer {
  readonly cooldownMs: number;
  readonly contextTimeoutMs: number;
  private contextTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;
  private readonly log: (m: string) => void;

  constructor(private readonly opts: HealOptions) {
    this.cooldownMs = opts.cooldownMs ?? 120_000;
    this.contextTimeoutMs = opts.contextTimeoutMs ?? 10_000;
    this.now = opts.now ?? Date.now;
    this.log = opts.log ?? ((m) => console.warn(m));
  }

  private storage(): Pick<Storage, 'getItem' | 'setItem'> | null {
    try {
      return this.opts.storage ?? sessionStorage;
    } catch {
      return null;
    }
  }

  /** Reloads to the opening view unless a heal happened within the cooldown. True if it reloads. */
  heal(reason: string): boolean {
    const store = this.storage();
    const last = Number(store?.getItem(KEY) ?? 0);
    const since = this.now() - last;
    if (last > 0 && since < this.cooldownMs) {
      this.log(`[kiosk] ${reason}; not reloading: the last self-heal was ${Math.round(since / 1000)} s ago (cooldown ${Math.round(this.cooldownMs / 1000)} s)`);
      return false;
    }
    store?.setItem(KEY, String(this.now()));
    this.log(`[kiosk] self-heal: ${reason}; reloading to the opening view`);
    (this.opts.reload ?? ((url) => location.replace(url)))(this.opts.openingUrl);
    return true;
  }

  /** The map's WebGL context was lost (true) or restored (false). */
  contextLost(lost: boolean) {
    clearTimeout(this.contextTimer);
    if (!lost) return;
    this.contextTimer = setTimeout(() => {
      if (!this.heal(`WebGL context not restored within ${Math.round(this.contextTimeoutMs / 1000)} s`)) this.contextLost(true);
    }, this.contextTimeoutMs);
  }

  /** Listens for uncaught exceptions, unhandled rejections and failed chunk loads. */
  install(target: Window = window): () => void {
    const onError = (e: ErrorEvent) => {
      // Chromium reports a skipped ResizeObserver frame as an error event; it is harmless.
      if (/ResizeObserver loop/.test(e.message)) return;
      this.heal(`uncaught exception: ${e.message}`);
    };
    const onRejection = (e: PromiseRejectionEvent) => {
      const msg = e.reason instanceof Error ? e.reason.message : String(e.reason);
      this.heal(CHUNK_FAILED.test(msg) ? `failed chunk load: ${msg}` : `unhandled rejection: ${msg}`);
    };
    // Vite's preload helper fires this when a lazily loaded chunk (or its CSS) fails to load.
    const onPreload = (e: Event) => {
      e.preventDefault();
      const payload = (e as Event & { payload?: unknown }).payload;
      this.heal(`failed chunk load: ${payload instanceof Error ? payload.message : String(payload)}`);
    };
    target.addEventListener('error', onError);
    target.addEventListener('unhandledrejection', onRejection);
    target.addEventListener('vite:preloadError', onPreload);
    return () => {
      target.removeEventListener('error', onError);
      target.removeEventListener('unhandledrejection', onRejection);
      target.removeEventListener('vite:preloadError', onPreload);
      clearTimeout(this.contextTimer);
    };
  }
}

/** The kiosk's opening URL: path plus its configuration (kiosk, idle, step, countdown, basemap, lang). */
export function openingUrl(pathname: string, search: string, keep: readonly string[]): string {
  const p = new URLSearchParams(search);
  const q = new URLSearchParams();
  for (const k of keep) if (p.has(k)) q.set(k, p.get(k)!);
  const s = q.toString().replace(/=(&|$)/g, '$1');
  return `${pathname}${s ? `?${s}` : ''}`;
}
