/**
 * The style model of the GeoJSON maplibre renderer (maplibre-renderer.ts), pure: each feature's class `k` (-1 parent
 * outline, 0 not drawn, 1 no data, 2+ a palette slot) and the palette, keeping slots across changes; the grid layers
 * that colour by `k` through the palette; the GeoJSON handed to maplibre's worker; the no-data hatch image.
 * maplibre-gl is only a type here: this module runs (and is tested) without it.
 */
import type { LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Scene } from './renderer.js';

export const SRC = 'civic-grids';
export const TRANSPARENT = 'rgba(0,0,0,0)';

/** A feature's class: feature-state `k` when set (after a change), else the `k` written into its properties. */
const K = ['to-number', ['coalesce', ['feature-state', 'k'], ['get', 'k']], 0];
export const K_OUTLINE = -1, K_NONE = 0, K_NODATA = 1, K_PALETTE = 2;

/**
 * Per feature index its class `k`, and the palette (slot `K_PALETTE + i` = colour i). With `prev` (what is drawn
 * now), colours keep their slots, and a new colour takes the slot its first grid has when that slot's colour is gone
 * (a scheme change keeps every `k`): a changed palette makes maplibre re-tile in its worker, a changed `k` costs a
 * feature-state update on the main thread, so a metric switch with the same colours changes no palette.
 */
export function classes(scene: Scene, prev?: { palette: readonly string[]; k: Int32Array }): { k: Int32Array; palette: string[] } {
  const k = new Int32Array(scene.geo.features.length);
  const palette = prev ? prev.palette.slice() : [];
  const slot = new Map<string, number>();
  const taken = new Set<number>();
  if (prev) {
    const wanted = new Set<string>();
    for (const i of scene.shown) {
      const fill = scene.fill.get(i);
      if (fill) wanted.add(fill);
    }
    palette.forEach((c, s) => {
      if (wanted.has(c) && !slot.has(c)) (slot.set(c, s), taken.add(s));
    });
  }
  for (const i of scene.outlines) k[i] = K_OUTLINE;
  for (const i of scene.shown) {
    const fill = scene.fill.get(i);
    if (!fill) {
      k[i] = K_NODATA;
      continue;
    }
    let s = slot.get(fill);
    if (s === undefined) {
      const cur = prev && i < prev.k.length ? prev.k[i] - K_PALETTE : -1;
      if (cur >= 0 && cur < palette.length && !taken.has(cur)) s = cur;
      else {
        s = 0;
        while (taken.has(s)) s++;
      }
      palette[s] = fill;
      slot.set(fill, s);
      taken.add(s);
    }
    k[i] = K_PALETTE + s;
  }
  return { k, palette };
}

/** What the grid layers' paint is made of: the palette and the constant colours. */
export interface Paint {
  palette: string[];
  colors: Pick<Scene['colors'], 'noData' | 'outline' | 'parentOutline'>;
}

/** The fill colour: one `match` of the class `k` over no-data and the palette's slots. */
export function fillColor(p: Paint): unknown {
  const e: unknown[] = ['match', K, K_NODATA, p.colors.noData];
  p.palette.forEach((c, i) => e.push(K_PALETTE + i, c));
  e.push(TRANSPARENT);
  return e;
}

/** The grid layers: colours from each feature's class `k` through the palette; fading from feature-state `dim`. */
export function gridLayers(p: Paint): LayerSpecification[] {
  return [
    {
      id: 'civic-fill',
      type: 'fill',
      source: SRC,
      paint: {
        'fill-color': fillColor(p) as never,
        'fill-opacity': ['case', ['==', ['coalesce', ['feature-state', 'dim'], 0], 1], 0.25, 1],
        'fill-antialias': false,
      },
    },
    {
      id: 'civic-nodata',
      type: 'fill',
      source: SRC,
      // Hidden (so never laid out) until some shown unit lacks a value.
      layout: { visibility: 'none' },
      paint: { 'fill-pattern': 'civic-hatch', 'fill-opacity': ['case', ['==', K, K_NODATA], 1, 0] as never },
    },
    {
      id: 'civic-line',
      type: 'line',
      source: SRC,
      paint: {
        'line-color': p.colors.outline,
        'line-width': ['case', ['>=', K, K_NODATA], 0.75, 0] as never,
      },
    },
    // Community / street outlines above every grid line (grids share their edges).
    {
      id: 'civic-parent-line',
      type: 'line',
      source: SRC,
      filter: ['<', ['get', 'rank'], 2],
      paint: {
        'line-color': p.colors.parentOutline,
        'line-width': ['case', ['==', K, K_OUTLINE], 1.5, 0] as never,
      },
    },
  ];
}

/** The GeoJSON handed to the worker: numeric ids (feature-state), code, rank and class `k`; coarse units first. */
export function toFeatureCollection(scene: Scene, k: Int32Array): FeatureCollection {
  const features = scene.geo.features.map((f) => ({ type: 'Feature' as const, id: f.index, properties: { code: f.code, rank: f.rank, k: k[f.index] }, geometry: f.geometry }));
  features.sort((a, b) => a.properties.rank - b.properties.rank);
  return { type: 'FeatureCollection', features };
}

/** Equal for paints that draw the same (no paint property to set). */
export function paintKey(p: Paint): string {
  return JSON.stringify([p.palette, p.colors.noData, p.colors.outline, p.colors.parentOutline]);
}

/** An 8×8 (@2x → 16 px) diagonal hatch for no-data grids, made without network or sprites. */
export function makeHatch(): { width: number; height: number; data: Uint8Array } | undefined {
  const s = 16;
  const data = new Uint8Array(s * s * 4);
  for (let y = 0; y < s; y++)
    for (let x = 0; x < s; x++) {
      const on = (x + y) % 8 < 2;
      const o = (y * s + x) * 4;
      data[o] = data[o + 1] = data[o + 2] = 255;
      data[o + 3] = on ? 200 : 0;
    }
  return { width: s, height: s, data };
}

