/**
 * Zod schemas for every data shape in `geodata/`: the single contract between the data files,
 * the loader, the audit and the UI. Types are inferred from these schemas, never written twice.
 *
 * Conventions (RFC 7946): coordinates are WGS84 `[longitude°, latitude°]`; exterior rings
 * counter-clockwise, holes clockwise; rings closed (first position repeated last).
 */
import { z } from 'zod';
import { PLAN_PERIODS, SECTORS, STATUSES } from './enums';

/** Stable identifier: lower-case kebab case, e.g. `zgc-sjs-park`. */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case kebab-case');

/** A place or thing named in both languages, with Hanyu Pinyin for search. */
export const Names = z.object({
  /** Simplified Chinese (zh-Hans), as written in the source. */
  zh: z.string().trim().min(1, 'Chinese name (zh) is required'),
  /** English name. */
  en: z.string().trim().min(1, 'English name (en) is required'),
  /** Hanyu Pinyin with tone marks (e.g. "Wǔlǐtuó"); optional, derived for search when absent. */
  pinyin: z.string().trim().min(1).optional(),
});

/** A short bilingual text (descriptions, labels, notes). */
export const Text = z.object({
  /** Simplified Chinese text. */
  zh: z.string().trim().min(1),
  /** English text. */
  en: z.string().trim().min(1),
});

/**
 * How a geometry was obtained, from best to worst:
 * - `surveyed`: from a survey or an official parcel file;
 * - `digitised`: traced from a published map or from positions of known features (OSM);
 * - `schematic`: drawn to show topology and rough position only (roads, river sketches);
 * - `estimated`: placed from descriptions ("north of Fushi Road, near Blast Furnace No. 1").
 */
export const Method = z.enum(['surveyed', 'digitised', 'schematic', 'estimated']);

/**
 * A feature of the reference geography that a source names (issue #16): a street of
 * `streets.geojson` (by its `id`), a named junction of `junctions.geojson`, or a metro station of
 * `context.geojson` (`station-…`). The card's "Why here" shows them on the map.
 */
export const GeoRef = z.object({
  kind: z.enum(['street', 'junction', 'station']),
  /** For a street: its `street` key (every piece of it); for a junction or station: the feature id. */
  id: Id,
});

/** Sides of an outline, as a source describes them (东至、西至 …); `inner` for a cut-out. */
export const EdgeSide = z.enum(['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west', 'inner']);

/**
 * One edge of a placed outline and what it follows (issue #16): a named street, junctions, a
 * station, the river. The edge is the stretch of an exterior ring from vertex `from` to vertex
 * `to` (indices into `coordinates[polygon][0]` for a MultiPolygon, `coordinates[0]` for a
 * Polygon); a zone's edges run round each ring in order, end to end. Every named junction of an
 * edge lies within the edge's `accuracy_m` of that stretch (checked by a test), and the area band
 * sums each stretch's length × its accuracy (geo/uncertainty.ts `zoneBand`).
 */
export const Edge = z.object({
  /** Polygon of a MultiPolygon (0 for a Polygon). */
  polygon: z.number().int().min(0).default(0),
  /** First and last vertex of the stretch on the exterior ring (`to` > `from`). */
  from: z.number().int().min(0),
  to: z.number().int().min(1),
  side: EdgeSide,
  /** What the edge follows, in words (e.g. 阜石路 / Fushi Lu, from 金安桥 to 北辛安路). */
  follows: z.object({ zh: z.string().trim().min(1), en: z.string().trim().min(1) }),
  /** Streets, junctions and stations the edge is drawn along (may be empty for the river or a guess). */
  refs: z.array(GeoRef).default([]),
  /** How far the true edge may lie from what is drawn, metres (what these references support). */
  accuracy_m: z.number().positive().max(10_000),
  /** `traced`: along named references; `inferred`: from a description without a named line; `guessed`. */
  basis: z.enum(['traced', 'inferred', 'guessed']),
});

/** Where a feature's geometry and facts come from and how good its position is. */
export const Provenance = z.object({
  /** Source of the facts, e.g. `interview-2026`, `osm`, `geoboundaries`, or a citation. */
  source: z.string().trim().min(1),
  /** How the geometry was made (see {@link Method}). */
  method: Method,
  /** Positional accuracy of the outline or point, metres (1-sigma-like: "true edge within ± this"). */
  accuracy_m: z.number().positive().max(10_000),
  /** When the geometry was made or the source observed, ISO date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD'),
  /** How the outline was drawn: which roads, river, sites it follows. */
  notes: z.string().trim().min(1).optional(),
  /** Licence of the geometry, e.g. `ODbL-1.0`; omitted for the project's own digitising (CC0). */
  licence: z.string().trim().min(1).optional(),
  /** For outlines traced from named geography: each edge, what it follows and to what accuracy. */
  edges: z.array(Edge).optional(),
});

/**
 * One piece of evidence for where a placed feature is (issue #8): a source record of `claims.json`
 * and the phrase in it, verbatim, that carries the fact. The card shows these as "Why here".
 */
export const Evidence = z.object({
  /** Source id in `claims.json` `sources` (e.g. `bjd-talent-community-2023`). */
  source: z.string().trim().min(1),
  /** The source's own words, verbatim (simplified Chinese where the page was traditional). */
  phrase: z.string().trim().min(2),
  /** Language of `phrase`. */
  lang: z.enum(['zh', 'en']),
  /** What the phrase tells about the position, in plain words, bilingual (shown on the card). */
  supports: Text,
  /** The streets, junctions and stations the phrase names: shown on the map from the card. */
  refs: z.array(GeoRef).default([]),
});

/**
 * How a source names a place where its wording differs from the place's name (issue #19: the
 * interview writes "首钢园(国际人才社区)" for Shougang Park). Shown on the card as the source's
 * words and found by search; never used as the name.
 */
export const NamedAs = z.object({
  /** Source id in `claims.json` `sources` (e.g. `interview-2026`). */
  source: z.string().trim().min(1),
  /** The source's own wording, verbatim (checked like a quote). */
  phrase: z.string().trim().min(1),
  /** Language of `phrase`. */
  lang: z.enum(['zh', 'en']),
});

/** Kinds of zone named in the interview. */
export const ZoneKind = z.enum([
  'national-hitech-park',
  'featured-park',
  'ai-block',
  'pilot-zone',
  'park',
  'talent-community',
  'municipal-hitech-zone',
]);

/** Sectors (values and their meaning in enums.ts). */
export const Sector = z.enum(SECTORS);

/** Life-cycle status of a zone version. */
export const Status = z.enum(STATUSES);

/** Plan periods (enums.ts). */
export const PlanPeriod = z.enum(PLAN_PERIODS);

/** When a zone version is valid. Years are calendar years (inclusive). */
export const Validity = z
  .object({
    /** First year the version applies, e.g. 2021. */
    since: z.number().int().min(1949).max(2100).optional(),
    /** Last year the version applies (inclusive); omitted while current. */
    until: z.number().int().min(1949).max(2100).optional(),
    /** Plan period(s) the version belongs to. */
    plan: z.array(PlanPeriod).default([]),
  })
  .refine((v) => v.since === undefined || v.until === undefined || v.since <= v.until, {
    message: 'since must not be after until',
    path: ['until'],
  });

/**
 * WGS84 position `[lon°, lat°]`. Ranges are checked by the honesty rules (`checks.ts`), which can
 * say "inside China" and recognise swapped `[lat, lon]` instead of a bare range error.
 */
export const Position = z.tuple([z.number(), z.number()]);
/** Linear ring: at least 4 positions (closure is an honesty rule, reported with its location). */
export const Ring = z.array(Position).min(4, 'a ring needs at least 4 positions');

export const PolygonGeometry = z.object({
  type: z.literal('Polygon'),
  /** Exterior ring first, then holes. */
  coordinates: z.array(Ring).min(1),
});
export const MultiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(Ring).min(1)).min(1),
});
export const AreaGeometry = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);
export const PointGeometry = z.object({ type: z.literal('Point'), coordinates: Position });
export const LineGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('LineString'), coordinates: z.array(Position).min(2) }),
  z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(Position).min(2)).min(1) }),
]);

/**
 * What a zone's geometry stands for, and so how its area may be compared with a stated figure:
 * - `outline`: the zone itself, to `provenance.accuracy_m` (area ± band is comparable);
 * - `partial`: only the plots that could be placed; the zone is larger (area is a lower bound);
 * - `envelope`: an area the zone lies somewhere inside; the zone is smaller (area is an upper bound);
 * - `unknown`: position and extent unknown; geometry is null (listed, never drawn).
 */
export const ZoneExtent = z.enum(['outline', 'partial', 'envelope', 'unknown']);

/** One version of a zone (a zone with no versions has exactly one, marked `current`). */
export const ZoneProps = z.object({
  /** Unique feature id, e.g. `zgc-sjs-park-after`. */
  id: Id,
  /** Zone this feature is a version of, e.g. `zgc-sjs-park`; equals `id` for single-version zones. */
  zone: Id,
  /** Version within the zone: short id and label (e.g. `before` / 调整前). */
  version: z.object({ id: Id, label: Text }),
  /** True for the version shown by default; exactly one per zone. */
  current: z.boolean(),
  /** Names of the zone (the same on every version). */
  name: Names,
  /** What kind of zone this is (legend group and colour). */
  kind: ZoneKind,
  /** Sectors hosted, from the interview; may be empty for general zones. */
  sectors: z.array(Sector),
  /** Life-cycle status of this version. */
  status: Status,
  /** Years and plan periods this version applies to. */
  valid: Validity,
  /** Source, method and positional accuracy (metres) of the geometry. */
  provenance: Provenance,
  /** Claim ids (see claims.json) that concern this zone version. */
  claims: z.array(Id).default([]),
  /** One or two sentences on what the interview says, bilingual. */
  description: Text.optional(),
  /**
   * For multi-plot zones (MultiPolygon): one entry per polygon, in order, naming the zone id the plot
   * corresponds to (if any) and a note.
   */
  plots: z.array(z.object({ zone: Id.optional(), note: Text })).optional(),
  /**
   * How many plots the zone has in all, drawn or not, where a source publishes it (e.g. 10 for the
   * talent community). With `extent: partial` the card says how many of them are drawn (the
   * geometry's polygons): "at least 3.3 ha (1 of 10 plots drawn)".
   */
  plots_total: z.number().int().positive().optional(),
  /** Set when the zone deliberately extends beyond Shijingshan District, with the reason. */
  outside_district: Text.optional(),
  /** What the geometry stands for (see {@link ZoneExtent}); `unknown` ⇔ geometry null. */
  extent: ZoneExtent.default('outline'),
  /** Other wordings sources use for this zone (see {@link NamedAs}). */
  named_as: z.array(NamedAs).optional(),
  /** Zone id this zone lies inside (a sub-zone, e.g. the North Area of Shougang Park). */
  parent: Id.optional(),
  /** Why the geometry is where it is: sources and their phrases (required for placed zones). */
  evidence: z.array(Evidence).default([]),
  /** For zones whose site is unknown: what was searched, so "unknown" is a finding, bilingual. */
  searched: Text.optional(),
  /** A planner's proposal drawn or opened for an Atlas zone version: shown and compared beside that version, never instead of it. */
  attachedTo: z.object({ zone: Id, version: Id }).optional(),
});

/** Zones file: polygons/multipolygons. */
export const ZoneFeature = z.object({
  type: z.literal('Feature'),
  properties: ZoneProps,
  /** Null only when `extent` is `unknown` (RFC 7946 allows unlocated features). */
  geometry: AreaGeometry.nullable(),
});

/** How much is known about a point's position. */
export const LocationKnowledge = z.enum(['known', 'estimated', 'unknown']);

export const PointKind = z.enum([
  'institute',
  'centre',
  'platform',
  'base',
  'company',
  'town',
  'landmark',
]);

export const PointProps = z.object({
  /** Unique id, e.g. `hit-beijing-institute`. */
  id: Id,
  name: Names,
  /** What kind of place (legend group and colour). */
  kind: PointKind,
  /** Sectors the place works in. */
  sectors: z.array(Sector).default([]),
  /** Zone ids the interview puts this place in. */
  zones: z.array(Id).default([]),
  /** `unknown` ⇒ geometry is null and the point is listed, never drawn. */
  location: LocationKnowledge,
  /** For `estimated`: radius, metres, within which the true position is believed to lie. */
  error_m: z.number().positive().max(20_000).optional(),
  /** For `unknown` locations: method `estimated`, accuracy the radius of the area it could be in (e.g. the district). */
  provenance: Provenance,
  /** Claim ids that concern this place. */
  claims: z.array(Id).default([]),
  /** What the interview says about the place, bilingual. */
  description: Text.optional(),
  /** Why the point is where it is: sources and their phrases (required for placed points). */
  evidence: z.array(Evidence).default([]),
  /** For places whose position is unknown: what was searched, bilingual. */
  searched: Text.optional(),
});

export const PointFeature = z.object({
  type: z.literal('Feature'),
  properties: PointProps,
  /** RFC 7946 allows a null geometry: used for places whose position is unknown. */
  geometry: PointGeometry.nullable(),
});

/** Layers of context geography (the embedded basemap). */
export const ContextLayer = z.enum(['river', 'road', 'metro-line', 'metro-station', 'landmark']);

export const ContextProps = z.object({
  /** Unique id, e.g. `station-pingguoyuan`, `road-fushi`. */
  id: Id,
  /** Basemap layer the feature is drawn in. */
  layer: ContextLayer,
  name: Names,
  /** Metro lines served (metro-line / metro-station), e.g. ["1","6","S1"]. */
  lines: z.array(z.string()).optional(),
  /** Source, method and positional accuracy (metres). */
  provenance: Provenance,
});

export const ContextFeature = z.object({
  type: z.literal('Feature'),
  properties: ContextProps,
  geometry: z.union([LineGeometry, PointGeometry, AreaGeometry]),
});

/**
 * Street classes of the embedded basemap, from OSM's `highway` tag: `major` (motorway, trunk,
 * primary and their links), `secondary` (secondary, tertiary and links), `minor` (the rest that
 * carries traffic: unclassified, residential, living street, service, road, pedestrian).
 */
export const StreetClass = z.enum(['major', 'secondary', 'minor']);

export const StreetProps = z.object({
  /** Unique id: `street-<pinyin>` for a named street (one id per piece: `-2`, `-3` …), `street-<n>` unnamed. */
  id: Id,
  /** Drawing class (see {@link StreetClass}). */
  class: StreetClass,
  /** OSM `highway` value as found (for the record). */
  highway: z.string().trim().min(1),
  /**
   * Key shared by every piece of one named street (pinyin, e.g. `beixinan-lu`): what a
   * {@link GeoRef} of kind `street` names. Absent for an unnamed piece.
   */
  street: Id.optional(),
  /** Name in both languages; absent for an unnamed piece (never guessed). */
  name: z.object({ zh: z.string().trim().min(1), en: z.string().trim().min(1) }).optional(),
  /** Named junctions (ids in `junctions.geojson`) the line passes, for streets drawn through them. */
  junctions: z.array(Id).default([]),
  provenance: Provenance,
});

export const StreetFeature = z.object({
  type: z.literal('Feature'),
  properties: StreetProps,
  geometry: LineGeometry,
});

export const JunctionProps = z.object({
  /** Unique id, `jn-<pinyin of the name>`. */
  id: Id,
  /** The junction's name as the source writes it (zh), and its English/pinyin form. */
  name: z.object({ zh: z.string().trim().min(1), en: z.string().trim().min(1) }),
  /** Traffic-camera sites grouped under the name. */
  n_cameras: z.number().int().positive(),
  provenance: Provenance,
});

export const JunctionFeature = z.object({
  type: z.literal('Feature'),
  properties: JunctionProps,
  geometry: PointGeometry,
});

export const DistrictProps = z.object({
  /** `shijingshan`, `haidian`, `fengtai`, `mentougou`. */
  id: Id,
  /** Administrative division code, e.g. "110107". */
  adcode: z.string().regex(/^\d{6}$/),
  name: Names,
  /** Official area stated by the government, km² (context, not an interview claim). */
  official_area_km2: z.number().positive().optional(),
  /** Source (geoBoundaries/OSM), method and positional accuracy (metres). */
  provenance: Provenance,
});

export const DistrictFeature = z.object({
  type: z.literal('Feature'),
  properties: DistrictProps,
  geometry: AreaGeometry,
});

/** How the stated value is to be read. */
export const Qualifier = z.enum(['exact', 'at-least', 'approximately', 'expected']);

/** What a claim is about. */
export const Scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('district') }),
  /** A zone; `version` names the version the figure describes (spatial claims). */
  z.object({ kind: z.literal('zone'), zone: Id, version: Id.optional() }),
  /** A place of `points.geojson` (e.g. a building's floor area). */
  z.object({ kind: z.literal('point'), point: Id }),
]);

/** Area units a claim can be stated in (km², ha, m²); `areaUnitM2` gives their size. */
export const AREA_UNITS = ['km2', 'ha', 'm2'] as const;

/**
 * One stated figure: from the interview (`source: "interview-2026"`) or from another public source
 * under its own source record. Area figures say whether they are land (占地/用地面积: comparable
 * with geometry) or floor area (建筑面积: space in buildings, never compared with land).
 */
export const Claim = z
  .object({
    /** Stable id, e.g. `park-area-after` (facts sheet §2). */
    id: Id,
    /** The number as stated (for "10+" the 10, for "~40" the 40). */
    value: z.number(),
    /** How to read the value: exact, at least ("10+"), approximately ("近40"), expected. */
    qualifier: Qualifier,
    /** Unit code: km2, ha, m2 (areas), count, percent, times, years. */
    unit: z.enum(['km2', 'ha', 'm2', 'count', 'percent', 'times', 'years']),
    /** For area units: `land` (占地/用地面积) or `floor` (建筑面积). Required for areas. */
    area: z.enum(['land', 'floor']).optional(),
    /** What is counted, bilingual (e.g. 家 / institutions). */
    counted: Text.optional(),
    /** What the figure measures. */
    measures: Text,
    /** Period the figure covers, with a machine-readable year range where one exists. */
    period: z.object({ label: Text, from: z.number().int().optional(), to: z.number().int().optional() }),
    /** Year the figure describes when it is older than the Atlas (e.g. 2006, 2012 plan): shown beside it. */
    as_of: z.number().int().min(1949).max(2100).optional(),
    /** Baseline for growth figures (e.g. end of the 13th FYP, 2020). */
    baseline: Text.optional(),
    /** What the figure is about: the district, or a zone (and its version for areas). */
    scope: Scope,
    /** True when the figure can be checked against geometry (land areas only). */
    spatial: z.boolean(),
    /** The source's Chinese phrase the figure comes from, verbatim (required for the interview). */
    quote_zh: z.string().trim().min(2).optional(),
    /** The source's English phrase, verbatim, for English-language sources. */
    quote_en: z.string().trim().min(2).optional(),
    /** Source id in `sources`; `interview-2026` for every figure of the interview. */
    source: z.string().trim().min(1),
    /** Dashboard group: innovation, enterprises, talent, growth, space, recognition. */
    group: z.enum(['space', 'innovation', 'enterprises', 'talent', 'growth', 'recognition']),
  })
  .refine((c) => c.quote_zh !== undefined || c.quote_en !== undefined, { message: 'a claim needs its verbatim phrase (quote_zh or quote_en)', path: ['quote_zh'] })
  .refine((c) => !(AREA_UNITS as readonly string[]).includes(c.unit) || c.area !== undefined, { message: 'an area figure must say whether it is land or floor area', path: ['area'] })
  .refine((c) => !c.spatial || c.area === 'land', { message: 'only land areas can be checked against geometry (spatial)', path: ['spatial'] });

/** A publication claims come from. */
export const Source = z.object({
  /** Id claims refer to, e.g. `interview-2026`. */
  id: z.string(),
  /**
   * `interview`: the one interview every stated figure of the product comes from; `other`: any
   * other public source (its claims are shown and audited apart, with their year).
   */
  role: z.enum(['interview', 'other']).default('other'),
  /** Language of the publication (and of its quoted phrases). */
  lang: z.enum(['zh', 'en']),
  /** Title of the publication. */
  title: Text,
  /** Who published it. */
  publisher: Text,
  /** Publication date, ISO (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); omitted when the page is undated. */
  date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'date must be YYYY, YYYY-MM or YYYY-MM-DD').optional(),
  /** Where it can be read (never fetched by the app). */
  url: z.string().url().optional(),
  /** Remarks on the source, e.g. which quotes are verified. */
  note: Text.optional(),
});

/** `claims.json`: the sources and every stated figure. */
export const ClaimsFile = z.object({
  sources: z.array(Source).min(1),
  claims: z.array(Claim).min(1),
});

export type Names = z.infer<typeof Names>;
export type Text = z.infer<typeof Text>;
export type Provenance = z.infer<typeof Provenance>;
export type ZoneKind = z.infer<typeof ZoneKind>;
export type ZoneExtent = z.infer<typeof ZoneExtent>;
export type Sector = z.infer<typeof Sector>;
export type Status = z.infer<typeof Status>;
export type PlanPeriod = z.infer<typeof PlanPeriod>;
export type ZoneFeature = z.infer<typeof ZoneFeature>;
export type ZoneProps = z.infer<typeof ZoneProps>;
export type PointFeature = z.infer<typeof PointFeature>;
export type PointProps = z.infer<typeof PointProps>;
export type ContextFeature = z.infer<typeof ContextFeature>;
export type StreetFeature = z.infer<typeof StreetFeature>;
export type JunctionFeature = z.infer<typeof JunctionFeature>;
export type GeoRef = z.infer<typeof GeoRef>;
export type Edge = z.infer<typeof Edge>;
export type DistrictFeature = z.infer<typeof DistrictFeature>;
export type Claim = z.infer<typeof Claim>;
export type Source = z.infer<typeof Source>;
export type Evidence = z.infer<typeof Evidence>;
export type NamedAs = z.infer<typeof NamedAs>;
export type ClaimsFile = z.infer<typeof ClaimsFile>;
export type AreaGeometry = z.infer<typeof AreaGeometry>;
export type Position = z.infer<typeof Position>;
