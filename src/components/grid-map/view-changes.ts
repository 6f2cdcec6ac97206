/**
 * Who changed the view, and the events that say so. `selected`, `level` and `focus` change either by the element
 * itself (a click, a key, the breadcrumb, a search: `select()` / `setView()`, which fire their own events with that
 * trigger) or from outside (attribute or property after the first render): those fire the same `civic-select` /
 * `civic-view-change` with trigger `api` once the update is done, so linked views and listeners follow either way.
 */
import type { ReactiveControllerHost } from 'lit';
import { CivicSelectEvent } from '../../core/events/select-event.js';
import { CivicViewChangeEvent, type CivicViewChangeDetail } from './grid-map.events.js';
import { viewLevel } from './unit-view.js';
import { VIEW_LEVELS } from './grid-map.types.js';

export interface ViewHost extends ReactiveControllerHost, HTMLElement {
  level?: string;
  focusCode: string;
  selected: string;
}

export interface ViewChangesOptions {
  /** The item for a `civic-select` (properties and values) when the code is a known unit, else undefined. */
  itemOf(code: string): Record<string, unknown> | undefined;
  /** Whether a mode is ready to answer (no api events before units exist). */
  ready(): boolean;
  /** The view changed by the element: drop the tooltip. */
  onViewChange(): void;
}

export class ViewChanges {
  private own = false;

  constructor(private readonly host: ViewHost, private readonly o: ViewChangesOptions) {}

  /** `selected` set by the element (its own event already fired). */
  select(code: string): void {
    this.own = true;
    this.host.selected = code;
  }

  /** Level and focus set by the element; fires `civic-view-change` with the trigger. */
  setView(rank: number, focus: string, trigger: CivicViewChangeDetail['trigger']): void {
    const h = this.host;
    const level = VIEW_LEVELS[Math.max(0, Math.min(2, rank))];
    if (level === (viewLevel(h.level) ?? 'grid') && focus === h.focusCode) return;
    this.own = true;
    h.level = level;
    h.focusCode = focus;
    this.o.onViewChange();
    h.dispatchEvent(new CivicViewChangeEvent({ level, focus, trigger }));
  }

  /** From the element's updated(): api changes of this update fire their events. */
  announce(changed: ReadonlyMap<PropertyKey, unknown>, firstUpdate: boolean): void {
    const own = this.own;
    this.own = false;
    const h = this.host;
    if (own || firstUpdate || !this.o.ready()) return;
    const again = (k: string) => changed.has(k) && changed.get(k) !== undefined;
    if (again('selected'))
      h.dispatchEvent(new CivicSelectEvent({ id: h.selected || null, item: h.selected ? this.o.itemOf(h.selected) : undefined, region: h.selected || null, trigger: 'api' }));
    if (again('level') || again('focusCode')) h.dispatchEvent(new CivicViewChangeEvent({ level: viewLevel(h.level) ?? 'grid', focus: h.focusCode, trigger: 'api' }));
  }
}
