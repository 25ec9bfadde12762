/**
 * The shareable view in the URL: language, camera, selection, visible layer groups, filters,
 * chosen zone versions and the open panel. Read with zod; anything invalid or outdated falls back
 * to the default for that part and is reported, so an old link still opens as much as it can.
 *
 * Format (query string, human-readable, stable):
 *   ?lang=en&c=116.1800,39.9100,12.50,0,0&sel=zone:ai-cluster&layers=zones,points,transport
 *   &sector=ai,vr&status=operating&period=14th-fyp&v=zgc-sjs-park:before&tab=audit
 *   &cmp=zgc-sjs-park-before,zgc-sjs-park-after,0.5   (compare: left id, right id, divider 0…1)
 */
import { z } from 'zod';
import { PlanPeriod, Sector, Status } from '../data/schema';

export const LAYER_GROUPS = ['zones', 'points', 'transport', 'boundaries'] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];
export const TABS = ['explore', 'audit', 'indicators'] as const;
export type Tab = (typeof TABS)[number];
export const SELECTION_TYPES = ['zone', 'point', 'station', 'district'] as const;

export const ViewState = z.object({
  lang: z.enum(['zh', 'en']),
  /** Camera: centre [lon°, lat°], zoom, bearing°, pitch°. */
  camera: z
    .object({
      center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
      zoom: z.number().min(0).max(24),
      bearing: z.number().min(-360).max(360),
      pitch: z.number().min(0).max(85),
    })
    .nullable(),
  selection: z.object({ type: z.enum(SELECTION_TYPES), id: z.string().regex(/^[a-z0-9-]+$/) }).nullable(),
  layers: z.array(z.enum(LAYER_GROUPS)),
  sectors: z.array(Sector),
  statuses: z.array(Status),
  period: PlanPeriod.nullable(),
  /** Chosen version per zone: zone id → version id. */
  versions: z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().regex(/^[a-z0-9-]+$/)),
  tab: z.enum(TABS),
  /** Compare view: left and right zone-version (or proposal) ids, divider position 0…1 of the map width. */
  compare: z
    .object({ a: z.string().regex(/^[a-z0-9-]+$/), b: z.string().regex(/^[a-z0-9-]+$/), swipe: z.number().min(0).max(1) })
    .refine((c) => c.a !== c.b, 'compare two different geometries')
    .nullable(),
});
export type ViewState = z.infer<typeof ViewState>;
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
    const r = ViewState.shape[key].safeParse(raw);
    if (r.success) view[key] = r.data as ViewState[K];
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
