/**
 * What a file is, from its bytes; the extension is only a hint (planners rename files, and mail
 * systems rename attachments). Never throws.
 */
import { msg, say, type IssueKey, type Located } from '../i18n/located';
import type { ImportFormat } from './types';

export type Detected =
  | { kind: 'zip' }
  | { kind: 'text'; format: Exclude<ImportFormat, 'shapefile-zip'>; text: string; encodingNote: IssueKey | null }
  | { kind: 'unknown'; code: 'format-unknown' | 'shapefile-not-zipped'; message: string; text: Located };

/** The format a file name suggests, or null. */
export function formatFromExtension(fileName: string): 'geojson' | 'kml' | 'zip' | 'shapefile-part' | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'geojson' || ext === 'json') return 'geojson';
  if (ext === 'kml') return 'kml';
  if (ext === 'zip' || ext === 'kmz') return 'zip';
  if (ext === 'shp' || ext === 'shx' || ext === 'dbf' || ext === 'prj' || ext === 'cpg') return 'shapefile-part';
  return null;
}

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const hex = (b: Uint8Array) => Array.from(b.subarray(0, 8), (x) => x.toString(16).padStart(2, '0')).join(' ');

const canDecode = (label: string) => {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
};

/**
 * Text of a file: by its byte-order mark, else by the encoding an XML prolog declares, else UTF-8
 * (RFC 8259 for GeoJSON). Text that is not valid UTF-8 but is valid GBK (older Chinese Windows
 * tools) is read as GBK and noted.
 */
export function decodeText(bytes: Uint8Array): { text: string; note: IssueKey | null } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), note: null };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: null };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: null };
  const prolog = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(prolog)?.[1];
  if (declared && canDecode(declared)) return { text: new TextDecoder(declared).decode(bytes), note: null };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), note: null };
  } catch {
    try {
      return { text: new TextDecoder('gbk', { fatal: true }).decode(bytes), note: 'issue.encodingGbk' };
    } catch {
      return { text: new TextDecoder('utf-8').decode(bytes), note: 'issue.encodingReplaced' };
    }
  }
}

/** Zip archive (a zipped shapefile or a KMZ), KML or GeoJSON, from the content. */
export function detectFormat(bytes: Uint8Array, fileName: string): Detected {
  // PKWARE APPNOTE 4.3.7 / 4.3.16: local file header, or the end record of an empty archive.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  // ESRI Shapefile Technical Description: file code 9994, big-endian.
  if (startsWith(bytes, [0x00, 0x00, 0x27, 0x0a]) || formatFromExtension(fileName) === 'shapefile-part')
    return {
      kind: 'unknown',
      code: 'shapefile-not-zipped',
      ...say('issue.shapefileNotZipped'),
    };
  const { text, note } = decodeText(bytes);
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return { kind: 'text', format: 'geojson', text, encodingNote: note };
  if (head.startsWith('<')) {
    if (/<([A-Za-z_][\w.-]*:)?kml[\s>/]/.test(head)) return { kind: 'text', format: 'kml', text, encodingNote: note };
    const root = /<([A-Za-z_][\w.:-]*)[\s>/]/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, ''))?.[1];
    return { kind: 'unknown', code: 'format-unknown', ...say('issue.xmlNotKml', { root: root ?? '?' }) };
  }
  return {
    kind: 'unknown',
    code: 'format-unknown',
    ...say('issue.formatUnknown', { bytes: hex(bytes) || msg('issue.emptyFile') }),
  };
}
