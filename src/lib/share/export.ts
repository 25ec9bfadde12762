/** Builds and downloads the site card PNG of the current view. */
import type { MapAdapter } from '../map/adapter';
import type { AtlasState } from '../state/atlas.svelte';
import { ZONE_KIND_COLORS } from '../map/style';
import { t, type MessageKey } from '../i18n';
import { qrFor } from './qr';
import { viewQuery } from '../url/codec';
import { drawSiteCard, type SiteCardInput } from './sitecard';
import { areaBand } from '../geo/uncertainty';
import { formatWithUncertainty, m2ToKm2 } from '../geo/units';

export async function exportSiteCard(atlas: AtlasState, adapter: MapAdapter): Promise<void> {
  await adapter.whenIdle();
  const L = atlas.lang;
  const cam = adapter.camera();
  atlas.camera = cam;
  const link = `${location.origin}${location.pathname}${viewQuery(atlas.view, location.search)}`;
  const sel = atlas.selection;
  const selName =
    sel?.type === 'zone' ? atlas.shownVersionOf(sel.id)?.properties.name[L] : sel?.type === 'point' ? atlas.data.points.find((p) => p.properties.id === sel.id)?.properties.name[L] : undefined;
  const nf = new Intl.NumberFormat(L === 'zh' ? 'zh-Hans' : 'en');
  const frame = await adapter.snapshot();
  const kinds = [...new Set(atlas.filteredZones.map((z) => z.properties.kind))];
  const input: SiteCardInput = {
    title: selName ? `${t(L, 'app.title')} · ${selName}` : t(L, 'app.title'),
    subtitle: t(L, 'app.subtitle'),
    map: frame,
    pixelRatio: frame.width / (adapter.canvas().clientWidth || frame.width),
    lat: cam.center[1],
    zoom: cam.zoom,
    bearing: cam.bearing,
    legend: kinds.map((k) => ({ color: ZONE_KIND_COLORS[k], label: t(L, `kind.${k}` as MessageKey) })),
    attribution: '© OpenStreetMap contributors, geoBoundaries · Noto Sans SC (OFL)',
    dataDate: t(L, 'card.dataDate', { date: dataDate(atlas) }),
    note: t(L, 'card.note'),
    link,
    qr: qrFor(link),
    scaleLabel: (m) => (m >= 1000 ? `${nf.format(m / 1000)} km` : `${nf.format(m)} m`),
    font: "'Noto Sans SC', sans-serif",
    facts: facts(atlas),
  };
  // Canvas text uses only font subsets already loaded: load the ones these strings need first.
  const text = [input.title, input.subtitle, input.note, input.dataDate, input.attribution, ...input.legend.map((l) => l.label), ...input.facts].join('');
  await Promise.all([400, 700].map((w) => document.fonts.load(`${w} 20px 'Noto Sans SC'`, text)));
  const canvas = drawSiteCard(input);
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
  if (!blob) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `shijingshan-atlas-${sel?.id ?? 'view'}.png`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Newest provenance date of the zones and places (the data's "as of"). */
function dataDate(atlas: AtlasState): string {
  return [...atlas.data.zones, ...atlas.data.points].map((f) => f.properties.provenance.date).sort().at(-1) ?? '—';
}

/** Key facts of the selected zone for the card: area ± band, stated figures, method. */
function facts(atlas: AtlasState): string[] {
  const L = atlas.lang;
  const sel = atlas.selection;
  if (sel?.type !== 'zone') return [];
  const z = atlas.shownVersionOf(sel.id);
  if (!z) return [];
  const locale = L === 'zh' ? 'zh-Hans' : 'en';
  const out: string[] = [];
  const p = z.properties;
  out.push(`${t(L, `kind.${p.kind}` as MessageKey)} · ${t(L, `status.${p.status}` as MessageKey)}`);
  if (z.geometry) {
    const b = areaBand(z.geometry, p.provenance.accuracy_m);
    out.push(`${t(L, 'card.area')}: ${formatWithUncertainty(m2ToKm2(b.area_m2), m2ToKm2(b.band_m2), locale, 2)} km²`);
  } else out.push(t(L, 'card.areaUnknown'));
  for (const c of atlas.data.claims.filter((c) => c.scope.kind === 'zone' && c.scope.zone === p.zone && (!c.scope.version || c.scope.version === p.version.id)))
    out.push(`${t(L, 'card.stated')}: ${c.measures[L]} ${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(c.value)}${c.unit === 'km2' ? ' km²' : ''}`);
  out.push(t(L, 'card.method', { method: t(L, `method.${p.provenance.method}` as MessageKey), accuracy: new Intl.NumberFormat(locale).format(p.provenance.accuracy_m) }));
  return out;
}
