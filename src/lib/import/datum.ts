/**
 * GCJ-02 ("Mars coordinates", AMap/Gaode, Tencent, DataV) and BD-09 (Baidu) back to WGS84, with
 * gcoord. GCJ-02 → WGS84 has no closed form: gcoord iterates the forward offset until it reproduces
 * the input to 1e-6° (≈ 0.1 m), so the inverse is good to about that. gcoord leaves positions
 * outside its China box unchanged (the offset is only applied inside China).
 *
 * gcoord mutates GeoJSON passed to it, so it is only ever given a fresh [lon, lat] pair.
 */
import gcoord from 'gcoord';
import type { SourceDatum } from './types';
import type { Pos } from './geometry';

/** Names for reports. */
export const DATUM_LABEL: Record<SourceDatum, string> = { wgs84: 'WGS84', gcj02: 'GCJ-02', bd09: 'BD-09' };

/** gcoord's China box (lon 72.004–137.8347, lat 0.8293–55.8271): outside it no offset exists. */
export const inChinaBox = (p: Pos) => p[0] >= 72.004 && p[0] <= 137.8347 && p[1] >= 0.8293 && p[1] <= 55.8271;

/** lon/lat in `datum` → WGS84 lon/lat; null for WGS84 itself. */
export function datumToWgs84(datum: SourceDatum): ((p: Pos) => Pos) | null {
  if (datum === 'wgs84') return null;
  const from = datum === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  return (p) => gcoord.transform<Pos>([p[0], p[1]], from, gcoord.WGS84);
}
