/**
 * Local search for the `tiers` layout of small chains (issue 15): after the layered ordering and the coordinates,
 * swap neighbours inside a column (nodes and the virtual nodes of passing links) and keep a swap only when the links,
 * drawn as the painter draws them, cross less. Deterministic; bounded by a budget of layouts tried.
 */
import type { ChainLink, Point } from './chain-graph.types.js';
import { tiersLinkPoints } from './chain-graph.tiers-coords.js';
import { crossingsFlat } from './chain-graph.crossings.js';

const STEPS = 6;

/**
 * Crossings of links drawn as `tiers` curves between the given positions (the count of crossings.ts `crossingsSmall`
 * on `tiersLinkPoints`, in flat arrays: the search calls it hundreds of times).
 */
export function tiersCrossings(links: readonly ChainLink[], at: Map<string, Point>): number {
  const per = (STEPS + 1) * 2;
  const pts = new Float64Array(links.length * per);
  const src: string[] = [], dst: string[] = [];
  let m = 0;
  for (const l of links) {
    const a = at.get(l.source), b = at.get(l.target);
    if (!a || !b) continue;
    const p = tiersLinkPoints(a, b, STEPS);
    for (let i = 0; i <= STEPS; i++) {
      pts[m * per + 2 * i] = p[i].x;
      pts[m * per + 2 * i + 1] = p[i].y;
    }
    src.push(l.source), dst.push(l.target);
    m++;
  }
  return crossingsFlat(pts, src, dst, m, STEPS);
}

/** Swaps neighbours in `columns` (in place) while it lowers the drawn crossings; `place` writes positions into `at`. */
export function searchSwaps(columns: (string | number)[][], links: readonly ChainLink[], at: Map<string, Point>, place: (into: Map<string, Point>) => void, budget: number, current = tiersCrossings(links, at)): number {
  let best = current;
  let evals = 0;
  const trial = new Map<string, Point>();
  for (let pass = 0; pass < 4 && best > 0 && evals < budget; pass++) {
    let improved = false;
    for (const c of columns) {
      for (let i = 0; i + 1 < c.length && evals < budget && best > 0; i++) {
        if (typeof c[i] === 'number' && typeof c[i + 1] === 'number') continue;
        [c[i], c[i + 1]] = [c[i + 1], c[i]];
        trial.clear();
        for (const [id, p] of at) trial.set(id, p);
        place(trial);
        evals++;
        const n = tiersCrossings(links, trial);
        if (n < best) {
          best = n;
          improved = true;
          for (const [id, p] of trial) at.set(id, p);
        } else [c[i], c[i + 1]] = [c[i + 1], c[i]];
      }
    }
    if (!improved) break;
  }
  return best;
}
