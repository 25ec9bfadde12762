/**
 * A user's GeoJSON (a planner's proposal) read as zone versions so it can be audited the same way
 * as the Atlas's own zones. Properties are optional: a feature that already has full zone
 * properties keeps them; otherwise sensible, stated defaults are filled in and reported.
 * Never throws; invalid features are left out with located issues.
 */
import { zhCN } from 'zod/locales';
import { say, type Located } from '../i18n/located';
import { z } from 'zod';
import { AreaGeometry, Id, Method, ZoneKind, ZoneProps, type ZoneFeature } from './schema';
import { areaGeometryIssues, positionIssues } from './checks';
import { formatPath, type DataIssue } from './load';
import { DEFAULT_USER_ACCURACY_M } from './proposals';

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

/**
 * A planner's proposal as the Atlas keeps it (the contract shared by the import, the place list,
 * the version picker, the audit, the compare view and the export):
 *
 * - It is a zone version of its OWN zone: `properties.zone === properties.id` (a `file-…` id, never
 *   an Atlas zone id), `current: true`, version `proposal`. So it is listed, drawn, carded and
 *   audited as its own entry and never takes the place of an official version anywhere.
 * - `properties.attachedTo` (optional) names the official zone version it is an alternative to,
 *   e.g. `{ zone: 'zgc-sjs-park', version: 'after' }`: from a file feature with `zone`/`version`
 *   properties (no `version`: the zone's current version) or attached later
 *   (`AtlasState.attachProposal`). The audit then checks the claims about that version against
 *   the proposal too, in rows beside the official ones (`ClaimAudit.proposal`), and does not count
 *   the proposal as overlapping its own official zone. Always resolved to an existing version.
 */
export interface ProposalAttachment {
  zone: string;
  version: string;
}
export const ProposalAttachment = z.object({ zone: Id, version: Id });
export const ProposalProps = ZoneProps.extend({ attachedTo: ProposalAttachment.optional() });
export const ProposalFeature = z.object({ type: z.literal('Feature'), properties: ProposalProps, geometry: AreaGeometry.nullable() });
const ProposalShell = z.object({ type: z.literal('Feature'), properties: ProposalProps, geometry: z.null() });

/**
 * ProposalFeature.safeParse, with a polygon geometry checked by hand (plainAreaGeometry) and only
 * the properties through zod: zod copies every coordinate pair (12,000 stored parcels). Anything
 * the hand check refuses goes through the whole schema, which says what is wrong.
 */
export function parseProposalFeature(f: unknown): { success: true; data: z.infer<typeof ProposalFeature> } | { success: false } {
  const raw = f as { geometry?: unknown } | null;
  const g = raw && typeof raw === 'object' ? plainAreaGeometry(raw.geometry) : null;
  if (!g) return ProposalFeature.safeParse(f);
  const r = ProposalShell.safeParse({ ...raw, geometry: null });
  return r.success ? { success: true, data: { ...r.data, geometry: g } } : { success: false };
}

/** A ZoneFeature (usable wherever one is) with the optional attachment above. */
export type ProposalFeature = ZoneFeature & { properties: ZoneFeature['properties'] & { attachedTo?: ProposalAttachment } };

const PROPOSAL_VERSION = { id: 'proposal', label: { zh: '方案', en: 'proposal' } };

/**
 * A stored proposal of the first format, which took an official version's `zone` and `version`
 * (and so replaced it), as a zone of its own attached to that version. Others unchanged.
 */
export function asOwnZone(f: ProposalFeature): ProposalFeature {
  const p = f.properties;
  if (p.zone === p.id) return f;
  return { ...f, properties: { ...p, zone: p.id, current: true, version: PROPOSAL_VERSION, attachedTo: p.attachedTo ?? { zone: p.zone, version: p.version.id } } };
}

/** An official zone version as far as attaching is concerned. */
export interface KnownVersion {
  zone: string;
  version: string;
  current: boolean;
}

/**
 * Where a proposal naming `zone` (and maybe `version`) attaches: the named version, or the zone's
 * current one when no version is given; an error message when there is no such zone or version.
 */
export function resolveAttachment(known: readonly KnownVersion[], zone: string, version: string | undefined): ProposalAttachment | { message: string; text: Located } {
  const versions = known.filter((k) => k.zone === zone);
  if (versions.length === 0) return say('issue.attachNoZone', { zone });
  const hit = version === undefined ? (versions.find((k) => k.current) ?? versions[0]!) : versions.find((k) => k.version === version);
  if (!hit) return say('issue.attachNoVersion', { zone, version: String(version), versions: versions.map((k) => k.version).join(', ') });
  return { zone: hit.zone, version: hit.version };
}

/** zod's own wording of a schema problem, in English and in Chinese (zod's zh-CN locale). */
const zodZh = zhCN();
const zodText = (x: z.core.$ZodIssue): { zh: string; en: string } => ({ en: x.message, zh: zodZh.localeError?.(x as never) as string | undefined ?? x.message });

const Loose = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  name: z.string().optional(),
  name_zh: z.string().optional(),
  name_en: z.string().optional(),
  zone: Id.optional(),
  version: Id.optional(),
  kind: ZoneKind.optional(),
  method: Method.optional(),
  // KML ExtendedData and shapefile tables carry numbers as text ("20"): read them as numbers.
  accuracy_m: z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), z.number().positive().max(10_000)).optional(),
});

export interface UserZones {
  zones: ZoneFeature[];
  issues: DataIssue[];
}

/**
 * `known`: the Atlas's zone versions, to attach features with `zone`/`version` properties (see
 * ProposalAttachment); without it, a feature is attached only when it names both.
 */
const isRing = (r: unknown): boolean => {
  if (!Array.isArray(r) || r.length < 4) return false;
  for (const p of r) if (!Array.isArray(p) || p.length !== 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return false;
  return true;
};
const isRings = (c: unknown): boolean => Array.isArray(c) && c.length >= 1 && c.every(isRing);

/**
 * The geometry as AreaGeometry's schema would return it ({type, coordinates}, nothing else), when
 * it is a Polygon or MultiPolygon exactly as the schema wants (rings of ≥ 4 finite [x, y]); else
 * null, and the schema is asked. The coordinates are the input's own arrays, not copies.
 */
export function plainAreaGeometry(g: unknown): AreaGeometry | null {
  const x = g as { type?: unknown; coordinates?: unknown } | null;
  if (!x || typeof x !== 'object') return null;
  if (x.type === 'Polygon') return isRings(x.coordinates) ? ({ type: 'Polygon', coordinates: x.coordinates } as AreaGeometry) : null;
  if (x.type === 'MultiPolygon')
    return Array.isArray(x.coordinates) && x.coordinates.length >= 1 && x.coordinates.every(isRings) ? ({ type: 'MultiPolygon', coordinates: x.coordinates } as AreaGeometry) : null;
  return null;
}

export function parseUserZones(text: string | object, file: string, known?: readonly KnownVersion[]): UserZones {
  const issues: DataIssue[] = [];
  let json: unknown = text;
  if (typeof text === 'string')
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { zones: [], issues: [{ file, code: 'json', severity: 'error', ...say('issue.json', { detail: (e as Error).message }) }] };
    }
  const features: unknown[] =
    (json as { type?: string })?.type === 'FeatureCollection' && Array.isArray((json as { features?: unknown }).features)
      ? (json as { features: unknown[] }).features
      : (json as { type?: string })?.type === 'Feature'
        ? [json]
        : [];
  if (features.length === 0) {
    issues.push({ file, code: 'schema', field: 'type', severity: 'error', ...say('issue.notGeoJsonPolygons') });
    return { zones: [], issues };
  }
  const zones: ZoneFeature[] = [];
  const used = new Set<string>();
  features.forEach((f, i) => {
    const feat = f as { properties?: unknown; geometry?: unknown } | null;
    const rawProps = (feat?.properties ?? {}) as Record<string, unknown>;
    const loose = Loose.safeParse(rawProps);
    const lp = loose.success ? loose.data : {};
    let id = `file-${slug(String(lp.id ?? lp.name ?? lp.name_en ?? '')) || i + 1}`;
    while (used.has(id)) id = `${id}-${i + 1}`;
    used.add(id);
    // The common case checked by hand first (zod copies every coordinate pair: seconds for 12,000
    // parcels); anything it does not accept goes through the schema, which says what is wrong.
    const fast = plainAreaGeometry(feat?.geometry);
    const g = fast ? { success: true as const, data: fast } : AreaGeometry.safeParse(feat?.geometry, { reportInput: true });
    if (!g.success) {
      issues.push(
        ...g.error.issues.slice(0, 3).map((x) => ({
          file, id, field: formatPath(['geometry', ...x.path]) || 'geometry', code: 'schema', severity: 'error' as const,
          ...say('issue.schemaDetail', { detail: zodText(x) }),
        })),
      );
      return;
    }
    const geomIssues = [...positionIssues(file, id, g.data)];
    if (geomIssues.length === 0) geomIssues.push(...areaGeometryIssues(file, id, g.data));
    issues.push(...geomIssues);
    if (geomIssues.some((x) => x.severity === 'error')) return;

    // A complete zone version of the Atlas's own schema is still a proposal: it gets its own zone
    // and is attached to the version it describes (it never replaces it).
    // Only a feature with the Atlas's own nested fields can be a full zone version; a parcel's
    // flat properties are not put through the (failing, error-building) schema 12,000 times.
    const maybeFull = typeof rawProps.version === 'object' && rawProps.version !== null && typeof rawProps.provenance === 'object' && rawProps.provenance !== null;
    const full = maybeFull ? ZoneProps.safeParse(rawProps) : ({ success: false } as const);
    let attachedTo: ProposalAttachment | undefined;
    const wantZone = full.success ? full.data.zone : lp.zone;
    const wantVersion = full.success ? full.data.version.id : lp.version;
    if (wantZone !== undefined) {
      const r = known ? resolveAttachment(known, wantZone, wantVersion) : wantVersion !== undefined ? { zone: wantZone, version: wantVersion } : say('issue.attachVersionMissing', { zone: wantZone });
      if ('message' in r) issues.push({ file, id, field: 'properties.zone', code: 'attach-unknown', severity: 'warning', ...r });
      else attachedTo = r;
    }
    if (full.success) {
      zones.push({
        type: 'Feature',
        properties: { ...full.data, id, zone: id, current: true, version: PROPOSAL_VERSION, ...(attachedTo && { attachedTo }) },
        geometry: g.data,
      } as ProposalFeature);
      return;
    }
    if (lp.accuracy_m === undefined)
      issues.push({ file, id, field: 'properties.accuracy_m', code: 'assumed-accuracy', severity: 'warning', ...say('issue.assumedAccuracy', { m: DEFAULT_USER_ACCURACY_M }) });
    const name = lp.name ?? lp.name_en ?? lp.name_zh ?? id;
    zones.push({
      type: 'Feature',
      geometry: g.data,
      properties: {
        id,
        zone: id,
        version: PROPOSAL_VERSION,
        evidence: [],
        current: true,
        name: { zh: lp.name_zh ?? name, en: lp.name_en ?? name },
        kind: lp.kind ?? 'park',
        sectors: [],
        status: 'planned',
        valid: { plan: [] },
        provenance: { source: file, method: lp.method ?? 'digitised', accuracy_m: lp.accuracy_m ?? DEFAULT_USER_ACCURACY_M, date: new Date().toISOString().slice(0, 10) },
        claims: [],
        extent: 'outline',
        ...(attachedTo && { attachedTo }),
      },
    } as ProposalFeature);
  });
  return { zones, issues };
}

export { withProposals, attachmentOf, DEFAULT_USER_ACCURACY_M } from './proposals';
