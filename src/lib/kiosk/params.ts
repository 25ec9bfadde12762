/**
 * Whether the page is a kiosk (issue #11), decided by the opening URL. Apart from kiosk.svelte.ts so
 * that the explorer's first screen does not load the kiosk's loop, tour and guards.
 */

/** Query parameters that configure a kiosk (kept on reloads, never in shared links). */
export const KIOSK_PARAMS = ['kiosk', 'idle', 'step', 'countdown'] as const;

/** Is kiosk mode asked for? `?kiosk`, `?kiosk=1`, `?kiosk=true`; `?kiosk=0` / `false` is not. */
export function kioskRequested(search: string): boolean {
  const p = new URLSearchParams(search);
  if (!p.has('kiosk')) return false;
  return !['0', 'false', 'no', 'off'].includes((p.get('kiosk') ?? '').toLowerCase());
}
