/**
 * The pure scene builder of <civic-grid-map>'s in-memory mode: from geometry, view, styling and the interaction state
 * to the `Scene` every renderer draws, plus what changed since the last one. No DOM: tested in Node.
 */
import type { GridGeometry } from './grid-map.types.js';
import type { Styling } from './grid-map.model.js';
import type { View } from './unit-view.js';
import type { GridPoint } from './points.js';
import type { Scene, SceneChange, SceneColors, SceneLabel, ScenePoint } from './renderers/renderer.js';

/** Legend emphasis: a class index, `none` (the no-data entry) or null (no emphasis). */
export type Emphasis = number | 'none' | null;

export interface SceneInput {
  geo: GridGeometry;
  view: View;
  styling: Styling;
  emphasis: Emphasis;
  /** Code of the selected unit ('' = none). */
  selected: string;
  /** Index of the unit under the pointer / keyboard cursor / highlight, or -1. */
  hovered: number;
  points: readonly GridPoint[];
  lang: string;
  /** Point colours: park, project, service station, other. */
  kindColors: readonly string[];
  colors: SceneColors;
  font: string;
  /** Label size in CSS px. */
  labelSize: number;
}

const KINDS = ['park', 'project', 'service-station'];

/** Shown units in the emphasised class (no-data: class -1), or null without emphasis. */
export function emphasisSet(styling: Styling, emphasis: Emphasis): Set<number> | null {
  if (emphasis === null) return null;
  const want = emphasis === 'none' ? -1 : emphasis;
  const out = new Set<number>();
  for (const [i, c] of styling.classes) if (c === want) out.add(i);
  return out;
}

/**
 * Labels: streets and communities name themselves; at grid level the parents are named (a grid name at every grid
 * would be unreadable), except inside a focused community, whose grids are few and named smaller.
 */
export function sceneLabels(geo: GridGeometry, view: View, size: number): SceneLabel[] {
  let units: number[];
  let s = size;
  if (view.rank < 2) units = view.shown;
  else if (view.focus && (geo.byCode.get(view.focus)?.rank ?? 0) >= 1) (units = view.shown), (s = size * 0.85);
  else units = view.outlines.filter((i) => geo.features[i].rank === view.rank - 1);
  return units.map((i) => ({ text: geo.features[i].name, at: geo.features[i].labelPoint, size: s, weight: 600 }));
}

/** A point's colour by kind (park, project, service station; anything else the fourth colour). */
export function pointColor(kind: string, kindColors: readonly string[]): string {
  const k = KINDS.indexOf(kind);
  return kindColors[k >= 0 ? k : 3] ?? '#555';
}

export function scenePoints(points: readonly GridPoint[], lang: string, kindColors: readonly string[]): ScenePoint[] {
  return points.map((p) => ({ at: p.at, name: lang === 'en' && p.nameEn ? p.nameEn : p.name, color: pointColor(p.kind, kindColors) }));
}

export function buildScene(i: SceneInput): Scene {
  const { geo, view, styling } = i;
  return {
    geo,
    shown: view.shown,
    outlines: view.outlines,
    fill: styling.colors,
    emphasis: emphasisSet(styling, i.emphasis),
    selected: i.selected ? geo.byCode.get(i.selected)?.index ?? -1 : -1,
    hovered: i.hovered,
    labels: sceneLabels(geo, view, i.labelSize),
    points: scenePoints(i.points, i.lang, i.kindColors),
    colors: i.colors,
    bbox: view.bbox,
    padding: 16,
    font: i.font,
  };
}

/** Identity of the parts a renderer redraws separately; `diffScene` compares two of them. */
export interface SceneKeys {
  geo?: unknown;
  view?: unknown;
  styling?: unknown;
  emphasis?: unknown;
  points?: unknown;
}

export function sceneKeys(i: Pick<SceneInput, 'geo' | 'view' | 'styling' | 'emphasis' | 'points'>): SceneKeys {
  return { geo: i.geo, view: i.view, styling: i.styling, emphasis: i.emphasis, points: i.points };
}

/** What to redraw going from `prev` to `next` (everything when forced). The highlight is always redrawn: it is cheap. */
export function diffScene(prev: SceneKeys, next: SceneKeys, force = false): SceneChange {
  return {
    geometry: force || prev.geo !== next.geo,
    view: force || prev.view !== next.view,
    fill: force || prev.styling !== next.styling || prev.emphasis !== next.emphasis || prev.points !== next.points,
    highlight: true,
  };
}
