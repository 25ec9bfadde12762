/**
 * A zip archive's central directory (PKWARE APPNOTE 6.3.10, §4.3.12–4.3.16, with Zip64 §4.3.14 and
 * §4.5.3) read before anything is inflated, so an archive that would expand beyond what the Atlas
 * reads is refused at once, with its size (issue #17: a 2 GB .shp took 14 s to fail with "Failed to
 * fetch"). Members are then inflated one by one with a cap at their declared size: an archive whose
 * directory understates a member is stopped as soon as the inflated bytes pass it.
 *
 * Pure (no DOM globals beyond DecompressionStream, which workers, browsers and Node 18+ have).
 */

export interface ZipEntry {
  /** Path inside the archive (UTF-8; the legacy code page of old archives is read as UTF-8 too). */
  name: string;
  /** 0: stored, 8: deflated; others are refused. */
  method: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
  compressedSize: number;
  /** Uncompressed size as the directory declares it. */
  size: number;
  /** Offset of the member's local header. */
  offset: number;
}

/** Bytes the Atlas inflates from one archive at most (the members it reads: .shp, .dbf, .prj, .cpg, .kml). */
export const ZIP_EXPANDED_MAX = 1_000_000_000;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Offset of the end-of-central-directory record (signature PK\5\6) within the last 22 + 65,535
 * bytes (the record plus the longest comment), or -1.
 */
export function endOfCentralDirectory(b: Uint8Array): number {
  for (let i = b.length - 22; i >= 0 && i > b.length - 21 - 65_536; i--)
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  return -1;
}

const u64 = (v: DataView, at: number) => Number(v.getBigUint64(at, true));

/** The entries of the central directory, or a reason it cannot be read (damaged or truncated). */
export function readCentralDirectory(b: Uint8Array): ZipEntry[] | { problem: string } {
  const end = endOfCentralDirectory(b);
  if (end < 0) return { problem: 'end record missing' };
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (v.getUint32(end, true) !== EOCD) return { problem: 'end record missing' };
  let count = v.getUint16(end + 10, true);
  let size = v.getUint32(end + 12, true);
  let start = v.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    const loc = end - 20;
    if (loc < 0 || v.getUint32(loc, true) !== ZIP64_LOCATOR) return { problem: 'Zip64 locator missing' };
    const at = u64(v, loc + 8);
    if (at + 56 > b.length || v.getUint32(at, true) !== ZIP64_EOCD) return { problem: 'Zip64 end record missing' };
    count = u64(v, at + 32);
    size = u64(v, at + 40);
    start = u64(v, at + 48);
  }
  if (start + size > b.length) return { problem: 'central directory beyond the end of the file' };
  const names = new TextDecoder('utf-8');
  const out: ZipEntry[] = [];
  let p = start;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || v.getUint32(p, true) !== CENTRAL) return { problem: `directory entry ${i + 1} is damaged` };
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    const e: ZipEntry = {
      name: names.decode(b.subarray(p + 46, p + 46 + nameLen)),
      flags: v.getUint16(p + 8, true),
      method: v.getUint16(p + 10, true),
      compressedSize: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      offset: v.getUint32(p + 42, true),
    };
    // Zip64 extended information (header 0x0001): the 64-bit values of the fields set to 0xFFFFFFFF, in this order.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen; ) {
      const id = v.getUint16(x, true);
      const len = v.getUint16(x + 2, true);
      if (id === 0x0001) {
        let f = x + 4;
        if (e.size === 0xffffffff && f + 8 <= x + 4 + len) (e.size = u64(v, f)), (f += 8);
        if (e.compressedSize === 0xffffffff && f + 8 <= x + 4 + len) (e.compressedSize = u64(v, f)), (f += 8);
        if (e.offset === 0xffffffff && f + 8 <= x + 4 + len) e.offset = u64(v, f);
      }
      x += 4 + len;
    }
    out.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Thrown by readEntry: the member inflates to more than its directory says. */
export class ZipSizeMismatch extends Error {}

/** The member's bytes: stored, or inflated (deflate) and stopped past its declared size. */
export async function readEntry(b: Uint8Array, e: ZipEntry): Promise<Uint8Array> {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  if (e.offset + 30 > b.length || v.getUint32(e.offset, true) !== LOCAL) throw new Error(`the local header of ${e.name} is damaged`);
  const from = e.offset + 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
  if (from + e.compressedSize > b.length) throw new Error(`${e.name} runs beyond the end of the file`);
  const raw = b.subarray(from, from + e.compressedSize);
  if (e.flags & 1) throw new Error(`${e.name} is encrypted`);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new Error(`${e.name} uses compression method ${e.method} (only stored and deflate are read)`);
  const reader = new Blob([raw as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const parts: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > e.size) {
      await reader.cancel();
      throw new ZipSizeMismatch(`${e.name} inflates to more than the ${e.size} bytes its directory declares`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const x of parts) (out.set(x, o), (o += x.length));
  return out;
}
