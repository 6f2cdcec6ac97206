/**
 * What <civic-grid-map> asks the mode that draws, beyond navigation (`NavMode`): the level on screen, the view
 * model's inputs, the breadcrumb, the tour's targets, the picture (renderer) and legend emphasis. In-memory mode
 * (MemoryMode with its SurfaceController) and tiles mode (TilesController) answer the same questions here, so the
 * element asks without branching on the mode; they differ only in where units, values and pictures come from.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import { ancestry } from './unit-view.js';
import type { NavMode } from './navigation.js';
import type { Emphasis } from './scene.js';
import type { MemoryMode } from './memory-mode.js';
import type { SurfaceController } from './surface.js';
import type { TilesController } from './tiles-controller.js';
import type { ViewModelInput } from './view-model.js';
import type { BreadcrumbInput } from './views.js';

/** The picture of either mode: the 2D canvas renderers, maplibre with GeoJSON, or maplibre with tiles. */
export interface Drawing {
  readonly kind?: string;
  canvas?: HTMLCanvasElement;
  snapshot?(): HTMLCanvasElement | undefined;
  capture?(): Promise<HTMLCanvasElement | undefined>;
  project(p: [number, number]): [number, number] | undefined;
  mapInstance?: MaplibreMap;
}

export type ViewInput = Pick<ViewModelInput, 'classifier' | 'legend' | 'units'>;

export interface ShellMode {
  readonly tiles: boolean;
  readonly nav: NavMode;
  /** Level on screen: 0 street, 1 community, 2 grid. */
  rank(): number;
  /** Units counted in the map's summary. */
  unitCount(): number;
  /** Classifier, legend and units of level `rank` (default: the level on screen). */
  viewInput(metricKey: string | undefined, rank?: number): ViewInput | undefined;
  /** Level of a unit when known (the tooltip's view model follows the hovered unit's level). */
  rankOf(code: string): number | undefined;
  crumbs(at: { selected: string; focus: string }): Omit<BreadcrumbInput, 'rank'>;
  /** The `n` units shown with the highest value of the metric, highest first. */
  topCodes(metricKey: string | undefined, n: number): string[];
  drawing(): Drawing | undefined;
  /** The legend's emphasis changed / the highlighted unit changed: redraw. */
  emphasise(c: Emphasis): void;
  highlight(): void;
  showLegend(): boolean;
  /** From the element's updated(): mount, restyle or redraw the picture. */
  sync(changed: Map<PropertyKey, unknown>): void;
}

export function memoryShell(
  mem: MemoryMode,
  surface: SurfaceController,
  o: { setView(rank: number, focus: string, trigger: 'breadcrumb' | 'pointer'): void; redraw(): void },
): ShellMode {
  return {
    tiles: false,
    nav: mem.nav,
    rank: () => mem.view?.rank ?? 2,
    unitCount: () => mem.view?.shown.length ?? 0,
    viewInput: (key) => {
      const units = mem.units(key);
      return units && { classifier: mem.styling?.classifier, legend: mem.styling?.legend, units };
    },
    rankOf: (code) => mem.geo?.byCode.get(code)?.rank,
    crumbs: (at) => {
      const rank = mem.view?.rank ?? 2, focus = mem.view?.focus;
      return {
        path: focus && mem.geo ? ancestry(mem.geo, focus) : [],
        onAll: () => o.setView(rank, '', 'breadcrumb'),
        onCrumb: (u) => o.setView(u.rank + 1, u.code, 'breadcrumb'),
        onLevel: (i) => o.setView(i, mem.focusAtMost(at.focus, i), 'pointer'),
      };
    },
    topCodes: (key, n) => mem.topCodes(key, n),
    drawing: () => surface.r as Drawing | undefined,
    emphasise: () => o.redraw(),
    highlight: () => o.redraw(),
    showLegend: () => !!mem.styling,
    sync: (changed) => surface.sync(changed),
  };
}

/** Tiles mode; `surface` lends it the theme's colours. */
export function tilesShell(ctl: TilesController, surface: SurfaceController): ShellMode {
  return {
    tiles: true,
    nav: ctl.nav,
    rank: () => ctl.rank,
    unitCount: () => ctl.knownCount,
    viewInput: (_key, rank) => {
      const st = ctl.levelStyle(rank);
      return { classifier: st.classifier, legend: st.legend, units: ctl.units(rank) };
    },
    rankOf: (code) => ctl.index?.byCode.get(code)?.rank,
    crumbs: (at) => {
      const idx = ctl.index, code = at.selected || at.focus;
      return {
        path: idx && code ? ancestry(idx, code).filter((u) => u.rank < 2 || u.code !== code) : [],
        onAll: () => ctl.fitAll(),
        onCrumb: (u) => ctl.nav.reveal(u),
        onLevel: (i) => ctl.zoomToLevel(i),
        zoom: (d) => ctl.r?.zoomBy(d),
      };
    },
    topCodes: (_key, n) => ctl.topCodes(n),
    drawing: () => ctl.r,
    emphasise: (c) => ctl.emphasise(c),
    highlight: () => ctl.highlight(),
    showLegend: () => true,
    sync: () => {
      const c = surface.sceneColors();
      ctl.sync({ background: c.background, outline: c.outline, parentOutline: c.parentOutline, selected: c.selected, halo: c.halo }, c.noData);
    },
  };
}
