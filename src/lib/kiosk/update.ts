/**
 * Offline service worker for the kiosk (vite-plugin-pwa / Workbox, `registerType: 'prompt'`).
 * Registered only in kiosk mode and only in production builds: the explorer and the dev server
 * never get a service worker, so browser tests and planners always load the build that is served.
 * A new version is not applied when it arrives: it waits for `applyPendingUpdate()`, which the
 * kiosk calls at an idle reset or at the end of a tour loop — never in the middle of a visit.
 */
const UPDATE_CHECK_MS = 60 * 60 * 1000;
let pending: (() => Promise<void>) | null = null;

/** Registers the service worker (kiosk, production). */
export async function registerKioskServiceWorker(): Promise<void> {
  // Not on the dev server (import.meta.hot); not where service workers are missing. (Not PROD: a build
  // made under vitest, NODE_ENV=test, reads PROD as false.)
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  const { registerSW } = await import('virtual:pwa-register');
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      console.info('[kiosk] a new version is ready; it is applied at the next idle reset');
      pending = () => update(true);
    },
    onOfflineReady() {
      console.info('[kiosk] the Atlas is cached for offline use');
    },
    // A kiosk runs for days without navigating: ask the server for a new version every hour
    // (the browser only checks by itself on navigations). Offline, the check fails quietly.
    onRegisteredSW(_url: string, registration: ServiceWorkerRegistration | undefined) {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
    onRegisterError(e: unknown) {
      console.warn('[kiosk] service worker registration failed', e);
    },
  });
}

/** Applies a waiting new version (the page reloads). False when there is none. */
export function applyPendingUpdate(): boolean {
  if (!pending) return false;
  const apply = pending;
  pending = null;
  void apply();
  return true;
}
