/**
 * Vertical coordinates of the `tiers` layout (issue 15), after the order inside the columns is fixed
 * (chain-graph.layered.ts): each node moves towards the mean height of its neighbours, and each virtual node of a
 * long link towards the height the drawn S-curve has at that column — so the curve passes where the ordering put
 * it — while every column keeps its order and its rows' spacing (a weighted isotonic regression per column, pool
 * adjacent violators, O(column)). Pure and deterministic.
 */

export interface CoordInput {
  /** Columns in order, each from top to bottom: an id, or the index of a long link passing (see `links`). */
  columns: readonly (readonly (string | number)[])[];
  /** x of each column. */
  x: readonly number[];
  /** Row height of an id (node and label plus the gap); a passing link takes `laneHeight`. */
  height: (id: string) => number;
  /** Links by index: the ids of its ends (those passing through columns are referenced from `columns`). */
  links: readonly (readonly [string, string])[];
  /** Room a passing link takes in a column. Default 6. */
  laneHeight?: number;
  /** Relaxation rounds. Default 12. */
  rounds?: number;
  /** Columns whose rows keep clear of the row of an id in another column (whose label runs across them). */
  clearOf?: ReadonlyMap<number, string>;
  /**
   * Start heights (e.g. chain-graph.tiers-bands.ts ranks, scaled): every column starts as close to them as its order
   * and spacing allow, a passing link at the height its S-curve has there, instead of stacked and centred.
   */
  start?: (id: string) => number | undefined;
}

/** Height of a horizontal S-curve (control points at mid-x, painter `linkPath`) at fraction s of its run, 0..1. */
export function sCurveShare(s: number): number {
  if (s <= 0) return 0;
  if (s >= 1) return 1;
  // x(t) = 1.5 t (1 - t) + t³, y(t) = 3t² - 2t³: solve x(t) = s by bisection (x is increasing in t).
  let lo = 0, hi = 1;
  for (let i = 0; i < 30; i++) {
    const t = (lo + hi) / 2;
    if (1.5 * t * (1 - t) + t * t * t < s) lo = t;
    else hi = t;
  }
  const t = (lo + hi) / 2;
  return 3 * t * t - 2 * t * t * t;
}

/** Weighted isotonic regression with minimum gaps: y[i + 1] - y[i] ≥ gap[i], as close as possible to want. */
export function spacedFit(want: Float64Array, weight: Float64Array, gap: Float64Array, n = want.length, out = new Float64Array(n), scratch?: { val: Float64Array; wt: Float64Array; len: Int32Array; off: Float64Array }): Float64Array {
  const sc = scratch ?? { val: new Float64Array(n), wt: new Float64Array(n), len: new Int32Array(n), off: new Float64Array(n) };
  const { val, wt, len, off } = sc;
  off[0] = 0;
  for (let i = 1; i < n; i++) off[i] = off[i - 1] + gap[i - 1];
  // pool adjacent violators on z = y - off (non-decreasing)
  let k = 0;
  for (let i = 0; i < n; i++) {
    val[k] = want[i] - off[i];
    wt[k] = weight[i];
    len[k] = 1;
    while (k > 0 && val[k - 1] > val[k]) {
      const w = wt[k - 1] + wt[k];
      val[k - 1] = (val[k - 1] * wt[k - 1] + val[k] * wt[k]) / w;
      wt[k - 1] = w;
      len[k - 1] += len[k];
      k--;
    }
    k++;
  }
  let i = 0;
  for (let b = 0; b < k; b++) for (let j = 0; j < len[b]; j++, i++) out[i] = val[b] + off[i];
  return out;
}

/** y of every id (columns start stacked and centred on 0, then relax as described above). */
export function assignY(input: CoordInput): Map<string, number> {
  const { columns, x, links } = input;
  const lane = input.laneHeight ?? 6;
  // Flat slots: slot s is row (s - start[c]) of column c.
  const start = new Int32Array(columns.length + 1);
  columns.forEach((c, ci) => (start[ci + 1] = start[ci] + c.length));
  const n = start[columns.length];
  const h = new Float64Array(n), y = new Float64Array(n);
  const slotOf = new Map<string, number>();
  const colOfSlot = new Int32Array(n);
  let maxLen = 0;
  columns.forEach((c, ci) => {
    maxLen = Math.max(maxLen, c.length);
    let total = 0;
    c.forEach((e, i) => {
      const s = start[ci] + i;
      colOfSlot[s] = ci;
      h[s] = typeof e === 'number' ? lane : input.height(e);
      total += h[s];
      if (typeof e === 'string') slotOf.set(e, s);
    });
    let acc = -total / 2;
    for (let s = start[ci]; s < start[ci + 1]; s++) (y[s] = acc + h[s] / 2), (acc += h[s]);
  });
  // Virtual nodes: their link's ends (slots) and the share of the S-curve's rise at their column.
  const endA = new Int32Array(n).fill(-1), endB = new Int32Array(n).fill(-1), share = new Float64Array(n);
  const lanes = new Map<number, number[]>(); // link → slots of its virtual nodes, left to right
  columns.forEach((c, ci) => c.forEach((e, i) => typeof e === 'number' && (lanes.get(e) ?? lanes.set(e, []).get(e)!).push(start[ci] + i)));
  // Neighbours of real slots (CSR): real ends, or the nearest virtual node of a passing link.
  const pairs: number[] = [];
  links.forEach(([p, q], li) => {
    let a = slotOf.get(p), b = slotOf.get(q);
    if (a === undefined || b === undefined || colOfSlot[a] === colOfSlot[b]) return;
    if (colOfSlot[a] > colOfSlot[b]) [a, b] = [b, a];
    const ls = lanes.get(li);
    if (ls && ls.length) {
      pairs.push(a, ls[0], b, ls[ls.length - 1]);
      const xa = x[colOfSlot[a]], xb = x[colOfSlot[b]];
      for (const d of ls) (endA[d] = a), (endB[d] = b), (share[d] = sCurveShare((x[colOfSlot[d]] - xa) / (xb - xa || 1)));
    } else pairs.push(a, b, b, a);
  });
  const nbStart = new Int32Array(n + 1);
  for (let k = 0; k < pairs.length; k += 2) nbStart[pairs[k] + 1]++;
  for (let i = 0; i < n; i++) nbStart[i + 1] += nbStart[i];
  const nb = new Int32Array(pairs.length / 2), fill = nbStart.slice(0, n);
  for (let k = 0; k < pairs.length; k += 2) nb[fill[pairs[k]]++] = pairs[k + 1];
  const want = new Float64Array(maxLen), weight = new Float64Array(maxLen), gap = new Float64Array(maxLen), out = new Float64Array(maxLen);
  const scratch = { val: new Float64Array(maxLen), wt: new Float64Array(maxLen), len: new Int32Array(maxLen), off: new Float64Array(maxLen) };
  /** Rows of column ci above the blocking row move up, the others down, keeping their order and spacing. */
  const clear = (ci: number) => {
    const blocker = input.clearOf?.get(ci);
    const b = blocker === undefined ? undefined : slotOf.get(blocker);
    if (b === undefined) return;
    const s0 = start[ci], s1 = start[ci + 1];
    let k = s0;
    while (k < s1 && y[k] < y[b]) k++;
    // passing links next to the blocking row may stay in its band (they carry no label) until a node is moved
    let edge = y[b] - h[b] / 2, moved = false;
    for (let s = k - 1; s >= s0; s--) {
      if (!moved && endA[s] >= 0) continue;
      moved = true;
      y[s] = Math.min(y[s], edge - h[s] / 2);
      edge = y[s] - h[s] / 2;
    }
    (edge = y[b] + h[b] / 2), (moved = false);
    for (let s = k; s < s1; s++) {
      if (!moved && endA[s] >= 0) continue;
      moved = true;
      y[s] = Math.max(y[s], edge + h[s] / 2);
      edge = y[s] + h[s] / 2;
    }
  };
  if (input.start) {
    const t = new Float64Array(n).fill(NaN);
    for (const [id, sl] of slotOf) t[sl] = input.start(id) ?? NaN;
    for (let sl = 0; sl < n; sl++) if (endA[sl] >= 0) t[sl] = t[endA[sl]] + (t[endB[sl]] - t[endA[sl]]) * share[sl];
    for (let ci = 0; ci < columns.length; ci++) {
      const s0 = start[ci], len = start[ci + 1] - s0;
      if (len === 0) continue;
      for (let i = 0; i < len; i++) {
        want[i] = Number.isNaN(t[s0 + i]) ? y[s0 + i] : t[s0 + i];
        weight[i] = 1;
        if (i > 0) gap[i - 1] = (h[s0 + i - 1] + h[s0 + i]) / 2;
      }
      spacedFit(want, weight, gap, len, out, scratch);
      for (let i = 0; i < len; i++) y[s0 + i] = out[i];
      clear(ci);
    }
  }
  const rounds = input.rounds ?? 12;
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < columns.length; k++) {
      // alternating directions, the last round left to right (a column kept clear of a row comes after that row's)
      const ci = (rounds - 1 - r) % 2 === 0 ? k : columns.length - 1 - k;
      const s0 = start[ci], len = start[ci + 1] - s0;
      if (len === 0) continue;
      for (let i = 0; i < len; i++) {
        const s = s0 + i;
        if (endA[s] >= 0) {
          want[i] = y[endA[s]] + (y[endB[s]] - y[endA[s]]) * share[s];
          weight[i] = 4;
        } else {
          const b = nbStart[s], e = nbStart[s + 1];
          let sum = 0;
          for (let j = b; j < e; j++) sum += y[nb[j]];
          want[i] = e > b ? sum / (e - b) : y[s];
          weight[i] = 1;
        }
        if (i > 0) gap[i - 1] = (h[s - 1] + h[s]) / 2;
      }
      spacedFit(want, weight, gap, len, out, scratch);
      for (let i = 0; i < len; i++) y[s0 + i] = out[i];
      clear(ci);
    }
  }

  const res = new Map<string, number>();
  for (const [id, s] of slotOf) res.set(id, y[s]);
  return res;
}

/**
 * A `tiers` link as the painter draws it (chain-graph.painter.ts `linkPath`), flattened: a horizontal S-curve
 * between columns, a bow to the left inside a column. The bench's `linkPolyline('tiers')` draws the same curve.
 */
export function tiersLinkPoints(a: { x: number; y: number }, b: { x: number; y: number }, steps = 6): { x: number; y: number }[] {
  let c1x: number, c2x: number;
  if (Math.abs(b.x - a.x) > 1) c1x = c2x = (a.x + b.x) / 2;
  else {
    const bow = Math.min(90, 12 + Math.abs(b.y - a.y) / 4);
    (c1x = a.x - bow), (c2x = b.x - bow);
  }
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps, u = 1 - t;
    out.push({ x: u * u * u * a.x + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * b.x, y: u * u * u * a.y + 3 * u * u * t * a.y + 3 * u * t * t * b.y + t * t * t * b.y });
  }
  return out;
}
