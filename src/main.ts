import { mount } from 'svelte';
import 'virtual:atlas-fonts.css';
import './app.css';
import App from './App.svelte';
import { loadBundledData } from './lib/data/bundled';
import { preferredLang } from './lib/i18n';
import { decodeView } from './lib/url/codec';
import { selectionExists } from './lib/state/selection';
import { hasStoredProposals } from './lib/state/stored';
import { ensureGlyphs } from './lib/map/fonts';
import { AtlasState } from './lib/state/atlas.svelte';

const { data, issues } = loadBundledData();
const params = new URLSearchParams(location.search);
const lang = preferredLang(navigator.languages);
const { view, problems } = decodeView(location.search, lang);
// A link to something that no longer exists opens without it, and says so.
if (view.selection && !selectionExists(view.selection, data)) {
  problems.push({ param: 'sel', value: params.get('sel') ?? '' });
  view.selection = null;
}
const state = new AtlasState({ lang, data, issues, view, urlProblems: problems });
// Kiosk: ?kiosk=1 (optionally &idle=<seconds>&step=<seconds>); not part of shared links.
state.kiosk = params.get('kiosk') === '1';
state.reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
/**
 * A planner's files survive a reload (never in kiosk mode: the next visitor starts clean). Their
 * validation (zod, geometry checks) loads only when something is stored. Not a top-level await: the
 * lazy chunk imports from this one, which could then never finish evaluating.
 */
async function restoreProposals() {
  if (state.kiosk || !hasStoredProposals()) return;
  state.proposals = (await import('./lib/state/persist')).loadProposals();
  await ensureGlyphs(state.proposals.flatMap((z) => [z.properties.name.zh, z.properties.name.en]));
}
const seconds = (name: string) => {
  const n = Number(params.get(name));
  return Number.isFinite(n) && n > 0 ? n * 1000 : undefined;
};
const kioskOptions = { ...(seconds('idle') && { idleMs: seconds('idle') }), ...(seconds('step') && { stepMs: seconds('step') }) };
// Open framed on the linked selection when the link carries no camera.
if (view.selection && !view.camera) state.frameRequest++;

// Basemap: `?basemap=<style URL>` at run time, else VITE_BASEMAP_STYLE at build time, else embedded.
const basemapUrl = params.get('basemap') || import.meta.env.VITE_BASEMAP_STYLE || undefined;

// A restore that fails (e.g. its chunk cannot load) must not keep the map from showing.
void restoreProposals()
  .catch(() => undefined)
  .then(() => mount(App, { target: document.getElementById('app')!, props: { atlas: state, basemapUrl, kioskOptions } }));
