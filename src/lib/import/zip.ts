/**
 * A zip archive → layers: every shapefile in it (.shp with its .dbf, .prj, .cpg), or, when it holds
 * no shapefile, the KML of a KMZ. The central directory is read first (zipdir.ts): an archive whose
 * members would expand beyond ZIP_EXPANDED_MAX is refused before anything is inflated; members are
 * inflated with DecompressionStream, capped at their declared size. Shapefile records and
 * attributes read by shpjs. shpjs would reproject with proj4's reading of the .prj on its own, treating Beijing 1954
 * and Xian 1980 as if no datum shift were needed; so it is given no .prj, and the .prj is read by
 * crs.ts instead.
 */
import { say } from '../i18n/located';
import { combine, parseDbf, parseShp } from 'shpjs';
import { crsFromPrj, type SourceCrs } from './crs';
import { readKml } from './kml';
import type { RawLayer } from './layer';
import type { ImportFormat, ImportIssue } from './types';
import { endOfCentralDirectory, readCentralDirectory, readEntry, ZIP_EXPANDED_MAX, ZipSizeMismatch } from './zipdir';

interface Member {
  name: string;
  bytes: Uint8Array;
}

/**
 * Text encoding of a .dbf: its .cpg if any, else its language driver id (byte 29; ESRI codes
 * 0x4D and 0x7A are code page 936, GBK; 0x4F and 0x78 code page 950, Big5), else UTF-8.
 */
export function dbfEncoding(dbf: Uint8Array, cpg: string | undefined): string {
  const c = cpg?.trim();
  if (c) {
    if (/^(utf-?8|65001)$/i.test(c)) return 'utf-8';
    if (/^((ansi\s*)?936|cp936|windows-?936|gbk|gb2312)$/i.test(c)) return 'gbk';
    if (/^((ansi\s*)?950|cp950|big5)$/i.test(c)) return 'big5';
    try {
      return new TextDecoder(c).encoding;
    } catch {
      return 'utf-8';
    }
  }
  const ldid = dbf[29];
  if (ldid === 0x4d || ldid === 0x7a) return 'gbk';
  if (ldid === 0x4f || ldid === 0x78) return 'big5';
  return 'utf-8';
}

const hasReplacement = (rows: Record<string, unknown>[]) => rows.some((r) => Object.values(r).some((v) => typeof v === 'string' && v.includes('\uFFFD')));

/**
 * Whether a .dbf's header agrees with its size (dBASE III: 32-byte header + 32 bytes per field +
 * terminator, then `records` rows of `recLen` bytes). parsedbf 2.0 trusts the record count and
 * loops over it even past the end of the data: a damaged count of 4 billion would hang the import.
 */
export function dbfHeaderFits(dbf: Uint8Array): boolean {
  if (dbf.length < 33) return false;
  const v = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = v.getUint32(4, true);
  const headerLen = v.getUint16(8, true);
  const recLen = v.getUint16(10, true);
  return headerLen >= 33 && recLen >= 1 && headerLen + records * recLen <= dbf.length;
}

/** Attribute rows of a .dbf; a table that is not UTF-8 and has no .cpg is retried as GBK, and that is reported. */
function readDbf(dbf: Uint8Array, cpg: string | undefined, file: string, issues: ImportIssue[]): Record<string, unknown>[] {
  if (!dbfHeaderFits(dbf)) {
    issues.push({ file, code: 'dbf', severity: 'warning', ...say('issue.dbfDamaged') });
    return [];
  }
  const encoding = dbfEncoding(dbf, cpg);
  try {
    const rows = parseDbf(dbf, encoding);
    if (encoding === 'utf-8' && cpg === undefined && hasReplacement(rows)) {
      const gbk = parseDbf(dbf, 'gbk');
      if (!hasReplacement(gbk)) {
        issues.push({ file, code: 'dbf-encoding-guessed', severity: 'warning', ...say('issue.dbfGbk') });
        return gbk;
      }
    }
    return rows;
  } catch (e) {
    issues.push({ file, code: 'dbf', severity: 'warning', ...say('issue.dbfUnreadable', { detail: (e as Error).message }) });
    return [];
  }
}

/**
 * Whether the archive ends with an end-of-central-directory record (signature PK\5\6, APPNOTE
 * 4.3.16) within the last 22 + 65 535 bytes (the record plus the longest comment). A truncated
 * download has none (and but-unzip 0.1.10, used before, looped forever without one).
 */
export function hasEndOfCentralDirectory(b: Uint8Array): boolean {
  return endOfCentralDirectory(b) >= 0;
}

/** A byte count for people: "2.1 GB", "730 MB", "12 kB" (SI units, as file managers show them). */
export function formatBytes(n: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) (n /= 1000), i++;
  return `${i === 0 ? n : n < 10 ? Number(n.toFixed(1)) : Math.round(n)} ${units[i]}`;
}

const READ = /\.(shp|dbf|prj|cpg|kml)$/i;

export async function readZip(bytes: Uint8Array, file: string, issues: ImportIssue[], limit = ZIP_EXPANDED_MAX): Promise<{ format: ImportFormat | null; layers: RawLayer[] }> {
  const members: Member[] = [];
  if (!hasEndOfCentralDirectory(bytes)) {
    issues.push({ file, code: 'zip', severity: 'error', ...say('issue.zipTruncated') });
    return { format: null, layers: [] };
  }
  const dir = readCentralDirectory(bytes);
  if (!Array.isArray(dir)) {
    issues.push({ file, code: 'zip', severity: 'error', ...say('issue.zipUnreadable', { detail: dir.problem }) });
    return { format: null, layers: [] };
  }
  const wanted = dir.filter((e) => {
    const base = e.name.split('/').pop() ?? e.name;
    return !e.name.endsWith('/') && !e.name.includes('__MACOSX/') && !base.startsWith('._') && READ.test(e.name);
  });
  // Refused from the directory alone, before anything is inflated (a zip bomb expands 1000:1).
  const total = wanted.reduce((n, e) => n + e.size, 0);
  if (total > limit) {
    const largest = wanted.reduce((a, e) => (e.size > a.size ? e : a));
    issues.push({ file, code: 'zip-too-large', severity: 'error', ...say('issue.zipTooLarge', { total: formatBytes(total), member: largest.name, size: formatBytes(largest.size), limit: formatBytes(limit) }) });
    return { format: null, layers: [] };
  }
  try {
    for (const e of wanted) members.push({ name: e.name, bytes: await readEntry(bytes, e) });
  } catch (e) {
    const lying = e instanceof ZipSizeMismatch;
    issues.push({ file, code: 'zip', severity: 'error', ...say(lying ? 'issue.zipMisleading' : 'issue.zipUnreadable', { detail: (e as Error).message }) });
    return { format: null, layers: [] };
  }
  const byName = new Map(members.map((m) => [m.name.toLowerCase(), m]));
  const shps = members.filter((m) => /\.shp$/i.test(m.name));
  if (shps.length === 0) {
    const kml = byName.get('doc.kml') ?? members.find((m) => /\.kml$/i.test(m.name));
    if (kml) {
      const layer = readKml(new TextDecoder('utf-8').decode(kml.bytes), `${file}/${kml.name}`, issues);
      return { format: 'kml', layers: layer ? [layer] : [] };
    }
    issues.push({ file, code: 'zip-no-layer', severity: 'error', ...say('issue.zipNoLayer') });
    return { format: null, layers: [] };
  }
  const layers: RawLayer[] = [];
  const text = (m: Member | undefined) => (m ? new TextDecoder('utf-8').decode(m.bytes) : undefined);
  for (const shp of shps) {
    const stem = shp.name.slice(0, -4);
    const part = (ext: string) => byName.get(`${stem}.${ext}`.toLowerCase());
    const where = `${file}/${shp.name}`;
    const prj = text(part('prj'));
    let declared: SourceCrs | null = null;
    if (prj !== undefined) {
      const crs = crsFromPrj(prj);
      if (!crs.ok) {
        issues.push({ file: `${file}/${stem}.prj`, code: crs.code, severity: 'error', message: crs.message, text: crs.text });
        continue;
      }
      declared = crs.crs;
    }
    let geometries;
    try {
      geometries = parseShp(shp.bytes);
    } catch (e) {
      issues.push({ file: where, code: 'shp', severity: 'error', ...say('issue.shpUnreadable', { detail: (e as Error).message }) });
      continue;
    }
    const dbf = part('dbf');
    const rows = dbf ? readDbf(dbf.bytes, text(part('cpg')), `${file}/${stem}.dbf`, issues) : [];
    layers.push({ file: where, features: combine([geometries, rows]).features, declared, undeclared: 'assumed' });
  }
  return { format: 'shapefile-zip', layers };
}
