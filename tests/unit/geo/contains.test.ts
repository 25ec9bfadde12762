import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { containsStrictly, quickRelation } from '../../../src/lib/geo/contains';

const rect = (x0: number, y0: number, x1: number, y1: number, ...holes: Position[][]): Polygon => {
  const p = (x: number, y: number): Position => [116.2 + x * 0.01, 39.9 + y * 0.01];
  return { type: 'Polygon', coordinates: [[p(x0, y0), p(x1, y0), p(x1, y1), p(x0, y1), p(x0, y0)], ...holes] };
};

describe('containsStrictly', () => {
  it('proves a zone well inside a district', () => {
    expect(containsStrictly(rect(0, 0, 3, 3), rect(1, 1, 2, 2))).toBe(true);
  });

  it('does not prove containment when the zone touches the district border', () => {
    expect(containsStrictly(rect(0, 0, 3, 3), rect(0, 1, 2, 2))).toBe(false);
  });

  it('does not prove containment when the zone sticks out', () => {
    expect(containsStrictly(rect(0, 0, 3, 3), rect(2, 1, 4, 2))).toBe(false);
  });

  it('does not prove containment when the zone surrounds a hole of the district', () => {
    const hole = rect(1.4, 1.4, 1.6, 1.6).coordinates[0]!.slice().reverse();
    expect(containsStrictly(rect(0, 0, 3, 3, hole), rect(1, 1, 2, 2))).toBe(false);
  });

  it('is not symmetric: the district is not inside the zone', () => {
    expect(containsStrictly(rect(1, 1, 2, 2), rect(0, 0, 3, 3))).toBe(false);
  });
});

describe('quickRelation', () => {
  it('proves polygons apart when their boxes overlap but their shapes do not', () => {
    const l: Polygon = { type: 'Polygon', coordinates: [[[116.2, 39.9], [116.22, 39.9], [116.22, 39.91], [116.21, 39.91], [116.21, 39.92], [116.2, 39.92], [116.2, 39.9]]] };
    expect(quickRelation(l, rect(1.1, 1.1, 2, 2))).toBe('disjoint');
  });

  it('leaves a slanted T-junction to the engine', () => {
    // B's corner sits on A's slanted edge from (0,0) to (3,1), at (1.5, 0.5).
    const a: Polygon = { type: 'Polygon', coordinates: [[[116.2, 39.9], [116.23, 39.91], [116.2, 39.91], [116.2, 39.9]]] };
    const b: Polygon = { type: 'Polygon', coordinates: [[[116.215, 39.905], [116.225, 39.895], [116.235, 39.905], [116.215, 39.905]]] };
    expect(quickRelation(a, b)).toBe('unknown');
  });
});
