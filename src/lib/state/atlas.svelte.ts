/**
 * All app state in one place: one class with `$state` fields, so it can be reset, written to the URL
 * and read by tests. Big immutable data lives in `$state.raw`; everything computable is `$derived`.
 */
import { bbox as turfBbox } from '@turf/turf';
import type { AtlasData, DataIssue } from '../data/load';
import type { GeoRef, PlanPeriod, Sector, Status, ZoneFeature } from '../data/schema';
import type { Lang } from '../i18n';
import type { Located } from '../i18n/located';
import type { AuditReport } from '../audit/audit';
import { withProposals } from '../data/proposals';
import type { ProposalAttachment, ProposalFeature } from '../data/userfile';
import type { ProposalBatch, WorkerProgress } from '../import/proposals';
import { defaultView, LAYER_GROUPS, type CameraState, type CompareState, type LayerGroup, type Selection, type Tab, type UrlProblem, type ViewState } from '../url/codec';

export type Bbox = [number, number, number, number];

/** A file read and checked, waiting for the user's answer (datum suspicion, far away). */
export interface PendingImport {
  file: File;
  batch: ProposalBatch;
}

/** Why the planner's files may not survive a reload, or what was dropped when they were restored. */
export type StorageNotice =
  | { kind: 'quota' | 'unavailable' | 'error'; detail: string; text?: Located }
  | { kind: 'corrupt' }
  | { kind: 'skipped'; n: number }
  /** The page closed while a save was under way: the previous save came back (`kept` polygons), without `lost`. */
  | { kind: 'interrupted'; lost: { file: string; n: number }[]; kept: number };

/** References shown from a card ("Why here"), for the selection whose card showed them ("zone:<id>"). */
export interface RefsShown {
  on: string;
  refs: readonly GeoRef[];
}

const refsKey = (r: readonly GeoRef[]) => r.map((x) => `${x.kind}:${x.id}`).sort().join('|');

/** Calendar years of each plan period, inclusive. */
export const PERIOD_YEARS: Record<PlanPeriod, [number, number]> = {
  '13th-fyp': [2016, 2020],
  '14th-fyp': [2021, 2025],
  '2026': [2026, 2026],
  '15th-fyp': [2026, 2030],
};

/** Does a zone version belong to a plan period (named in its plan list, or valid during it)? */
export function inPeriod(z: ZoneFeature, period: PlanPeriod): boolean {
  const v = z.properties.valid;
  if (v.plan.includes(period)) return true;
  if (v.since === undefined && v.until === undefined) return false;
  const [from, to] = PERIOD_YEARS[period];
  return (v.since ?? -Infinity) <= to && (v.until ?? Infinity) >= from;
}

const overlaps = <T>(a: readonly T[], b: readonly T[]) => b.length === 0 || a.some((x) => b.includes(x));

export class AtlasState {
  // The shareable view (mirrors ViewState, see url/codec.ts).
  lang = $state<Lang>('zh');
  camera = $state.raw<CameraState | null>(null);
  selection = $state.raw<Selection | null>(null);
  layers = $state<LayerGroup[]>([...LAYER_GROUPS]);
  sectors = $state<Sector[]>([]);
  statuses = $state<Status[]>([]);
  period = $state<PlanPeriod | null>(null);
  /** Chosen version per zone (zone id → version id); absent = the current version. */
  versionChoice = $state<Record<string, string>>({});
  tab = $state<Tab>('explore');
  /** Compare view (swipe and table): left/right feature ids and the divider position. */
  compare = $state.raw<CompareState | null>(null);

  // Runtime state (not in the URL).
  data = $state.raw<AtlasData>({ districts: [], context: [], streets: [], junctions: [], zones: [], points: [], claims: [], sources: [] });
  issues = $state.raw<DataIssue[]>([]);
  /** Parts of the opening URL that could not be used. */
  urlProblems = $state.raw<UrlProblem[]>([]);
  /** Map has finished loading its style and first render. */
  mapReady = $state(false);
  /** Set when the configured external basemap failed and the embedded one is shown. */
  basemapError = $state<string | null>(null);
  mapError = $state<string | null>(null);
  issuesOpen = $state(false);
  /** Kiosk mode (unattended touch screen): larger targets, no file or print actions, idle reset. */
  kiosk = $state(false);
  /** The app's own reduced-motion switch (defaults to the OS preference; kiosk visitors can set it). */
  reducedMotion = $state(false);
  /** The map's WebGL context is lost (waiting for the browser to restore it). */
  contextLost = $state(false);
  /** Bumped to ask the map to frame the selection (search result, list click, URL). */
  frameRequest = $state(0);
  /** A box to frame instead of the selection on the next frame request (audit rows). */
  frameBox: Bbox | null = null;
  /** Audit report, computed in a worker when the audit tab is first opened. */
  audit = $state.raw<AuditReport | null>(null);
  auditError = $state<string | null>(null);

  /** Polygons from the user's own files (planner proposals), measured like the Atlas's zones. */
  proposals = $state.raw<ZoneFeature[]>([]);
  /** Issues of the last file opened (nothing changes when it has no usable polygon). */
  proposalIssues = $state.raw<DataIssue[]>([]);

  /**
   * A file's proposals about to be added (the worker's batch), so the map can start drawing them
   * while they are listed (MapView hands it to the adapter). Only a hint: what is drawn follows
   * `proposals`.
   */
  incomingBatch = $state.raw<ProposalBatch | null>(null);

  /** Label anchors of proposals (computed in the import worker), by feature id. */
  proposalLabels = $state.raw<ReadonlyMap<string, [number, number]>>(new Map());
  /** A file waiting for the user's decision before it is added (see ImportCheck.svelte). */
  pendingImport = $state.raw<PendingImport | null>(null);
  /** Stage of the file being read in the worker, null when idle; `importFile` names the file. */
  importProgress = $state<WorkerProgress | 'restoring' | null>(null);
  importFile = $state('');
  /** What became of the last file the planner was asked about (cancelled). */
  importOutcome = $state.raw<{ kind: 'cancelled'; file: string } | null>(null);
  /** Storage problems (full, unavailable) and what restoring skipped: shown until dismissed. */
  storageNotice = $state.raw<StorageNotice | null>(null);
  /** The stored proposals were read (saving before that would overwrite them with nothing). */
  proposalsRestored = $state(false);
  /** Saves of the proposals still being written (tests wait for 0 before a reload). */
  savesPending = $state(0);

  /** The Atlas's zone versions plus the user's proposals, each proposal its own zone (never replacing a version). */
  allZones = $derived(this.proposals.length ? withProposals(this.data.zones, this.proposals) : this.data.zones);

  /** Feature ids of the proposals (to tell them from the Atlas's own zones). */
  proposalIds = $derived(new Set(this.proposals.map((z) => z.properties.id)));

  /**
   * Versions of every Atlas zone, in the order of the data file. A proposal is a zone of one
   * version of its own (ProposalAttachment in userfile.ts), so proposals are not grouped here: with
   * 45,000 parcels this map, and everything walking it in the task that lists them, was a large
   * part of that task (issue #17).
   */
  zoneVersions = $derived.by(() => {
    const m = new Map<string, ZoneFeature[]>();
    for (const z of this.data.zones) {
      const list = m.get(z.properties.zone);
      if (list) list.push(z);
      else m.set(z.properties.zone, [z]);
    }
    return m;
  });

  /** One version per zone: the chosen one, else the current one, else the first; then every proposal. */
  shownVersions = $derived.by(() => {
    const atlas = [...this.zoneVersions.entries()].map(([zone, versions]) => {
      if (versions.length === 1) return versions[0]!;
      return versions.find((f) => f.properties.version.id === this.versionChoice[zone]) ?? versions.find((f) => f.properties.current) ?? versions[0]!;
    });
    return this.proposals.length ? [...atlas, ...this.proposals] : atlas;
  });

  /** Shown zone versions that pass the sector, status and period filters. */
  filteredZones = $derived(
    this.shownVersions.filter(
      (z) =>
        overlaps(z.properties.sectors, this.sectors) &&
        (this.statuses.length === 0 || this.statuses.includes(z.properties.status)) &&
        (this.period === null || inPeriod(z, this.period)),
    ),
  );

  /** Points that pass the sector filter (status and period do not apply to points). */
  filteredPoints = $derived(this.data.points.filter((p) => overlaps(p.properties.sectors, this.sectors)));

  /** Ids of the zone versions drawn on the map. */
  visibleZones = $derived(this.layers.includes('zones') ? this.filteredZones.map((z) => z.properties.id) : []);
  visiblePoints = $derived(this.layers.includes('points') ? this.filteredPoints.flatMap((p) => (p.geometry ? [p.properties.id] : [])) : []);

  /** Bounding box of Shijingshan District, [w, s, e, n]. */
  districtBbox = $derived.by((): Bbox => {
    const d = this.data.districts.find((f) => f.properties.id === 'shijingshan');
    return d ? (turfBbox(d.geometry) as Bbox) : [116.07, 39.87, 116.27, 39.99];
  });

  /** The camera may roam ≈ 15 km around the district, no further. */
  maxBounds = $derived.by((): Bbox => {
    const [w, s, e, n] = this.districtBbox;
    return [w - 0.18, s - 0.13, e + 0.18, n + 0.13];
  });

  private readonly defaultLang: Lang;

  constructor(init: { lang: Lang; data: AtlasData; issues: DataIssue[]; view?: ViewState; urlProblems?: UrlProblem[] }) {
    this.defaultLang = init.lang;
    this.data = init.data;
    this.issues = init.issues;
    this.applyView(init.view ?? defaultView(init.lang));
    this.urlProblems = init.urlProblems ?? [];
  }

  /** The shareable part of the state, as written to the URL. */
  get view(): ViewState {
    return {
      lang: this.lang,
      camera: this.camera,
      selection: this.selection,
      layers: [...this.layers],
      sectors: [...this.sectors],
      statuses: [...this.statuses],
      period: this.period,
      versions: { ...this.versionChoice },
      tab: this.tab,
      compare: this.compare,
    };
  }

  applyView(v: ViewState) {
    this.lang = v.lang;
    this.camera = v.camera;
    this.selection = v.selection;
    this.layers = [...v.layers];
    this.sectors = [...v.sectors];
    this.statuses = [...v.statuses];
    this.period = v.period;
    this.versionChoice = { ...v.versions };
    this.tab = v.tab;
    this.compare = v.compare;
  }

  /** Back to the opening view (kiosk idle reset, "reset view" button). */
  reset() {
    this.applyView(defaultView(this.defaultLang));
    this.urlProblems = [];
    this.issuesOpen = false;
    this.resetRequest++;
    this.frameRequest++;
  }

  /** Bumped by reset(): components close dialogs and clear inputs. */
  resetRequest = $state(0);

  // What the card's "Why here" points at on the map (issue #16). Each is kept with the selection it
  // was made on, so a selection changed by any path (URL, reset, kiosk) never shows stale highlights;
  // `select()` forgets them too.

  /** References under the pointer or the keyboard focus in the card. */
  refsHover = $state.raw<RefsShown | null>(null);
  /** References clicked in the card: highlighted (and framed) until clicked again or another place is selected. */
  refsPinned = $state.raw<RefsShown | null>(null);

  private get selectionKey(): string {
    return this.selection ? `${this.selection.type}:${this.selection.id}` : '';
  }

  /** What the map highlights: the hovered or focused references, else the pinned ones, of the current selection. */
  highlightedRefs = $derived.by((): readonly GeoRef[] => {
    const on = this.selectionKey;
    if (this.refsHover?.on === on && this.refsHover.refs.length) return this.refsHover.refs;
    return this.refsPinned?.on === on ? this.refsPinned.refs : [];
  });

  /** Highlights references while the pointer or focus is on their control (null or [] clears). */
  hoverRefs(refs: readonly GeoRef[] | null) {
    this.refsHover = refs?.length ? { on: this.selectionKey, refs } : null;
  }

  /** Are exactly these references pinned for the current selection? */
  refsArePinned(refs: readonly GeoRef[]): boolean {
    return this.refsPinned?.on === this.selectionKey && refsKey(this.refsPinned.refs) === refsKey(refs);
  }

  /**
   * A click on a reference control: pins the references and frames `box` (them beside the selected
   * outline, computed by the card: card/refs.ts), or unpins them when they are pinned already.
   */
  toggleRefs(refs: readonly GeoRef[], box: Bbox | null) {
    if (this.refsArePinned(refs)) {
      this.refsPinned = null;
      return;
    }
    this.refsPinned = { on: this.selectionKey, refs };
    if (box) this.frame(box);
  }

  /**
   * Adds the polygons of a user's file; an unusable file changes nothing. `labels`: label anchors by
   * id, when known; `bbox`: the file's extent, framed when it has several polygons (one polygon is
   * selected instead); `focus: false` (restoring) leaves selection and camera alone.
   */
  addProposals(zones: ZoneFeature[], issues: DataIssue[], opts: { labels?: readonly [string, number, number][]; bbox?: Bbox | null; focus?: boolean } = {}) {
    const { labels = [], bbox = null, focus = true } = opts;
    this.proposalIssues = issues;
    if (zones.length === 0) return;
    const ids = new Set([...this.data.zones, ...this.proposals].map((z) => z.properties.id));
    const at = new Map(labels.map(([id, x, y]) => [id, [x, y] as [number, number]]));
    const nextLabels = new Map(this.proposalLabels);
    const fresh = zones.map((z) => {
      let id = z.properties.id;
      for (let n = 2; ids.has(id); n++) id = `${z.properties.id}-${n}`;
      ids.add(id);
      const p = at.get(z.properties.id);
      if (p) nextLabels.set(id, p);
      // A proposal is its own zone (see ProposalAttachment in data/userfile.ts).
      return id === z.properties.id && z.properties.zone === id ? z : { ...z, properties: { ...z.properties, id, zone: id } };
    });
    this.proposalLabels = nextLabels;
    this.proposals = [...this.proposals, ...fresh];
    this.audit = null;
    if (!focus) return;
    const first = fresh[0]!;
    if (fresh.length > 1 && bbox) {
      this.selection = null;
      this.frame(bbox);
    } else this.select({ type: 'zone', id: first.properties.zone });
  }

  /**
   * Attaches a proposal to an official zone version (null detaches it): it is then checked against
   * the claims about that version, beside it. Unknown ids or versions change nothing.
   */
  attachProposal(proposalId: string, to: ProposalAttachment | null): boolean {
    const i = this.proposals.findIndex((z) => z.properties.id === proposalId);
    if (i < 0) return false;
    if (to && !this.data.zones.some((z) => z.properties.zone === to.zone && z.properties.version.id === to.version)) return false;
    const p = this.proposals[i] as ProposalFeature;
    const { attachedTo: _old, ...rest } = p.properties;
    const next: ProposalFeature = { ...p, properties: to ? { ...rest, attachedTo: { zone: to.zone, version: to.version } } : rest };
    this.proposals = this.proposals.map((z, k) => (k === i ? next : z));
    this.audit = null;
    return true;
  }

  clearProposals() {
    this.proposals = [];
    this.proposalLabels = new Map();
    this.proposalIssues = [];
    this.audit = null;
    if (this.selection?.type === 'zone' && !this.zoneVersions.has(this.selection.id)) this.selection = null;
  }

  /** Frames a box (e.g. an overlap) without changing the selection. */
  frame(box: Bbox) {
    this.frameBox = box;
    this.frameRequest++;
  }

  select(sel: Selection | null, frame = true) {
    // What the last card pointed at belongs to that card (a removed control may never see its mouseleave).
    this.refsHover = null;
    this.refsPinned = null;
    this.selection = sel;
    if (frame) this.frameRequest++;
  }

  /** The zone version shown for a zone id (or for a zone-version id). */
  shownVersionOf(zoneOrVersionId: string): ZoneFeature | undefined {
    return this.shownVersions.find((z) => z.properties.zone === zoneOrVersionId || z.properties.id === zoneOrVersionId);
  }

  // Planner workbench (issue 10).

  /** The drawing tool in use (null: tools closed or idle); never in kiosk mode. */
  drawTool = $state<'polygon' | 'rectangle' | 'select' | 'measure-line' | 'measure-area' | null>(null);

  /** A zone version or proposal by feature id. */
  featureById(id: string): ZoneFeature | undefined {
    return this.allZones.find((z) => z.properties.id === id);
  }

  /** Adds a proposal or replaces the one with the same id (a drawing edited on the map). */
  upsertProposal(z: ZoneFeature) {
    const i = this.proposals.findIndex((p) => p.properties.id === z.properties.id);
    this.proposals = i < 0 ? [...this.proposals, z] : this.proposals.map((p, k) => (k === i ? z : p));
    this.audit = null;
  }

  removeProposal(id: string) {
    if (!this.proposals.some((p) => p.properties.id === id)) return;
    this.proposals = this.proposals.filter((p) => p.properties.id !== id);
    this.audit = null;
    if (this.selection?.type === 'zone' && this.selection.id === id) this.selection = null;
    if (this.compare && (this.compare.a === id || this.compare.b === id)) this.compare = null;
  }

  /** Opens the compare view: `a` left, `b` right, divider in the middle; frames both. */
  openCompare(a: string, b: string) {
    if (a === b) return;
    this.compare = { a, b, swipe: 0.5 };
    const geoms = [this.featureById(a)?.geometry, this.featureById(b)?.geometry].filter((g) => g != null);
    if (geoms.length) this.frame(turfBbox({ type: 'GeometryCollection', geometries: geoms }) as Bbox);
  }

}
