/**
 * A zip archive → layers: every shapefile in it (.shp with its .dbf, .prj, .cpg), or, when it holds
 * no shapefile, the KML of a KMZ. Unzipped with but-unzip (shpjs's own unzip, with
 * DecompressionStream in browsers and workers, zlib in Node); shapefile records and attributes read
 * by shpjs. shpjs would reproject with proj4's reading of the .prj on its own, treating Beijing 1954
 * and Xian 1980 as if no datum shift were needed; so it is given no .prj, and the .prj is read by
 * crs.ts instead.
 */
import { iter } from 'but-unzip';
import { combine, parseDbf, parseShp } from 'shpjs';
import { crsFromPrj, type SourceCrs } from './crs';
import { readKml } from './kml';
import type { RawLayer } from './layer';
import type { ImportFormat, ImportIssue } from './types';

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
    issues.push({ file, code: 'dbf', severity: 'warning', message: 'the attribute table is damaged (its header does not match its size); features are kept without attributes' });
    return [];
  }
  const encoding = dbfEncoding(dbf, cpg);
  try {
    const rows = parseDbf(dbf, encoding);
    if (encoding === 'utf-8' && cpg === undefined && hasReplacement(rows)) {
      const gbk = parseDbf(dbf, 'gbk');
      if (!hasReplacement(gbk)) {
        issues.push({ file, code: 'dbf-encoding-guessed', severity: 'warning', message: 'the attribute table has no .cpg and is not UTF-8: its text was read as GBK (code page 936); add a .cpg if names look wrong' });
        return gbk;
      }
    }
    return rows;
  } catch (e) {
    issues.push({ file, code: 'dbf', severity: 'warning', message: `the attribute table could not be read (${(e as Error).message}); features are kept without attributes` });
    return [];
  }
}

/**
 * Whether the archive ends with an end-of-central-directory record (signature PK\5\6, APPNOTE
 * 4.3.16) within the last 22 + 65 535 bytes (the record plus the longest comment). but-unzip 0.1.10
 * loops forever without one when the file starts with "P" (its backward search calls
 * `lastIndexOf(80, -1)`, which wraps to the end): a truncated download would hang the worker.
 */
export function hasEndOfCentralDirectory(b: Uint8Array): boolean {
  for (let i = b.length - 22; i >= 0 && i > b.length - 21 - 65_536; i--)
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return true;
  return false;
}

export async function readZip(bytes: Uint8Array, file: string, issues: ImportIssue[]): Promise<{ format: ImportFormat | null; layers: RawLayer[] }> {
  const members: Member[] = [];
  if (!hasEndOfCentralDirectory(bytes)) {
    issues.push({ file, code: 'zip', severity: 'error', message: 'not a complete zip archive (its end record is missing: the file may be truncated; download or copy it again)' });
    return { format: null, layers: [] };
  }
  try {
    for (const entry of iter(bytes)) {
      const name = entry.filename;
      const base = name.split('/').pop() ?? name;
      if (name.endsWith('/') || name.includes('__MACOSX/') || base.startsWith('._')) continue;
      if (!/\.(shp|dbf|prj|cpg|kml)$/i.test(name)) continue;
      members.push({ name, bytes: await entry.read() });
    }
  } catch (e) {
    issues.push({ file, code: 'zip', severity: 'error', message: `not a readable zip archive (${(e as Error).message})` });
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
    issues.push({ file, code: 'zip-no-layer', severity: 'error', message: 'the zip holds no shapefile (.shp with its .dbf and .prj) and no KML' });
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
        issues.push({ file: `${file}/${stem}.prj`, code: crs.code, severity: 'error', message: crs.message });
        continue;
      }
      declared = crs.crs;
    }
    let geometries;
    try {
      geometries = parseShp(shp.bytes);
    } catch (e) {
      issues.push({ file: where, code: 'shp', severity: 'error', message: `the .shp could not be read (${(e as Error).message})` });
      continue;
    }
    const dbf = part('dbf');
    const rows = dbf ? readDbf(dbf.bytes, text(part('cpg')), `${file}/${stem}.dbf`, issues) : [];
    layers.push({ file: where, features: combine([geometries, rows]).features, declared, undeclared: 'assumed' });
  }
  return { format: 'shapefile-zip', layers };
}
