/**
 * The count-up of <civic-kpi-tile>: the figure rolls from the old value to the new one. Loaded with the first value
 * change that animates (issue 16: a first picture never animates, so a page that only shows figures never loads it);
 * until then, and if the load fails, the tile shows the final figure (kpi-tile.ts).
 *
 * Imports nothing the tile's first load has (a module both places import would become a chunk of its own): what it
 * needs from the tile — the clock of the update slices, painting a frame — comes through `CountUpHost`.
 */
import { startTicking, stopTicking } from '../common/ticker.js';
import { createCountUpTurns } from './count-up-turns.js';

/** Minimum time between two painted count-up steps. */
const COUNT_UP_FRAME_MS = 30;
/**
 * Count-up steps painted per frame across all tiles: on a wall of 200 counting tiles each takes its turn every few
 * frames, so no frame re-lays out and repaints every figure at once (issue 16: no task over 50 ms). Fewer when frames
 * come late (count-up-turns.ts): a loaded machine skips steps rather than frames.
 */
const countUpTurns = createCountUpTurns(40);

export interface CountUpHost {
  /** Duration of the count-up in ms. */
  readonly duration: number;
  /** Paints `value` as a count-up frame (formatted like the final figure, never wider than it). */
  paintFrame(value: number): void;
  /** Paints the final figure: the count-up is over. */
  paintFinal(): void;
  /** Whether tile updates wait for their slice (update-scheduler.ts): no step is painted meanwhile. */
  busy(): boolean;
}

/** A running count-up: `current` is the value last reached (a new target starts from it). */
export interface CountUp {
  current: number;
  stop(): void;
}

/** Fraction digits the animation steps in: the item's precision, else 0 for whole numbers at both ends, else 2. */
export function countUpDecimals(from: number, to: number, precision?: number): number {
  if (precision !== undefined) return precision;
  return Number.isInteger(from) && Number.isInteger(to) ? 0 : 2;
}

export function easeOutCubic(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return 1 - Math.pow(1 - c, 3);
}

/** Value shown at progress `t` (0…1) of a count-up from `from` to `to`, eased; exactly `to` at t ≥ 1. */
export function countUpValue(from: number, to: number, t: number, decimals = 0): number {
  if (t >= 1 || !Number.isFinite(from)) return to;
  const v = from + (to - from) * easeOutCubic(t);
  const f = Math.pow(10, decimals);
  return Math.round(v * f) / f;
}

/** The values of a count-up drawn in `frames` frames (at least 1); the last is always `to`. */
export function countUpSteps(from: number, to: number, frames: number, decimals = 0): number[] {
  const n = Math.max(1, Math.floor(frames));
  const out: number[] = [];
  for (let i = 1; i <= n; i++) out.push(countUpValue(from, to, i / n, decimals));
  return out;
}

/**
 * Starts rolling from `from` to `to` on the shared animation frame loop (common/ticker.ts). The caller has painted
 * the first frame. Ends by painting the final figure, or with `stop()` (the caller paints what it wants then).
 */
export function startCountUp(host: CountUpHost, from: number, to: number, precision?: number): CountUp {
  const decimals = countUpDecimals(from, to, precision);
  const start = performance.now();
  let lastPaint = 0;
  let stopped = false;
  const anim = {
    current: from,
    stop: () => {
      stopped = true;
      stopTicking(anim);
      countUpTurns.end(anim);
    },
    tick: (now: number): boolean => {
      if (stopped) return false;
      countUpTurns.frame(now);
      const t = Math.min(1, Math.max(0, (now - start) / host.duration));
      anim.current = countUpValue(from, to, t, decimals);
      if (t >= 1) {
        countUpTurns.end(anim);
        host.paintFinal();
        return false;
      }
      // ~30 digit changes a second read as smooth rolling and halve the repaint work of a wall of tiles; on a
      // wall, tiles also take turns (about 40 steps a frame in all), and no step is painted while other tiles still
      // wait for their update (update-scheduler.ts): the frames go to the new figures first, then the wall rolls.
      if (now - lastPaint >= COUNT_UP_FRAME_MS && !host.busy() && countUpTurns.turn(now, phase)) {
        lastPaint = now;
        host.paintFrame(anim.current);
      }
      return true;
    },
  };
  const phase = countUpTurns.begin(anim);
  startTicking(anim);
  return anim;
}
