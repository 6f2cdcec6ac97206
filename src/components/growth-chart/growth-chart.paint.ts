/**
 * Bars, lines and dots inside `<g class="marks">`, which Lit leaves empty (split out of growth-chart.ts). Without
 * animation (first picture, reduced motion, export) `buildMarks` (growth-chart.build.ts) builds them and `syncMarks`
 * (growth-chart.sync.ts, in the chunk loaded right after the first picture) updates them, keyed, writing only changed
 * values; animated redraws use the keyed d3 joins of growth-chart.marks.ts (loaded on the first animated redraw),
 * with d3-transition from the previous geometry.
 */
import type { GrowthModel } from './model/types.js';
import { forget } from './growth-chart.plot.js';
import { buildMarks } from './growth-chart.build.js';
import { marksChunk, moreChunk } from './growth-chart.chunks.js';

let reducedMotion: MediaQueryList | undefined;

/** Animated redraws are allowed: the page is visible and the reader did not ask for reduced motion. */
export function motionAllowed(): boolean {
  if (typeof matchMedia === 'undefined' || (typeof document !== 'undefined' && document.hidden)) return false;
  reducedMotion ??= matchMedia('(prefers-reduced-motion: reduce)');
  return !reducedMotion.matches;
}

/** The element's `--_transition` in ms (300 when unset or unreadable). */
export function transitionMs(el: Element): number {
  const v = getComputedStyle(el).getPropertyValue('--_transition').trim();
  const n = parseFloat(v);
  if (!Number.isFinite(n)) return 300;
  return v.endsWith('ms') ? n : v.endsWith('s') ? n * 1000 : n;
}

export class MarksPainter {
  /** A redraw waiting for a chunk to load; the picture completes when it has drawn (drawnSettle, updateComplete). */
  pending?: Promise<void>;
  /** The marks were last written by the animated d3 joins (syncMarks' record of written values is stale). */
  private transitioned = false;
  private seq = 0;

  /**
   * Draws `m` into `target`, animated over `duration()` ms when `animate`. `current(target)` says, after a chunk has
   * loaded, whether `target` is still the element's marks group (else the late draw is dropped).
   */
  draw(target: SVGGElement, m: GrowthModel, animate: boolean, duration: () => number, current: (target: SVGGElement) => boolean): void {
    const seq = ++this.seq;
    this.pending = undefined;
    if (!animate) {
      // Without animation no d3: syncMarks writes what changed. After an animated redraw d3's joins bring the nodes to
      // this model (stopping what still runs) and syncMarks' record of the values it wrote is dropped.
      const joins = marksChunk.loaded;
      if (this.transitioned && joins) {
        joins.joinMarks(target, m, 0);
        forget(target);
      }
      this.transitioned = false;
      if (!target.firstChild) buildMarks(target, m);
      else if (moreChunk.loaded) moreChunk.loaded.syncMarks(target, m);
      else {
        // A redraw before growth-chart.more.ts has loaded (it loads right after the first picture).
        this.pending = moreChunk.load().then((mod) => {
          if (seq !== this.seq) return; // a newer draw came meanwhile
          this.pending = undefined;
          if (current(target)) mod.syncMarks(target, m);
        });
      }
      return;
    }
    this.transitioned = true;
    const joins = marksChunk.loaded;
    if (joins) {
      joins.joinMarks(target, m, duration());
      return;
    }
    // The first animated redraw loads the d3 joins (growth-chart.marks.ts); the picture completes when they have drawn.
    this.pending = marksChunk.load().then((mod) => {
      if (seq !== this.seq) return; // a newer draw came meanwhile (it drew, or waits on its own load)
      this.pending = undefined;
      if (current(target)) mod.joinMarks(target, m, duration());
    });
  }

  /** Loads what a still redraw (export: the final geometry, not a frame of an animation) needs. */
  async readyForStill(): Promise<void> {
    if (this.transitioned) await marksChunk.load(); // to stop what an animated redraw still runs
    await moreChunk.load(); // the keyed update of the marks (growth-chart.sync.ts)
  }
}
