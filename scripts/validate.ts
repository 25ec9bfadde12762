/**
 * `npm run validate [-- --dir PATH] [--strict] [--json]`: checks the data files against the schemas
 * and the honesty rules — the same loader the app runs at start-up — and prints every located issue
 * as `severity  file  id  field  message`. Exit 1 on errors (with --strict, on warnings too).
 *
 * `--source FILE`: also checks that every quote attributed to the interview (claims' `quote_zh`,
 * evidence phrases citing it) is a verbatim piece of FILE, the interview's text. The text is not in
 * the repository (quotes are citations, not a copy); CI passes it from outside. When FILE does not
 * exist the check says it was not run and the exit code is unchanged.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { GEODATA_FILES, loadAtlasData, type RawFiles } from '../src/lib/data/load.ts';
import { quoteIssues, quotesOf } from '../src/lib/data/quotes.ts';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const dir = dirArg >= 0 ? args[dirArg + 1]! : join(import.meta.dirname, '..', 'geodata');
const files: RawFiles = {};
for (const [k, f] of Object.entries(GEODATA_FILES)) {
  const p = join(dir, f);
  if (existsSync(p)) files[k as keyof RawFiles] = readFileSync(p, 'utf8');
}
const { data, issues } = loadAtlasData(files);
const srcArg = args.indexOf('--source');
let quoteNote = '';
if (srcArg >= 0) {
  const path = args[srcArg + 1];
  const interview = data.sources.find((s) => s.role === 'interview');
  if (!path || !existsSync(path)) {
    quoteNote = `quote check NOT RUN: interview text ${path ?? '(no path given)'} not found`;
  } else if (!interview) {
    issues.push({ file: 'claims.json', field: 'sources', code: 'no-interview', severity: 'error', message: 'no source has role "interview": nothing to check quotes against' });
  } else {
    const feats = [
      ...data.zones.map((z) => ({ file: 'zones.geojson', id: z.properties.id, evidence: z.properties.evidence, named_as: z.properties.named_as })),
      ...data.points.map((p) => ({ file: 'points.geojson', id: p.properties.id, evidence: p.properties.evidence })),
    ];
    const items = quotesOf(interview.id, data.claims, feats);
    const bad = quoteIssues(items, readFileSync(path, 'utf8'), path);
    issues.push(...bad);
    quoteNote = `quote check: ${items.length - bad.length} of ${items.length} interview quotes verbatim in ${path}`;
  }
}
if (args.includes('--json')) {
  console.log(JSON.stringify({ quoteCheck: quoteNote || null, issues, counts: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length])) }, null, 2));
} else {
  const counts = Object.entries(data).map(([k, v]) => `${v.length} ${k}`).join(', ');
  console.log(`geodata: ${dir}\nloaded: ${counts}`);
  for (const i of issues) console.log([i.severity.toUpperCase().padEnd(7), i.file, i.id ?? '-', i.field ?? '-', i.message].join('  '));
  if (quoteNote) console.log(quoteNote);
  console.log(issues.length === 0 ? 'no issues' : `${issues.length} issues (${issues.filter((i) => i.severity === 'error').length} errors)`);
}
const failing = issues.filter((i) => i.severity === 'error' || args.includes('--strict'));
process.exit(failing.length > 0 ? 1 : 0);
