/**
 * Where in-memory mode of <civic-grid-map> gets its units and values: the geometry (from the GeometrySource), the
 * metrics joined to it, the view (level + focus) and its styling, derived only when an input changed; and the
 * answers to the element's navigation (`NavMode`: hit testing, neighbours among the units shown, drilling) and view
 * model (`units()`). Tiles mode answers the same questions in tiles-controller.ts.
 */
import { pointInPolygon } from './geometry-planar.js';
import { joinMetrics, styleView, type JoinedMetrics, type Styling } from './grid-map.model.js';
import { ancestry, computeView, pick, upView, type View } from './unit-view.js';
import type { GridGeometry, GridMetricsData } from './grid-map.types.js';
import type { ClassifySpec } from './classify.js';
import type { GridRenderer } from './renderers/renderer.js';
import type { NavMode, Trigger } from './navigation.js';
import { memoryUnits, type UnitsSource } from './view-model.js';
import type { Emphasis } from './scene.js';
import type { SceneModel } from './surface.js';
import type { GridPoint } from './points.js';

export interface MemoryAccess {
  renderer(): GridRenderer | undefined;
  /** A redone join found problems: report them (civic-error, warning). */
  reportJoin?(issues: JoinedMetrics['issues']): void;
  /** Change level and focus (fires civic-view-change with the trigger). */
  setView(rank: number, focus: string, trigger: 'pointer' | 'keyboard' | 'search' | 'breadcrumb'): void;
}

export interface MemoryInputs {
  geo: GridGeometry;
  data?: GridMetricsData;
  joinBy: string;
  rank: number;
  focus: string;
  metricKey?: string;
  spec: ClassifySpec;
  hidden: ReadonlySet<number>;
}

export class MemoryMode {
  geo?: GridGeometry;
  joined?: JoinedMetrics;
  view?: View;
  styling?: Styling;
  private joinedKey?: unknown[];
  private viewGeo?: GridGeometry;
  private styleKey?: unknown[];

  constructor(private readonly x: MemoryAccess) {}

  /** Problems found joining metrics to geometry (codes without grid, grids without value); [] without metrics. */
  joinIssues: JoinedMetrics['issues'] = [];

  /**
   * Brings join, view and styling up to date; a redone join's problems go to `joinIssues` and are reported, except
   * when the same data joined again gives the same problems (the missing parents dissolved after the first picture).
   */
  derive(i: MemoryInputs): void {
    const issues = this.deriveAll(i);
    if (issues) {
      const again = this.reportedData === i.data && sameIssues(this.joinIssues, issues);
      this.joinIssues = issues;
      this.reportedData = i.data;
      if (issues.length && !again) this.x.reportJoin?.(issues);
    } else if (!i.data) this.joinIssues = [];
  }
  private reportedData?: unknown;

  private deriveAll(i: MemoryInputs): JoinedMetrics['issues'] | undefined {
    const { geo, data } = i;
    this.geo = geo;
    let issues: JoinedMetrics['issues'] | undefined;
    const jk = [geo, data, i.joinBy];
    if (!data) (this.joined = undefined), (this.joinedKey = undefined);
    else if (!this.joinedKey || jk.some((k, n) => k !== this.joinedKey![n])) {
      this.joinedKey = jk;
      this.joined = joinMetrics(geo, data, i.joinBy);
      issues = this.joined.issues;
    }
    const v = computeView(geo, i.rank, i.focus);
    // Keep the same view object while it shows the same units (the renderer then keeps its camera).
    if (!this.view || this.view.rank !== v.rank || this.view.focus !== v.focus || this.view.shown.length !== v.shown.length || this.viewGeo !== geo) (this.view = v), (this.viewGeo = geo);
    const key = [this.view, this.joined, i.metricKey, JSON.stringify(i.spec), i.hidden];
    // Restyle only when something it depends on changed (not on every hover).
    if (!this.styleKey || key.some((k, n) => k !== this.styleKey![n])) {
      this.styleKey = key;
      this.styling = styleView(this.view, i.metricKey ? this.joined?.values.get(i.metricKey) : undefined, i.spec, i.hidden);
    }
    return issues;
  }

  units(metricKey: string | undefined): UnitsSource | undefined {
    return this.geo && this.view ? memoryUnits(this.geo, this.view.shown, this.joined, metricKey) : undefined;
  }

  /** The `n` units shown with the highest value of the metric, highest first (the <civic-screen> tour). */
  topCodes(metricKey: string | undefined, n: number): string[] {
    const u = this.units(metricKey);
    if (!u || !metricKey) return [];
    return u.codes
      .filter((c) => u.value(c) !== undefined)
      .sort((a, b) => (u.value(b) as number) - (u.value(a) as number))
      .slice(0, n);
  }

  /** The scene's model for the surface: undefined until geometry, view and styling are derived from `geo`. */
  sceneModel(geo: GridGeometry | undefined, o: { emphasis: Emphasis; selected: string; emphasised?: string; points: GridPoint[]; lang: string }): SceneModel | undefined {
    const view = this.view, styling = this.styling;
    if (!geo || !view || !styling || this.geo !== geo) return undefined;
    const hovered = o.emphasised ? geo.byCode.get(o.emphasised)?.index ?? -1 : -1;
    return { geo, view, styling, emphasis: o.emphasis, selected: o.selected, hovered, points: o.points, lang: o.lang };
  }

  itemOf(code: string): Record<string, unknown> {
    const f = this.geo?.byCode.get(code);
    if (!f) return { code };
    const values: Record<string, number> = {};
    for (const [k, vm] of this.joined?.values ?? []) if (vm.has(f.index)) values[k] = vm.get(f.index) as number;
    return { ...f.properties, code: f.code, name: f.name, level: f.level, parent: f.parent, values };
  }

  /** The deepest part of the current focus that still shows units of rank `rank`. */
  focusAtMost(focus: string, rank: number): string {
    if (!this.geo || !focus) return '';
    const path = ancestry(this.geo, focus).filter((f) => f.rank < rank);
    return path.length ? path[path.length - 1].code : '';
  }

  readonly nav: NavMode = {
    units: () => this.geo,
    pickAt: (x, y) => {
      const geo = this.geo, view = this.view;
      const ll = this.x.renderer()?.unproject(x, y);
      if (!geo || !view || !ll) return undefined;
      const i = pick(geo, view.shown, ll[0], ll[1], (lx, ly, f) => pointInPolygon(lx, ly, f.geometry));
      return i >= 0 ? geo.features[i].code : undefined;
    },
    anchor: (code) => {
      const f = this.geo?.byCode.get(code);
      return f ? this.x.renderer()?.project(f.labelPoint) : undefined;
    },
    candidates: (from) => (from && this.view?.shown.includes(from.index) ? this.view.shown : []),
    start: () => {
      // The north-west unit shown.
      let best = Infinity, next = -1;
      for (const i of this.view?.shown ?? []) {
        const [x, y] = this.geo!.features[i].labelPoint;
        if (x - y < best) (best = x - y), (next = i);
      }
      return next;
    },
    drill: (code, trigger: Trigger) => {
      const geo = this.geo;
      const f = geo?.byCode.get(code);
      if (!geo || !f || f.rank >= 2 || !geo.children.has(f.code)) return false;
      this.x.setView(f.rank + 1, f.code, trigger);
      return true;
    },
    reveal: (u) => {
      const geo = this.geo;
      if (geo) this.x.setView(u.rank, u.parent && geo.byCode.has(u.parent) ? u.parent : '', 'search');
    },
    up: () => {
      const geo = this.geo, view = this.view;
      const up = geo && view ? upView(geo, view.rank, view.focus) : undefined;
      if (up) this.x.setView(up.rank, up.focus, 'keyboard');
      return !!up;
    },
    itemOf: (code) => this.itemOf(code),
  };
}

/** The same problems at the same paths, in the same order. */
function sameIssues(a: JoinedMetrics['issues'], b: JoinedMetrics['issues']): boolean {
  return a.length === b.length && a.every((x, n) => x.path === b[n].path && x.code === b[n].code);
}
