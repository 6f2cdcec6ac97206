/**
 * Link crossings of a drawn graph (issue 15): how many pairs of links cross, links given as polylines (straight links
 * two points, curves flattened). Used by the radial ordering (chain-graph.order.ts) to keep the order with the fewest
 * crossings, and by the readability measure of the bench and tests. Pure.
 */
import type { Point } from './chain-graph.types.js';

const orient = (a: Point, b: Point, c: Point): number => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);

/** True when segments p1p2 and p3p4 cross properly (touching at an end or collinear overlap does not count). */
export function segmentsCross(p1: Point, p2: Point, p3: Point, p4: Point): boolean {
  const d1 = orient(p3, p4, p1), d2 = orient(p3, p4, p2), d3 = orient(p1, p2, p3), d4 = orient(p1, p2, p4);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

export interface Polyline {
  source: string;
  target: string;
  points: Point[];
}

/**
 * Crossings between links drawn as polylines: every proper intersection of two segments of two different links
 * that share no end node (a curve crossing a line twice counts twice). Grid hash: fine for thousands of links.
 */
export function linkCrossings(links: readonly Polyline[]): number {
  const ax: number[] = [], ay: number[] = [], bx: number[] = [], by: number[] = [], owner: number[] = [];
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  links.forEach((l, li) => {
    for (let i = 1; i < l.points.length; i++) {
      const a = l.points[i - 1], b = l.points[i];
      ax.push(a.x), ay.push(a.y), bx.push(b.x), by.push(b.y), owner.push(li);
      x0 = Math.min(x0, a.x, b.x), x1 = Math.max(x1, a.x, b.x), y0 = Math.min(y0, a.y, b.y), y1 = Math.max(y1, a.y, b.y);
    }
  });
  const n = ax.length;
  if (n < 2) return 0;
  const cells = Math.max(1, Math.min(1024, Math.round(Math.sqrt(n) * 2)));
  const cw = Math.max(1e-9, (x1 - x0) / cells), ch = Math.max(1e-9, (y1 - y0) / cells);
  const cell = (v: number, o: number, s: number) => Math.min(cells - 1, Math.floor((v - o) / s));
  const grid = new Map<number, number[]>();
  const spans: [number, number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    const sp: [number, number, number, number] = [cell(Math.min(ax[i], bx[i]), x0, cw), cell(Math.max(ax[i], bx[i]), x0, cw), cell(Math.min(ay[i], by[i]), y0, ch), cell(Math.max(ay[i], by[i]), y0, ch)];
    spans.push(sp);
    for (let gx = sp[0]; gx <= sp[1]; gx++)
      for (let gy = sp[2]; gy <= sp[3]; gy++) {
        const k = gx * cells + gy;
        const list = grid.get(k);
        if (list) list.push(i);
        else grid.set(k, [i]);
      }
  }
  const seen = new Int32Array(n).fill(-1);
  let crossings = 0;
  for (let i = 0; i < n; i++) {
    const li = links[owner[i]];
    const sp = spans[i];
    for (let gx = sp[0]; gx <= sp[1]; gx++)
      for (let gy = sp[2]; gy <= sp[3]; gy++)
        for (const j of grid.get(gx * cells + gy) ?? []) {
          if (j <= i || seen[j] === i) continue;
          seen[j] = i;
          if (owner[j] === owner[i]) continue;
          const lj = links[owner[j]];
          if (lj.source === li.source || lj.source === li.target || lj.target === li.source || lj.target === li.target) continue;
          if (segmentsCross({ x: ax[i], y: ay[i] }, { x: bx[i], y: by[i] }, { x: ax[j], y: ay[j] }, { x: bx[j], y: by[j] })) crossings++;
        }
  }
  return crossings;
}

/** The same count as `linkCrossings` by testing every pair (bounding boxes first): faster for a few hundred links. */
export function crossingsSmall(links: readonly Polyline[]): number {
  const n = links.length;
  const box = new Float64Array(n * 4);
  links.forEach((l, i) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const p of l.points) (x0 = Math.min(x0, p.x)), (x1 = Math.max(x1, p.x)), (y0 = Math.min(y0, p.y)), (y1 = Math.max(y1, p.y));
    box.set([x0, y0, x1, y1], i * 4);
  });
  let c = 0;
  for (let i = 0; i < n; i++) {
    const a = links[i];
    for (let j = i + 1; j < n; j++) {
      if (box[j * 4] > box[i * 4 + 2] || box[i * 4] > box[j * 4 + 2] || box[j * 4 + 1] > box[i * 4 + 3] || box[i * 4 + 1] > box[j * 4 + 3]) continue;
      const b = links[j];
      if (b.source === a.source || b.source === a.target || b.target === a.source || b.target === a.target) continue;
      const pa = a.points, pb = b.points;
      for (let s = 1; s < pa.length; s++) for (let t = 1; t < pb.length; t++) if (segmentsCross(pa[s - 1], pa[s], pb[t - 1], pb[t])) c++;
    }
  }
  return c;
}

/**
 * The same count over links already flattened into typed arrays (the orderings call it hundreds of times): link `l`'s
 * `steps + 1` points are `pts[l·per … l·per + per)` as x, y pairs (per = (steps + 1)·2), its ends `src[l]` and
 * `dst[l]`. Links sharing an end never count. Each link's bounding box (x0, y0, x1, y1 at `box[l·4 …]`) is worked out
 * here, into `box` when the caller passes a reusable one.
 */
export function crossingsFlat(pts: Float64Array, src: ArrayLike<number | string>, dst: ArrayLike<number | string>, m: number, steps: number, box = new Float64Array(m * 4)): number {
  const per = (steps + 1) * 2;
  for (let l = 0; l < m; l++) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let q = l * per, end = q + per; q < end; q += 2) {
      const x = pts[q], y = pts[q + 1];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    box[l * 4] = x0, box[l * 4 + 1] = y0, box[l * 4 + 2] = x1, box[l * 4 + 3] = y1;
  }
  let c = 0;
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) {
      if (box[j * 4] > box[i * 4 + 2] || box[i * 4] > box[j * 4 + 2] || box[j * 4 + 1] > box[i * 4 + 3] || box[i * 4 + 1] > box[j * 4 + 3]) continue;
      if (src[i] === src[j] || src[i] === dst[j] || dst[i] === src[j] || dst[i] === dst[j]) continue;
      for (let s = 0; s < steps; s++) {
        const p = i * per + 2 * s;
        const ax = pts[p], ay = pts[p + 1], bx = pts[p + 2], by = pts[p + 3];
        for (let t = 0; t < steps; t++) {
          const q = j * per + 2 * t;
          const cx = pts[q], cy = pts[q + 1], dx = pts[q + 2], dy = pts[q + 3];
          const d1 = (dx - cx) * (ay - cy) - (dy - cy) * (ax - cx), d2 = (dx - cx) * (by - cy) - (dy - cy) * (bx - cx);
          if (!((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0))) continue;
          const d3 = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax), d4 = (bx - ax) * (dy - ay) - (by - ay) * (dx - ax);
          if ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) c++;
        }
      }
    }
  return c;
}
