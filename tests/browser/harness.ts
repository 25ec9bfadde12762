/**
 * Shared browser-test harness: one Chromium per test file, a fresh context per page, every request
 * that leaves 127.0.0.1/localhost recorded and blocked, every page error and console error recorded.
 * `expectClean()` fails the test on any of them.
 *
 * Blocking is the browser's, not Playwright's: Chromium sends everything but loopback to a proxy
 * that is not there (port 9, nothing listens), so an outside request fails at once, and the
 * context's `request` events (pages, their workers and service workers) record it. Routing every
 * request through Playwright instead cost ≈ 0.35 s per page load (measured: 1.43 → 1.05 s median).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, inject } from 'vitest';

export interface AtlasPage {
  page: Page;
  context: BrowserContext;
  /** Requests to other origins (blocked). */
  external: string[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  expectClean(): void;
}

const LOCAL = new Set(['127.0.0.1', 'localhost', '[::1]']);
let browser: Browser | undefined;

export async function launch(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: inject('chromium'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--proxy-server=http://127.0.0.1:9',
      '--proxy-bypass-list=127.0.0.1;localhost;[::1]',
    ],
  });
  return browser;
}

export async function closeBrowser() {
  await browser?.close();
  browser = undefined;
}

export const baseURL = () => inject('baseURL');

export async function openAtlas(
  path = '',
  opts: {
    viewport?: { width: number; height: number };
    locale?: string;
    /**
     * Emulated prefers-reduced-motion, 'reduce' unless a test looks at motion: camera moves are
     * then jumps and labels appear without a cross-fade, so each change of view is one SwiftShader
     * frame instead of a flight's or a fade's worth (measured: 8 picks 12 → 6 CPU-seconds). The
     * target of every framing is the same either way; the tests that follow a flight (the kiosk's
     * reset flying home, one framing test in people.test.ts) ask for 'no-preference'.
     */
    reducedMotion?: 'reduce' | 'no-preference';
    waitReady?: boolean;
    /** A phone or tablet: touch events, mobile viewport meta. */
    touch?: boolean;
    /** Runs before navigation, e.g. to serve a fixture with `page.route`. */
    before?: (page: Page) => Promise<unknown>;
    /** The app's timers on Playwright's clock, to fast-forward them (see `installClock`). */
    clock?: boolean;
    /**
     * The kiosk's offline service worker. Blocked unless a test is about it (kiosk-offline): its
     * install precaches the whole build (≈ 7 MB) on every kiosk page, work no other test looks at.
     */
    serviceWorkers?: 'allow' | 'block';
    /**
     * Device pixels per CSS pixel, 0.5 unless a test's screenshot is looked at for detail: the
     * layout (every size, position and touch target in CSS px) is the same, and SwiftShader draws
     * a quarter of the pixels (the kiosk's tests at 1920 × 1080: 65 → 45 s).
     */
    deviceScaleFactor?: number;
  } = {},
): Promise<AtlasPage> {
  const b = await launch();
  const context = await b.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    locale: opts.locale ?? 'zh-CN',
    deviceScaleFactor: opts.deviceScaleFactor ?? 0.5,
    ...(opts.touch && { hasTouch: true, isMobile: true }),
    reducedMotion: opts.reducedMotion ?? 'reduce',
    serviceWorkers: opts.serviceWorkers ?? 'block',
  });
  const external: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOCAL.has(url.hostname)) return;
    external.push(url.href);
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    const url = new URL(r.url());
    const reason = r.failure()?.errorText ?? '';
    // ERR_ABORTED: the browser cancelled it (a reload or navigation), not a failure of the app.
    if (LOCAL.has(url.hostname) && reason !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()} ${reason}`);
  });
  if (opts.clock) await installClock(page);
  await opts.before?.(page);
  await page.goto(new URL(path, baseURL()).href);
  if (opts.waitReady !== false) await waitReady(page);
  return {
    page,
    context,
    external,
    errors,
    expectClean() {
      expect(external, 'requests that left 127.0.0.1').toEqual([]);
      expect(errors, 'page errors and console errors').toEqual([]);
    },
  };
}

/**
 * Puts the page's `Date`, `setTimeout` and `setInterval` (the kiosk's idle, countdown, tour-step
 * and self-heal timers) on Playwright's clock, so a test fast-forwards them
 * (`page.clock.fastForward`) instead of waiting; between fast-forwards the clock runs in real time.
 * Animation frames, `performance` and events' `timeStamp` stay the browser's: MapLibre draws at
 * the compositor's pace. With Playwright's timer-driven `requestAnimationFrame`, SwiftShader frames
 * piled up ahead of the compositor and each click waited seconds for them (measured on the kiosk
 * tour test: 57 s with real waiting, 110 s with everything faked).
 */
export async function installClock(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __nativeTime?: unknown };
    w.__nativeTime = {
      requestAnimationFrame: window.requestAnimationFrame,
      cancelAnimationFrame: window.cancelAnimationFrame,
      performance: window.performance,
      timeStamp: Object.getOwnPropertyDescriptor(Event.prototype, 'timeStamp'),
    };
  });
  await page.clock.install();
  await page.addInitScript(() => {
    const w = window as unknown as { __nativeTime?: { requestAnimationFrame: typeof requestAnimationFrame; cancelAnimationFrame: typeof cancelAnimationFrame; performance: Performance; timeStamp?: PropertyDescriptor } };
    const n = w.__nativeTime!;
    delete w.__nativeTime;
    window.requestAnimationFrame = n.requestAnimationFrame;
    window.cancelAnimationFrame = n.cancelAnimationFrame;
    Object.defineProperty(window, 'performance', { value: n.performance, configurable: true, writable: true });
    if (n.timeStamp) Object.defineProperty(Event.prototype, 'timeStamp', n.timeStamp);
  });
}

/** Waits until the map has reached `idle` (the app's own signal, no sleeping). */
export async function waitReady(page: Page) {
  await page.waitForFunction(() => window.__atlas?.ready === true, undefined, { timeout: 30_000 });
}

/** Waits until the map is idle again after an interaction. */
export async function waitIdle(page: Page) {
  await page.evaluate(() => window.__atlas!.whenIdle());
}

/** A folder under test-results/ for a test file's generated input files; returns a writer giving each file's path. */
export function fixtureWriter(dir: string): (name: string, data: string | Buffer) => string {
  mkdirSync(dir, { recursive: true });
  return (name, data) => {
    writeFileSync(`${dir}/${name}`, data);
    return `${dir}/${name}`;
  };
}
