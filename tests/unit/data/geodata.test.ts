import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { GEODATA_FILES, loadAtlasData } from '../../../src/lib/data/load';

const read = (f: string) => readFileSync(new URL(`../../../geodata/${f}`, import.meta.url), 'utf8');
const raw = Object.fromEntries(Object.entries(GEODATA_FILES).map(([k, f]) => [k, read(f)]));
const { data, issues } = loadAtlasData(raw);
const facts = readFileSync(new URL('../../../../shared/brief/facts.md', import.meta.url), 'utf8');

describe('the real geodata', () => {
  it('passes every schema and honesty rule with no issue at all', () => {
    expect(issues).toEqual([]);
  });

  it('keeps every feature (nothing was left out)', () => {
    for (const [k, f] of Object.entries(GEODATA_FILES)) {
      if (k === 'claims') continue;
      const n = JSON.parse(raw[k]!).features.length;
      expect(data[k as 'zones'].length, f).toBe(n);
    }
  });

  it('registers at least 19 claims, every figure of the facts sheet, each with its Chinese phrase', () => {
    expect(data.claims.length).toBeGreaterThanOrEqual(19);
    // Every claim id of facts.md §2 exists, with the value stated there.
    const rows = [...facts.matchAll(/^\| ([a-z0-9-]+) \| ([0-9.~+]+) \|/gm)].map((m) => ({ id: m[1]!, value: Number(m[2]!.replace(/[~+]/g, '')) }));
    expect(rows.length).toBeGreaterThanOrEqual(19);
    for (const r of rows) {
      const c = data.claims.find((x) => x.id === r.id);
      expect(c, r.id).toBeDefined();
      expect(c!.value, r.id).toBe(r.value);
      expect(c!.quote_zh).toMatch(/\p{Script=Han}/u);
      expect(c!.source).toBe('interview-2026');
    }
  });

  it('links the two park-area claims to the before and after geometry of ZGC Shijingshan Park', () => {
    const before = data.claims.find((c) => c.id === 'park-area-before')!;
    const after = data.claims.find((c) => c.id === 'park-area-after')!;
    expect(before.scope).toEqual({ kind: 'zone', zone: 'zgc-sjs-park', version: 'before' });
    expect(after.scope).toEqual({ kind: 'zone', zone: 'zgc-sjs-park', version: 'after' });
    expect([before.value, after.value, before.unit, before.spatial]).toEqual([13.34, 14.4, 'km2', true]);
    const versions = data.zones.filter((z) => z.properties.zone === 'zgc-sjs-park').map((z) => z.properties.version.id).sort();
    expect(versions).toEqual(['after', 'before']);
  });

  it('gives every zone and point a provenance with method and accuracy, and names in zh and en', () => {
    for (const f of [...data.zones, ...data.points, ...data.context, ...data.districts]) {
      expect(f.properties.provenance.accuracy_m).toBeGreaterThan(0);
      expect(f.properties.name.zh).toMatch(/\p{Script=Han}/u);
      expect(f.properties.name.en).toMatch(/[A-Za-z]/);
    }
  });

  it('never invents a position: unknown places have no geometry, estimated ones an error radius', () => {
    for (const p of data.points) {
      if (p.properties.location === 'unknown') expect(p.geometry).toBeNull();
      if (p.properties.location === 'estimated') expect(p.properties.error_m).toBeGreaterThan(0);
    }
    for (const z of data.zones) expect(z.geometry === null).toBe(z.properties.extent === 'unknown');
  });
});
