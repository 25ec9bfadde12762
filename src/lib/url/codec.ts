/**
 * The shareable view in the URL: language, camera, selection, visible layer groups, filters,
 * chosen zone versions and the open panel. Anything invalid or outdated falls back to the default
 * for that part and is reported, so an old link still opens as much as it can. Checked with plain
 * type guards rather than zod: this runs at start-up, and zod (≈ 16 kB gzip even as zod/mini, since
 * it shares its core with the lazy validators) stays out of the first load.
 *
 * Format (query string, human-readable, stable):
 *   ?lang=en&c=116.1800,39.9100,12.50,0,0&sel=zone:ai-cluster&layers=zones,points,transport
 *   &sector=ai,vr&status=operating&period=14th-fyp&v=zgc-sjs-park:before&tab=audit
 *   &cmp=zgc-sjs-park-before,zgc-sjs-park-after,0.5   (compare: left id, right id, divider 0…1)
 */
import { PLAN_PERIODS, SECTORS, STATUSES, type PlanPeriod, type Sector, type Status } from '../data/enums';

export const LAYER_GROUPS = ['zones', 'points', 'transport', 'boundaries'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];
export const TABS = ['explore', 'audit', 'indicators'] as const;
export type Tab = (typeof TABS)[number];
export const SELECTION_TYPES = ['zone', 'point', 'station', 'district'] as const;

export interface ViewState {
  lang: 'zh' | 'en';
  /** Camera: centre [lon°, lat°], zoom, bearing°, pitch°. */
  camera: { center: [number, number]; zoom: number; bearing: number; pitch: number } | null;
  selection: { type: (typeof SELECTION_TYPES)[number]; id: string } | null;
  layers: LayerGroup[];
  sectors: Sector[];
  statuses: Status[];
  period: PlanPeriod | null;
  /** Chosen version per zone: zone id → version id. */
  versions: Record<string, string>;
  tab: Tab;
  /** Compare view: left and right zone-version (or proposal) ids, divider position 0…1 of the map width. */
  compare: { a: string; b: string; swipe: number } | null;
}

type Guard<T> = (x: unknown) => x is T;
const oneOf =
  <T extends string>(values: readonly T[]): Guard<T> =>
  (x): x is T =>
    typeof x === 'string' && (values as readonly string[]).includes(x);
const between =
  (min: number, max: number): Guard<number> =>
  (x): x is number =>
    typeof x === 'number' && Number.isFinite(x) && x >= min && x <= max;
const slug: Guard<string> = (x): x is string => typeof x === 'string' && /^[a-z0-9-]+$/.test(x);
const listOf =
  <T>(item: Guard<T>): Guard<T[]> =>
  (x): x is T[] =>
    Array.isArray(x) && x.every(item);
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** One check per part of the view. */
const VIEW_CHECKS: { [K in keyof ViewState]: Guard<ViewState[K]> } = {
  lang: oneOf(['zh', 'en'] as const),
  camera: (x): x is ViewState['camera'] =>
    x === null ||
    (isObject(x) && Array.isArray(x.center) && x.center.length === 2 && between(-180, 180)(x.center[0]) && between(-90, 90)(x.center[1]) && between(0, 24)(x.zoom) && between(-360, 360)(x.bearing) && between(0, 85)(x.pitch)),
  selection: (x): x is ViewState['selection'] => x === null || (isObject(x) && oneOf(SELECTION_TYPES)(x.type) && slug(x.id)),
  layers: listOf(oneOf(LAYER_GROUPS)),
  sectors: listOf(oneOf(SECTORS)),
  statuses: listOf(oneOf(STATUSES)),
  period: (x): x is PlanPeriod | null => x === null || oneOf(PLAN_PERIODS)(x),
  versions: (x): x is Record<string, string> => isObject(x) && Object.entries(x).every(([k, v]) => slug(k) && slug(v)),
  tab: oneOf(TABS),
  compare: (x): x is ViewState['compare'] => x === null || (isObject(x) && slug(x.a) && slug(x.b) && x.a !== x.b && between(0, 1)(x.swipe)),
};

export type Selection = NonNullable<ViewState['selection']>;
export type CameraState = NonNullable<ViewState['camera']>;
export type CompareState = NonNullable<ViewState['compare']>;

export const defaultView = (lang: ViewState['lang']): ViewState => ({
  lang,
  camera: null,
  selection: null,
  layers: [...LAYER_GROUPS],
  sectors: [],
  statuses: [],
  period: null,
  versions: {},
  tab: 'explore',
  compare: null,
});

/** A part of the URL that could not be used, with the raw value (shown to the user). */
export interface UrlProblem {
  param: string;
  value: string;
}

const list = (s: string | null) => (s === null || s === '' ? [] : s.split(',').map((x) => x.trim()).filter(Boolean));

/** Parses a query string into a view; every invalid part falls back to its default and is reported. */
export function decodeView(search: string, fallbackLang: ViewState['lang']): { view: ViewState; problems: UrlProblem[] } {
  const p = new URLSearchParams(search);
  const view = defaultView(fallbackLang);
  const problems: UrlProblem[] = [];
  const field = <K extends keyof ViewState>(param: string, key: K, raw: unknown) => {
    if (VIEW_CHECKS[key](raw)) view[key] = raw;
    else problems.push({ param, value: p.get(param) ?? '' });
  };
  if (p.has('lang')) field('lang', 'lang', p.get('lang'));
  if (p.has('c')) {
    const n = list(p.get('c')).map(Number);
    field('c', 'camera', n.length === 5 ? { center: [n[0], n[1]], zoom: n[2], bearing: n[3], pitch: n[4] } : 'invalid');
  }
  if (p.has('sel')) {
    const [type, id, ...rest] = (p.get('sel') ?? '').split(':');
    field('sel', 'selection', rest.length === 0 ? { type, id } : 'invalid');
  }
  if (p.has('layers')) field('layers', 'layers', p.get('layers') === 'none' ? [] : list(p.get('layers')));
  if (p.has('sector')) field('sector', 'sectors', list(p.get('sector')));
  if (p.has('status')) field('status', 'statuses', list(p.get('status')));
  if (p.has('period')) field('period', 'period', p.get('period'));
  if (p.has('v')) {
    const pairs = list(p.get('v')).map((x) => x.split(':'));
    field('v', 'versions', pairs.every((x) => x.length === 2) ? Object.fromEntries(pairs) : 'invalid');
  }
  if (p.has('tab')) field('tab', 'tab', p.get('tab'));
  if (p.has('cmp')) {
    const parts = list(p.get('cmp'));
    field('cmp', 'compare', parts.length === 3 && parts[2] !== '' ? { a: parts[0], b: parts[1], swipe: Number(parts[2]) } : 'invalid');
  }
  return { view, problems };
}

const round = (x: number, d: number) => Number(x.toFixed(d));

/** Writes a view as a query string (without `?`), leaving out every part that is at its default. */
export function encodeView(view: ViewState): string {
  const p = new URLSearchParams();
  p.set('lang', view.lang);
  if (view.camera) {
    const c = view.camera;
    p.set('c', [round(c.center[0], 5), round(c.center[1], 5), round(c.zoom, 2), round(c.bearing, 1), round(c.pitch, 1)].join(','));
  }
  if (view.selection) p.set('sel', `${view.selection.type}:${view.selection.id}`);
  const allLayers = LAYER_GROUPS.every((g) => view.layers.includes(g)) && view.layers.length === LAYER_GROUPS.length;
  if (!allLayers) p.set('layers', view.layers.length ? LAYER_GROUPS.filter((g) => view.layers.includes(g)).join(',') : 'none');
  if (view.sectors.length) p.set('sector', view.sectors.join(','));
  if (view.statuses.length) p.set('status', view.statuses.join(','));
  if (view.period) p.set('period', view.period);
  const v = Object.entries(view.versions).sort(([a], [b]) => a.localeCompare(b));
  if (v.length) p.set('v', v.map(([z, id]) => `${z}:${id}`).join(','));
  if (view.tab !== 'explore') p.set('tab', view.tab);
  if (view.compare) p.set('cmp', `${view.compare.a},${view.compare.b},${round(view.compare.swipe, 3)}`);
  return p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}

/** Configuration parameters kept in the address bar beside the view: the basemap and a kiosk's set-up. */
const CONFIG_PARAMS = ['basemap', 'kiosk', 'idle', 'step', 'countdown'] as const;

/** The query string of a view, keeping configuration parameters (basemap, kiosk set-up) from the current one. */
export function viewQuery(view: ViewState, currentSearch: string): string {
  const q = new URLSearchParams(encodeView(view));
  const current = new URLSearchParams(currentSearch);
  for (const k of CONFIG_PARAMS) if (current.has(k)) q.set(k, current.get(k)!);
  return `?${q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}
