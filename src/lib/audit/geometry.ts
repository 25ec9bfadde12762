/** The audit's geometries as one FeatureCollection for the map: overlaps, added and removed land. */
import type { FeatureCollection, Geometry } from 'geojson';
import type { AuditReport } from './audit';

export function auditGeometry(report: AuditReport): FeatureCollection<Geometry, { role: string; id: string }> {
  return {
    type: 'FeatureCollection',
    features: [
      ...report.overlaps
        .filter((o) => o.relation === null)
        .map((o) => ({ type: 'Feature' as const, geometry: o.geometry, properties: { role: 'overlap', id: `${o.a}|${o.b}` } })),
      ...report.expansions.flatMap((e) => [
        ...(e.added ? [{ type: 'Feature' as const, geometry: e.added, properties: { role: 'added', id: `${e.zone}|added` } }] : []),
        ...(e.removed ? [{ type: 'Feature' as const, geometry: e.removed, properties: { role: 'removed', id: `${e.zone}|removed` } }] : []),
      ]),
    ],
  };
}
