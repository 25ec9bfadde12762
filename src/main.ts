import { mount } from 'svelte';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './app.css';
import App from './App.svelte';
import { loadBundledData } from './lib/data/bundled';
import { preferredLang } from './lib/i18n';
import { AtlasState } from './lib/state/atlas.svelte';

const { data, issues } = loadBundledData();
const params = new URLSearchParams(location.search);
const langParam = params.get('lang');
const lang = langParam === 'zh' || langParam === 'en' ? langParam : preferredLang(navigator.languages);
const state = new AtlasState({ lang, data, issues });

// Basemap: `?basemap=<style URL>` at run time, else VITE_BASEMAP_STYLE at build time, else embedded.
const basemapUrl = params.get('basemap') || import.meta.env.VITE_BASEMAP_STYLE || undefined;

mount(App, { target: document.getElementById('app')!, props: { atlas: state, basemapUrl } });
