/**
 * The plot's picture of `<civic-growth-chart>` (split out of growth-chart.ts): the plot box's size and label font
 * size, read synchronously so that the first picture is drawn in the same update as the data arrives, and the drawing
 * of a model into the `<svg>` Lit rendered — the frame (growth-chart.plot.ts) and the marks (growth-chart.paint.ts,
 * animated from the previous picture when motion is allowed) — once per new model.
 */
import type { GrowthModel } from './model/types.js';
import { drawFrame } from './growth-chart.plot.js';
import { MarksPainter, motionAllowed, transitionMs } from './growth-chart.paint.js';

export class PlotPicture {
  /** The axis labels' font size (px), read from the plot box. */
  fontSize = 12;
  /** A picture of the current model is drawn. */
  drawn = false;
  readonly painter = new MarksPainter();
  private drawnModel?: GrowthModel;

  /** `host`: the element (its shadow root's `<g class="marks">`, its transition duration). */
  constructor(private readonly host: Element & { readonly renderRoot: HTMLElement | DocumentFragment }) {}

  /** The current `<g class="marks">` (searched once per update). */
  private marks(): SVGGElement | undefined {
    return this.host.renderRoot?.querySelector<SVGGElement>('g.marks') ?? undefined;
  }

  /**
   * Size (and label font size) of the plot box, used until the ResizeController reports. Undefined while the box is
   * hidden or not rendered yet.
   */
  measure(area: HTMLElement | undefined): { width: number; height: number } | undefined {
    if (!area) return undefined;
    const r = area.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return undefined;
    this.readFontSize(area);
    return { width: r.width, height: r.height };
  }

  readFontSize(area: HTMLElement): void {
    const fs = parseFloat(getComputedStyle(area).fontSize);
    if (Number.isFinite(fs) && fs > 0) this.fontSize = fs;
  }

  /** After each update: draws `m` when it is new (or its marks are gone); true when `m` is another model than the last drawn. */
  update(m: GrowthModel | undefined): boolean {
    const fresh = m !== this.drawnModel;
    const marks = this.marks(); // one search of the shadow tree per update
    if (m && marks) {
      if (fresh || !marks.firstChild) {
        drawFrame(marks, m);
        this.drawMarks(marks, m, this.drawn && motionAllowed());
      }
      this.drawnModel = m;
      this.drawn = true;
    } else {
      this.drawn = false;
      this.drawnModel = undefined;
    }
    return fresh;
  }

  /** The final geometry of `m` (export: not a frame of a running transition). */
  async still(m: GrowthModel): Promise<void> {
    if (!this.marks()) return;
    await this.painter.readyForStill();
    const marks = this.marks();
    if (marks) this.drawMarks(marks, m, false);
  }

  /** Draws the marks of `m`; a late draw after a chunk load is dropped if the plot was replaced. */
  private drawMarks(marks: SVGGElement, m: GrowthModel, animate: boolean): void {
    this.painter.draw(marks, m, animate, () => transitionMs(this.host), (target) => this.marks() === target && target.isConnected);
  }
}
