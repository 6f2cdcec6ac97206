/**
 * What `<civic-growth-chart>` builds one task after its first picture (split out of growth-chart.ts): the toolbar
 * menu, the data table twin and the tooltip are not in the first picture (plot, legend, notes), which is what a reader
 * waits for — the table is a closed disclosure until opened, the menu a closed one, the tooltip hidden until a period
 * is pointed at or focused. Assistive tech gets them a task later; `whenSettled()` says when. Their code and styles
 * (growth-chart.extras.ts, in growth-chart.more.ts) load then too; if they cannot load, the chart has none of them
 * (a warning says so; the next picture tries again). The plot's accessible name (the model's summary sentence) comes
 * in that task too, before the chunk: the first picture does not format it.
 */
import { moreChunk } from './growth-chart.chunks.js';
import { COLORS } from './growth-chart.dom.js';
import type { GrowthModel } from './model/types.js';

/** The element: its updates and its render root, which adopts the parts' styles. */
export interface LaterHost {
  requestUpdate(): void;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class LaterParts {
  /** The parts are shown (their chunk loaded, or failed to). */
  shown = false;
  /** The task after the first picture has come: the plot may be named (its summary sentence, which no picture needs). */
  named = false;
  private timer?: ReturnType<typeof setTimeout>;
  private waiters: (() => void)[] = [];
  /** The chunk's load under way. */
  private loading?: Promise<void>;
  /** toSVG() was called before its writer loaded (warned once). */
  private svgEarlyWarned = false;

  /** `warn`: the element's console warning. */
  constructor(
    private readonly host: LaterHost,
    private readonly warn: (message: string) => void,
  ) {}

  /** The chunk that renders them, once loaded. */
  get module(): typeof moreChunk.loaded {
    return this.shown ? moreChunk.loaded : undefined;
  }

  /** After each update: `m` the model drawn (if any), `fresh` it is a new one. */
  updated(m: { empty: boolean } | undefined, fresh: boolean): void {
    if (m && !m.empty && !this.shown && this.timer === undefined) {
      // After the first picture, in a task of its own.
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.named = true;
        this.host.requestUpdate();
        void this.load().then(() => {
          this.shown = true;
          this.host.requestUpdate();
        });
      }, 0);
    } else if (this.shown && !moreChunk.loaded && m && fresh) void this.load(); // a failed load, again with a new picture
    if (this.shown && this.waiters.length) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    }
  }

  /** Resolves once the parts are shown (after the update that shows them). */
  whenShown(): Promise<void> {
    return this.shown ? Promise.resolve() : new Promise<void>((res) => this.waiters.push(res));
  }

  /** Loads the chunk and adopts its styles before the parts render (a failed load is tried again by the next call). */
  load(): Promise<void> {
    return (this.loading ??= moreChunk
      .load()
      .then(
        (x) => {
          x.adoptExtrasStyles(this.host.renderRoot);
          this.host.requestUpdate();
        },
        (e: unknown) => this.warn(`the export menu, data table and tooltip could not load: ${e instanceof Error ? e.message : String(e)}`),
      )
      .finally(() => (this.loading = undefined)));
  }

  /**
   * `toSVG()` of the element: `m` as a standalone SVG document; '' (with one warning, and the writer's load started)
   * while the SVG writer is not loaded.
   */
  svg(el: Element, m: GrowthModel): string {
    const more = moreChunk.loaded;
    if (!more) {
      if (!this.svgEarlyWarned) {
        this.svgEarlyWarned = true;
        this.warn("toSVG() is '' until whenSettled(): the SVG writer loads after the first picture");
      }
      void this.load(); // a failed load is tried again here
      return '';
    }
    return more.renderGrowthSvg(m, { palette: more.paletteOf(el, COLORS) });
  }

  disconnected(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
