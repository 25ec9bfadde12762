/**
 * Turns validated Atlas data into flat GeoJSON for MapLibre sources. MapLibre's GeoJSON sources
 * cannot read nested properties reliably, so names, provenance and sectors are flattened here
 * (pure; the map adapter only receives these snapshots).
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { AtlasData } from '../data/load';

export type FlatProps = Record<string, string | number | boolean>;
export type FlatCollection = FeatureCollection<Geometry, FlatProps>;

const fc = (features: FlatCollection['features']): FlatCollection => ({ type: 'FeatureCollection', features });

/** Sectors are stored as "|ai|vr|" so a filter can test membership with `in`. */
export const sectorKey = (sectors: readonly string[]) => `|${sectors.join('|')}|`;

export interface MapSources {
  districts: FlatCollection;
  context: FlatCollection;
  zones: FlatCollection;
  points: FlatCollection;
}

export function toMapSources(data: AtlasData): MapSources {
  return {
    districts: fc(
      data.districts.map((d) => ({
        type: 'Feature',
        id: d.properties.id,
        geometry: d.geometry,
        properties: {
          id: d.properties.id,
          name_zh: d.properties.name.zh,
          name_en: d.properties.name.en,
          focus: d.properties.id === 'shijingshan',
        },
      })),
    ),
    context: fc(
      data.context.map((c) => ({
        type: 'Feature',
        geometry: c.geometry,
        properties: {
          id: c.properties.id,
          layer: c.properties.layer,
          name_zh: c.properties.name.zh,
          name_en: c.properties.name.en,
          lines: (c.properties.lines ?? []).join(' · '),
          method: c.properties.provenance.method,
          accuracy_m: c.properties.provenance.accuracy_m,
        },
      })),
    ),
    zones: fc(
      data.zones.flatMap((z) => (z.geometry ? [{ ...z, geometry: z.geometry }] : [])).map((z) => ({
        type: 'Feature',
        geometry: z.geometry,
        properties: {
          extent: z.properties.extent,
          id: z.properties.id,
          zone: z.properties.zone,
          version: z.properties.version.id,
          current: z.properties.current,
          kind: z.properties.kind,
          status: z.properties.status,
          sectors: sectorKey(z.properties.sectors),
          name_zh: z.properties.name.zh,
          name_en: z.properties.name.en,
          method: z.properties.provenance.method,
          accuracy_m: z.properties.provenance.accuracy_m,
        },
      })),
    ),
    points: fc(
      data.points.flatMap((p) =>
        p.geometry
          ? [
              {
                type: 'Feature' as const,
                geometry: p.geometry,
                properties: {
                  id: p.properties.id,
                  kind: p.properties.kind,
                  sectors: sectorKey(p.properties.sectors),
                  location: p.properties.location,
                  error_m: p.properties.error_m ?? 0,
                  name_zh: p.properties.name.zh,
                  name_en: p.properties.name.en,
                },
              },
            ]
          : [],
      ),
    ),
  };
}
