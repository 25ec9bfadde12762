/** Search documents from the Atlas data: zones (one per zone), points, metro stations, districts. */
import { bbox as turfBbox } from '@turf/turf';
import type { AtlasData } from '../data/load';
import type { Names } from '../data/schema';
import type { SearchDoc } from './search';

/** An incubator, by its name in either language (孵化 "incubate", 育成 "nurture"). */
const INCUBATOR = /孵化|育成|incubat/i;

/**
 * The `space:` tags of a zone or place (investors' words, see vocabulary.ts): `space:floor` when a
 * claim gives its floor area (`area: 'floor'`, about the zone, any version, or the place, or listed
 * in its `claims`), `space:incubator` when its name says it is an incubator.
 */
function spaceTags(data: AtlasData): (id: string, name: Names) => string[] {
  const floorClaims = data.claims.filter((c) => c.area === 'floor');
  const ids = new Set(floorClaims.map((c) => c.id));
  const floor = new Set<string>();
  for (const c of floorClaims) if (c.scope.kind !== 'district') floor.add(c.scope.kind === 'zone' ? c.scope.zone : c.scope.point);
  for (const z of data.zones) if (z.properties.claims.some((c) => ids.has(c))) floor.add(z.properties.zone);
  for (const p of data.points) if (p.properties.claims.some((c) => ids.has(c))) floor.add(p.properties.id);
  return (id, name) => [...(floor.has(id) ? ['space:floor'] : []), ...(INCUBATOR.test(`${name.zh} ${name.en}`) ? ['space:incubator'] : [])];
}

export function searchDocs(data: AtlasData, sectorNames: (sector: string) => string[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const seen = new Set<string>();
  const centre = (g: Parameters<typeof turfBbox>[0]): [number, number] => {
    const [w, s, e, n] = turfBbox(g);
    return [(w + e) / 2, (s + n) / 2];
  };
  const space = spaceTags(data);
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
      tags: [...p.sectors.map((s) => `sector:${s}`), `zkind:${p.kind}`, ...space(p.zone, p.name)],
      // A source's own wording of the name ("首钢园(国际人才社区)") finds the place as an alias.
      ...(p.named_as?.length && { aliases: [{ why: 'alias' as const, terms: p.named_as.map((n) => n.phrase) }] }),
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
      tags: [...p.sectors.map((s) => `sector:${s}`), `pkind:${p.kind}`, ...space(p.id, p.name)],
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
