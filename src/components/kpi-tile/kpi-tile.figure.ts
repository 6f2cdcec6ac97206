/**
 * The first-load side of <civic-kpi-tile>'s motion (issue 16): when a tile updates, and what paints its figure. The
 * roll of count-ups and the time-sliced scheduler of walls (kpi-tile.motion.ts) load with the first value change that
 * animates or the first burst of tile updates (more than one waiting for the same frame); a tile that only shows its
 * figure never loads them.
 *
 * Until they are there, a tile updates in the next frame, as the scheduler runs a lone tile, and at most
 * FIRST_SLICE tiles update in one frame (the scheduler's first slice) with their fits measured in that frame; then
 * every update goes to the scheduler. If the chunk cannot load (offline), tiles keep updating that way and figures
 * change without a count-up: never a frozen frame, never a throw.
 */
import type { Lang } from '../../core/i18n/lang.js';
import type { AmountParts } from '../../core/format/number.js';
import { lazyModule } from '../../core/lazy-module.js';
import { flushFits } from './fit-scheduler.js';
import { countUpFrame, formatValueParts } from './kpi-tile.model.js';
import type { KpiItem } from './kpi-tile.types.js';
import type { TileRoll } from './kpi-tile.roll.js';

const motion = lazyModule(() =>
  import('./kpi-tile.motion.js').then((m) => {
    m.fits.flush = flushFits;
    Object.assign(m.rollKit, { countUpFrame, formatValueParts });
    return m;
  }),
);

/** Tile updates per frame before the scheduler is there (its own first slice). */
const FIRST_SLICE = 8;
/** A frame that has not come this long after an update was asked for runs it in a task (as the scheduler does). */
const FALLBACK_MS = 20;

const queue: Array<() => void> = [];
let due = false;

/** Runs the waiting updates (a slice of them), or hands them to the scheduler once it has loaded. */
function flush(inFrame: boolean): void {
  if (!due) return;
  due = false;
  const m = motion.loaded;
  for (const run of queue.splice(0, m ? queue.length : FIRST_SLICE)) {
    if (m) m.scheduleSliced(run);
    else run();
  }
  if (m) return;
  // The fits of this slice in this frame (their own frame would come after a paint at the old size).
  if (inFrame) flushFits();
  if (queue.length) post();
}

function post(): void {
  due = true;
  if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden') {
    requestAnimationFrame(() => flush(true));
    setTimeout(() => flush(false), FALLBACK_MS);
  } else void Promise.resolve().then(() => flush(false));
}

/** Runs `run` (a tile's Lit update; it never throws) in the next frame, or in the scheduler's next slice. */
export function scheduleTileUpdate(run: () => void): void {
  const m = motion.loaded;
  if (m) return m.scheduleSliced(run);
  // A second tile waiting: a wall may be starting, which the scheduler slices.
  if (queue.push(run) > 1) motion.load().then(() => flush(false), () => undefined);
  if (!due) post();
}

/** Writes `text` into `node` when it differs. */
function setText(node: Node | null | undefined, text: string): void {
  if (node && node.textContent !== text) node.textContent = text;
}

/**
 * What a tile paints into its figure between renders: the final figure, or a count-up's frames (TileRoll, with the
 * same methods, once the chunk is there). A count-up asked for before paints its first frame — the old figure — at
 * once and rolls when the chunk arrives; if it cannot load, the final figure is painted.
 */
export class TileFigure {
  private roll?: TileRoll;
  private root?: ParentNode;
  /** A count-up waiting for the chunk (its start value). */
  private wait?: { from: number };

  /** `final`: the figure the tile shows now (its model's). */
  constructor(private readonly final: () => AmountParts | undefined) {}

  /**
   * After each render: the root holding the value line's spans. Writes the final figure into the width reserve, in
   * the reserve's own shadow root: the value part's text stays the figure shown (read by exports, tests, pages).
   * Writes the tile's accessible sentence `said` into its live region; with `live` "off" (a wall's tiles) a
   * changed sentence is written a few frames after the wall's update slices once kpi-tile.motion.ts is there
   * (kpi-tile.say.ts); a first sentence, a live region's, or any before that chunk: now.
   */
  bind(root: ParentNode, said?: string, live?: string): void {
    this.root = root;
    const el = root.querySelector<HTMLElement>('[aria-atomic]');
    if (el && said != null && !motion.loaded?.sayLater(el, said, live)) setText(el, said);
    const text = this.final()?.number ?? '';
    // Once a count-up ran, the roll (lazy chunk) keeps the spans and writes the reserve's text in place.
    if (this.roll) return this.roll.bind(root, text);
    const r = root.querySelector('.reserve');
    if (r) setText(r.shadowRoot ?? r.attachShadow({ mode: 'open' }), text);
  }

  /** Whether a count-up runs (or waits for its code). */
  get running(): boolean {
    return this.roll ? this.roll.running : !!this.wait;
  }

  /** The value the running count-up has reached (a new target starts from it). */
  get current(): number | undefined {
    return this.roll ? this.roll.current : this.wait?.from;
  }

  paint(p: AmountParts | undefined): void {
    if (this.roll) return this.roll.paint(p);
    for (const k of ['number', 'suffix'] as const) setText(this.root?.querySelector(`[part~="${k}"]`), p ? p[k] : '');
  }

  /** Rolls the figure from `from` to `to` (the item's value) in `duration` ms. */
  start(from: number, to: number, item: KpiItem, lang: Lang, duration: number): void {
    const begin = (m: typeof import('./kpi-tile.motion.js')) => {
      this.roll ??= new m.TileRoll(this.final);
      if (this.root) this.bind(this.root);
      this.roll.start(from, to, item, lang, duration);
    };
    if (this.roll || motion.loaded) return begin(motion.loaded!);
    const final = this.final();
    const first = formatValueParts(from, item, lang);
    this.paint(final ? countUpFrame(first, final) : first);
    const wait = (this.wait = { from });
    motion.load().then(
      (m) => {
        if (this.wait !== wait) return;
        this.wait = undefined;
        begin(m);
      },
      () => {
        if (this.wait === wait) this.stop(true);
      },
    );
  }

  /** Stops the count-up; `paintFinal` paints the final figure. */
  stop(paintFinal: boolean): void {
    if (this.roll) return this.roll.stop(paintFinal);
    if (!this.wait) return;
    this.wait = undefined;
    if (paintFinal) this.paint(this.final());
  }
}
