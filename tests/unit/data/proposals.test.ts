/**
 * Issue 10, item 5 (data model): a proposal is compared WITH the official version it is attached
 * to and never replaces it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/lib/audit/audit';
import { parseUserZones, resolveAttachment, withProposals } from '../../../src/lib/data/userfile';
import { loadRealData } from '../geodata';

const { data } = loadRealData();
const known = data.zones.map((z) => ({ zone: z.properties.zone, version: z.properties.version.id, current: z.properties.current }));
const file = readFileSync('tests/fixtures/proposals/zgc-after-3800m-square.geojson', 'utf8');

describe('proposals beside official versions', () => {
  const { zones, issues } = parseUserZones(file, 'p.geojson', known);
  it('a feature naming zone and version becomes its own zone, attached to that version', () => {
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(zones[0]!.properties).toMatchObject({ zone: zones[0]!.properties.id, current: true, version: { id: 'proposal' }, attachedTo: { zone: 'zgc-sjs-park', version: 'after' } });
  });
  it('withProposals keeps every official version unchanged', () => {
    const all = withProposals(data.zones, zones);
    expect(all.slice(0, data.zones.length)).toEqual(data.zones);
    expect(all.filter((z) => z.properties.zone === 'zgc-sjs-park').map((z) => z.properties.version.id).sort()).toEqual(
      data.zones.filter((z) => z.properties.zone === 'zgc-sjs-park').map((z) => z.properties.version.id).sort(),
    );
  });
  it('an unknown zone or version is reported and not attached', () => {
    expect(resolveAttachment(known, 'nowhere', undefined)).toMatchObject({ message: expect.stringMatching(/no Atlas zone "nowhere"/) });
    expect(resolveAttachment(known, 'zgc-sjs-park', 'phase-9')).toMatchObject({ message: expect.stringMatching(/has no version "phase-9"/) });
    const current = known.find((k) => k.zone === 'zgc-sjs-park' && k.current)!;
    expect(resolveAttachment(known, 'zgc-sjs-park', undefined)).toEqual({ zone: 'zgc-sjs-park', version: current.version });
  });
  it('the audit keeps the official verdict and adds the proposal’s beside it; no overlap with its own zone', () => {
    const report = runAudit({ zones: withProposals(data.zones, zones), districts: data.districts, claims: data.claims });
    const rows = report.claims.filter((c) => c.claim === 'park-area-after');
    expect(rows.map((r) => r.proposal)).toEqual([null, zones[0]!.properties.id]);
    expect(rows[0]!.feature).toBe('zgc-sjs-park-after');
    // 3.8 km × 3.8 km = 14.44 km² against the stated 14.4 km² (± 0.2 band): consistent.
    expect(rows[1]!.verdict.verdict).toBe('consistent');
    const own = report.overlaps.filter((o) => [o.a, o.b].includes(zones[0]!.properties.id) && [o.zone_a, o.zone_b].includes('zgc-sjs-park'));
    expect(own).toEqual([]);
  });
});
