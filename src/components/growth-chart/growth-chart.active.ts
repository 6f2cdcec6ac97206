/**
 * The highlighted period (or, in `compare`, indicator) of `<civic-growth-chart>` (split out of growth-chart.ts): the
 * tooltip and crosshair follow it; pointer and keyboard move it (growth-chart.keys.ts), `highlight()` sets it (kept
 * until the first picture when called before); moving it fires `civic-hover`, choosing a period `civic-select`.
 */
import { CivicSelectEvent, type SelectTrigger } from '../../core/events/select-event.js';
import { CivicHoverEvent } from '../../core/events/hover-event.js';
import type { GrowthModel } from './model/types.js';
import { plotListeners } from './growth-chart.keys.js';

export interface ActiveHost {
  model(): GrowthModel | undefined;
  area(): HTMLElement | undefined;
  /** The plot box has keyboard focus. */
  focused(): boolean;
  /** The highlight moved: a new render. */
  requestUpdate(): void;
  dispatchEvent(e: Event): boolean;
  /** A period was chosen (not in `compare`): the element's `selected`. */
  select(key: string): void;
  /** The division the chart shows (the `civic-select` detail's `region`). */
  region(): string | null;
}

export class ActivePeriod {
  /** Index of the highlighted category; -1 when none. */
  index = -1;
  /** A `highlight()` before the first picture, applied to it. */
  private pending?: string;
  /** The plot box's listeners. */
  readonly listeners;

  constructor(private readonly host: ActiveHost) {
    this.listeners = plotListeners({
      model: () => host.model(),
      active: () => this.index,
      area: () => host.area(),
      focused: () => host.focused(),
      setActive: (i) => this.set(i),
      choose: (i, trigger) => this.choose(i, trigger),
    });
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
    const m = this.host.model();
    if (!m && id !== null) {
      this.pending = id; // applied when the chart is first drawn
      return;
    }
    this.pending = undefined;
    this.set(id === null ? -1 : m?.categories.findIndex((c) => c.key === id) ?? -1);
  }

  set(i: number): void {
    if (i === this.index) return;
    this.index = i;
    this.host.requestUpdate();
    const key = i >= 0 ? this.host.model()?.categories[i]?.key ?? null : null;
    this.host.dispatchEvent(new CivicHoverEvent({ id: key }));
  }

  private choose(i: number, trigger: SelectTrigger): void {
    const m = this.host.model();
    const c = m?.categories[i];
    if (!m || !c) return;
    this.set(i);
    if (m.kind !== 'compare') this.host.select(c.key);
    this.host.dispatchEvent(
      new CivicSelectEvent({
        id: c.key,
        item: { label: c.label, rows: c.tooltip.rows.map((r) => r.text) },
        region: this.host.region(),
        trigger,
      }),
    );
  }
}
