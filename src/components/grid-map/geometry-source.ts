/**
 * Where <civic-grid-map> gets its geometry and its point layer: two more DataControllers beside the metrics one, so
 * `geometry` / `geometry-src` and `points` / `points-src` go through the same path as `data` / `src` — property or
 * URL, abort on a new source, out-of-order responses dropped, per-attempt `timeout`, retries on 5xx, `civic-error`
 * with the same detail, the last good value kept (stale banner with retry) — and never fire a `civic-load` of their
 * own (the element fires one for its picture).
 *
 * Geometry problems that still leave something to draw are not the controller's partial error: the element reports
 * them (message `geometry: …`, warnings included) once per parsed geometry, as before.
 */
import { DataController, type DataHostProps } from '../../data/data-controller.js';
import { capIssues, formatIssue, summariseIssues, type Issue } from '../../data/validate.js';
import { CivicErrorEvent, type CivicErrorDetail, type DataSourceKind } from '../../core/events/error-event.js';
import type { LocalizeController } from '../../core/controllers/localize-controller.js';
import { hasMissingParents, parseGeometry } from './geometry.js';
import { parsePoints, type GridPoint } from './points.js';
import type { Crs, GridGeometry } from './grid-map.types.js';

/** The element's properties the sources read. */
export interface GeometryHostProps {
  geometry?: unknown;
  geometrySrc?: string;
  points?: unknown;
  pointsSrc?: string;
  topoObject?: string;
  codeField: string;
  nameField: string;
  levelField: string;
  parentField: string;
  crs: Crs;
  basemapCrs: Crs;
  basemap?: string;
  credentials?: RequestCredentials;
  timeout?: number;
}

type Host = ConstructorParameters<typeof DataController<unknown>>[0] & GeometryHostProps;

export interface GeometrySourceOptions {
  t: () => LocalizeController;
  warn: (message: string) => void;
  /** A raw geometry arrived (before validation): lets the element start loading maplibre for a large set. */
  onRaw?: (raw: unknown) => void;
}

export class GeometrySource {
  readonly geometry: DataController<GridGeometry>;
  readonly points: DataController<GridPoint[]>;
  /** Problems of the last parsed geometry (errors and warnings), reported by the element. */
  issues: Issue[] = [];
  /** Point-layer problems of the last parse. */
  pointIssues: Issue[] = [];
  /** Geometry with missing parents dissolved (after the first picture), keyed to the value it came from. */
  private dissolved?: { from: GridGeometry; geo: GridGeometry };

  /** Partly invalid geometry: the banner's detail while that geometry is shown. */
  banner?: CivicErrorDetail;
  /** The geometry / points whose problems were last reported. */
  private reported: { geo?: unknown; points?: unknown } = {};
  private readonly warn: (message: string) => void;

  constructor(private readonly host: Host, o: GeometrySourceOptions) {
    this.warn = o.warn;
    const terms = () => ({ t: o.t().core, lang: o.t().lang });
    const props = (data: unknown, src: string | undefined): DataHostProps => ({
      data,
      src,
      pollInterval: 0,
      credentials: host.credentials,
      timeout: host.timeout,
      format: 'json',
      adapter: 'none',
    });
    this.geometry = new DataController<GridGeometry>(host, {
      props: () => props(host.geometry, host.geometrySrc),
      loadEvents: false,
      terms,
      warn: (m) => o.warn(`geometry: ${m}`),
      deps: () => [host.codeField, host.nameField, host.levelField, host.parentField, host.crs, host.basemapCrs, !!host.basemap, host.topoObject],
      count: (g) => g.features.length,
      nothingValid: (g) => g.features.length === 0,
      parse: (raw) => {
        o.onRaw?.(raw);
        const res = parseGeometry(raw, {
          fields: { code: host.codeField, name: host.nameField, level: host.levelField, parent: host.parentField },
          crs: host.crs,
          displayCrs: host.basemap ? host.basemapCrs : host.crs,
          topoObject: host.topoObject,
        });
        if (!res.value || res.value.features.length === 0)
          return { value: undefined, issues: res.issues.length ? res.issues : [{ path: 'features', code: 'empty', message: 'no drawable feature', severity: 'error' }] };
        this.issues = res.issues;
        return { value: res.value, issues: [] };
      },
    });
    this.points = new DataController<GridPoint[]>(host, {
      props: () => props(host.points, host.pointsSrc),
      loadEvents: false,
      terms,
      warn: (m) => o.warn(`points: ${m}`),
      deps: () => [host.crs, host.basemapCrs, !!host.basemap],
      parse: (raw) => {
        const r = parsePoints(raw, { crs: host.crs, displayCrs: host.basemap ? host.basemapCrs : host.crs });
        this.pointIssues = r.issues;
        return { value: r.value ?? [], issues: r.value ? [] : r.issues };
      },
    });
  }

  /** The geometry to draw (with dissolved parents once they are ready), or undefined. */
  get geo(): GridGeometry | undefined {
    const g = this.geometry.value;
    return g && this.dissolved?.from === g ? this.dissolved.geo : g;
  }

  /** The points to draw ([] without a point layer). */
  get pointList(): GridPoint[] {
    return this.points.status === 'idle' && !this.points.value ? [] : this.points.value ?? [];
  }

  /**
   * Dissolves missing parent outlines into a copy; true when the copy replaced the geometry. The turf union code
   * loads here, on first use (the first picture never waits for it).
   */
  async dissolve(): Promise<boolean> {
    const from = this.geometry.value;
    if (!from || this.dissolved?.from === from) return false;
    const { dissolveMissingParents } = await import('./geometry-dissolve.js');
    if (this.geometry.value !== from || this.dissolved?.from === from) return false;
    const issues: Issue[] = [];
    const copy: GridGeometry = { ...from, features: from.features.slice(), byCode: new Map(from.byCode), children: new Map(from.children) };
    const n = dissolveMissingParents(copy, issues);
    this.dissolved = { from, geo: n > 0 ? copy : from };
    if (issues.length) this.issues = [...this.issues, ...issues];
    if (n > 0) this.host.requestUpdate();
    return n > 0;
  }

  /** After each sync: problems of a newly parsed geometry / point layer that still left something to draw, once. */
  reportNew(geometrySrc: string | undefined, pointsSrc: string | undefined, missingParents: (g: GridGeometry) => void): void {
    const g = this.geometry.value;
    if (g && g !== this.reported.geo) {
      this.reported.geo = g;
      this.banner = undefined;
      if (this.issues.length) this.report(this.issues, this.geometry.source, 'geometry', geometrySrc);
      if (hasMissingParents(g)) missingParents(g);
    }
    const p = this.points.value;
    if (p && p !== this.reported.points) {
      this.reported.points = p;
      if (this.pointIssues.length) this.report(this.pointIssues, this.points.source, 'points', pointsSrc);
    }
  }

  /** Dissolves missing parents a task after the first picture, if that geometry is still the one shown. */
  async dissolveLater(g: GridGeometry): Promise<void> {
    await new Promise((r) => setTimeout(r, 0));
    if (this.geometry.value === g && this.host.isConnected) await this.dissolve();
  }

  /** civic-error for partly valid geometry, points or join problems (errors and warnings listed, counts by code). */
  report(issues: Issue[], source: DataSourceKind, what: 'geometry' | 'join' | 'points', url?: string): void {
    const errors = issues.filter((i) => i.severity === 'error');
    const s = summariseIssues(issues);
    const detail: CivicErrorDetail = { kind: 'validation', source, url, message: `${what}: ${formatIssue(errors[0] ?? issues[0])}`, issues: capIssues(issues), issueCount: s.total, issueCounts: s.byCode, partial: true, keptPrevious: false };
    if (what === 'geometry' && errors.length) this.banner = detail;
    // Warnings too (rewound rings, grids without a value for a metric in its scope): the picture is complete but
    // the input was not what it should be, so listeners get counts and examples. Only errors raise the banner.
    void this.host.updateComplete.then(() => this.host.dispatchEvent(new CivicErrorEvent(detail)));
    if (!errors.length) this.warn(`${what}: ${issues.length} warning(s), e.g. ${formatIssue(issues[0])}`);
    else this.warn(`${what}: ${errors.length} error(s), ${issues.length - errors.length} warning(s); first: ${formatIssue(errors[0] ?? issues[0])}`);
  }
}
