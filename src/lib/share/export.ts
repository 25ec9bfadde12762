/** Builds and downloads the site card PNG of the current view (loaded on demand, not at start-up). */
import { bbox as turfBbox } from '@turf/turf';
import type { MapAdapter } from '../map/adapter';
import type { AtlasState } from '../state/atlas.svelte';
import { METRO_LINE_COLORS, POINT_KIND_COLORS, ZONE_KIND_COLORS, layerId } from '../map/style';
import { t, type MessageKey } from '../i18n';
import { qrFor } from './qr';
import { shareLink } from './publicUrl';
import { drawSiteCard, type SiteCardInput } from './sitecard';
import { pointCard, zoneCard, type CardModel } from '../card/card';
import { siteCardFacts, type FactSection } from './facts';

export async function exportSiteCard(atlas: AtlasState, adapter: MapAdapter): Promise<void> {
  await adapter.whenIdle();
  const input = await siteCardInput(atlas, adapter);
  // Canvas text uses only font subsets already loaded: load the ones these strings need first.
  const text = [input.title, input.subtitle, input.note, input.dataDate, input.attribution, ...input.legend.map((l) => l.label), ...input.facts.flatMap((s) => [s.heading, ...s.lines])].join('');
  await Promise.all([400, 700].map((w) => document.fonts.load(`${w} 20px 'Noto Sans SC'`, text)));
  const canvas = drawSiteCard(input);
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
  if (!blob) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `shijingshan-atlas-${atlas.selection?.id ?? 'view'}.png`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Everything the card shows, from the state and what the map has drawn. */
export async function siteCardInput(atlas: AtlasState, adapter: MapAdapter): Promise<SiteCardInput> {
  // A copy of the next frame: the map keeps no drawing buffer (see MapAdapter.snapshot).
  const frame = await adapter.snapshot();
  const L = atlas.lang;
  const cam = adapter.camera();
  atlas.camera = cam;
  const link = shareLink(atlas.view, new Set(atlas.proposals.map((z) => z.properties.zone)));
  const nf = new Intl.NumberFormat(L === 'zh' ? 'zh-Hans' : 'en');
  const { card, proposal, station } = selected(atlas);
  const name = card?.name[L] ?? station?.properties.name[L];
  const facts: FactSection[] = card ? siteCardFacts(atlas.data, card, L, proposal) : station ? [{ heading: station.properties.name[L], lines: [`${t(L, 'search.kind.station')} · ${t(L, (station.properties.lines ?? []).length === 1 ? 'card.line' : 'card.lines', { lines: (station.properties.lines ?? []).join(L === 'zh' ? '、' : ', ') })}`] }] : [];
  return {
    title: name ?? t(L, 'app.title'),
    subtitle: name ? `${t(L, 'app.title')} · ${t(L, 'app.subtitle')}` : t(L, 'app.subtitle'),
    locale: L === 'zh' ? 'zh-Hans' : 'en',
    map: frame,
    pixelRatio: frame.width / (adapter.canvas().clientWidth || frame.width),
    focus: focusOf(atlas, adapter),
    lat: cam.center[1],
    zoom: cam.zoom,
    bearing: cam.bearing,
    legend: legend(atlas, adapter),
    attribution: '© OpenStreetMap contributors, geoBoundaries · Noto Sans SC (OFL)',
    dataDate: t(L, 'card.dataDate', { date: dataDate(atlas) }),
    note: t(L, 'card.note'),
    link,
    qr: qrFor(link),
    scaleLabel: (m) => (m >= 1000 ? `${nf.format(m / 1000)} km` : `${nf.format(m)} m`),
    font: "'Noto Sans SC', sans-serif",
    facts,
  };
}

function selected(atlas: AtlasState): { card: CardModel | null; proposal: boolean; station?: AtlasState['data']['context'][number] } {
  const sel = atlas.selection;
  if (sel?.type === 'zone') {
    const z = atlas.shownVersionOf(sel.id);
    return { card: z ? zoneCard(atlas.data, z, atlas.shownVersions) : null, proposal: !!z && atlas.proposals.includes(z) };
  }
  if (sel?.type === 'point') {
    const p = atlas.data.points.find((f) => f.properties.id === sel.id);
    return { card: p ? pointCard(atlas.data, p) : null, proposal: false };
  }
  if (sel?.type === 'station') return { card: null, proposal: false, station: atlas.data.context.find((c) => c.properties.id === sel.id) };
  return { card: null, proposal: false };
}

/** Screen point of the selection (the crop keeps it in view). */
function focusOf(atlas: AtlasState, adapter: MapAdapter): [number, number] | undefined {
  const sel = atlas.selection;
  let geom: GeoJSON.Geometry | null | undefined;
  if (sel?.type === 'zone') geom = atlas.shownVersionOf(sel.id)?.geometry;
  else if (sel?.type === 'point') geom = atlas.data.points.find((p) => p.properties.id === sel.id)?.geometry;
  else if (sel?.type === 'station') geom = atlas.data.context.find((c) => c.properties.id === sel.id)?.geometry;
  if (!geom) return undefined;
  const [w, s, e, n] = turfBbox(geom);
  return adapter.project([(w + e) / 2, (s + n) / 2]);
}

/** Legend entries for what the map has drawn now, and nothing else. */
function legend(atlas: AtlasState, adapter: MapAdapter): SiteCardInput['legend'] {
  const L = atlas.lang;
  const rendered = (l: Parameters<typeof layerId>[0]) => new Set(adapter.renderedIds(layerId(l)));
  const zoneIds = new Set([...rendered('zones-fill'), ...rendered('zones-envelope'), ...rendered('zones-outline-dashed'), ...rendered('zones-outline')]);
  const zones = atlas.allZones.filter((z) => zoneIds.has(z.properties.id));
  const out: SiteCardInput['legend'] = [];
  for (const k of new Set(zones.map((z) => z.properties.kind))) out.push({ color: ZONE_KIND_COLORS[k], label: t(L, `kind.${k}` as MessageKey), style: 'fill' });
  if (zones.some((z) => z.properties.extent !== 'envelope' && ['schematic', 'estimated'].includes(z.properties.provenance.method)))
    out.push({ color: '#374151', label: t(L, 'sitecard.legend.sketch'), style: 'sketch' });
  if (zones.some((z) => z.properties.extent === 'envelope')) out.push({ color: '#374151', label: t(L, 'sitecard.legend.envelope'), style: 'envelope' });
  const pointIds = rendered('points-circle');
  const points = atlas.data.points.filter((p) => pointIds.has(p.properties.id));
  for (const k of new Set(points.map((p) => p.properties.kind))) out.push({ color: POINT_KIND_COLORS[k], label: t(L, `pkind.${k}` as MessageKey), style: 'point' });
  if (points.some((p) => p.properties.location === 'estimated')) out.push({ color: '#4b5563', label: t(L, 'legend.estimatedPoint'), style: 'ring' });
  if (rendered('metro-line').size > 0) out.push({ color: METRO_LINE_COLORS['1']!, label: t(L, 'sitecard.legend.metro'), style: 'line' });
  if (atlas.selection?.type === 'zone' && zones.some((z) => z.properties.zone === atlas.selection!.id)) out.push({ color: '#111827', label: t(L, 'sitecard.legend.selected'), style: 'selected' });
  return out;
}

/** Newest provenance date of the zones and places (the data's "as of"). */
function dataDate(atlas: AtlasState): string {
  return [...atlas.data.zones, ...atlas.data.points].map((f) => f.properties.provenance.date).sort().at(-1) ?? '—';
}
