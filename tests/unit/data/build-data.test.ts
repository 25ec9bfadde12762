/**
 * The bundled data is checked once, by the build: `vite build` fails on a data error with the
 * located message, and the JSON file the page fetches (its address is what `virtual:atlas-data`
 * exports) carries exactly what the loader accepted, plus the loader's issues for the data-quality
 * indicator.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { atlasGeodata } from '../../../scripts/vite/geodata';
import { loadAtlasData } from '../../../src/lib/data/load';
import { fromBundle, type Bundle } from '../../../src/lib/data/bundle';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const ID = '\0virtual:atlas-data';

type Emitted = { type: string; name: string; source: string };

/** Runs the plugin's hooks as Vite would for `command`; returns the module (and the files it emitted) or the build error. */
async function runPlugin(dir: string, command: 'build' | 'serve'): Promise<{ code?: string; emitted: Emitted[]; error?: string; warnings: string[] }> {
  const plugin = atlasGeodata({ root: ROOT, dir }) as Plugin & { configResolved: (c: unknown) => void; load: (this: unknown, id: string) => Promise<string | null> };
  plugin.configResolved({ root: ROOT, command });
  const warnings: string[] = [];
  const emitted: Emitted[] = [];
  const ctx = {
    addWatchFile: () => {},
    warn: (m: string) => warnings.push(m),
    error: (m: string) => {
      throw new Error(m);
    },
    emitFile: (f: Emitted) => `ref${emitted.push(f)}`,
  };
  try {
    return { code: (await plugin.load.call(ctx, ID)) ?? undefined, emitted, warnings };
  } catch (e) {
    return { error: (e as Error).message, emitted, warnings };
  }
}

/**
 * What the page reads. A build emits one JSON asset whose address the module exports (Rollup's
 * file-URL reference); the dev server's module exports a `data:` URL.
 */
async function evaluate(r: { code?: string; emitted: Emitted[] }, command: 'build' | 'serve'): Promise<{ data: unknown; issues: unknown[]; raw: string }> {
  if (command === 'build') {
    expect(r.emitted).toHaveLength(1);
    expect(r.emitted[0]).toMatchObject({ type: 'asset', name: 'atlas-data.json' });
    expect(r.code).toContain('import.meta.ROLLUP_FILE_URL_ref1');
    return { ...fromBundle(JSON.parse(r.emitted[0]!.source) as Bundle), raw: r.emitted[0]!.source };
  }
  expect(r.emitted).toEqual([]);
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(r.code!).toString('base64')}`)) as { dataUrl: string };
  const raw = await (await fetch(mod.dataUrl)).text();
  return { ...fromBundle(JSON.parse(raw) as Bundle), raw };
}

/** Streets in id order (the packed file groups them; their order carries no meaning). */
const byId = <T extends { streets: { properties: { id: string } }[] }>(d: T): T => ({ ...d, streets: [...d.streets].sort((a, b) => a.properties.id.localeCompare(b.properties.id)) });

function copyOfGeodata(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-geodata-'));
  cpSync(join(ROOT, 'geodata'), dir, { recursive: true });
  return dir;
}

describe('geodata checked at build time', () => {
  it('ships what the loader accepts from geodata/, and its issues', async () => {
    const r = await runPlugin(join(ROOT, 'geodata'), 'build');
    expect(r.error).toBeUndefined();
    const mod = await evaluate(r, 'build');
    const files = Object.fromEntries(['districts', 'context', 'streets', 'junctions', 'zones', 'points'].map((k) => [k, readFileSync(join(ROOT, 'geodata', `${k}.geojson`), 'utf8')]));
    const expected = loadAtlasData({ ...files, claims: readFileSync(join(ROOT, 'geodata', 'claims.json'), 'utf8') });
    // Exactly what the loader accepted, streets too (packed for the trip, lossless), less the
    // provenance notes, which the page never shows.
    const shipped = JSON.parse(JSON.stringify(expected.data), (k, v) => (k === 'notes' && typeof v === 'string' ? undefined : v)) as typeof expected.data;
    expect(byId(mod.data as typeof expected.data)).toEqual(byId(shipped));
    expect(JSON.stringify(mod.data)).not.toContain('"notes"');
    expect(JSON.stringify(expected.data)).toContain('"notes"');
    expect(expected.data.streets.length).toBeGreaterThan(500);
    // Packing pays: the file is far smaller than the streets alone as GeoJSON.
    expect(mod.raw.length).toBeLessThan(JSON.stringify(expected.data).length - 0.6 * JSON.stringify(expected.data.streets).length);
    expect(mod.issues).toEqual(JSON.parse(JSON.stringify(expected.issues)));
    // The real data: zones with geometry, districts, stated figures.
    const data = mod.data as { zones: unknown[]; districts: unknown[]; claims: unknown[] };
    expect(data.zones.length).toBeGreaterThan(5);
    expect(data.districts.length).toBeGreaterThan(0);
    expect(data.claims.length).toBeGreaterThan(0);
  }, 60_000);

  it('fails the build on a data error, naming file, feature and field', async () => {
    const dir = copyOfGeodata();
    const fc = JSON.parse(readFileSync(join(dir, 'zones.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    const victim = fc.features[0]!;
    delete victim.properties.name;
    writeFileSync(join(dir, 'zones.geojson'), JSON.stringify(fc));
    const r = await runPlugin(dir, 'build');
    expect(r.code).toBeUndefined();
    expect(r.error).toContain('zones.geojson');
    expect(r.error).toContain(String(victim.properties.id));
    expect(r.error).toContain('name');
  }, 60_000);

  it('fails the build on a file that is not JSON', async () => {
    const dir = copyOfGeodata();
    writeFileSync(join(dir, 'points.geojson'), '{ "type": "FeatureCollection", ');
    const r = await runPlugin(dir, 'build');
    expect(r.error).toMatch(/points\.geojson.*not valid JSON/);
  }, 60_000);

  it('on the dev server, serves the data with its issues instead of stopping', async () => {
    const dir = copyOfGeodata();
    writeFileSync(join(dir, 'points.geojson'), 'not json');
    const r = await runPlugin(dir, 'serve');
    expect(r.error).toBeUndefined();
    const mod = await evaluate(r, 'serve');
    expect(mod.issues).toContainEqual(expect.objectContaining({ file: 'points.geojson', code: 'json', severity: 'error' }));
    expect((mod.data as { points: unknown[] }).points).toEqual([]);
    expect(r.warnings.join('\n')).toContain('points.geojson');
  }, 60_000);
});
