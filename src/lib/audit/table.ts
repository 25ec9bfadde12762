/**
 * Tables of strings from an audit report, for the CLI (English) and the audit panel (its language):
 * numbers through `Intl.NumberFormat`, areas in km² rounded to what their band supports
 * (`geo/units.ts#roundToUncertainty`). One implementation, so both show the same numbers.
 */
import type { AuditReport } from './audit';
import { areaUnitM2, formatWithUncertainty, m2ToKm2, roundToUncertainty } from '../geo/units';
import { t, type Lang, type MessageKey } from '../i18n';

export interface AuditTable {
  id: 'district' | 'zones' | 'claims' | 'overlaps' | 'expansions' | 'issues';
  title: string;
  header: string[];
  rows: string[][];
  /** Per column: numeric (right-aligned, tabular figures, in the UI) or text. */
  numeric: boolean[];
}

export interface AuditTableOptions {
  /** Names in the table's language instead of ids (the app, CSV export); the CLI keeps ids. */
  names?: boolean;
}


/**
 * Turns the report into tables of strings: English for the CLI by default, the UI passes its
 * language. One implementation, so the CLI and the audit panel show the same numbers.
 */
export function auditTables(report: AuditReport, lang: Lang = 'en', opts: AuditTableOptions = {}): AuditTable[] {
  const LOCALE = lang === 'zh' ? 'zh-Hans' : 'en';
  const L = (key: string, vars?: Record<string, string>) => t(lang, `audit.${key}` as MessageKey, vars);
  const built: Omit<AuditTable, 'numeric'>[] = [];
  const tables = { push: (x: Omit<AuditTable, 'numeric'>) => built.push(x) };
  const byId = new Map(report.zones.map((z) => [z.id, z]));
  const versionsOf = (zone: string) => report.zones.filter((z) => z.zone === zone).length;
  /** A zone version by name: "ZGC Shijingshan Park · after the adjustment" (the version only when the zone has several). */
  const featureName = (id: string): string => {
    const z = byId.get(id);
    if (!opts.names || !z) return id;
    return versionsOf(z.zone) > 1 ? `${z.name[lang]} · ${z.version_label[lang]}` : z.name[lang];
  };
  const zoneName = (zone: string): string => {
    const z = report.zones.find((x) => x.zone === zone);
    return opts.names && z ? z.name[lang] : zone;
  };
  const versionName = (zone: string, version: string): string => {
    const z = report.zones.find((x) => x.zone === zone && x.version === version);
    return opts.names && z ? z.version_label[lang] : version;
  };
  const districtName = opts.names && report.district ? report.district.name[lang] : report.districtId;
  /** km² value rounded to the digits its band (m²) supports, without the band. */
  function km2(m2: number, band_m2: number): string {
    const r = roundToUncertainty(m2ToKm2(m2), m2ToKm2(band_m2), 3);
    return new Intl.NumberFormat(LOCALE, { minimumFractionDigits: r.fractionDigits, maximumFractionDigits: r.fractionDigits }).format(r.value);
  }
  /** Length in km rounded to the digits its uncertainty (m) supports. */
  function km(m: number, uncertainty_m: number): string {
    const r = roundToUncertainty(m / 1000, uncertainty_m / 1000, 3);
    return new Intl.NumberFormat(LOCALE, { minimumFractionDigits: r.fractionDigits, maximumFractionDigits: r.fractionDigits }).format(r.value);
  }
  /** "value ± band" in km². */
  function km2Band(m2: number, band_m2: number): string {
    return formatWithUncertainty(m2ToKm2(m2), m2ToKm2(band_m2), LOCALE, 3);
  }
  const pct = (x: number, digits = 1) =>
    new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
  /** A relative difference in %, to the digits the relative band supports. */
  function pctBand(x: number, band: number): string {
    const r = roundToUncertainty(x * 100, band * 100, 1);
    const s = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: r.fractionDigits, maximumFractionDigits: r.fractionDigits, signDisplay: 'exceptZero' }).format(r.value);
    return `${s} %`;
  }
  /** A stated figure as written (no rounding: it is the source's number). */
  const asStated = (x: number) => new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 6 }).format(x);
  /** Explicit sign for changes; a value that rounds to zero gets none. */
  const signed = (s: string) => (s.startsWith('-') || /^0(\.0*)?$/.test(s) ? s : `+${s}`);


  if (report.district !== null) {
    const d = report.district;
    tables.push({
      id: 'district',
      title: L('t.district', { name: lang === 'zh' ? d.name.zh : `${d.name.en} (${d.name.zh})` }),
      header: [L('h.district'), L('h.areaKm2'), L('h.officialKm2'), L('h.verdict')],
      rows: [
        [
          opts.names ? d.name[lang] : d.id,
          km2Band(d.area_m2, d.band_m2),
          d.official_area_m2 === null ? '—' : asStated(m2ToKm2(d.official_area_m2)),
          d.official_verdict ? L(`v.${d.official_verdict.verdict}`) : '—',
        ],
      ],
    });
  }

  tables.push({
    id: 'zones',
    title: L('t.zones'),
    header: [L('h.zoneVersion'), L('h.current'), L('h.extent'), L('h.areaKm2'), L('h.perimeterKm'), L('h.accuracyM'), L('h.inside', { district: districtName }), L('h.outsideKm2'), L('h.claims')],
    rows: report.zones.map((z) => {
      const m = z.measure;
      return [
        featureName(z.id),
        z.current ? L('yes') : L('no'),
        L(`x.${z.extent}`),
        m === null ? '—' : km2Band(m.area_m2, m.band_m2),
        m === null ? '—' : km(m.perimeter_m, z.accuracy_m),
        new Intl.NumberFormat(LOCALE).format(z.accuracy_m),
        z.containment === null ? '—' : pct(z.containment.share_inside),
        z.containment === null || m === null ? '—' : km2(z.containment.outside_m2, m.band_m2),
        z.claims.map((id) => (opts.names ? (report.claims.find((c) => c.claim === id)?.measures[lang] ?? id) : id)).join(lang === 'zh' && opts.names ? '；' : ', ') || '—',
      ];
    }),
  });

  tables.push({
    id: 'claims',
    title: L('t.claims'),
    header: [L('h.claim'), L('h.source'), L('h.measured'), L('h.statedKm2'), L('h.computedKm2'), L('h.differenceKm2'), L('h.difference'), L('h.verdict'), L('h.reason')],
    rows: report.claims.map((c) => {
      const v = c.verdict;
      const band = v.band_m2 ?? 0;
      const perUnit = areaUnitM2(c.unit);
      return [
        opts.names ? c.measures[lang] : c.claim,
        c.interview ? L('src.interview') : c.as_of !== null ? L('src.otherYear', { year: String(c.as_of) }) : L('src.other'),
        c.feature === null ? '—' : featureName(c.feature),
        c.unit === 'km2' ? asStated(c.value) : perUnit !== null ? `${new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 6 }).format((c.value * perUnit) / 1e6)} (${asStated(c.value)} ${c.unit === 'm2' ? 'm²' : c.unit})` : `${asStated(c.value)} ${c.unit}`,
        v.computed_m2 === null ? '—' : km2Band(v.computed_m2, band),
        v.difference_m2 === null ? '—' : signed(km2(v.difference_m2, band)),
        v.relative_difference === null ? '—' : pctBand(v.relative_difference, v.relative_band ?? 0),
        L(`v.${v.verdict}`),
        L(`r.${v.reason}`),
      ];
    }),
  });

  tables.push({
    id: 'overlaps',
    title: L('t.overlaps'),
    header: [L('h.zoneA'), L('h.zoneB'), L('h.overlapKm2'), L('h.shareA'), L('h.shareB'), L('h.relation')],
    rows: report.overlaps.map((o) => [
      featureName(o.a),
      featureName(o.b),
      km2Band(o.overlap_m2, o.band_m2),
      pct(o.share_a),
      pct(o.share_b),
      o.relation === null ? '—' : opts.names ? L('plotOf', { zone: zoneName(o.parent ?? '') }) : `${o.relation} (${o.parent})`,
    ]),
  });

  tables.push({
    id: 'expansions',
    title: L('t.expansions'),
    header: [L('h.zone'), L('h.fromTo'), L('h.beforeKm2'), L('h.afterKm2'), L('h.addedKm2'), L('h.removedKm2'), L('h.netKm2')],
    rows: report.expansions.map((e) => [
      zoneName(e.zone),
      `${versionName(e.zone, e.from_version)} → ${versionName(e.zone, e.to_version)}`,
      km2(e.before_m2, e.net_band_m2 / 2),
      km2(e.after_m2, e.net_band_m2 / 2),
      km2(e.added_m2, e.net_band_m2 / 2),
      km2(e.removed_m2, e.net_band_m2 / 2),
      signed(km2Band(e.net_m2, e.net_band_m2)),
    ]),
  });

  tables.push({
    id: 'issues',
    title: L('t.issues'),
    header: [L('h.severity'), L('h.code'), L('h.where'), L('h.message')],
    rows: report.issues.map((i) => [i.severity, i.code, i.feature ?? i.claim ?? '—', i.message]),
  });

  // Columns whose data cells are numbers (digits with signs, separators, ± and %), or dashes.
  return built.map((tb) => ({
    ...tb,
    numeric: tb.header.map((_, c) => tb.rows.length > 0 && tb.rows.every((r) => /^[\s—+\-−–0-9.,±%]*$/.test(r[c] ?? '')) && tb.rows.some((r) => /\d/.test(r[c] ?? ''))),
  }));
}
