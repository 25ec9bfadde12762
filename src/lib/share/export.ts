/** Builds and downloads the site card PNG of the current view. */
import type { MapAdapter } from '../map/adapter';
import type { AtlasState } from '../state/atlas.svelte';
import { ZONE_KIND_COLORS } from '../map/style';
import { t, type MessageKey } from '../i18n';
import { qrFor } from './qr';
import { drawSiteCard } from './sitecard';

export async function exportSiteCard(atlas: AtlasState, adapter: MapAdapter): Promise<void> {
  await adapter.whenIdle();
  const L = atlas.lang;
  const cam = adapter.camera();
  const sel = atlas.selection;
  const selName =
    sel?.type === 'zone' ? atlas.shownVersionOf(sel.id)?.properties.name[L] : sel?.type === 'point' ? atlas.data.points.find((p) => p.properties.id === sel.id)?.properties.name[L] : undefined;
  const nf = new Intl.NumberFormat(L === 'zh' ? 'zh-Hans' : 'en');
  const kinds = [...new Set(atlas.filteredZones.map((z) => z.properties.kind))];
  await document.fonts.load("700 20px 'Noto Sans SC'", t(L, 'app.title'));
  const canvas = drawSiteCard({
    title: selName ? `${t(L, 'app.title')} · ${selName}` : t(L, 'app.title'),
    subtitle: t(L, 'app.subtitle'),
    map: adapter.canvas(),
    lat: cam.center[1],
    zoom: cam.zoom,
    bearing: cam.bearing,
    legend: kinds.map((k) => ({ color: ZONE_KIND_COLORS[k], label: t(L, `kind.${k}` as MessageKey) })),
    attribution: '© OpenStreetMap contributors, geoBoundaries · Noto Sans SC (OFL)',
    dataDate: t(L, 'card.dataDate', { date: dataDate(atlas) }),
    note: t(L, 'card.note'),
    link: location.href,
    qr: qrFor(location.href),
    scaleLabel: (m) => (m >= 1000 ? `${nf.format(m / 1000)} km` : `${nf.format(m)} m`),
    font: "'Noto Sans SC', sans-serif",
  });
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
