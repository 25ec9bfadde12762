/** Search documents from the Atlas data: zones (one per zone), points, metro stations, districts. */
import { bbox as turfBbox } from '@turf/turf';
import type { AtlasData } from '../data/load';
import type { SearchDoc } from './search';

export function searchDocs(data: AtlasData, sectorNames: (sector: string) => string[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const seen = new Set<string>();
  const centre = (g: Parameters<typeof turfBbox>[0]): [number, number] => {
    const [w, s, e, n] = turfBbox(g);
    return [(w + e) / 2, (s + n) / 2];
  };
  // One document per zone, from its current version (else its first).
  const zones = [...data.zones].sort((a, b) => Number(b.properties.current) - Number(a.properties.current));
  for (const z of zones) {
    if (seen.has(z.properties.zone)) continue;
    seen.add(z.properties.zone);
    const p = z.properties;
    docs.push({
      id: p.zone,
      kind: 'zone',
      zh: p.name.zh,
      en: p.name.en,
      extra: p.sectors.flatMap(sectorNames),
      tags: [...p.sectors.map((s) => `sector:${s}`), `zkind:${p.kind}`],
      ...(z.geometry && { at: centre(z.geometry) }),
    });
  }
  for (const pt of data.points) {
    const p = pt.properties;
    docs.push({
      id: p.id,
      kind: 'point',
      zh: p.name.zh,
      en: p.name.en,
      extra: p.sectors.flatMap(sectorNames),
      tags: [...p.sectors.map((s) => `sector:${s}`), `pkind:${p.kind}`],
      ...(pt.geometry && { at: pt.geometry.coordinates as [number, number] }),
    });
  }
  for (const c of data.context)
    if (c.properties.layer === 'metro-station')
      docs.push({
        id: c.properties.id,
        kind: 'station',
        zh: c.properties.name.zh.endsWith('站') ? c.properties.name.zh : `${c.properties.name.zh}站`,
        en: c.properties.name.en,
        tags: ['kind:station'],
        ...(c.geometry.type === 'Point' && { at: c.geometry.coordinates as [number, number] }),
      });
  for (const d of data.districts) docs.push({ id: d.properties.id, kind: 'district', zh: d.properties.name.zh, en: d.properties.name.en });
  return docs;
}
