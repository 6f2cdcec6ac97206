/**
 * The accessible sentence of tiles that are not live regions (`live="off"`: the tiles of a `<civic-kpi-grid>` wall),
 * written after the wall's update slices rather than in them (issue 16, bench/kpi). The sentence ("指标1（示例）：
 * 12.3万人，同比上升4.3%") sits in a visually hidden span; setting it makes the browser lay out and shape a long line
 * of CJK text, about a fifth of the rendering a tile's update costs in its slice's frame. Here a changed sentence waits
 * until no tile update is queued for a whole frame, then at most PER_FRAME sentences are written per frame (the wall's
 * count-up frames, which are short). A screen reader reading a tile finds its new value a few frames after the figure
 * changed (the figure itself rolls for 800 ms); a live region (`live="polite"`) and a first sentence are written at
 * once (kpi-tile.figure.ts). Loaded with the motion chunk (kpi-tile.motion.ts), never in a tile's first load.
 */
import { slicesPending } from './update-scheduler.js';

/** Sentences written per frame at most (each ~0.1 ms of layout: a count-up frame stays short). */
const PER_FRAME = 25;
/**
 * A machine so loaded that the wall's slices never end before its next update: once sentences have waited this long
 * (ms), SOME_PER_FRAME are written per frame all the same (a few tiles' worth of layout), so none lags for ever.
 */
const MAX_WAIT_MS = 1000;
const SOME_PER_FRAME = 4;

/** Sentences waiting, by their span; the latest sentence of a span wins. */
const due = new Map<HTMLElement, string>();
let raf = 0;
/** Whether the last frame had no tile update queued (writes start in the frame after it). */
let calm = false;
/** When sentences started waiting (the rAF time of the first frame that saw them; 0: none waiting). */
let since = 0;

/** Writes `text` into `el`, changing its one text node in place (a new text node is new layout). */
function write(el: HTMLElement, text: string): void {
  const t = el.firstChild;
  if (t && t.nodeType === 3 && !t.nextSibling) {
    if ((t as Text).data !== text) (t as Text).data = text;
  } else if (el.textContent !== text) el.textContent = text;
}

function frame(now: number): void {
  raf = 0;
  since ||= now;
  // Not in a frame that renders a slice (one run in a task before it, or in this frame before or after this callback).
  const busy = slicesPending();
  let n = busy || !calm ? (now - since > MAX_WAIT_MS ? SOME_PER_FRAME : 0) : PER_FRAME;
  calm = !busy;
  for (const [el, text] of due) {
    if (n-- <= 0) break;
    due.delete(el);
    if (el.isConnected) write(el, text);
  }
  if (due.size) raf = requestAnimationFrame(frame);
  else since = 0;
}

/**
 * Queues `text` for `el` when `live` is "off" (and `el` already holds a sentence, and frames run): returns true. Otherwise
 * forgets any sentence waiting for `el` (the caller writes `text` now) and returns false.
 */
export function sayLater(el: HTMLElement, text: string, live?: string): boolean {
  if (live !== 'off' || !el.firstChild || typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') {
    due.delete(el);
    return false;
  }
  due.set(el, text);
  if (!raf) {
    calm = false;
    raf = requestAnimationFrame(frame);
  }
  return true;
}

/** Sentences waiting (tests). @internal */
export function sentencesDue(): number {
  return due.size;
}
