import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { loadBundledData } from './lib/data/bundled';
import { preferredLang } from './lib/i18n';
import { decodeView } from './lib/url/codec';
import { selectionExists } from './lib/state/selection';
import { mayHaveStoredProposals } from './lib/state/stored';
import { AtlasState } from './lib/state/atlas.svelte';
import { KIOSK_PARAMS, kioskRequested } from './lib/kiosk/params';
import { openingUrl, SelfHealer } from './lib/kiosk/heal';
import type { LoadResult } from './lib/data/load';
import { installUiFont } from './lib/map/fonts';

// The UI's font, from the one download of the subset that the map's labels read too (map/fonts.ts).
void installUiFont();
// The data (a JSON file, preloaded by index.html) arrives while the code below is read.
const bundled = loadBundledData();
const params = new URLSearchParams(location.search);
// Kiosk: ?kiosk (or ?kiosk=1), optionally &idle=<s>&step=<s>&countdown=<s>; not part of shared links.
const kiosk = kioskRequested(location.search);
// Self-healing first, so that a failure while starting up is caught too.
const healer = kiosk ? new SelfHealer({ openingUrl: openingUrl(location.pathname, location.search, [...KIOSK_PARAMS, 'basemap', 'lang']) }) : null;
healer?.install();
const browserLang = preferredLang(navigator.languages);
const { view, problems } = decodeView(location.search, browserLang);
// A kiosk configured with &lang= returns to that language at every reset, not to the browser's.
const lang = kiosk ? view.lang : browserLang;
const seconds = (name: string) => {
  const n = Number(params.get(name));
  return Number.isFinite(n) && n > 0 ? n * 1000 : undefined;
};
const kioskOptions = {
  ...(seconds('idle') && { idleMs: seconds('idle') }),
  ...(seconds('step') && { stepMs: seconds('step') }),
  ...(seconds('countdown') && { countdownMs: seconds('countdown') }),
};
// Basemap: `?basemap=<style URL>` at run time, else VITE_BASEMAP_STYLE at build time, else embedded.
const basemapUrl = params.get('basemap') || import.meta.env.VITE_BASEMAP_STYLE || undefined;

// Not a top-level await (here or for the restore below): a lazy chunk imports from this one, which
// could then never finish evaluating.
void bundled.then(start);

function start({ data, issues }: LoadResult) {
  // A link to something that no longer exists opens without it, and says so.
  if (view.selection && !selectionExists(view.selection, data)) {
    problems.push({ param: 'sel', value: params.get('sel') ?? '' });
    view.selection = null;
  }
  const state = new AtlasState({ lang, data, issues, view, urlProblems: problems });
  state.kiosk = kiosk;
  state.reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  // A planner's files survive a reload (never in kiosk mode: the next visitor starts clean). The
  // restore (IndexedDB, validation in the import worker) loads only when something may be stored
  // (stored.ts).
  if (state.kiosk) state.proposalsRestored = true;
  else
    void mayHaveStoredProposals()
      .then((stored) => (stored ? import('./lib/state/restore').then((m) => m.restoreProposals(state)) : undefined))
      .catch(() => undefined)
      .finally(() => (state.proposalsRestored = true));
  // Open framed on the linked selection when the link carries no camera.
  if (view.selection && !view.camera) state.frameRequest++;
  // A kiosk opens on the same framing as its idle reset (clear of the title band and cards).
  else if (kiosk && !view.camera) state.frameRequest++;

  mount(App, { target: document.getElementById('app')!, props: { atlas: state, basemapUrl, kioskOptions, healer } });
}
// Offline for days: the service worker is for kiosks only (see src/lib/kiosk/update.ts).
if (kiosk) void import('./lib/kiosk/update').then((m) => m.registerKioskServiceWorker());
