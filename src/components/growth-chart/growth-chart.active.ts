/**
 * The highlighted period (or, in `compare`, indicator) of `<civic-growth-chart>` (split out of growth-chart.ts): the
 * tooltip and crosshair follow it; pointer and keyboard move it (growth-chart.keys.ts), `highlight()` sets it (kept
 * until the first picture when called before); moving it fires `civic-hover`, choosing a period `civic-select`.
 */
import { CivicSelectEvent, type SelectTrigger } from '../../core/events/select-event.js';
import { CivicHoverEvent } from '../../core/events/hover-event.js';
import type { GrowthModel } from './model/types.js';
import { plotListeners, type NavHost } from './growth-chart.keys.js';

/** The element, as the highlight reads and drives it. */
export interface ActiveHost extends HTMLElement {
  readonly chartModel: GrowthModel | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Set when a period is chosen (not in `compare`). */
  selected?: string;
  /** The highlight moved: a new render. */
  requestUpdate(): void;
}

export class ActivePeriod implements NavHost {
  /** Index of the highlighted category; -1 when none. */
  index = -1;
  /** A `highlight()` before the first picture, applied to it. */
  private pending?: string;
  /** The plot box's listeners. */
  readonly listeners = plotListeners(this);

  /** `region()`: the division the chart shows (the `civic-select` detail's `region`). */
  constructor(
    private readonly host: ActiveHost,
    private readonly region: () => string | null,
  ) {}

  model(): GrowthModel | undefined {
    return this.host.chartModel;
  }

  /** The plot box. */
  area(): HTMLElement | undefined {
    return this.host.renderRoot.querySelector<HTMLElement>('[part~="plot-area"]') ?? undefined;
  }

  /** The plot box has keyboard focus. */
  focused(): boolean {
    const a = this.area();
    return !!a && this.host.shadowRoot?.activeElement === a;
  }

  active(): number {
    return this.index;
  }

  /** A new model: the highlight stays on the same index while it exists; a pending highlight is applied. */
  modelChanged(m: GrowthModel): void {
    if (this.index >= m.categories.length) this.index = -1;
    if (this.pending !== undefined) {
      const key = this.pending;
      this.pending = undefined;
      this.index = m.categories.findIndex((c) => c.key === key);
    }
  }

  highlight(id: string | null): void {
    const m = this.model();
    if (!m && id !== null) {
      this.pending = id; // applied when the chart is first drawn
      return;
    }
    this.pending = undefined;
    this.setActive(id === null ? -1 : m?.categories.findIndex((c) => c.key === id) ?? -1);
  }

  setActive(i: number): void {
    if (i === this.index) return;
    this.index = i;
    this.host.requestUpdate();
    const key = i >= 0 ? this.model()?.categories[i]?.key ?? null : null;
    this.host.dispatchEvent(new CivicHoverEvent({ id: key }));
  }

  choose(i: number, trigger: SelectTrigger): void {
    const m = this.model();
    const c = m?.categories[i];
    if (!m || !c) return;
    this.setActive(i);
    if (m.kind !== 'compare') this.host.selected = c.key;
    this.host.dispatchEvent(
      new CivicSelectEvent({
        id: c.key,
        item: { label: c.label, rows: c.tooltip.rows.map((r) => r.text) },
        region: this.region(),
        trigger,
      }),
    );
  }
}
