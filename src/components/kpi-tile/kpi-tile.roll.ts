/**
 * What <civic-kpi-tile> paints into its figure between renders: the final figure, or the frames of a count-up rolling
 * from the old value to the new one. The count-up itself (kpi-tile.count-up.ts) loads with the first value change that
 * animates (issue 16: a first picture never animates). The first frame — the old figure — is painted at once (a
 * re-created value line must not stay empty until the first tick); the rest once the count-up is there. If it fails
 * to load, the final figure is painted (the next change tries again): never a frozen frame, never a throw.
 */
import type { Lang } from '../../core/i18n/lang.js';
import type { AmountParts } from '../../core/format/number.js';
import type { countUpFrame as CountUpFrame, formatValueParts as FormatValueParts } from './kpi-tile.model.js';
/** The model's formatters, given by kpi-tile.figure.ts (this chunk imports nothing of the first load). */
export const rollKit = {} as { countUpFrame: typeof CountUpFrame; formatValueParts: typeof FormatValueParts };
import { slicesPending } from './update-scheduler.js';
import type { KpiItem } from './kpi-tile.types.js';
import type { CountUp } from './kpi-tile.count-up.js';

let countUp: typeof import('./kpi-tile.count-up.js') | undefined;
const countUpModule = { get loaded() { return countUp; }, load: () => import('./kpi-tile.count-up.js').then((m) => (countUp = m)) };

/** Sets an element's text by changing its one text node in place (cheaper than replacing it 30 times a second). */
function setText(el: HTMLElement, text: string): void {
  const node = el.firstChild;
  if (node && node.nodeType === 3 && !node.nextSibling) {
    if ((node as Text).data !== text) (node as Text).data = text;
  } else if (el.textContent !== text) el.textContent = text;
}

export class TileRoll {
  /** The running count-up (a stand-in holding the start value while its module loads). */
  private anim?: CountUp;
  /** The number and suffix spans, looked up once per render (animation frames reuse them). */
  private number: HTMLElement | null = null;
  private suffix: HTMLElement | null = null;
  /** The width reserve's text node. */
  private reserve?: Text;

  /** `final`: the figure the tile shows now (its model's), painted when no count-up runs. */
  constructor(private readonly final: () => AmountParts | undefined) {}

  /**
   * After each render: the value line's spans (a figure of a new shape re-creates them), and the final figure `text`
   * written into the width reserve's own shadow root. The spans are looked up again only when the line was re-created
   * (the old ones left the tree); the reserve's text is written in place: a wall's tiles update it every second, and a
   * new text node is new layout.
   */
  bind(root: ParentNode, text: string): void {
    if (!(this.number?.isConnected && this.number.getRootNode() === root)) {
      this.number = root.querySelector('[part~="number"]');
      this.suffix = root.querySelector('[part~="suffix"]');
      const r = root.querySelector('.reserve');
      const sr = r && (r.shadowRoot ?? r.attachShadow({ mode: 'open' }));
      const t = sr?.firstChild;
      this.reserve = t && t.nodeType === 3 && !t.nextSibling ? (t as Text) : undefined;
      if (sr && !this.reserve) sr.replaceChildren((this.reserve = document.createTextNode(text)));
    }
    if (this.reserve && this.reserve.data !== text) this.reserve.data = text;
  }

  /** Whether a count-up runs (or waits for its module). */
  get running(): boolean {
    return this.anim !== undefined;
  }

  /** The value the running count-up has reached (a new target starts from it). */
  get current(): number | undefined {
    return this.anim?.current;
  }

  paint(p: AmountParts | undefined): void {
    if (this.number) setText(this.number, p ? p.number : '');
    if (this.suffix) setText(this.suffix, p ? p.suffix : '');
  }

  /** Rolls the figure from `from` to `to` (the item's value) in `duration` ms. */
  start(from: number, to: number, item: KpiItem, lang: Lang, duration: number): void {
    const frame = (value: number) => {
      const final = this.final();
      const parts = rollKit.formatValueParts(value, item, lang);
      this.paint(final ? rollKit.countUpFrame(parts, final) : parts);
    };
    frame(from);
    const begin = (m: typeof import('./kpi-tile.count-up.js')): CountUp => {
      const anim = m.startCountUp(
        {
          duration,
          busy: slicesPending,
          paintFrame: frame,
          paintFinal: () => {
            if (this.anim !== anim) return;
            this.anim = undefined;
            this.paint(this.final());
          },
        },
        from,
        to,
        item.precision,
      );
      return anim;
    };
    if (countUpModule.loaded) {
      this.anim = begin(countUpModule.loaded);
      return;
    }
    const waiting: CountUp = { current: from, stop: () => undefined };
    this.anim = waiting;
    countUpModule.load().then(
      (m) => {
        if (this.anim === waiting) this.anim = begin(m);
      },
      () => {
        if (this.anim === waiting) this.stop(true);
      },
    );
  }

  /** Stops the count-up; `paintFinal` paints the final figure. */
  stop(paintFinal: boolean): void {
    if (!this.anim) return;
    this.anim.stop();
    this.anim = undefined;
    if (paintFinal) this.paint(this.final());
  }
}
