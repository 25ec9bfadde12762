/**
 * KML text → a layer, with @tmcw/togeojson on @xmldom/xmldom's DOM (there is no DOMParser in a
 * Web Worker or in Node). KML coordinates are WGS84 longitude, latitude[, altitude] by definition
 * (OGC KML 2.2, 07-147r2), so the layer declares EPSG:4326.
 */
import { say } from '../i18n/located';
import { DOMParser } from '@xmldom/xmldom';
import { kml } from '@tmcw/togeojson';
import { WGS84 } from './crs';
import type { RawLayer } from './layer';
import type { ImportIssue } from './types';

export function readKml(text: string, file: string, issues: ImportIssue[]): RawLayer | null {
  const problems: string[] = [];
  let features: unknown[];
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problems.push(message);
      },
    }).parseFromString(text, 'text/xml');
    features = kml(doc).features;
  } catch (e) {
    issues.push({ file, code: 'xml', severity: 'error', ...say('issue.xmlUnreadable', { detail: problems[0] ?? (e as Error).message }) });
    return null;
  }
  // Non-fatal XML errors: the parser recovered, so what it read is kept, and the error is shown.
  if (problems.length > 0) issues.push({ file, code: 'xml', severity: 'warning', ...say('issue.xmlErrors', { detail: problems[0]! }) });
  return { file, features, declared: WGS84, undeclared: 'spec' };
}
