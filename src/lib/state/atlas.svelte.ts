/**
 * All app state in one place: one class with `$state` fields, so it can be reset, written to the URL
 * and read by tests. Big immutable data lives in `$state.raw`.
 */
import { bbox as turfBbox } from '@turf/turf';
import type { AtlasData, DataIssue } from '../data/load';
import type { ZoneFeature } from '../data/schema';
import type { Lang } from '../i18n';

export type Bbox = [number, number, number, number];

export class AtlasState {
  lang = $state<Lang>('zh');
  data = $state.raw<AtlasData>({ districts: [], context: [], zones: [], points: [], claims: [], sources: [] });
  issues = $state.raw<DataIssue[]>([]);
  /** Map has finished loading its style and first render. */
  mapReady = $state(false);
  /** Set when the configured external basemap failed and the embedded one is shown. */
  basemapError = $state<string | null>(null);
  mapError = $state<string | null>(null);
  issuesOpen = $state(false);
  /** Chosen version per zone (zone id → zone-version feature id); absent = the current version. */
  versionChoice = $state<Record<string, string>>({});

  /** Versions of every zone, in the order of the data file. */
  zoneVersions = $derived.by(() => {
    const m = new Map<string, ZoneFeature[]>();
    for (const z of this.data.zones) m.set(z.properties.zone, [...(m.get(z.properties.zone) ?? []), z]);
    return m;
  });

  /** One version per zone: the chosen one, else the current one, else the first. */
  visibleZones = $derived.by(() =>
    [...this.zoneVersions.entries()].map(([zone, versions]) => {
      const chosen = this.versionChoice[zone];
      const v = versions.find((f) => f.properties.id === chosen) ?? versions.find((f) => f.properties.current) ?? versions[0]!;
      return v.properties.id;
    }),
  );

  /** Bounding box of Shijingshan District, [w, s, e, n]. */
  districtBbox = $derived.by((): Bbox => {
    const d = this.data.districts.find((f) => f.properties.id === 'shijingshan');
    return d ? (turfBbox(d.geometry) as Bbox) : [116.07, 39.87, 116.27, 39.99];
  });

  /** The camera may roam ≈ 15 km around the district, no further. */
  maxBounds = $derived.by((): Bbox => {
    const [w, s, e, n] = this.districtBbox;
    return [w - 0.18, s - 0.13, e + 0.18, n + 0.13];
  });

  constructor(init: { lang: Lang; data: AtlasData; issues: DataIssue[] }) {
    this.lang = init.lang;
    this.data = init.data;
    this.issues = init.issues;
  }
}
