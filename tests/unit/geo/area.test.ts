/**
 * Ellipsoidal area against reference values computed independently of this code:
 * - values published with GeographicLib's own test suite (geographiclib-js test/geodesictest.js,
 *   "Planimeter0" and "Planimeter15"; the same numbers are in geodtest.c of the C library);
 * - values published by other implementations' tests/docs that use GeographicLib's algorithm from
 *   their own code base (PostGIS / geographiclib-rs / r-spatial sf / R package sgo, see each case);
 * - closed forms: the area of the WGS84 ellipsoid, and lunes bounded by meridians (geodesics), whose
 *   area is (Δλ/360°) of the ellipsoid;
 * - for a small square near Shijingshan, quadrature of the closed-form ellipsoidal area element
 *   along the edges (GeographicLib used only to trace the geodesic paths, not to sum areas).
 * No expected value here was printed by the code under test.
 */
import geographiclib from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ellipsoidalArea, ellipsoidalPerimeter, sphericalArea } from '../../../src/lib/geo/area';

const a = 6378137;
const f = 1 / 298.257223563;
const e2 = f * (2 - f);
const e = Math.sqrt(e2);
const b2 = a * a * (1 - e2);
/** Area of the WGS84 ellipsoid, closed form: 2πa²[1 + (1 − e²)·atanh(e)/e]. */
const ELLIPSOID_M2 = 2 * Math.PI * a * a * (1 + ((1 - e2) * Math.atanh(e)) / e);

const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);
const poly = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const closed = (pts: Position[]): Position[] => [...pts, pts[0]!];
/** GeographicLib's tests list points as (lat, lon); GeoJSON wants [lon, lat]. */
const fromLatLon = (pts: [number, number][]): Position[] => closed(pts.map(([lat, lon]) => [lon, lat]));

// GeographicLib test suite, Planimeter0 / Planimeter15 (geographiclib-js test/geodesictest.js).
const DIAMOND = fromLatLon([[0, -1], [-1, 0], [0, 1], [1, 0]]); // area 24619419146 ± 1, perimeter 627598.2731
const DIAMOND_M2 = 24619419146;
const OCTANT = fromLatLon([[90, 0], [0, 0], [0, 90]]); // area 63758202715511 ± 1
const OCTANT_M2 = 63758202715511;
const TRIANGLE = fromLatLon([[2, 1], [1, 2], [3, 3]]); // area 18454562325.45119 ± 0.5
const TRIANGLE_M2 = 18454562325.45119;
// 1°×1° cell at the equator: 12308778361.469452 m², perimeter 443770.917248302 m. Published as the
// doc example of georust/geographiclib-rs (src/polygon_area.rs) and of Apache Sedona's ST_Area;
// PostGIS geography gives …469454.
const CELL = closed([[0, 0], [1, 0], [1, 1], [0, 1]]);
const CELL_M2 = 12308778361.469452;
const CELL_PERIMETER_M = 443770.917248302;

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton iteration on Pₙ, as in Numerical Recipes' gauleg). */
function gaussLegendre(n: number): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 1; i <= n; i++) {
    let z = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let pp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      pp = (n * (z * p1 - p2)) / (z * z - 1);
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) < 1e-16) break;
    }
    x.push(z);
    w.push(2 / ((1 - z * z) * pp * pp));
  }
  return { x, w };
}

/**
 * Area between the equator and latitude φ per radian of longitude on the ellipsoid:
 * (b²/2)·[sin φ/(1 − e² sin² φ) + atanh(e sin φ)/e]; its φ-derivative is M·N·cos φ.
 */
const bandArea = (phi: number) => (b2 / 2) * (Math.sin(phi) / (1 - e2 * Math.sin(phi) ** 2) + Math.atanh(e * Math.sin(phi)) / e);

/** |∮ A(φ) dλ| along geodesic edges, by 24-point Gauss–Legendre per edge in arc length. */
function quadratureArea(ring: Position[]): number {
  const G = geographiclib.Geodesic;
  const { x, w } = gaussLegendre(24);
  const rad = Math.PI / 180;
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = ring[i]!;
    const q = ring[i + 1]!;
    const line = G.WGS84.InverseLine(p[1]!, p[0]!, q[1]!, q[0]!, G.LATITUDE | G.LONGITUDE | G.AZIMUTH | G.DISTANCE_IN);
    const s13 = line.s13;
    let edge = 0;
    for (let k = 0; k < x.length; k++) {
      const s = ((x[k]! + 1) / 2) * s13;
      const pos = line.Position(s, G.LATITUDE | G.AZIMUTH);
      const phi = pos.lat2! * rad;
      const N = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
      const dLambdaDs = Math.sin(pos.azi2! * rad) / (N * Math.cos(phi));
      edge += w[k]! * bandArea(phi) * dLambdaDs;
    }
    sum += (edge * s13) / 2;
  }
  return Math.abs(sum);
}

describe('ellipsoidalArea (WGS84, GeographicLib)', () => {
  it('uses a closed-form ellipsoid area that matches GeographicLib’s published one', () => {
    // GeographicLib test suite, Planimeter15: "a0 = 510065621724088.5093; // ellipsoid area".
    expect(rel(ELLIPSOID_M2, 510065621724088.5093)).toBeLessThan(1e-12);
  });

  it('gives the published area and perimeter of a 1°×1° cell at the equator', () => {
    expect(rel(ellipsoidalArea(poly(CELL)), CELL_M2)).toBeLessThan(1e-9);
    expect(rel(ellipsoidalPerimeter(poly(CELL)), CELL_PERIMETER_M)).toBeLessThan(1e-9);
  });

  it('gives GeographicLib’s Planimeter0 diamond and Planimeter15 triangle', () => {
    expect(rel(ellipsoidalArea(poly(DIAMOND)), DIAMOND_M2)).toBeLessThan(1e-9);
    expect(Math.abs(ellipsoidalPerimeter(poly(DIAMOND)) - 627598.2731)).toBeLessThan(1e-4);
    expect(rel(ellipsoidalArea(poly(TRIANGLE)), TRIANGLE_M2)).toBeLessThan(1e-9);
  });

  it('gives one eighth of the ellipsoid for the octant bounded by the equator and two meridians', () => {
    const area = ellipsoidalArea(poly(OCTANT));
    expect(rel(area, OCTANT_M2)).toBeLessThan(1e-9); // Planimeter0
    expect(rel(area, ELLIPSOID_M2 / 8)).toBeLessThan(1e-9); // closed form
  });

  it('gives Δλ/360° of the ellipsoid for a 10° lune from pole to pole', () => {
    const lune = closed([[5, 0], [0, 90], [-5, 0], [0, -90]]);
    expect(rel(ellipsoidalArea(poly(lune)), (ELLIPSOID_M2 * 10) / 360)).toBeLessThan(1e-9);
  });

  it('gives the published area of a small polygon at 58° N (GeographicLib online Planimeter)', () => {
    // R package sgo, tests/testthat (geodetic area test): 133610.63495 m², "comparing against
    // geographiclib (https://geographiclib.sourceforge.io/cgi-bin/Planimeter)", tolerance 1e-5 m².
    const lon = [-6.43698696, -6.43166843, -6.42706831, -6.42102546, -6.42248238, -6.42639092, -6.42998435, -6.43321409];
    const lat = [58.21740316, 58.21930597, 58.22014035, 58.22034112, 58.21849188, 58.21853606, 58.21824033, 58.21748949];
    const ring = closed(lon.map((x, i) => [x, lat[i]!]));
    expect(rel(ellipsoidalArea(poly(ring)), 133610.63495)).toBeLessThan(1e-9);
  });

  it('agrees with quadrature of the ellipsoidal area element for a ≈ 1 km² square at 39.9° N', () => {
    const square = closed([[116.2, 39.9], [116.21, 39.9], [116.21, 39.91], [116.2, 39.91]]);
    const reference = quadratureArea(square);
    expect(reference).toBeGreaterThan(9e5); // sanity: ≈ 855 m × 1110 m
    expect(rel(ellipsoidalArea(poly(square)), reference)).toBeLessThan(1e-9);
  });

  it('subtracts a hole from its exterior', () => {
    // Octant minus the Planimeter15 triangle, which lies inside it.
    const holed = poly(OCTANT, [...TRIANGLE].reverse());
    expect(rel(ellipsoidalArea(holed), OCTANT_M2 - TRIANGLE_M2)).toBeLessThan(1e-9);
    // 10° lune minus the Planimeter0 diamond (closed form − published).
    const lune = closed([[5, 0], [0, 90], [-5, 0], [0, -90]]);
    expect(rel(ellipsoidalArea(poly(lune, DIAMOND)), (ELLIPSOID_M2 * 10) / 360 - DIAMOND_M2)).toBeLessThan(1e-9);
  });

  it('counts hole edges in the perimeter', () => {
    const holed = poly(OCTANT, [...TRIANGLE].reverse());
    expect(ellipsoidalPerimeter(holed)).toBeCloseTo(ellipsoidalPerimeter(poly(OCTANT)) + ellipsoidalPerimeter(poly(TRIANGLE)), 6);
  });

  it('sums the parts of a multipolygon', () => {
    // r-spatial/sf tests/testthat/test_geos.R, "st_area() works on GEOMETRY in longlat (#131)":
    // the squares [2,3]² and [4,5]² together measure 24570125261 m² (rounded to 1 m²).
    const sq = (k: number) => [closed([[k, k], [k + 1, k], [k + 1, k + 1], [k, k + 1]])];
    const multi: MultiPolygon = { type: 'MultiPolygon', coordinates: [sq(2), sq(4)] };
    expect(rel(ellipsoidalArea(multi), 24570125261)).toBeLessThan(1e-9);
    // The 1° cell and the Planimeter15 triangle (disjoint), both published.
    const two: MultiPolygon = { type: 'MultiPolygon', coordinates: [[CELL], [TRIANGLE]] };
    expect(rel(ellipsoidalArea(two), CELL_M2 + TRIANGLE_M2)).toBeLessThan(1e-9);
  });

  it('returns 0 for null and for a ring with fewer than 3 distinct positions', () => {
    expect(ellipsoidalArea(null)).toBe(0);
    expect(ellipsoidalArea(poly([[116.2, 39.9], [116.21, 39.9], [116.2, 39.9]]))).toBe(0);
  });

  it('reads the same for an unclosed ring as for the closed one', () => {
    expect(ellipsoidalArea(poly(CELL.slice(0, -1)))).toBe(ellipsoidalArea(poly(CELL)));
  });
});

describe('sphericalArea (turf, for comparison)', () => {
  it('reads about 0.10 % below the ellipsoidal area at Shijingshan’s latitude', () => {
    const square = poly(closed([[116.2, 39.9], [116.21, 39.9], [116.21, 39.91], [116.2, 39.91]]));
    const ratio = sphericalArea(square) / ellipsoidalArea(square) - 1;
    expect(ratio).toBeGreaterThan(-0.0012);
    expect(ratio).toBeLessThan(-0.0008);
  });
});
