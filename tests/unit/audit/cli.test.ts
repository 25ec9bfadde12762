import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';

// The CLI as `npm run audit` runs it (tsx), started with node directly: npx's own start-up was a
// third of each run.
const TSX = ['--import', 'tsx', 'scripts/audit.ts'];
const run = (...args: string[]) => spawnSync(process.execPath, [...TSX, ...args], { encoding: 'utf8' });

describe('npm run audit', () => {
  it('prints every zone version and the two park-area claims, exit 0', () => {
    const r = run();
    expect(r.status).toBe(0);
    for (const id of ['zgc-sjs-park-before', 'zgc-sjs-park-after', 'shougang-park', 'wulituo-hitech', 'ai-cluster-phase-1']) expect(r.stdout).toContain(id);
    expect(r.stdout).toMatch(/park-area-before .*13\.34/);
    expect(r.stdout).toMatch(/park-area-after .*14\.4/);
  });

  it('prints JSON with the same verdicts as the table', () => {
    const report = JSON.parse(execFileSync(process.execPath, [...TSX, '--json'], { encoding: 'utf8' }));
    expect(report.format).toBe('atlas-audit/1');
    const table = run().stdout;
    for (const c of report.claims) expect(table).toMatch(new RegExp(`${c.claim} .*${c.verdict.verdict}`));
  });

  // The squares are built from metres-per-degree at 39.93°N (WGS84): 3.8 km × 3.8 km = 14.44 km²,
  // 3 km × 3 km = 9 km². With ±10 m accuracy the band is ≈ ±0.15 km².
  it('checks a planner file against the claims: a 14.44 km² proposal agrees with 14.4 km²', () => {
    const r = run('--file', 'tests/fixtures/proposals/zgc-after-3800m-square.geojson');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/park-area-after +interview +file-zgc-park-proposal-3-8-km-square +14\.4 +14\.4 ± 0\.2 .* consistent/);
  });

  it('finds a 9 km² proposal inconsistent with 14.4 km², with the difference', () => {
    const r = run('--file', 'tests/fixtures/proposals/zgc-after-3000m-square.geojson');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/park-area-after .*9\.0 ± 0\.1 +-5\.4 .* inconsistent/);
  });

  it('rejects an invalid file with a located message and exit 1', () => {
    const r = run('--file', 'tests/fixtures/proposals/bowtie.geojson');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bowtie\.geojson +file-bow-tie +geometry\.coordinates +self-intersection at \[116\.18500\d*, 39\.91500\d*\]/);
  });

  it('rejects a missing file and non-JSON with exit 1', () => {
    expect(run('--file', 'tests/fixtures/proposals/nope.geojson').status).toBe(1);
    const r = run('--file', 'README.md');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not valid JSON/);
  });
});
