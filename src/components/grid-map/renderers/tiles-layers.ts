/**
 * The layers of the vector-tiles renderer (tiles-renderer.ts), pure: per source layer one fill and one outline layer
 * (ids by level rank), the outline paint with hover and selection from feature-state (`hov`, `sel`), and which
 * source layer holds a unit code.
 */
import type { LayerSpecification } from 'maplibre-gl';
import { SRC, type TileLayerRef } from './tile-states.js';

export interface TilesColors {
  background: string;
  outline: string;
  parentOutline: string;
  selected: string;
  halo: string;
}

export function fillId(rank: number): string {
  return `civic-tiles-fill-${rank}`;
}
export function lineId(rank: number): string {
  return `civic-tiles-line-${rank}`;
}

/** The outline colour of a level: selected and hovered units in the selection colour. */
export function lineColor(l: TileLayerRef, c: TilesColors): unknown[] {
  const parent = l.rank < 2;
  return ['case', ['boolean', ['feature-state', 'sel'], false], c.selected, ['boolean', ['feature-state', 'hov'], false], c.selected, parent ? c.parentOutline : c.outline];
}

/** A level's fill (`fill`: its colour expression) and outline layers. */
export function tileLayers(l: TileLayerRef, c: TilesColors, fill: unknown): LayerSpecification[] {
  const parent = l.rank < 2;
  return [
    {
      id: fillId(l.rank),
      type: 'fill',
      source: SRC,
      'source-layer': l.sourceLayer,
      paint: { 'fill-color': fill as never, 'fill-antialias': false },
    },
    {
      id: lineId(l.rank),
      type: 'line',
      source: SRC,
      'source-layer': l.sourceLayer,
      paint: {
        'line-color': lineColor(l, c) as never,
        'line-width': ['case', ['boolean', ['feature-state', 'sel'], false], 3, ['boolean', ['feature-state', 'hov'], false], 2, parent ? 1.25 : 0.5],
      },
    },
  ];
}

/** The source layer of a unit: its level's when `rank` is given, else by the code's length (15 or more: grid, 12: community, else street). */
export function layerOfCode(layers: readonly TileLayerRef[], code: string, rank?: number): string | undefined {
  const l = rank !== undefined ? layers.find((x) => x.rank === rank) : undefined;
  return l?.sourceLayer ?? layers.find((x) => x.rank === (code.length >= 15 ? 2 : code.length >= 12 ? 1 : 0))?.sourceLayer;
}
