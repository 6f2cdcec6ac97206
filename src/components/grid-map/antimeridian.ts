/**
 * Features across the antimeridian (the Aleutians, Fiji, Chukotka): longitudes near +179 and −179 belong together.
 * A plain min/max box over them spans the globe (−179…179) and a fit zooms out to the whole world. These pure
 * helpers find where the set's longitudes really break (the widest empty stretch of the circle) and shift the
 * longitudes west of that break by +360°, so the set becomes one continuous range (e.g. 172…190) that a Web Mercator
 * fit, the canvas projection and maplibre (which draws longitudes beyond 180 on the next world copy) all handle.
 */
import type { Position } from 'geojson';
import type { GridPolygon } from './grid-map.types.js';

/** [west, east] longitude interval, west ≤ east (east may exceed 180 after unwrapping). */
export type LonSpan = [number, number];

/**
 * The longitude below which every longitude of the set must get +360° so the set is continuous, or undefined when the
 * set is already continuous (its widest gap on the circle is the one across ±180°, the usual case).
 * Spans are merged; the widest gap between covered stretches decides. Ties keep the unshifted layout.
 */
export function antimeridianCut(spans: readonly LonSpan[]): number | undefined {
  // Fast path (every ordinary set, e.g. 50,000 grids of one district): a set within 180° of longitude has its widest
  // gap across ±180° (at least 180°, wider than any gap inside it; ties keep the layout), so no cut.
  let w = Infinity, e = -Infinity;
  for (const x of spans) {
    if (!Number.isFinite(x[0]) || !Number.isFinite(x[1])) continue;
    if (x[0] < w) w = x[0];
    if (x[1] > e) e = x[1];
  }
  if (!(e - w > 180)) return undefined;
  const s = spans.filter((x) => Number.isFinite(x[0]) && Number.isFinite(x[1])).map(([a, b]) => [a, b] as LonSpan).sort((p, q) => p[0] - q[0]);
  if (s.length === 0) return undefined;
  const merged: LonSpan[] = [];
  for (const x of s) {
    const last = merged[merged.length - 1];
    if (last && x[0] <= last[1]) last[1] = Math.max(last[1], x[1]);
    else merged.push([x[0], x[1]]);
  }
  const first = merged[0], last = merged[merged.length - 1];
  let best = first[0] + 360 - last[1]; // the gap across ±180°: no shift
  let cut: number | undefined;
  for (let i = 0; i + 1 < merged.length; i++) {
    const gap = merged[i + 1][0] - merged[i][1];
    if (gap > best) (best = gap), (cut = merged[i + 1][0]);
  }
  return cut;
}

/** The west…east longitudes of a set after applying `cut` (for tests and fits): the span a fit should use. */
export function wrappedSpan(spans: readonly LonSpan[]): LonSpan | undefined {
  if (!spans.length) return undefined;
  const cut = antimeridianCut(spans);
  let w = Infinity, e = -Infinity;
  for (const [a, b] of spans) {
    const sa = cut !== undefined && a < cut ? a + 360 : a;
    const sb = cut !== undefined && b < cut ? b + 360 : b;
    w = Math.min(w, sa);
    e = Math.max(e, sb);
  }
  return [w, e];
}

function mapPositions(g: GridPolygon, f: (p: Position) => Position): GridPolygon {
  const ring = (r: Position[]) => r.map(f);
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates.map(ring) } : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

function lonExtent(g: GridPolygon): LonSpan {
  let w = Infinity, e = -Infinity;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) for (const ring of poly) for (const p of ring) (w = Math.min(w, p[0])), (e = Math.max(e, p[0]));
  return [w, e];
}

/**
 * One feature that itself crosses the antimeridian (vertices at 179.9 and −179.9: a raw extent over 180°) gets its
 * negative longitudes shifted by +360. Returns the same object when nothing changes (never mutates the input).
 */
export function unwrapFeature(g: GridPolygon): GridPolygon {
  const [w, e] = lonExtent(g);
  if (!(e - w > 180)) return g;
  return mapPositions(g, (p) => (p[0] < 0 ? [p[0] + 360, ...p.slice(1)] : p));
}

/** Shifts every longitude below `cut` by +360 (a copy; the same object when nothing is below the cut). */
export function shiftWest(g: GridPolygon, cut: number): GridPolygon {
  if (lonExtent(g)[0] >= cut) return g;
  return mapPositions(g, (p) => (p[0] < cut ? [p[0] + 360, ...p.slice(1)] : p));
}
