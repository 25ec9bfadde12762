/**
 * The area audit: every zone version measured on the WGS84 ellipsoid (GeographicLib) with an
 * uncertainty band from its positional accuracy, checked against the district and against the
 * stated figures of the interview, plus overlaps between zones and what changed between versions.
 *
 * Pure: data in, a JSON-serialisable report out (plain numbers, strings, null and GeoJSON; no
 * NaN, no undefined), so `--json` on the CLI and the UI show the same numbers. Problems are
 * collected as located issues, never thrown.
 *
 * Rules, each documented where it is computed:
 * - area ± band: `geo/uncertainty.ts` (band = perimeter × provenance.accuracy_m);
 * - verdicts: `geo/verdict.ts`; the stated figure's own rounding (half a unit of its last stated
 *   digit, e.g. 13.34 km² → ± 0.005 km²) is the stated tolerance; `at-least` claims compare as
 *   minimums; a zone's `extent` says what its area is: `outline` (comparable), `partial` (a lower
 *   bound), `envelope` (an upper bound), `unknown` (no geometry: undetermined);
 * - containment in the district `shijingshan`: `geo/containment.ts`;
 * - overlaps between the current versions of different zones: `geo/overlap.ts`, pairs where one
 *   zone is a plot of the other (`plots[].zone`) marked `plot-of` so the UI can group them;
 * - expansions between consecutive versions of a zone, ordered by `valid.since` when every version
 *   has one, else by version id (before → after, phase-1 → phase-2), else by file order; versions
 *   are taken as full extents (phase 2 = phases 1 + 2).
 */
import type { Claim, Source, DistrictFeature, Names, Text, ZoneExtent, ZoneFeature } from '../data/schema';
import { attachmentOf } from '../data/proposals';
import { ellipsoidalMeasure } from '../geo/area';
import { polygonsOf, type Areal } from '../geo/areal';
import type { ClipOptions } from '../geo/clip';
import { containment } from '../geo/containment';
import { expansionDelta, type ExpansionDelta } from '../geo/expansion';
import { overlapMatrix } from '../geo/overlap';
import { bandFromMeasure, featureBand, type AreaBand } from '../geo/uncertainty';
import { areaUnitM2, km2ToM2 } from '../geo/units';
import { verdict, type AreaVerdict, type VerdictOptions } from '../geo/verdict';

export { auditTables, type AuditTable } from './table';

/** Id of the district the zones are checked against. */
export const AUDIT_DISTRICT_ID = 'shijingshan';

export interface AuditInput {
  zones: ZoneFeature[];
  districts: DistrictFeature[];
  claims: Claim[];
  /** Source records, to tell the interview's figures from other public sources. */
  sources?: Source[];
}

export interface AuditOptions {
  /** District to check containment against (default `shijingshan`). */
  districtId?: string;
  /** Verdict tolerances (stated tolerance is derived per claim unless given here). */
  verdict?: Partial<Omit<VerdictOptions, 'comparison'>>;
  /** Clipping options (sliver thresholds, evidence tolerance). */
  clip?: ClipOptions;
}

/** Area ± band of one geometry, m² / m (see geo/uncertainty.ts). */
export type MeasuredArea = AreaBand;

export interface DistrictAudit extends MeasuredArea {
  id: string;
  name: { zh: string; en: string };
  /** Official area stated by the government, m² (context, not an interview claim). */
  official_area_m2: number | null;
  /** Official area against the polygon (context only). */
  official_verdict: AreaVerdict | null;
}

export interface ZoneContainment {
  district: string;
  inside_m2: number;
  outside_m2: number;
  share_inside: number;
  residual_m2: number;
  /** True when the zone says it deliberately extends beyond the district (`outside_district`). */
  outside_flagged: boolean;
  /** The part outside the district, or null. */
  outside: Areal | null;
}

export interface ZoneAudit {
  /** Feature id of the version. */
  id: string;
  zone: string;
  version: string;
  version_label: Text;
  current: boolean;
  name: { zh: string; en: string };
  method: string;
  /** provenance.accuracy_m, m. */
  accuracy_m: number;
  /** What the geometry stands for: outline, partial (lower bound), envelope (upper bound), unknown. */
  extent: ZoneExtent;
  /** Area ± band; null when the zone has no geometry (extent `unknown`). */
  measure: MeasuredArea | null;
  /** Number of polygons (plots); 0 without geometry. */
  parts: number;
  /** Containment in the district; null when the district is missing or the clip failed (see issues). */
  containment: ZoneContainment | null;
  /** Ids of the spatial claims checked against this version. */
  claims: string[];
}

export interface ClaimAudit {
  claim: string;
  /** Source id of the figure. */
  source: string;
  /** True when the figure was stated in the interview (the product's stated figures); false for other public sources. */
  interview: boolean;
  /** Year the figure describes when older than the interview. */
  as_of: number | null;
  measures: Text;
  value: number;
  unit: Claim['unit'];
  qualifier: Claim['qualifier'];
  /** `district`, or the zone (and version, null = current) the figure describes. */
  scope: { kind: 'district' } | { kind: 'zone'; zone: string; version: string | null };
  /** Feature id measured, or null when no geometry matches. */
  feature: string | null;
  /**
   * Null on the official row. On a proposal's row (a planner's polygon attached to the version the
   * claim is about, see ProposalAttachment in data/userfile.ts): the proposal's feature id; such a
   * row follows the official row of the same claim.
   */
  proposal: string | null;
  verdict: AreaVerdict;
}

export interface OverlapAudit {
  /** Feature ids. */
  a: string;
  b: string;
  zone_a: string;
  zone_b: string;
  /** Extents of the two versions (an overlap with an envelope is only a possible overlap). */
  extent_a: ZoneExtent;
  extent_b: ZoneExtent;
  overlap_m2: number;
  /** perimeter of the overlap × the worse accuracy of the two zones, m². */
  band_m2: number;
  share_a: number;
  share_b: number;
  /** `plot-of` when one zone lists the other among its plots; `part-of` when one is a sub-zone (`parent`) of the other. */
  relation: 'plot-of' | 'part-of' | null;
  /** The zone that lists the other as a plot, or contains it as a sub-zone, when `relation` is set. */
  parent: string | null;
  geometry: Areal;
}

export interface ExpansionAudit extends ExpansionDelta {
  zone: string;
  /** Feature ids and version ids, in order. */
  from: string;
  to: string;
  from_version: string;
  to_version: string;
  /** Band of the net change: sum of the two versions' bands (conservative), m². */
  net_band_m2: number;
}

export interface AuditIssue {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  feature: string | null;
  claim: string | null;
}

export interface AuditReport {
  format: 'atlas-audit/1';
  model: { area: string; band: string; clip: string };
  districtId: string;
  district: DistrictAudit | null;
  zones: ZoneAudit[];
  claims: ClaimAudit[];
  overlaps: OverlapAudit[];
  expansions: ExpansionAudit[];
  issues: AuditIssue[];
  summary: {
    zoneVersions: number;
    claims: { consistent: number; inconsistent: number; undetermined: number };
    overlaps: number;
    expansions: number;
    issues: number;
  };
}

const MODEL = {
  area: 'WGS84 ellipsoid, geodesic edges, GeographicLib PolygonArea',
  band: 'half-width = Σ edge length × edge accuracy (provenance.edges), else perimeter × provenance.accuracy_m (boundary shifted by the accuracy, first order)',
  clip: 'turf 7 (polyclip-ts) on a 1e-7° grid, slivers < 1 m² or < 5 cm mean width dropped',
} as const;

const names = (n: Names) => ({ zh: n.zh, en: n.en });

function measured(geom: Areal | null, accuracy_m: number): MeasuredArea {
  const m = ellipsoidalMeasure(geom);
  return bandFromMeasure(m.area_m2, m.perimeter_m, accuracy_m);
}

/**
 * A consistent verdict whose difference is smaller than a third of its band: the figures agree
 * closely, but the geometry could not have told the stated value from one a band away, so the
 * closeness is a coincidence with no evidential value (issue #16: Shougang Park's earlier outline
 * measured −0.5 % of the 776 ha figure with a ±87 % band). Null otherwise.
 */
export function closenessWithoutEvidence(v: AreaVerdict): { difference: number; band: number } | null {
  if (v.verdict !== 'consistent' || v.relative_difference === null || v.relative_band === null) return null;
  return Math.abs(v.relative_difference) * 3 < v.relative_band ? { difference: Math.abs(v.relative_difference), band: v.relative_band } : null;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Half a unit of the last stated digit of `value` (13.34 → 0.005; 14.4 → 0.05; 1 → 0.5). */
export function statedHalfUnit(value: number): number {
  const s = String(value);
  const m = /^-?\d*(?:\.(\d+))?(?:e([+-]\d+))?$/i.exec(s);
  const decimals = (m?.[1]?.length ?? 0) - Number(m?.[2] ?? 0);
  return 0.5 * 10 ** -decimals;
}

/** Order key of well-known version ids: before < after, phase-1 < phase-2, v1 < v2. */
function versionRank(id: string): number | null {
  if (id === 'before') return 0;
  if (id === 'after') return 1;
  const m = /^(?:phase|v|stage)-?(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
}

function orderVersions(features: { f: ZoneFeature; index: number }[]): { f: ZoneFeature; index: number }[] {
  const bySince = features.every((x) => x.f.properties.valid.since !== undefined);
  const byRank = features.every((x) => versionRank(x.f.properties.version.id) !== null);
  return [...features].sort((x, y) => {
    if (bySince) {
      const d = x.f.properties.valid.since! - y.f.properties.valid.since!;
      if (d !== 0) return d;
    }
    if (byRank) {
      const d = versionRank(x.f.properties.version.id)! - versionRank(y.f.properties.version.id)!;
      if (d !== 0) return d;
    }
    return x.index - y.index;
  });
}

/** Runs the audit (see the header for the rules). Never throws on data problems. */
export function runAudit(input: AuditInput, options: AuditOptions = {}): AuditReport {
  const districtId = options.districtId ?? AUDIT_DISTRICT_ID;
  const clipOpts = options.clip;
  const issues: AuditIssue[] = [];
  const issue = (severity: AuditIssue['severity'], code: string, message: string, feature: string | null = null, claim: string | null = null) =>
    issues.push({ severity, code, message, feature, claim });

  // District.
  const districtFeature = input.districts.find((d) => d.properties.id === districtId) ?? null;
  let district: DistrictAudit | null = null;
  if (districtFeature === null) {
    issue('error', 'district-missing', `district "${districtId}" not found: containment not checked`);
  } else {
    const p = districtFeature.properties;
    const m = measured(districtFeature.geometry, p.provenance.accuracy_m);
    const official = p.official_area_km2 === undefined ? null : km2ToM2(p.official_area_km2);
    district = {
      id: p.id,
      name: names(p.name),
      ...m,
      official_area_m2: official,
      official_verdict:
        official === null
          ? null
          : verdict(official, m, { ...options.verdict, statedTolerance_m2: km2ToM2(statedHalfUnit(p.official_area_km2!)) }),
    };
  }

  // Zone versions.
  const zones: ZoneAudit[] = input.zones.map((f) => {
    const p = f.properties;
    const m = f.geometry === null ? null : featureBand(f);
    let contained: ZoneContainment | null = null;
    if (f.geometry !== null && m !== null && districtFeature !== null) {
      const c = containment(f.geometry, districtFeature.geometry, clipOpts);
      if (!c.ok) issue('error', 'containment-failed', c.error, p.id);
      else {
        contained = {
          district: districtId,
          inside_m2: c.inside_m2,
          outside_m2: c.outside_m2,
          share_inside: c.share_inside,
          residual_m2: c.residual_m2,
          outside_flagged: p.outside_district !== undefined,
          outside: c.outside,
        };
        // Outside by more than the zone's own band, and not declared: worth a look.
        if (c.outside_m2 > m.band_m2 && p.outside_district === undefined)
          issue('warning', 'outside-district', `${(c.outside_m2 / 1e6).toFixed(3)} km² lies outside ${districtId}, more than the ± ${(m.band_m2 / 1e6).toFixed(3)} km² band, and outside_district is not set`, p.id);
      }
    }
    return {
      id: p.id,
      zone: p.zone,
      version: p.version.id,
      version_label: p.version.label,
      current: p.current,
      name: names(p.name),
      method: p.provenance.method,
      accuracy_m: p.provenance.accuracy_m,
      extent: p.extent,
      measure: m,
      parts: f.geometry === null ? 0 : polygonsOf(f.geometry).length,
      containment: contained,
      claims: [],
    };
  });
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const featureIdVersion = new Map(input.zones.map((f) => [f.properties.id, { zone: f.properties.zone, version: f.properties.version.id }]));

  // Spatial claims.
  const claims: ClaimAudit[] = [];
  for (const c of input.claims) {
    if (!c.spatial) continue;
    let feature: { id: string; m: MeasuredArea | null; extent: ZoneExtent } | null = null;
    let scope: ClaimAudit['scope'];
    if (c.scope.kind === 'district') {
      scope = { kind: 'district' };
      if (district !== null) feature = { id: district.id, m: district, extent: 'outline' };
    } else if (c.scope.kind === 'point') {
      issue('warning', 'claim-scope', `spatial claim "${c.id}" is about a place (a point), which has no area to compare`, null, c.id);
      continue;
    } else {
      const { zone, version } = c.scope;
      scope = { kind: 'zone', zone, version: version ?? null };
      const matches = input.zones.filter(
        (f) => f.properties.zone === zone && (version === undefined ? f.properties.current : f.properties.version.id === version),
      );
      if (matches.length > 1) issue('warning', 'claim-ambiguous', `${matches.length} features match zone "${zone}" version "${version ?? '(current)'}"; the first is used`, matches[0]!.properties.id, c.id);
      const hit = matches[0];
      if (hit !== undefined) {
        const za = zoneById.get(hit.properties.id)!;
        za.claims.push(c.id);
        feature = { id: za.id, m: za.measure, extent: za.extent };
      }
    }
    if (feature?.m == null)
      issue('info', 'claim-no-geometry', `no geometry for the scope of spatial claim "${c.id}": verdict undetermined`, feature?.id ?? null, c.id);
    const perUnit = areaUnitM2(c.unit);
    const stated = perUnit === null ? NaN : c.value * perUnit;
    if (perUnit === null) issue('warning', 'claim-unit', `spatial claim "${c.id}" has unit "${c.unit}", not an area unit: not comparable with an area`, null, c.id);
    const check = (f: typeof feature) =>
      verdict(stated, f?.m ?? null, {
        ...options.verdict,
        statedTolerance_m2: options.verdict?.statedTolerance_m2 ?? (perUnit === null ? 0 : statedHalfUnit(c.value) * perUnit),
        comparison: c.qualifier === 'at-least' ? 'at-least' : 'equal',
        measured: f?.extent === 'partial' ? 'lower-bound' : f?.extent === 'envelope' ? 'upper-bound' : 'outline',
      });
    const row = {
      claim: c.id,
      source: c.source,
      interview: input.sources?.find((s) => s.id === c.source)?.role === 'interview',
      as_of: c.as_of ?? null,
      measures: c.measures,
      value: c.value,
      unit: c.unit,
      qualifier: c.qualifier,
      scope,
    };
    const official = check(feature);
    claims.push({ ...row, feature: feature?.id ?? null, proposal: null, verdict: official });
    const close = closenessWithoutEvidence(official);
    if (close !== null)
      issue('info', 'closeness-without-evidence', `"${c.id}": the geometry is within ${pct(close.difference)} of the stated figure, but its band is ± ${pct(close.band)}: consistent within the band, and how close the two are says nothing (issue #16)`, feature?.id ?? null, c.id);
    // Proposals attached to the version the claim is about: their own verdict, beside the official one.
    if (c.scope.kind === 'zone' && feature !== null) {
      const official = featureIdVersion.get(feature.id);
      for (const p of input.zones) {
        const at = attachmentOf(p);
        if (!at || !official || at.zone !== official.zone || at.version !== official.version) continue;
        const pa = zoneById.get(p.properties.id)!;
        pa.claims.push(c.id);
        const pf = { id: pa.id, m: pa.measure, extent: pa.extent };
        claims.push({ ...row, feature: pa.id, proposal: pa.id, verdict: check(pf) });
      }
    }
  }

  // Overlaps between current versions of different zones.
  const current = input.zones.filter((f) => f.properties.current && f.geometry !== null);
  const matrix = overlapMatrix(
    current.map((f) => ({ id: f.properties.id, geometry: f.geometry })),
    clipOpts,
  );
  const featureById = new Map(input.zones.map((f) => [f.properties.id, f]));
  for (const e of matrix.errors) issue('error', 'overlap-failed', `${e.a} × ${e.b}: ${e.error}`, e.a);
  const overlaps: OverlapAudit[] = [];
  for (const p of matrix.pairs) {
    const fa = featureById.get(p.a)!;
    const fb = featureById.get(p.b)!;
    if (fa.properties.zone === fb.properties.zone) continue; // two current versions of one zone: a data error reported elsewhere
    // A proposal is an alternative to the zone it is attached to, not a neighbour overlapping it.
    if (attachmentOf(fa)?.zone === fb.properties.zone || attachmentOf(fb)?.zone === fa.properties.zone) continue;
    const aHasB = fa.properties.plots?.some((pl) => pl.zone === fb.properties.zone) ?? false;
    const bHasA = fb.properties.plots?.some((pl) => pl.zone === fa.properties.zone) ?? false;
    const acc = Math.max(fa.properties.provenance.accuracy_m, fb.properties.provenance.accuracy_m);
    // `part-of`: one zone is a sub-zone of the other (its `parent` chain names it), e.g. the North Area in Shougang Park.
    const ancestors = (f: ZoneFeature) => {
      const out: string[] = [];
      for (let z: string | undefined = f.properties.parent; z && !out.includes(z); z = input.zones.find((x) => x.properties.zone === z)?.properties.parent) out.push(z);
      return out;
    };
    const aInB = ancestors(fa).includes(fb.properties.zone);
    const bInA = ancestors(fb).includes(fa.properties.zone);
    overlaps.push({
      a: p.a,
      b: p.b,
      zone_a: fa.properties.zone,
      zone_b: fb.properties.zone,
      extent_a: fa.properties.extent,
      extent_b: fb.properties.extent,
      overlap_m2: p.overlap_m2,
      band_m2: ellipsoidalMeasure(p.geometry).perimeter_m * acc,
      share_a: p.share_a,
      share_b: p.share_b,
      relation: aHasB || bHasA ? 'plot-of' : aInB || bInA ? 'part-of' : null,
      parent: aHasB ? fa.properties.zone : bHasA ? fb.properties.zone : aInB ? fb.properties.zone : bInA ? fa.properties.zone : null,
      geometry: p.geometry,
    });
  }

  // Expansions between consecutive versions.
  const byZone = new Map<string, { f: ZoneFeature; index: number }[]>();
  input.zones.forEach((f, index) => {
    const list = byZone.get(f.properties.zone) ?? [];
    list.push({ f, index });
    byZone.set(f.properties.zone, list);
  });
  const expansions: ExpansionAudit[] = [];
  for (const [zone, list] of byZone) {
    if (list.length < 2) continue;
    const ordered = orderVersions(list);
    for (let i = 0; i + 1 < ordered.length; i++) {
      const from = ordered[i]!.f;
      const to = ordered[i + 1]!.f;
      if (from.geometry === null || to.geometry === null) {
        issue('info', 'expansion-no-geometry', `${from.properties.id} → ${to.properties.id}: a version has no geometry`, to.properties.id);
        continue;
      }
      const d = expansionDelta(from.geometry, to.geometry, clipOpts);
      if (!d.ok) {
        issue('error', 'expansion-failed', `${from.properties.id} → ${to.properties.id}: ${d.error}`, to.properties.id);
        continue;
      }
      expansions.push({
        zone,
        from: from.properties.id,
        to: to.properties.id,
        from_version: from.properties.version.id,
        to_version: to.properties.version.id,
        before_m2: d.before_m2,
        after_m2: d.after_m2,
        added_m2: d.added_m2,
        removed_m2: d.removed_m2,
        kept_m2: d.kept_m2,
        net_m2: d.net_m2,
        residual_m2: d.residual_m2,
        net_band_m2: zoneById.get(from.properties.id)!.measure!.band_m2 + zoneById.get(to.properties.id)!.measure!.band_m2,
        added: d.added,
        removed: d.removed,
      });
    }
  }

  const count = (k: AreaVerdict['verdict']) => claims.filter((c) => c.verdict.verdict === k).length;
  return {
    format: 'atlas-audit/1',
    model: { ...MODEL },
    districtId,
    district,
    zones,
    claims,
    overlaps,
    expansions,
    issues,
    summary: {
      zoneVersions: zones.length,
      claims: { consistent: count('consistent'), inconsistent: count('inconsistent'), undetermined: count('undetermined') },
      overlaps: overlaps.length,
      expansions: expansions.length,
      issues: issues.length,
    },
  };
}
