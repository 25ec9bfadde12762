/** Search documents from the Atlas data: zones (one per zone), points, metro stations, districts. */
import type { AtlasData } from '../data/load';
import type { SearchDoc } from './search';

export function searchDocs(data: AtlasData, sectorNames: (sector: string) => string[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const seen = new Set<string>();
  for (const z of data.zones) {
    if (seen.has(z.properties.zone)) continue;
    seen.add(z.properties.zone);
    docs.push({ id: z.properties.zone, kind: 'zone', zh: z.properties.name.zh, en: z.properties.name.en, extra: z.properties.sectors.flatMap(sectorNames) });
  }
  for (const p of data.points) docs.push({ id: p.properties.id, kind: 'point', zh: p.properties.name.zh, en: p.properties.name.en, extra: p.properties.sectors.flatMap(sectorNames) });
  for (const c of data.context)
    if (c.properties.layer === 'metro-station') docs.push({ id: c.properties.id, kind: 'station', zh: c.properties.name.zh.endsWith('站') ? c.properties.name.zh : `${c.properties.name.zh}站`, en: c.properties.name.en });
  for (const d of data.districts) docs.push({ id: d.properties.id, kind: 'district', zh: d.properties.name.zh, en: d.properties.name.en });
  return docs;
}
