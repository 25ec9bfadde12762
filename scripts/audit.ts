/**
 * `npm run audit [-- --json] [--file PATH] [--lang zh]`: the spatial audit of the Atlas data — every
 * zone version's ellipsoidal area ± band, the stated figures' verdicts, overlaps and expansions —
 * as readable tables or JSON. `--file` audits a user's GeoJSON (polygons, WGS84) against the claims
 * and zones: a feature with `zone` and `version` properties (e.g. zone "zgc-sjs-park", version
 * "after") is checked against the claims about that version.
 *
 * Exit 0 when the input is valid (verdicts are findings, not errors); 1 with located messages when
 * the data or the file is invalid.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { GEODATA_FILES, loadAtlasData, type DataIssue } from '../src/lib/data/load.ts';
import { parseUserZones, withProposals } from '../src/lib/data/userfile.ts';
import { auditTables, runAudit } from '../src/lib/audit/audit.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const lang = opt('--lang') === 'zh' ? 'zh' : 'en';
const dir = opt('--dir') ?? join(import.meta.dirname, '..', 'geodata');

const raw = Object.fromEntries(Object.entries(GEODATA_FILES).map(([k, f]) => [k, readFileSync(join(dir, f), 'utf8')]));
const { data, issues } = loadAtlasData(raw);
const inputIssues: DataIssue[] = issues.filter((i) => i.severity === 'error');
let zones = data.zones;
const file = opt('--file');
if (file) {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    inputIssues.push({ file, code: 'read', severity: 'error', message: (e as Error).message });
  }
  if (text) {
    const user = parseUserZones(text, basename(file), zones.map((z) => ({ zone: z.properties.zone, version: z.properties.version.id, current: z.properties.current })));
    inputIssues.push(...user.issues.filter((i) => i.severity === 'error'));
    for (const w of user.issues.filter((i) => i.severity === 'warning')) console.error(`warning: ${w.file} ${w.id ?? ''} ${w.field ?? ''}: ${w.message}`);
    if (user.zones.length === 0 && !inputIssues.length) inputIssues.push({ file, code: 'empty', severity: 'error', message: 'no polygon to audit' });
    zones = withProposals(zones, user.zones);
  }
}
if (inputIssues.length > 0) {
  for (const i of inputIssues) console.error(`error: ${i.file}  ${i.id ?? '-'}  ${i.field ?? '-'}  ${i.message}`);
  process.exit(1);
}

const report = runAudit({ zones, districts: data.districts, claims: data.claims, sources: data.sources });
if (args.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const table of auditTables(report, lang)) {
    if (table.rows.length === 0) continue;
    console.log(`\n${table.title}`);
    const widths = table.header.map((h, c) => Math.max(width(h), ...table.rows.map((r) => width(r[c] ?? ''))));
    const line = (cells: string[]) => cells.map((x, c) => x + ' '.repeat(widths[c]! - width(x))).join('  ');
    console.log(line(table.header));
    console.log(widths.map((w) => '─'.repeat(w)).join('  '));
    for (const r of table.rows) console.log(line(r));
  }
  const s = report.summary.claims;
  console.log(`\n${report.zones.length} zone versions · claims: ${s.consistent} consistent, ${s.inconsistent} inconsistent, ${s.undetermined} undetermined · ${report.overlaps.length} overlaps`);
  console.log(`model: ${report.model.area}; band: ${report.model.band}`);
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
