/**
 * `npm run validate [-- --dir PATH] [--strict] [--json]`: checks the data files against the schemas
 * and the honesty rules — the same loader the app runs at start-up — and prints every located issue
 * as `severity  file  id  field  message`. Exit 1 on errors (with --strict, on warnings too).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { GEODATA_FILES, loadAtlasData, type RawFiles } from '../src/lib/data/load.ts';

const args = process.argv.slice(2);
const dirArg = args.indexOf('--dir');
const dir = dirArg >= 0 ? args[dirArg + 1]! : join(import.meta.dirname, '..', 'geodata');
const files: RawFiles = {};
for (const [k, f] of Object.entries(GEODATA_FILES)) {
  const p = join(dir, f);
  if (existsSync(p)) files[k as keyof RawFiles] = readFileSync(p, 'utf8');
}
const { data, issues } = loadAtlasData(files);
if (args.includes('--json')) {
  console.log(JSON.stringify({ issues, counts: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.length])) }, null, 2));
} else {
  const counts = Object.entries(data).map(([k, v]) => `${v.length} ${k}`).join(', ');
  console.log(`geodata: ${dir}\nloaded: ${counts}`);
  for (const i of issues) console.log([i.severity.toUpperCase().padEnd(7), i.file, i.id ?? '-', i.field ?? '-', i.message].join('  '));
  console.log(issues.length === 0 ? 'no issues' : `${issues.length} issues (${issues.filter((i) => i.severity === 'error').length} errors)`);
}
const failing = issues.filter((i) => i.severity === 'error' || args.includes('--strict'));
process.exit(failing.length > 0 ? 1 : 0);
