/**
 * Derives the first version of `geodata/` from the shared reference files and the hand-digitising
 * recorded below, so that every vertex can be traced to its origin.
 *
 *   npx tsx scripts/geodata/derive.ts            # dry run: builds everything, writes nothing
 *   npx tsx scripts/geodata/derive.ts --write    # (re)writes geodata/*.geojson and claims.json
 *
 * Reference directory: $GEODATA_REF, default `../shared/geodata` next to the repository.
 *
 * After the first run the files in `geodata/` are the source of truth and may be edited by hand
 * (see geodata/README.md). Re-running with --write OVERWRITES such edits: port them here first.
 *
 * Nothing here measures an area or adjusts a vertex towards a stated figure. Every outline is drawn
 * from roads, river, metro tracks, stations and the district border; see each zone's
 * provenance.notes. Coordinates are WGS84 [lon, lat], rounded to 6 decimals (≈ 0.1 m).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import geodesic from 'geographiclib-geodesic';

type Pos = [number, number];
type Json = Record<string, unknown>;

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');
const REF = process.env.GEODATA_REF ?? path.resolve(REPO, '../shared/geodata');
const OUT = path.join(REPO, 'geodata');
const WRITE = process.argv.includes('--write');

/** Date of this digitising (project's own work). */
const DIGITISED = '2026-11';

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const p6 = (p: readonly number[]): Pos => [r6(p[0]!), r6(p[1]!)];
const readJson = (f: string) => JSON.parse(fs.readFileSync(path.join(REF, f), 'utf8'));

// ---------------------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------------------

const districtsRef = readJson('districts_shijingshan_haidian_fengtai_mentougou.geojson');
const metroRef = readJson('metro_osm.geojson');
const axisRef = readJson('changan_axis_osm.geojson');
const estRef = readJson('zone_and_landmark_points_ESTIMATE.geojson');

const sjsFeature = districtsRef.features.find((f: Json) => (f.properties as Json).adcode === '110107');
/** Shijingshan exterior ring, rounded; `V(i)` is vertex i of the reference ring (0..102). */
const SJS: Pos[] = sjsFeature.geometry.coordinates[0].map(p6);
const V = (i: number): Pos => {
  const p = SJS[i];
  if (!p) throw new Error(`no district vertex ${i}`);
  return [p[0], p[1]];
};

const stationByZh = new Map<string, { coordinates: Pos; props: Json }>();
const trackByLine = new Map<string, { coordinates: Pos[]; props: Json }>();
for (const f of metroRef.features) {
  if (f.geometry.type === 'Point') stationByZh.set(f.properties.name_zh, { coordinates: p6(f.geometry.coordinates), props: f.properties });
  else trackByLine.set(f.properties.line, { coordinates: f.geometry.coordinates.map(p6), props: f.properties });
}
const S = (zh: string): Pos => {
  const s = stationByZh.get(zh);
  if (!s) throw new Error(`no station ${zh}`);
  return [s.coordinates[0], s.coordinates[1]];
};
const track = (line: string): Pos[] => {
  const t = trackByLine.get(line);
  if (!t) throw new Error(`no track ${line}`);
  return t.coordinates.map((p) => [p[0], p[1]] as Pos);
};
const estimate = (id: string) => {
  const f = estRef.features.find((x: Json) => (x.properties as Json).id === id);
  if (!f) throw new Error(`no estimate ${id}`);
  return { coordinates: p6(f.geometry.coordinates), props: f.properties as Json };
};

/** Linear interpolation on segment a→b at longitude x (segments here are short: ≤ 2 km). */
const atLon = (a: Pos, b: Pos, x: number): Pos => {
  const t = (x - a[0]) / (b[0] - a[0]);
  return p6([x, a[1] + t * (b[1] - a[1])]);
};
/** Linear interpolation on segment a→b at latitude y. */
const atLat = (a: Pos, b: Pos, y: number): Pos => {
  const t = (y - a[1]) / (b[1] - a[1]);
  return p6([a[0] + t * (b[0] - a[0]), y]);
};
/** Intersection of segments a→b and c→d (planar in degrees; fine over < 3 km). */
const cross = (a: Pos, b: Pos, c: Pos, d: Pos): Pos => {
  const den = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
  const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / den;
  if (!(t >= 0 && t <= 1)) throw new Error('segments do not cross');
  return p6([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
};
const close = (ring: Pos[]): Pos[] => [...ring, ring[0]!];

/** Radius (m, rounded up to 500 m) around the district's vertex mean containing every vertex. */
const DISTRICT_RADIUS_M = (() => {
  const g = geodesic.Geodesic.WGS84;
  const pts = SJS.slice(0, -1);
  const lon0 = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const lat0 = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const max = Math.max(...pts.map((p) => g.Inverse(lat0, lon0, p[1], p[0]).s12 ?? 0));
  return Math.ceil(max / 500) * 500;
})();

// ---------------------------------------------------------------------------------------------
// Shared lines (schematic). Each is used both as a context feature and as zone edges.
// ---------------------------------------------------------------------------------------------

const T1 = track('1');
const T6 = track('6');
const T11 = track('11');
const TS1 = track('S1');
const tv = (t: Pos[], lon: number, lat: number): Pos => {
  const p = t.find((q) => Math.abs(q[0] - lon) < 2e-6 && Math.abs(q[1] - lat) < 2e-6);
  if (!p) throw new Error(`track vertex ${lon},${lat} not found`);
  return p;
};

/**
 * Fushi Road 阜石路, west → east. West of 苹果园 the S1 maglev is built along the road (S1 track
 * vertices, 四道桥 → 金安桥 → 苹果园); from 苹果园 east to 田村 Line 6's western extension runs
 * under it (Line 6 track vertices, with its S-bend at 西黄村 station smoothed out). Where exactly the
 * carriageway lies relative to the tracks is not known: schematic, ±250 m.
 */
const PINGGUOYUAN_FUSHI = cross(tv(T1, 116.179724, 39.917036), tv(T1, 116.170811, 39.925984), tv(T6, 116.167188, 39.923361), tv(T6, 116.19096, 39.92938));
const FUSHI: Pos[] = [
  S('四道桥'),
  tv(TS1, 116.132828, 39.917695),
  tv(TS1, 116.140144, 39.918947),
  tv(TS1, 116.142112, 39.919981),
  tv(TS1, 116.143877, 39.921801),
  tv(TS1, 116.146942, 39.922433),
  tv(TS1, 116.157004, 39.922224),
  tv(TS1, 116.162959, 39.922216),
  tv(T6, 116.167188, 39.923361),
  PINGGUOYUAN_FUSHI,
  tv(T6, 116.19096, 39.92938),
  tv(T6, 116.196653, 39.93289),
  tv(T6, 116.200619, 39.932569),
  tv(T6, 116.206612, 39.932654),
  tv(T6, 116.21147, 39.931974),
  tv(T6, 116.219286, 39.931647),
  tv(T6, 116.223437, 39.931637),
  tv(T6, 116.226503, 39.931295),
  tv(T6, 116.230334, 39.929298),
  tv(T6, 116.233804, 39.928516),
  tv(T6, 116.240498, 39.928409),
  S('田村'),
];

/** Where Fushi Road crosses the river (= district border segment v72→v73). */
const FUSHI_RIVER = cross(V(72), V(73), tv(TS1, 116.134136, 39.918044), tv(TS1, 116.140144, 39.918947));

/**
 * Lianshi Road 莲石路, east → west: a straight schematic line at lat ≈ 39.888 from the West 4th Ring
 * side (Fengtai) to the Yongding River. Its latitude is NOT known from any file here: it is placed
 * south of Shougang (which it bounds) and north of the district's southern border (≈ 39.880–39.886
 * west of the 5th Ring), crossing the river at the south end of the Shougang reach (district border
 * segment v77→v78), where 莲石湖 ends at the road. Schematic, ±500 m.
 */
const LIANSHI_RIVER = atLat(V(77), V(78), 39.8885);
const LIANSHI_EAST_EDGE = p6([116.18, 39.8875]);
const LIANSHI: Pos[] = [p6([116.247, 39.8885]), p6([116.215, 39.888]), LIANSHI_EAST_EDGE, LIANSHI_RIVER, p6([116.153, 39.889])];

/**
 * Yongding River 永定河, north → south. Follows the Shijingshan–Mentougou border from v66 to v78
 * (the border is drawn in the river here; the notch v68 is skipped as a border artefact), with one
 * schematic point ≈ 850 m upstream (north) and one ≈ 1.2 km downstream towards 卢沟桥. The border
 * itself is ±50–150 m; the river centreline's position relative to it is unknown: ±300 m.
 */
const RIVER: Pos[] = [p6([116.106, 39.949]), V(66), V(67), V(69), V(70), V(71), V(72), V(73), V(74), V(75), V(76), V(77), V(78), p6([116.1715, 39.8785])];

/** Chang'an Avenue axis east of 古城 (digitised, from the shared axis polyline). */
const AXIS_EAST: Pos[] = axisRef.features.find((f: Json) => (f.properties as Json).kind === 'derived_polyline').geometry.coordinates.map(p6);
const GUCHENG_AXIS = AXIS_EAST[0]!;

/**
 * Chang'an Avenue west extension 长安街西延 west from 古城: straight on the axis latitude across
 * Shougang to the east bank, then across the Yongding on 新首钢大桥 and west-south-west to 三石路 in
 * Mentougou, ending near S1 上岸/栗园庄 ([other]: Mentougou's AI park "位于门头沟新城的长安街西起点,
 * 毗邻S1线栗园庄站", Beijing Daily 2019-01-08). The bend after the bridge and the end point are
 * schematic; the total (≈ 6.3 km from 古城大街) matches the published ≈ 6.4 km only as a sanity check.
 * ±400 m (±200 m east of the river).
 */
const CHANGAN_WEST: Pos[] = [GUCHENG_AXIS, p6([116.15, GUCHENG_AXIS[1]]), p6([116.135, 39.903]), p6([116.112, 39.899])];

/** West 5th Ring 西五环, north → south, schematic at 116.211–116.218 E (facts sheet: 116.21–116.22). */
const RING5: Pos[] = [
  p6([116.218, 39.965]),
  p6([116.213, 39.945]),
  p6([116.211, 39.932]), // 晋元桥 area, Fushi Rd, between 西黄村 and 廖公庄 stations
  p6([116.212, 39.915]),
  p6([116.2135, GUCHENG_AXIS[1]]), // Chang'an Ave, between 八角游乐园 and 八宝山 stations
  p6([116.215, 39.888]), // Lianshi Rd
  p6([116.218, 39.87]),
];

// ---------------------------------------------------------------------------------------------
// Zone outlines
// ---------------------------------------------------------------------------------------------

/**
 * Shougang Park core, counter-clockwise from the NW corner (Fushi Rd × river):
 * west = river / district border v73…v77; south = Lianshi Rd; east = Line 1's N–S section along
 * 古城大街 (track vertices) from Lianshi Rd north to 苹果园; north = Fushi Rd back to the river.
 */
const SHOUGANG: Pos[] = close([
  FUSHI_RIVER,
  V(73),
  V(74),
  V(75),
  V(76),
  V(77),
  LIANSHI_RIVER,
  LIANSHI_EAST_EDGE,
  tv(T1, 116.180704, 39.907135),
  tv(T1, 116.180612, 39.914854),
  tv(T1, 116.179724, 39.917036),
  PINGGUOYUAN_FUSHI,
  tv(T6, 116.167188, 39.923361),
  tv(TS1, 116.162959, 39.922216),
  tv(TS1, 116.157004, 39.922224),
  tv(TS1, 116.146942, 39.922433),
  tv(TS1, 116.143877, 39.921801),
  tv(TS1, 116.142112, 39.919981),
  tv(TS1, 116.140144, 39.918947),
]);

/**
 * Sci-fi cluster (金安科幻广场 + south part of the heritage-park green axis), counter-clockwise from
 * the SW corner: south edge on the latitude of 北辛安 station, east edge at 116.168 E, north edge on
 * Fushi Rd (the 金安桥 interchange the plaza is named after), west edge on Line 11's track from
 * 金安桥 south to 北辛安. South and east edges are guesses (≈ 0.5–0.6 km from the ESTIMATE point).
 */
const SCIFI_NE = atLon(tv(T6, 116.167188, 39.923361), PINGGUOYUAN_FUSHI, 116.168);
const SCIFI: Pos[] = close([
  S('北辛安'),
  p6([116.168, S('北辛安')[1]]),
  SCIFI_NE,
  tv(T6, 116.167188, 39.923361),
  tv(TS1, 116.162959, 39.922216),
  tv(TS1, 116.157004, 39.922224),
  tv(T11, 116.154904, 39.922141),
  tv(T11, 116.155731, 39.919335),
  tv(T11, 116.156292, 39.918327),
  tv(T11, 116.157748, 39.917073),
  tv(T11, 116.158422, 39.916264),
  tv(T11, 116.158645, 39.914938),
]);

/**
 * Wulituo subdistrict envelope (NW corner of the district), counter-clockwise: south edge from
 * border vertex v64 east to (116.160, 39.945), east edge north to border vertex v44, then the
 * district border v45…v63 back to v64. South and east edges are guesses; ±1500 m.
 */
const WULITUO: Pos[] = close([V(64), p6([116.16, 39.945]), ...Array.from({ length: 64 - 44 }, (_, k) => V(44 + k))]);


// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

const T = (zh: string, en: string) => ({ zh, en });
const N = (zh: string, en: string, pinyin?: string) => (pinyin ? { zh, en, pinyin } : { zh, en });
const feature = (properties: Json, geometry: Json | null) => ({ type: 'Feature', properties, geometry });
const fc = (name: string, features: unknown[]) => ({ type: 'FeatureCollection', name, features });

const ODBL_CREDIT = '© OpenStreetMap contributors, geoBoundaries';

// ---- districts ------------------------------------------------------------------------------

const DISTRICT_META: Record<string, { id: string; name: ReturnType<typeof N>; official: number }> = {
  '110107': { id: 'shijingshan', name: N('石景山区', 'Shijingshan District', 'Shíjǐngshān Qū'), official: 84.38 },
  '110108': { id: 'haidian', name: N('海淀区', 'Haidian District', 'Hǎidiàn Qū'), official: 430.77 },
  '110106': { id: 'fengtai', name: N('丰台区', 'Fengtai District', 'Fēngtái Qū'), official: 305.8 },
  '110109': { id: 'mentougou', name: N('门头沟区', 'Mentougou District', 'Méntóugōu Qū'), official: 1447.85 },
};

function signedArea2(ring: Pos[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s;
}

const districts = districtsRef.features.map((f: { properties: Json; geometry: { type: string; coordinates: number[][][] } }) => {
  const adcode = String(f.properties.adcode);
  const meta = DISTRICT_META[adcode];
  if (!meta) throw new Error(`unexpected district ${adcode}`);
  if (f.geometry.type !== 'Polygon') throw new Error('expected Polygon');
  let rings = f.geometry.coordinates.map((r) => r.map(p6));
  const wasCw = signedArea2(rings[0]!) < 0;
  if (wasCw) rings = rings.map((r) => [...r].reverse());
  return feature(
    {
      id: meta.id,
      adcode,
      name: meta.name,
      official_area_km2: meta.official,
      provenance: {
        source: 'geoboundaries',
        method: 'digitised',
        accuracy_m: 150,
        date: '2017',
        licence: 'ODbL-1.0',
        notes:
          `geoBoundaries gbOpen CHN ADM3 (boundaryID CHN-ADM3-62558664, boundary year 2017, simplified release; shapeID ${String(f.properties.gb_shapeID)}), ` +
          'itself derived from OpenStreetMap (Wambacher OSM boundaries); taken via MatChaRoubei/eath-analyse@706ea93c. ' +
          `Vertices unchanged except rounded to 6 decimals (≤ 0.06 m; shared border vertices stay identical). ` +
          `Exterior ring ${wasCw ? 'was clockwise in the source and has been reversed' : 'is counter-clockwise in the source (RFC 7946), not reversed'}. ` +
          `Simplified: mean vertex spacing ≈ 570 m, positional error ≈ 50–150 m; measured ${String(f.properties.area_km2_ellipsoidal_measured)} km² (WGS84 ellipsoid, GeographicLib). ` +
          `Official area: ${String(f.properties.area_km2_official_stated)} km². Credit: ${ODBL_CREDIT}.`,
      },
    },
    { type: 'Polygon', coordinates: rings },
  );
});

// ---- context ----------------------------------------------------------------------------------

const STATION_META: Record<string, { slug: string; pinyin: string }> = {
  福寿岭: { slug: 'fushouling', pinyin: 'Fúshòulǐng' },
  苹果园: { slug: 'pingguoyuan', pinyin: 'Píngguǒyuán' },
  古城: { slug: 'gucheng', pinyin: 'Gǔchéng' },
  八角游乐园: { slug: 'bajiao-youleyuan', pinyin: 'Bājiǎo Yóulèyuán' },
  八宝山: { slug: 'babaoshan', pinyin: 'Bābǎoshān' },
  玉泉路: { slug: 'yuquanlu', pinyin: 'Yùquánlù' },
  金安桥: { slug: 'jinanqiao', pinyin: "Jīn'ānqiáo" },
  杨庄: { slug: 'yangzhuang', pinyin: 'Yángzhuāng' },
  西黄村: { slug: 'xihuangcun', pinyin: 'Xīhuángcūn' },
  廖公庄: { slug: 'liaogongzhuang', pinyin: 'Liàogōngzhuāng' },
  田村: { slug: 'tiancun', pinyin: 'Tiáncūn' },
  模式口: { slug: 'moshikou', pinyin: 'Móshìkǒu' },
  北辛安: { slug: 'beixinan', pinyin: "Běixīn'ān" },
  新首钢: { slug: 'xinshougang', pinyin: 'Xīnshǒugāng' },
  石厂: { slug: 'shichang', pinyin: 'Shíchǎng' },
  小园: { slug: 'xiaoyuan', pinyin: 'Xiǎoyuán' },
  栗园庄: { slug: 'liyuanzhuang', pinyin: 'Lìyuánzhuāng' },
  上岸: { slug: 'shangan', pinyin: "Shàng'àn" },
  桥户营: { slug: 'qiaohuying', pinyin: 'Qiáohùyíng' },
  四道桥: { slug: 'sidaoqiao', pinyin: 'Sìdàoqiáo' },
};

const metroNotes = (p: Json) =>
  `OpenStreetMap via E-Rail/Just-Go network file (stored in GCJ-02), converted to WGS84 with gcoord 1.0.7 (round trip verified on an OSM node to 0.01 m); ` +
  (Array.isArray(p.xcheck_raw_osm_m) ? `cross-checked against raw OSM (Feb 2026): ${(p.xcheck_raw_osm_m as number[]).join('/')} m. ` : 'no raw-OSM station node to cross-check. ') +
  (p.in_district ? '' : `Outside Shijingshan (${String(p.dist_to_district_m)} m from the district polygon). `) +
  (p.note ? `${String(p.note)}. ` : '') +
  `Rounded to 6 decimals. Credit: © OpenStreetMap contributors.`;

const stations = [...stationByZh.entries()].map(([zh, s]) => {
  const meta = STATION_META[zh];
  if (!meta) throw new Error(`no meta for station ${zh}`);
  return feature(
    {
      id: `station-${meta.slug}`,
      layer: 'metro-station',
      name: N(zh, `${String(s.props.name_en)} station`, meta.pinyin),
      lines: s.props.lines,
      provenance: { source: 'osm', method: 'digitised', accuracy_m: s.props.est_error_m, date: '2026-02', licence: 'ODbL-1.0', notes: metroNotes(s.props) },
    },
    { type: 'Point', coordinates: s.coordinates },
  );
});

const LINE_META: Record<string, { id: string; pinyin: string }> = {
  '1': { id: 'metro-line-1', pinyin: 'Yī Hào Xiàn' },
  '6': { id: 'metro-line-6', pinyin: 'Liù Hào Xiàn' },
  '11': { id: 'metro-line-11', pinyin: 'Shíyī Hào Xiàn (Dōng-Ào Zhīxiàn)' },
  S1: { id: 'metro-line-s1', pinyin: 'S1 Xiàn (Cíxuánfú)' },
};
const lines = [...trackByLine.entries()].map(([line, t]) => {
  const meta = LINE_META[line]!;
  return feature(
    {
      id: meta.id,
      layer: 'metro-line',
      name: N(String(t.props.name_zh), String(t.props.name_en), meta.pinyin),
      lines: [line],
      provenance: {
        source: 'osm',
        method: 'digitised',
        accuracy_m: t.props.est_error_m,
        date: '2026',
        licence: 'ODbL-1.0',
        notes:
          `Simplified centreline of the physical track, ${String(t.props.from)}–${String(t.props.to)} (${String(t.props.length_m)} m, one OSM route relation), ` +
          'from E-Rail/Just-Go MetroNetworks/1100.json@0b86d7a2 (GCJ-02), converted to WGS84 with gcoord 1.0.7; ends snapped to the station points; ' +
          'stations lie 0–10 m from it except the hubs (金安桥 32–105 m, 苹果园 18–66 m). Rounded to 6 decimals. Credit: © OpenStreetMap contributors.',
      },
    },
    { type: 'LineString', coordinates: t.coordinates },
  );
});

const roads = [
  feature(
    {
      id: 'road-shijingshan-road',
      layer: 'road',
      name: N('石景山路（长安街）', "Shijingshan Road (Chang'an Avenue axis)", "Shíjǐngshān Lù (Cháng'ān Jiē)"),
      provenance: {
        source: 'osm',
        method: 'digitised',
        accuracy_m: 30,
        date: '2026-02',
        licence: 'ODbL-1.0',
        notes:
          "Chang'an Avenue axis 古城 → 五棵松 (石景山路 then 复兴路): straight segments through 5 control points, each the midpoint of the north- and south-side Line 1 " +
          'entrance nodes in raw OSM (Feb 2026; one pair converted from GCJ-02); the road is straight here and Line 1 runs beneath it. Control points ±25 m, ' +
          'polyline ±30 m. Not an OSM road way. Credit: © OpenStreetMap contributors.',
      },
    },
    { type: 'LineString', coordinates: AXIS_EAST },
  ),
  feature(
    {
      id: 'road-changan-west-extension',
      layer: 'road',
      name: N('长安街西延（含新首钢大桥）', "Chang'an Avenue west extension (with New Shougang Bridge)", "Cháng'ān Jiē Xīyán"),
      provenance: {
        source: 'project-digitising',
        method: 'schematic',
        accuracy_m: 400,
        date: DIGITISED,
        licence: 'ODbL-1.0',
        notes:
          "West from the 古城 control point (where the digitised axis ends) straight along the axis latitude (39.9061) across Shougang to the Yongding's east bank " +
          '(116.150 E), then across the river on 新首钢大桥 (1,354 m) and west-south-west to 三石路 in Mentougou, ending near S1 上岸/栗园庄 stations. ' +
          "Basis: facts sheet (extension ≈ 6.4 km west of 古城大街 to 三石路; splits Shougang N/S); [other] Beijing Daily 2019-01-08: Mentougou's AI park lies " +
          '"位于门头沟新城的长安街西起点, 毗邻S1线栗园庄站". The bend after the bridge and the end point are schematic; Line 11 新首钢 station lies ≈ 170 m north of the line. ' +
          'East of the river ±200 m, west of it ±400 m.',
      },
    },
    { type: 'LineString', coordinates: CHANGAN_WEST },
  ),
  feature(
    {
      id: 'road-fushi-road',
      layer: 'road',
      name: N('阜石路', 'Fushi Road', 'Fùshí Lù'),
      provenance: {
        source: 'project-digitising',
        method: 'schematic',
        accuracy_m: 250,
        date: DIGITISED,
        licence: 'ODbL-1.0',
        notes:
          'From 四道桥 (Mentougou, west bank) east to 田村 (Haidian), beyond the West 5th Ring. West of 苹果园 drawn on the S1 maglev track (OSM), which is built ' +
          'along Fushi Rd past 金安桥 (the interchange the station is named after; facts sheet and ESTIMATE file: "金安桥 … on Fushi Rd at NE corner of Shougang"); ' +
          "from 苹果园 east drawn on Line 6's western extension (OSM), which runs under the road (西黄村 S-bend smoothed). Continues west into Mentougou and east to " +
          'the 4th Ring (not drawn). Road vs track offset unknown: ±250 m.',
      },
    },
    { type: 'LineString', coordinates: FUSHI },
  ),
  feature(
    {
      id: 'road-lianshi-road',
      layer: 'road',
      name: N('莲石路', 'Lianshi Road', 'Liánshí Lù'),
      provenance: {
        source: 'project-digitising',
        method: 'schematic',
        accuracy_m: 500,
        date: DIGITISED,
        licence: 'ODbL-1.0',
        notes:
          'Straight schematic line at lat ≈ 39.888 from 116.247 E (Fengtai side, towards the West 4th Ring; not drawn further) west across the West 5th Ring to ' +
          'the Yongding River at the south end of the Shougang reach (district border segment v77→v78), with a 0.6 km stub onto the west bank. Its latitude is ' +
          "not in any reference file: placed south of Shougang (which it bounds, facts sheet) and north of the district's southern border (≈ 39.880–39.886 " +
          'west of the 5th Ring). Not traced from any map: ±500 m.',
      },
    },
    { type: 'LineString', coordinates: LIANSHI },
  ),
  feature(
    {
      id: 'road-west-5th-ring',
      layer: 'road',
      name: N('西五环路', 'West 5th Ring Road', 'Xī Wǔhuán Lù'),
      provenance: {
        source: 'project-digitising',
        method: 'schematic',
        accuracy_m: 300,
        date: DIGITISED,
        notes:
          'N–S schematic line at 116.211–116.218 E (facts sheet: "West 5th Ring runs N–S near 116.21–116.22E") from 39.965 N to 39.870 N. Crossings placed ' +
          "between stations it is known to pass between: Fushi Rd between 西黄村 and 廖公庄 (晋元桥 area), Chang'an Ave between 八角游乐园 and 八宝山. " +
          'Curvature not known: ±300 m.',
      },
    },
    { type: 'LineString', coordinates: RING5 },
  ),
];

const river = feature(
  {
    id: 'river-yongding',
    layer: 'river',
    name: N('永定河', 'Yongding River', 'Yǒngdìng Hé'),
    provenance: {
      source: 'project-digitising',
      method: 'schematic',
      accuracy_m: 300,
      date: DIGITISED,
      licence: 'ODbL-1.0',
      notes:
        'Centreline sketch (no river geometry was available). Follows the Shijingshan–Mentougou border (geoBoundaries/OSM, ±50–150 m) from border vertex 66 ' +
        '(116.1058, 39.9413) to vertex 78 (116.1612, 39.8855), the reach the facts sheet puts "roughly along the SW border"; vertex 68 (a notch back north) is ' +
        'skipped as a border artefact. Extended ≈ 0.85 km upstream (N, towards 三家店) and ≈ 1.2 km downstream (SSE, towards 卢沟桥, Fengtai) by one ' +
        'schematic point each. Where the centreline lies relative to the border is unknown: ±300 m. Derived from ODbL data: ' +
        ODBL_CREDIT +
        '.',
    },
  },
  { type: 'LineString', coordinates: RIVER },
);

const bigAir = estimate('big_air_shougang');
const jinanqiao = S('金安桥');
const landmarks = [
  feature(
    {
      id: 'landmark-big-air-shougang',
      layer: 'landmark',
      name: N('首钢滑雪大跳台（群明湖畔）', 'Big Air Shougang (by Qunming Lake)', 'Shǒugāng Huáxuě Dàtiàotái'),
      provenance: {
        source: 'zone_and_landmark_points_ESTIMATE',
        method: 'estimated',
        accuracy_m: 600,
        date: DIGITISED,
        notes: `Point from the shared ESTIMATE file (hand-placed, confidence ${String(bigAir.props.confidence)}, est_error ${String(bigAir.props.est_error_m)} m; basis: "${String(bigAir.props.basis)}"); upper bound of its error used. Qunming Lake 群明湖 is not given a point of its own: the venue stands on its shore.`,
      },
    },
    { type: 'Point', coordinates: bigAir.coordinates },
  ),
  feature(
    {
      id: 'landmark-blast-furnace-1',
      layer: 'landmark',
      name: N('首钢一高炉（SoReal科幻乐园）', 'Shougang Blast Furnace No. 1 (SoReal sci-fi park)', 'Shǒugāng Yī Gāolú'),
      provenance: {
        source: 'project-digitising',
        method: 'estimated',
        accuracy_m: 600,
        date: DIGITISED,
        licence: 'ODbL-1.0',
        notes:
          '[other] "这里距金安桥地铁站不远,步行几分钟可至" (2021 news report on the 金安桥 area of Shougang Park); the ESTIMATE file places the sci-fi cluster "near Blast ' +
          "Furnace No.1 / Jin'anqiao\". Placed 300 m south of 金安桥 station (OSM, ±110 m), i.e. inside the park, which lies south of Fushi Rd; direction and distance " +
          'are not known: ±600 m.',
      },
    },
    { type: 'Point', coordinates: p6([jinanqiao[0], jinanqiao[1] - 0.0027]) },
  ),
  feature(
    {
      id: 'landmark-shijingshan-amusement-park',
      layer: 'landmark',
      name: N('石景山游乐园', 'Shijingshan Amusement Park', 'Shíjǐngshān Yóulèyuán'),
      provenance: {
        source: 'project-digitising',
        method: 'estimated',
        accuracy_m: 700,
        date: DIGITISED,
        licence: 'ODbL-1.0',
        notes:
          'Placed at 八角游乐园 station (OSM, ±30 m), which is named after and serves the park (facts sheet: "Shijingshan amusement park (八角)"). Which side ' +
          'of the station the park lies and its extent are not known here: ±700 m.',
      },
    },
    { type: 'Point', coordinates: S('八角游乐园') },
  ),
];

const context = fc('Shijingshan Innovation Atlas: context (basemap) features', [river, ...roads, ...lines, ...stations, ...landmarks]);

// ---- claims -----------------------------------------------------------------------------------

const P14 = { label: T('“十四五”时期（2021—2025年）', '14th Five-Year Plan (2021–2025)'), from: 2021, to: 2025 };
const TO_DATE = { label: T('截至目前（访谈时，约2025年底）', 'to date (as of the interview, around the end of 2025)'), to: 2025 };
const BASE_2020 = T('“十三五”末（2020年）', 'end of the 13th Five-Year Plan (2020)');
const SRC = 'interview-2026';

/** Reconstructed from the facts sheet (not checked word for word): see the source note. */
const PARK_AREA_QUOTE = '经中关村新一轮空间调整,石景山园面积由13.34平方公里增至14.4平方公里';
const claim = (c: Json): Json => ({ source: SRC, spatial: false, ...c });
const claimsList = [
  claim({
    id: 'park-area-before', value: 13.34, qualifier: 'exact', unit: 'km2', counted: T('平方公里', 'km²'),
    measures: T('中关村石景山园调整前面积', 'Area of ZGC Shijingshan Park before the adjustment'),
    period: { label: T('中关村新一轮空间调整之前', "before ZGC's new round of spatial adjustment (14th FYP)") },
    scope: { kind: 'zone', zone: 'zgc-sjs-park', version: 'before' }, spatial: true,
    quote_zh: PARK_AREA_QUOTE, group: 'space',
  }),
  claim({
    id: 'park-area-after', value: 14.4, qualifier: 'exact', unit: 'km2', counted: T('平方公里', 'km²'),
    measures: T('中关村新一轮空间调整后石景山园面积', "Area of ZGC Shijingshan Park after ZGC's new round of spatial adjustment"),
    period: P14,
    scope: { kind: 'zone', zone: 'zgc-sjs-park', version: 'after' }, spatial: true,
    quote_zh: PARK_AREA_QUOTE, group: 'space',
  }),
  claim({
    id: 'municipal-hitech-zones-added', value: 1, qualifier: 'exact', unit: 'count', counted: T('个', 'zone'),
    measures: T('获批增设的市级高新区（五里坨地区）', 'Municipal high-tech zones added (Wulituo)'),
    period: P14, scope: { kind: 'district' },
    quote_zh: '获批增设1个市级高新区,将五里坨地区相关产业用地纳入其中', group: 'space',
  }),
  claim({
    id: 'rd-institutions', value: 22, qualifier: 'exact', unit: 'count', counted: T('家', 'institutions'),
    measures: T('新增落地国家级和部委级研发机构', 'National and ministry-level R&D institutions added'),
    period: P14, scope: { kind: 'district' },
    quote_zh: '“十四五”时期,我区新增落地国家级和部委级研发机构22家', group: 'innovation',
  }),
  claim({
    id: 'key-labs', value: 9, qualifier: 'exact', unit: 'count', counted: T('家', 'labs'),
    measures: T('新增北京市重点实验室', 'Beijing key laboratories added'),
    period: P14, scope: { kind: 'district' },
    quote_zh: '北京市重点实验室9家', group: 'innovation',
  }),
  claim({
    id: 'tech-platforms', value: 17, qualifier: 'exact', unit: 'count', counted: T('个', 'platforms'),
    measures: T('新增公共技术平台', 'Public technology platforms added'),
    period: P14, scope: { kind: 'district' },
    quote_zh: '公共技术平台17个', group: 'innovation',
  }),
  claim({
    id: 'national-st-awards', value: 8, qualifier: 'exact', unit: 'count', counted: T('项', 'awards'),
    measures: T('驻区企业累计获得国家科学技术奖', 'National S&T awards won by resident firms (cumulative)'),
    period: P14, scope: { kind: 'district' },
    quote_zh: '驻区企业累计获得国家科学技术奖8项', group: 'recognition',
  }),
  claim({
    id: 'beijing-st-awards', value: 50, qualifier: 'exact', unit: 'count', counted: T('项', 'awards'),
    measures: T('驻区企业累计获得北京市科学技术奖', 'Beijing S&T awards won by resident firms (cumulative)'),
    period: P14, scope: { kind: 'district' },
    quote_zh: '北京市科学技术奖50项', group: 'recognition',
  }),
  claim({
    id: 'university-partners', value: 10, qualifier: 'at-least', unit: 'count', counted: T('所', 'institutions'),
    measures: T('开展战略合作的京内外高校科研院所（清华、哈工大等）', 'Universities and research institutes in strategic cooperation (Tsinghua, HIT …)'),
    period: P14, scope: { kind: 'district' },
    quote_zh: '与清华、哈工大等京内外10余所高校科研院所开展战略合作', group: 'innovation',
  }),
  claim({
    id: 'little-giants', value: 26, qualifier: 'exact', unit: 'count', counted: T('家', 'firms'),
    measures: T('国家级专精特新“小巨人”企业', 'National "specialised & new" little-giant firms'),
    period: TO_DATE, scope: { kind: 'district' },
    quote_zh: '全区已拥有国家级专精特新“小巨人”企业26家', group: 'enterprises',
  }),
  claim({
    id: 'srdi-smes', value: 441, qualifier: 'exact', unit: 'count', counted: T('家', 'firms'),
    measures: T('市级“专精特新”中小企业', 'Municipal "specialised & new" SMEs'),
    period: TO_DATE, scope: { kind: 'district' },
    quote_zh: '市级“专精特新”中小企业441家', group: 'enterprises',
  }),
  claim({
    id: 'hitech-firms', value: 1100, qualifier: 'expected', unit: 'count', counted: T('家', 'firms'),
    measures: T('国家高新技术企业保有量', 'National high-tech enterprises (number held)'),
    period: { label: T('2025年（预计）', '2025 (expected)'), from: 2025, to: 2025 }, scope: { kind: 'district' },
    quote_zh: '国家高新技术企业保有量预计达到1100家', group: 'enterprises',
  }),
  claim({
    id: 'jingxian-talents', value: 314, qualifier: 'exact', unit: 'count', counted: T('人', 'people'),
    measures: T('集聚“景贤人才”总量', '"Jingxian" talents gathered (total)'),
    period: TO_DATE, scope: { kind: 'district' },
    quote_zh: '集聚“景贤人才”总量已达314人', group: 'talent',
  }),
  claim({
    id: 'youth-teams', value: 40, qualifier: 'approximately', unit: 'count', counted: T('个', 'teams'),
    measures: T('入驻青年人才创新创业基地的青年创业团队', 'Youth start-up teams in the youth talent innovation & entrepreneurship base'),
    period: TO_DATE, scope: { kind: 'district' },
    quote_zh: '建成投用青年人才创新创业基地,已有近40个青年创业团队入驻', group: 'talent',
  }),
  claim({
    id: 'patents-per-10k-growth', value: 186, qualifier: 'exact', unit: 'percent', counted: T('%', '%'),
    measures: T('每万人发明专利拥有量增长', 'Growth of invention patents held per 10,000 people'),
    period: P14, baseline: BASE_2020, scope: { kind: 'district' },
    quote_zh: '我区每万人发明专利拥有量、技术合同成交额,较“十三五”末分别增长了186%、126%', group: 'growth',
  }),
  claim({
    id: 'tech-contract-growth', value: 126, qualifier: 'exact', unit: 'percent', counted: T('%', '%'),
    measures: T('技术合同成交额增长', 'Growth of technology-contract turnover'),
    period: P14, baseline: BASE_2020, scope: { kind: 'district' },
    quote_zh: '我区每万人发明专利拥有量、技术合同成交额,较“十三五”末分别增长了186%、126%', group: 'growth',
  }),
  claim({
    id: 'park-revenue-growth', value: 48.3, qualifier: 'exact', unit: 'percent', counted: T('%', '%'),
    measures: T('园区收入增长', 'Growth of the park’s revenue'),
    period: { label: T('2025年较“十三五”末', '2025 compared with the end of the 13th FYP'), from: 2021, to: 2025 }, baseline: BASE_2020,
    scope: { kind: 'zone', zone: 'zgc-sjs-park' },
    quote_zh: '园区收入较“十三五”末增长48.3%', group: 'growth',
  }),
  claim({
    id: 'pct-growth', value: 15, qualifier: 'exact', unit: 'times', counted: T('倍', '×'),
    measures: T('PCT专利申请量增长倍数', 'Growth of PCT patent applications (fold)'),
    period: P14, baseline: BASE_2020,
    scope: { kind: 'zone', zone: 'zgc-sjs-park' },
    quote_zh: 'PCT专利申请量增长15倍', group: 'growth',
  }),
  claim({
    id: 'ndrc-commendation', value: 2, qualifier: 'exact', unit: 'years', counted: T('年（连续）', 'consecutive years'),
    measures: T('获国家发展改革委产业转型示范园区通报表扬', 'Commended by the NDRC as an industrial-transformation demonstration park'),
    period: { label: T('截至2025年连续两年', 'two consecutive years to 2025'), from: 2024, to: 2025 },
    scope: { kind: 'zone', zone: 'zgc-sjs-park' },
    quote_zh: '连续两年获国家发展改革委产业转型示范园区通报表扬', group: 'recognition',
  }),
  claim({
    id: 'featured-parks-2026', value: 6, qualifier: 'exact', unit: 'count', counted: T('个', 'parks'),
    measures: T('国家高新区2026年建设的特色园区', 'Featured parks the national high-tech zone will build'),
    period: { label: T('2026年', '2026'), from: 2026, to: 2026 },
    scope: { kind: 'zone', zone: 'zgc-sjs-park' },
    quote_zh: '建设6个特色园区', group: 'space',
  }),
];

/** Claims whose quote_zh was checked word for word against a mirror of the republished interview. */
const VERIFIED_QUOTES = [
  'rd-institutions', 'key-labs', 'tech-platforms', 'national-st-awards', 'beijing-st-awards', 'university-partners', 'little-giants',
  'srdi-smes', 'hitech-firms', 'jingxian-talents', 'youth-teams', 'patents-per-10k-growth', 'tech-contract-growth',
];
const QUOTED_IN_FACTS = ['municipal-hitech-zones-added'];
const RECONSTRUCTED = claimsList.map((c) => String(c.id)).filter((id) => !VERIFIED_QUOTES.includes(id) && !QUOTED_IN_FACTS.includes(id));

const claims = {
  sources: [
    {
      id: SRC,
      title: T('石景山园管委会、区科委主任高延娜专访', 'Interview with Gao Yanna, director of the ZGC Shijingshan Park management committee and the district science & technology commission'),
      publisher: T('石景山区科委（园区）、区融媒体中心；网易号转载', 'Shijingshan District S&T Commission (park) and District Media Centre; republished on NetEase (网易号)'),
      date: '2026-01',
      note: T(
        `发布于2026年初前后（日期为约数）。quote_zh 核对情况：${VERIFIED_QUOTES.join('、')} 已与网易号转载文（文章号 KJ9BE1NF0514BJET）的镜像逐字核对（镜像为繁体，已转回简体，标点照镜像）；` +
          `${QUOTED_IN_FACTS.join('、')} 引自项目事实表的引文；${RECONSTRUCTED.join('、')} 系据事实表措辞重构的原话，尚未逐字核对，待查原文后更正。`,
        `Published around the start of 2026 (date approximate). quote_zh status: ${VERIFIED_QUOTES.join(', ')} were checked word for word against a mirror of the ` +
          `NetEase republication (article id KJ9BE1NF0514BJET; the mirror is in traditional characters, converted back to simplified, punctuation as in the mirror); ${QUOTED_IN_FACTS.join(', ')} is quoted in the project facts sheet; ${RECONSTRUCTED.join(', ')} ` +
          'are RECONSTRUCTED from the facts sheet wording, not yet checked against the original text — correct them when it is at hand.',
      ),
    },
  ],
  claims: claimsList,
};

// ---- zones ----------------------------------------------------------------------------------------

const PLACEHOLDER_NOTE = (what: string) =>
  `LOCATION NOT KNOWN. ${what} extent "unknown", geometry null: listed, never drawn. accuracy_m = ${DISTRICT_RADIUS_M} m, the radius of the area it could be in ` +
  "(around the district's vertex mean, containing the whole district). Digitise an outline as soon as the site is known.";

const ZGC_NAME = N('中关村石景山园', 'Zhongguancun Shijingshan Park', 'Zhōngguāncūn Shíjǐngshān Yuán');
const zgcNotes = (version: string) =>
  `Multi-plot zone, extent "partial". The interview gives only its area (${version}) and layout "一核心、两组团、五大特色园"; the plots are not published ([other] 3.45 km² when designated in 2006; ` +
  'a 2026 report describes "一核三廊六大特色园区"). Only ONE plot can be placed: the sci-fi cluster (same outline as zone scifi-cluster: Fushi Rd, Line 11, guessed S/E edges; ±700 m). ' +
  'The other featured parks (AI cluster, industrial-internet park, VR park, finance/CETC park) and any other park land have unknown sites and are not drawn, so the ' +
  'drawn area is a lower bound of the park, not its extent. accuracy_m is that of the drawn plot.';

const zones: unknown[] = [];
/** `extent` defaults from the geometry: null ⇒ "unknown", else "outline" unless given. */
const zone = (p: Json, geometry: Json | null) =>
  zones.push(feature({ ...p, extent: p.extent ?? (geometry === null ? 'unknown' : 'outline'), claims: p.claims ?? [] }, geometry));
const poly = (ring: Pos[]) => ({ type: 'Polygon', coordinates: [ring] });

zone(
  {
    id: 'zgc-sjs-park-before', zone: 'zgc-sjs-park', version: { id: 'before', label: T('调整前', 'before the adjustment') }, current: false,
    name: ZGC_NAME, kind: 'national-hitech-park', extent: 'partial',
    sectors: ['modern-finance', 'ai', 'scifi-gaming', 'industrial-internet', 'vr', 'future-health'], status: 'operating',
    valid: { plan: ['13th-fyp'] },
    provenance: { source: 'interview-2026', method: 'estimated', accuracy_m: 700, date: DIGITISED, licence: 'ODbL-1.0', notes: zgcNotes('13.34 km² before') + ' Whether the sci-fi plot belonged to the park before the adjustment is not known. Year of the adjustment not stated: since/until left empty.' },
    claims: ['park-area-before'],
    description: T(
      '中关村新一轮空间调整前，石景山园面积为13.34平方公里。地块位置未公布，图中仅画出可定位的科幻产业集聚区一块，不代表园区范围。',
      "Before ZGC's new round of spatial adjustment the park measured 13.34 km². Its plots are not published; only the sci-fi cluster plot is drawn, which is not the park's extent.",
    ),
    plots: [{ zone: 'scifi-cluster', note: T('科幻产业集聚区（估计轮廓，±700米）；调整前是否属于园区未知', 'Sci-fi cluster (estimated outline, ±700 m); whether it belonged to the park before the adjustment is unknown') }],
  },
  { type: 'MultiPolygon', coordinates: [[SCIFI]] },
);
zone(
  {
    id: 'zgc-sjs-park-after', zone: 'zgc-sjs-park', version: { id: 'after', label: T('调整后', 'after the adjustment') }, current: true,
    name: ZGC_NAME, kind: 'national-hitech-park', extent: 'partial',
    sectors: ['modern-finance', 'ai', 'scifi-gaming', 'industrial-internet', 'vr', 'future-health'], status: 'operating',
    valid: { plan: ['14th-fyp', '2026', '15th-fyp'] },
    provenance: { source: 'interview-2026', method: 'estimated', accuracy_m: 700, date: DIGITISED, licence: 'ODbL-1.0', notes: zgcNotes('14.4 km² after') + ' Year of the adjustment not stated: since left empty.' },
    claims: ['park-area-after', 'park-revenue-growth', 'pct-growth', 'ndrc-commendation', 'featured-parks-2026'],
    description: T(
      '经中关村新一轮空间调整，石景山园面积增至14.4平方公里，“十四五”布局为“一核心、两组团、五大特色园”；2026年国家高新区将建设6个特色园区。地块位置未公布，图中仅画出科幻产业集聚区一块。',
      "After ZGC's new round of spatial adjustment the park measures 14.4 km², laid out in the 14th FYP as one core, two clusters and five featured parks; in 2026 it will build six featured parks. Plots are not published; only the sci-fi cluster plot is drawn.",
    ),
    plots: [{ zone: 'scifi-cluster', note: T('科幻产业集聚区（估计轮廓，±700米）', 'Sci-fi cluster (estimated outline, ±700 m)') }],
  },
  { type: 'MultiPolygon', coordinates: [[SCIFI]] },
);

zone(
  {
    id: 'wulituo-hitech', zone: 'wulituo-hitech', version: { id: 'approved', label: T('获批', 'approved') }, current: true,
    name: N('五里坨地区（市级高新区）', 'Wulituo municipal high-tech zone', 'Wǔlǐtuó Dìqū (Shìjí Gāoxīnqū)'),
    kind: 'municipal-hitech-zone', sectors: [], status: 'planned', extent: 'envelope',
    valid: { plan: ['14th-fyp', '15th-fyp'] },
    provenance: {
      source: 'interview-2026', method: 'estimated', accuracy_m: 1500, date: DIGITISED, licence: 'ODbL-1.0',
      notes:
        'Extent "envelope": a deliberately coarse envelope of Wulituo subdistrict, NOT the zone: the interview says only that "五里坨地区相关产业用地" (the relevant industrial land of the Wulituo ' +
        'area) was brought into a new municipal high-tech zone; which parcels is not published. West and north edges = district border vertices 44–64 (geoBoundaries/OSM; ' +
        'Wulituo is the hilly NW corner of the district); south edge a straight line from border vertex 64 to (116.160, 39.945) and east edge from there to border vertex 44 ' +
        '— both guesses, not subdistrict boundaries (no subdistrict polygons were available). Contains the ESTIMATE point "wulituo" (116.135, 39.960, ±0.5–1 km). The real ' +
        'zone is presumably much smaller than this envelope. ±1500 m.',
    },
    claims: ['municipal-hitech-zones-added'],
    description: T(
      '“十四五”时期获批增设1个市级高新区，将五里坨地区相关产业用地纳入其中，拟发展研发设计产业、布局小试中试平台。具体范围未公布：图中为五里坨街道的粗略外包范围（±1.5公里），不是高新区边界。',
      'A municipal high-tech zone was approved in the 14th FYP, bringing in industrial land in the Wulituo area, to host R&D/design and pilot-scale platforms. Its extent is not published: the outline is a coarse envelope of Wulituo subdistrict (±1.5 km), not the zone boundary.',
    ),
  },
  poly(WULITUO),
);

const AI_NAME = N('人工智能产业集聚区', 'AI industry cluster', 'Réngōng Zhìnéng Chǎnyè Jíjùqū');
zone(
  {
    id: 'ai-cluster-phase-1', zone: 'ai-cluster', version: { id: 'phase-1', label: T('一期', 'phase 1') }, current: true,
    name: AI_NAME, kind: 'featured-park', sectors: ['ai'], status: 'operating', valid: { plan: ['14th-fyp'] },
    provenance: {
      source: 'interview-2026', method: 'estimated', accuracy_m: DISTRICT_RADIUS_M, date: DIGITISED,
      notes: PLACEHOLDER_NOTE('[other] A "general large-model" cluster whose phase 1 was open and ≈ 90 % let in 2025; its site was not found in any source at hand.'),
    },
    description: T('人工智能（通用大模型）产业集聚区一期，已运营。位置未知，不绘制。', 'AI (general large-model) cluster, phase 1, operating. Location unknown: not drawn.'),
  },
  null,
);
zone(
  {
    id: 'ai-cluster-phase-2', zone: 'ai-cluster', version: { id: 'phase-2', label: T('二期', 'phase 2') }, current: false,
    name: AI_NAME, kind: 'featured-park', sectors: ['ai'], status: 'under-construction', valid: { since: 2026, plan: ['2026', '15th-fyp'] },
    provenance: {
      source: 'interview-2026', method: 'estimated', accuracy_m: DISTRICT_RADIUS_M, date: DIGITISED,
      notes: PLACEHOLDER_NOTE('The interview: 2026 "建成人工智能产业集聚区二期". Phase 2\'s site (and whether it adjoins phase 1) is not known.'),
    },
    description: T('2026年建成人工智能产业集聚区二期。位置未知，不绘制。', 'Phase 2 of the AI cluster, to be completed in 2026. Location unknown: not drawn.'),
  },
  null,
);

zone(
  {
    id: 'scifi-cluster', zone: 'scifi-cluster', version: { id: 'current', label: T('现状', 'current') }, current: true,
    name: N('科幻（游戏）产业集聚区', 'Sci-fi & gaming industry cluster', 'Kēhuàn (Yóuxì) Chǎnyè Jíjùqū'),
    kind: 'featured-park', sectors: ['scifi-gaming'], status: 'operating', valid: { since: 2020, plan: ['14th-fyp', '2026', '15th-fyp'] },
    provenance: {
      source: 'interview-2026', method: 'estimated', accuracy_m: 700, date: DIGITISED, licence: 'ODbL-1.0',
      notes:
        '[other] 71.7 ha in Shougang Park\'s industrial-heritage park: 金安科幻广场 plus the south part of the green axis, near Blast Furnace No. 1 / 金安桥 (newton.com.tw wiki; ' +
        'the 2020 China Sci-fi Convention agreement, hence since 2020). Outline: north edge on Fushi Rd (schematic; the 金安桥 interchange the plaza is named after); west edge ' +
        "on Line 11's track (OSM) from 金安桥 south to 北辛安 station; south edge on 北辛安 station's latitude and east edge at 116.168 E — both GUESSES about 0.5–0.6 km from " +
        'the ESTIMATE point "scifi_cluster" (116.163, 39.918, ±0.5–1 km), which it contains. Not sized to the 71.7 ha figure. ±700 m.',
    },
    description: T(
      '获评“中关村特色产业园”；2026年建设北京未来数字空间创新试验区创新中心。轮廓为估计（±700米），以阜石路、11号线为边，南、东边界为推测。',
      'Rated a "ZGC featured industrial park"; in 2026 it builds the innovation centre of the Future Digital Space pilot zone. Estimated outline (±700 m): Fushi Rd and Line 11 as edges, south and east edges guessed.',
    ),
  },
  poly(SCIFI),
);

zone(
  {
    id: 'industrial-internet-park', zone: 'industrial-internet-park', version: { id: 'current', label: T('现状', 'current') }, current: true,
    name: N('中关村工业互联网产业园', 'ZGC Industrial Internet Industrial Park', 'Zhōngguāncūn Gōngyè Hùliánwǎng Chǎnyèyuán'),
    kind: 'featured-park', sectors: ['industrial-internet'], status: 'expanding', valid: { since: 2020, plan: ['14th-fyp', '2026'] },
    provenance: {
      source: 'interview-2026', method: 'estimated', accuracy_m: DISTRICT_RADIUS_M, date: DIGITISED,
      notes: PLACEHOLDER_NOTE(
        '[other] Beijing Youth Daily 2024-04-19: pilot zone (先导区) in 古城创业大厦, opened 2020-09 (hence since 2020); core zone (核心区) on the 西井地块, ≈ 9.27 ha (9.27万平方米), phase 1 completed 2024-04, ' +
          'phase 2 due 2026; extension zone = 新首钢 and other clusters. The position of the 西井 plot and of 古城创业大厦 was not found (the latter presumably in 古城 subdistrict — unverified).',
      ),
    },
    description: T(
      '获评市级“高品质科技园区”；2026年建成智慧园区。位置未知，不绘制（核心区西井地块位置待查）。',
      'Rated a municipal "high-quality S&T park"; becomes a smart park in 2026. Location unknown: not drawn (the 西井 core plot still to be located).',
    ),
  },
  null,
);

const VR_NAME = N('中关村虚拟现实产业园（大正创想广场）', 'ZGC VR Industry Park (Dazheng Chuangxiang Plaza)', 'Zhōngguāncūn Xūnǐ Xiànshí Chǎnyèyuán (Dàzhèng Chuàngxiǎng Guǎngchǎng)');
const VR_WHAT =
  '[other] A former pressure-vessel plant converted in 2020 (newton.com.tw wiki: "园区前身是压力容器生产厂 … 于2020年改造"); its address was not found. Unverified lead: ' +
  'a boiler/pressure-vessel works among the 京西八大厂 (e.g. 巴威-北锅) — do not use without a source.';
zone(
  {
    id: 'vr-park-before', zone: 'vr-park', version: { id: 'before', label: T('扩围前', 'before the extension') }, current: true,
    name: VR_NAME, kind: 'featured-park', sectors: ['vr'], status: 'operating', valid: { since: 2020, plan: ['14th-fyp', '2026'] },
    provenance: { source: 'interview-2026', method: 'estimated', accuracy_m: DISTRICT_RADIUS_M, date: DIGITISED, notes: PLACEHOLDER_NOTE(VR_WHAT) },
    description: T('获评“中关村特色产业园”，设VR首发首展体验中心，集聚“VR50强”企业。位置未知，不绘制。', 'Rated a "ZGC featured industrial park", with the VR first-launch/exhibition centre and "VR top-50" firms. Location unknown: not drawn.'),
  },
  null,
);
zone(
  {
    id: 'vr-park-after', zone: 'vr-park', version: { id: 'after', label: T('扩围提质后', 'after the extension') }, current: false,
    name: VR_NAME, kind: 'featured-park', sectors: ['vr'], status: 'planned', valid: { since: 2026, plan: ['2026', '15th-fyp'] },
    provenance: {
      source: 'interview-2026', method: 'estimated', accuracy_m: DISTRICT_RADIUS_M, date: DIGITISED,
      notes: PLACEHOLDER_NOTE(`The interview: 2026 大正创想广场 "扩围提质" (extended and upgraded); the extension's extent is not published. ${VR_WHAT}`),
    },
    description: T('2026年大正创想广场“扩围提质”。扩围范围未公布，不绘制。', 'In 2026 Dazheng Chuangxiang Plaza is to be extended and upgraded. Extent not published: not drawn.'),
  },
  null,
);

zone(
  {
    id: 'finance-cetc-park', zone: 'finance-cetc-park', version: { id: 'current', label: T('现状', 'current') }, current: true,
    name: N('银行保险产业园暨中电科智能科技园', 'Banking & Insurance Industry Park cum CETC Intelligent Technology Park', 'Yínháng Bǎoxiǎn Chǎnyèyuán jì Zhōngdiànkē Zhìnéng Kējìyuán'),
    kind: 'featured-park', sectors: ['modern-finance', 'ai'], status: 'operating', valid: { plan: ['14th-fyp', '2026'] },
    provenance: {
      source: 'interview-2026', method: 'estimated', accuracy_m: DISTRICT_RADIUS_M, date: DIGITISED,
      notes: PLACEHOLDER_NOTE('[other] One of the main functional areas of the district plan; six CETC units moved in in 2022. Its site was not found in any source at hand.'),
    },
    description: T('2026年力争成为中关村特色园区。位置未知，不绘制。', 'Aims to become a ZGC featured park in 2026. Location unknown: not drawn.'),
  },
  null,
);

zone(
  {
    id: 'ai-block', zone: 'ai-block', version: { id: 'current', label: T('现状', 'current') }, current: true,
    name: N('石景山文化智境街区', 'Shijingshan "Cultural Intelligence" Block', 'Shíjǐngshān Wénhuà Zhìjìng Jiēqū'),
    kind: 'ai-block', sectors: ['ai', 'culture'], status: 'operating', valid: { plan: ['14th-fyp', '2026'] },
    provenance: { source: 'interview-2026', method: 'estimated', accuracy_m: DISTRICT_RADIUS_M, date: DIGITISED, notes: PLACEHOLDER_NOTE('[other] One of Beijing\'s first four AI innovation blocks; its extent was not found.') },
    description: T('入选北京首批人工智能创新街区，打造“人工智能+文化”应用基地。范围未知，不绘制。', "One of Beijing's first AI innovation blocks, an AI + culture application base. Extent unknown: not drawn."),
  },
  null,
);

zone(
  {
    id: 'future-digital-space', zone: 'future-digital-space', version: { id: 'current', label: T('现状', 'current') }, current: true,
    name: N('北京未来数字空间创新试验区', 'Beijing Future Digital Space Innovation Pilot Zone', 'Běijīng Wèilái Shùzì Kōngjiān Chuàngxīn Shìyànqū'),
    kind: 'pilot-zone', sectors: ['ai', 'scifi-gaming'], status: 'under-construction', valid: { since: 2025, plan: ['2026', '15th-fyp'] },
    provenance: {
      source: 'interview-2026', method: 'estimated', accuracy_m: 1500, date: DIGITISED, licence: 'ODbL-1.0',
      notes:
        'Extent NOT published. [other] Centred on Shougang Park (e-sports centre; 10,000 m² game incubator at 融石广场). Drawn as the Shougang Park core outline (see zone ' +
        'shougang-park) as a stand-in for "centred on Shougang Park"; the real zone may be smaller or reach beyond it. Backed by the city at the 2025 China Sci-fi Convention (since 2025). ±1500 m.',
    },
    description: T(
      '2025中国科幻大会上获市里支持设立，以首钢园为中心。范围未公布：轮廓借用首钢园核心区（±1.5公里）。',
      'Backed by the city at the 2025 China Sci-fi Convention, centred on Shougang Park. Extent not published: the Shougang Park core outline is used as a stand-in (±1.5 km).',
    ),
  },
  poly(SHOUGANG),
);

zone(
  {
    id: 'shougang-park', zone: 'shougang-park', version: { id: 'current', label: T('现状', 'current') }, current: true,
    name: N('首钢园（国际人才社区）', 'Shougang Park (international talent community)', 'Shǒugāng Yuán (Guójì Réncái Shèqū)'),
    kind: 'park', sectors: ['international'], status: 'operating', valid: { plan: ['14th-fyp', '2026', '15th-fyp'] },
    provenance: {
      source: 'interview-2026', method: 'estimated', accuracy_m: 500, date: DIGITISED,
      licence: 'ODbL-1.0',
      notes:
        'Core of the former steelworks, outlined from its [other] edges (facts sheet; ESTIMATE "shougang_main" basis): north = Fushi Rd (schematic line on the S1/Line 6 tracks, OSM); ' +
        'south = Lianshi Rd (schematic, ±500 m: the weakest edge); west = Yongding River, taken as the district border vertices 73–77 (geoBoundaries/OSM), so the zone stays inside ' +
        "the district; east = the 古城/杨庄 side, taken as Line 1's N–S section along 古城大街 (OSM track) from Lianshi Rd north to where it meets Fushi Rd at 苹果园. The east edge " +
        "may include non-park land around 北辛安 and 古城; the Chang'an Ave west extension splits it N/S. Contains the ESTIMATE points shougang_main, shougang_north, big_air_shougang. " +
        '[other] areas: core 8.63 km² (2012 plan), main plant ≈ 7.8 km², North Area 2.91 km² — not used to shape the outline. ±500 m. Border vertices are ODbL (' + ODBL_CREDIT + ').',
    },
    description: T(
      '首钢园建设国际人才社区，是国际科技创新合作交流中心的载体。轮廓按阜石路（北）、莲石路（南）、永定河（西）、古城大街（东）估计，±500米。',
      'Shougang Park hosts an international talent community and carries the international S&T cooperation exchange centre. Outline estimated from Fushi Rd (N), Lianshi Rd (S), the Yongding River (W) and 古城大街 (E), ±500 m.',
    ),
  },
  poly(SHOUGANG),
);

// ---- points ------------------------------------------------------------------------------------

const unknownProv = (what: string) => ({
  source: 'interview-2026',
  method: 'estimated',
  accuracy_m: DISTRICT_RADIUS_M,
  date: DIGITISED,
  notes: `Position not known${what ? `: ${what}` : ''}. accuracy_m is the radius of the area it could be in (the whole district, ${DISTRICT_RADIUS_M} m).`,
});
const pt = (p: Json, geometry: Json | null) =>
  feature({ ...p, sectors: p.sectors ?? [], zones: p.zones ?? [], claims: p.claims ?? [] }, geometry);

const points = fc('Shijingshan Innovation Atlas: places named in the interview', [
  pt(
    {
      id: 'cetc-intelligence-institute', name: N('中国电科智能院', 'CETC intelligence institute', 'Zhōngguó Diànkē Zhìnéngyuàn'),
      kind: 'institute', sectors: ['ai'], location: 'unknown',
      provenance: unknownProv('the interview says only that it has landed in the district ("相继落地"). Possibly in the finance/CETC park ([other] six CETC units moved in 2022) — not stated, so not linked'),
      description: T('“十四五”期间落地石景山的国家级研发机构之一。位置未知。', 'One of the national R&D institutions that landed in the district in the 14th FYP. Position unknown.'),
    },
    null,
  ),
  pt(
    {
      id: 'casic-intelligence-institute', name: N('航天科工智能院', 'CASIC intelligence institute', 'Hángtiān Kēgōng Zhìnéngyuàn'),
      kind: 'institute', sectors: ['ai'], location: 'unknown',
      provenance: unknownProv('the interview says only that it has landed in the district ("相继落地")'),
      description: T('“十四五”期间落地石景山的研发机构之一。位置未知。', 'One of the R&D institutions that landed in the district in the 14th FYP. Position unknown.'),
    },
    null,
  ),
  pt(
    {
      id: 'hit-beijing-research-institute', name: N('哈尔滨工业大学北京研究院', 'Harbin Institute of Technology Beijing Research Institute', "Hā'ěrbīn Gōngyè Dàxué Běijīng Yánjiūyuàn"),
      kind: 'institute', location: 'unknown',
      provenance: unknownProv('named in the interview; HIT is one of the 10+ strategic university partners'),
      description: T('哈工大为区战略合作高校之一。位置未知。', "HIT is one of the district's strategic university partners. Position unknown."),
    },
    null,
  ),
  pt(
    {
      id: 'humanoid-robot-data-training-centre', name: N('人形机器人数据训练中心', 'Humanoid-robot data training centre', 'Rénxíng Jīqìrén Shùjù Xùnliàn Zhōngxīn'),
      kind: 'centre', sectors: ['ai'], location: 'unknown',
      provenance: unknownProv(
        "[other] > 6,000 m², about 100 robots. Lead, not verified: Beijing Daily (2025-08) describes a humanoid-robot industry base in Shougang Park's 西十筒仓/冬奥广场 area (north end, by Fushi Rd) as the district's main humanoid-robot site; the data training centre's own address was not found",
      ),
      description: T('全市首个人形机器人数据训练中心。位置未知。', "The city's first humanoid-robot data training centre. Position unknown."),
    },
    null,
  ),
  pt(
    {
      id: 'future-industry-incubation-centre', name: N('未来产业育成中心', 'Future-industry incubation centre', 'Wèilái Chǎnyè Yùchéng Zhōngxīn'),
      kind: 'centre', location: 'unknown', provenance: unknownProv(''),
      description: T('位置未知。', 'Position unknown.'),
    },
    null,
  ),
  pt(
    {
      id: 'youth-talent-base', name: N('青年人才创新创业基地', 'Youth talent innovation & entrepreneurship base', 'Qīngnián Réncái Chuàngxīn Chuàngyè Jīdì'),
      kind: 'base', location: 'unknown', provenance: unknownProv(''), claims: ['youth-teams'],
      description: T('已建成投用，近40个青年创业团队入驻。位置未知。', 'Open, with nearly 40 youth start-up teams. Position unknown.'),
    },
    null,
  ),
  pt(
    {
      id: 'jingxian-town', name: N('景贤小镇', 'Jingxian Town', 'Jǐngxián Xiǎozhèn'),
      kind: 'town', location: 'unknown',
      provenance: unknownProv('presumably related to the district\'s "景贤人才" talent programme (not linked to the 314-talents claim, which counts people district-wide)'),
      description: T('位置未知。', 'Position unknown.'),
    },
    null,
  ),
  pt(
    {
      id: 'jingshi-kechuang-group', name: N('京石科创集团', 'Jingshi Kechuang Group', 'Jīngshí Kēchuàng Jítuán'),
      kind: 'company', location: 'unknown', zones: ['zgc-sjs-park'],
      provenance: unknownProv("the park's operating company; office address not found"),
      description: T('石景山园的运营公司。位置未知。', "The park's operating company. Position unknown."),
    },
    null,
  ),
  pt(
    {
      id: 'proof-of-concept-centre', name: N('概念验证中心', 'Proof-of-concept centre', 'Gàiniàn Yànzhèng Zhōngxīn'),
      kind: 'centre', location: 'unknown',
      provenance: unknownProv('the interview places it, with the pilot platforms, in old factory buildings; which ones is not said'),
      description: T('利用老旧厂房建设。位置未知。', 'Built in old factory buildings. Position unknown.'),
    },
    null,
  ),
  pt(
    {
      id: 'pilot-scale-platforms', name: N('小试中试平台', 'Pilot-scale (small-trial and pilot) platforms', 'Xiǎoshì Zhōngshì Píngtái'),
      kind: 'platform', location: 'unknown', zones: ['wulituo-hitech'],
      provenance: unknownProv('the interview puts pilot-scale platforms in the new Wulituo high-tech zone (whose parcels are themselves unknown) and in old factory buildings'),
      description: T('拟布局于五里坨市级高新区；具体位置未知。', 'Planned in the Wulituo municipal high-tech zone; exact position unknown.'),
    },
    null,
  ),
  pt(
    {
      id: 'vr-launch-exhibition-centre', name: N('首发首展体验中心', 'VR first-launch & exhibition experience centre', 'Shǒufā Shǒuzhǎn Tǐyàn Zhōngxīn'),
      kind: 'centre', sectors: ['vr'], location: 'unknown', zones: ['vr-park'],
      provenance: unknownProv('in the VR park (大正创想广场), whose site is itself unknown'),
      description: T('位于中关村虚拟现实产业园。位置未知。', 'In the ZGC VR Industry Park. Position unknown.'),
    },
    null,
  ),
  pt(
    {
      id: 'bth-scifi-collaboration-centre', name: N('京津冀科幻产业协同创新中心', 'Beijing–Tianjin–Hebei sci-fi industry collaborative innovation centre', 'Jīng-Jīn-Jì Kēhuàn Chǎnyè Xiétóng Chuàngxīn Zhōngxīn'),
      kind: 'centre', sectors: ['scifi-gaming'], location: 'unknown',
      provenance: unknownProv('presumably in the Shougang sci-fi cluster, but the interview does not say so'),
      description: T('位置未知。', 'Position unknown.'),
    },
    null,
  ),
  pt(
    {
      id: 'intl-st-centre-shougang', name: N('国际科技创新合作交流中心（首钢园）', 'International S&T cooperation exchange centre (Shougang Park)', 'Guójì Kējì Chuàngxīn Hézuò Jiāoliú Zhōngxīn'),
      kind: 'centre', sectors: ['international'], location: 'estimated', error_m: 2000, zones: ['shougang-park'],
      provenance: {
        source: 'interview-2026', method: 'estimated', accuracy_m: 2000, date: DIGITISED,
        notes:
          'The interview puts the centre at Shougang Park (with the international talent community); where in the park is not said. Placed at the ESTIMATE point ' +
          '"shougang_main" (116.160, 39.908; ±300–600 m for the park centre); error 2,000 m ≈ half the park\'s diagonal, so the circle covers the park.',
      },
      description: T('载体之一为首钢园（国际人才社区）；园内具体位置未知，点位为园区中心估计（±2公里）。', 'One of its carriers is Shougang Park (international talent community); position inside the park unknown, point = park centre estimate (±2 km).'),
    },
    { type: 'Point', coordinates: estimate('shougang_main').coordinates },
  ),
  pt(
    {
      id: 'intl-st-centre-industrial-internet', name: N('国际科技创新合作交流中心（工业互联网产业园）', 'International S&T cooperation exchange centre (industrial-internet park)', 'Guójì Kējì Chuàngxīn Hézuò Jiāoliú Zhōngxīn'),
      kind: 'centre', sectors: ['international', 'industrial-internet'], location: 'unknown', zones: ['industrial-internet-park'],
      provenance: unknownProv('the interview names the industrial-internet park as a carrier; the park\'s own site is unknown'),
      description: T('载体之一为中关村工业互联网产业园。位置未知。', 'One of its carriers is the ZGC Industrial Internet Industrial Park. Position unknown.'),
    },
    null,
  ),
]);

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

/** JSON with positions kept on one line: `[116.1, 39.9]`. */
function stringify(x: unknown): string {
  return `${JSON.stringify(x, null, 1).replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2]')}\n`;
}

const files: Record<string, unknown> = {
  'districts.geojson': fc('Shijingshan and neighbouring districts (geoBoundaries / OSM)', districts),
  'context.geojson': context,
  'zones.geojson': fc('Shijingshan Innovation Atlas: zones (one feature per zone version)', zones),
  'points.geojson': points,
  'claims.json': claims,
};

console.log(`district radius used for unknown locations: ${DISTRICT_RADIUS_M} m`);
for (const [name, data] of Object.entries(files)) {
  const text = stringify(data);
  if (WRITE) {
    fs.writeFileSync(path.join(OUT, name), text);
    console.log(`wrote geodata/${name} (${text.length} bytes)`);
  } else console.log(`would write geodata/${name} (${text.length} bytes)`);
}
