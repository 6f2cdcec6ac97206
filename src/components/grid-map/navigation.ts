/**
 * Navigation of <civic-grid-map> as a Lit reactive controller, the same in memory and tiles mode: pointer (hover,
 * click vs drag), keyboard (arrows between neighbouring units, Enter, Escape), search by name or code, the tooltip
 * position and the screen-reader announcement, with `civic-hover` / `civic-select` events. What differs by mode —
 * where units come from, hit testing, drilling, the camera — is behind `NavMode`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CivicSelectEvent } from '../../core/events/select-event.js';
import { CivicHoverEvent } from '../../core/events/hover-event.js';
import { neighbour, search } from './unit-view.js';
import type { UnitInfo, UnitSet } from './grid-map.types.js';

export type Dir = 'left' | 'right' | 'up' | 'down';
export type Trigger = 'pointer' | 'keyboard';
const ARROWS: Record<string, Dir> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** What navigation needs from a mode (in-memory geometry or vector tiles). */
export interface NavMode {
  /** Units for search, breadcrumb and arrow keys; undefined while unknown (tiles: index not loaded yet). */
  units(): UnitSet | undefined;
  /** Tiles: start loading the unit index (first search, arrow key or `focus`). */
  loadUnits?(): void;
  /** Code of the unit at container pixel (x, y). */
  pickAt(x: number, y: number): string | undefined;
  /** Container pixel of a unit's label point (brought into view first where the camera moves). */
  anchor(code: string): [number, number] | undefined;
  /** Unit indices an arrow key may go to from `from` (in-memory: the units shown; tiles: its neighbours); [] when `from` is not on screen. */
  candidates(from: UnitInfo | undefined): readonly number[];
  /** Where the arrow keys start without a cursor or selection: a unit index, or -1. */
  start(): number;
  /** After a unit was selected: drill into it (streets, communities); true when the view changed. */
  drill(code: string, trigger: Trigger): boolean;
  /** A search result was chosen: show it (the view around it). */
  reveal(u: UnitInfo): void;
  /** Escape: up one level; true when something happened. */
  up(): boolean;
  /** The item for events (properties and values). */
  itemOf(code: string): Record<string, unknown>;
  /** Keys the mode handles itself (tiles: +/- zoom, arrows pan without an index): true, or a unit code to choose. */
  key?(e: KeyboardEvent): boolean | string;
}

export interface NavHost {
  /** The element's `selected`, set as the element's own change (no api event). */
  select(code: string): void;
  selected(): string;
  /** The `part="canvas"` element. */
  surface(): HTMLElement | undefined;
  announceSelected(name: string): string;
  /** The highlight changed: redraw it. */
  highlightChanged(): void;
  /** "Metric: value" read out with a unit's name. */
  valueText(code: string): string;
}

export class NavigationController implements ReactiveController {
  /** Code under the pointer. */
  hovered?: string;
  /** Keyboard cursor (arrow keys). */
  cursor?: string;
  /** Highlighted from outside (`highlight()`: tour, linked views). */
  highlighted?: string;
  tip?: { code: string; x: number; y: number };
  announce = '';
  searchText = '';
  results: UnitInfo[] = [];
  resultIndex = 0;
  private downAt?: [number, number];

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly h: NavHost, private readonly mode: () => NavMode | undefined) {
    host.addController(this);
  }

  private spoken?: string;
  /** The language changed: a sentence left in the live region in the other one is cleared. */
  speak(lang: string): void {
    if (this.spoken !== undefined && lang !== this.spoken) this.announce = '';
    this.spoken = lang;
  }

  hostDisconnected(): void {
    this.hovered = this.cursor = this.tip = undefined;
  }

  /** The unit drawn highlighted: the outside highlight, else the keyboard cursor, else the pointer's. */
  get emphasised(): string | undefined {
    return this.highlighted ?? this.cursor ?? this.hovered;
  }

  /** Forget cursor, hover and tooltip (the view changed under them). */
  reset(): void {
    this.cursor = undefined;
    this.tip = undefined;
  }

  private local(e: MouseEvent): [number, number] | undefined {
    const el = this.h.surface();
    if (!el) return undefined;
    const rect = el.getBoundingClientRect();
    // Pointer positions arrive in scaled page pixels inside a CSS-scaled <civic-screen>: undo the scale.
    const sx = el.offsetWidth ? rect.width / el.offsetWidth : 1;
    const sy = el.offsetHeight ? rect.height / el.offsetHeight : 1;
    return [(e.clientX - rect.left) / (sx || 1), (e.clientY - rect.top) / (sy || 1)];
  }

  onPointerMove = (e: PointerEvent): void => {
    const m = this.mode();
    const p = this.local(e);
    if (!m || !p) return;
    const code = m.pickAt(p[0], p[1]);
    if (code !== this.hovered) {
      this.hovered = code;
      this.host.dispatchEvent(new CivicHoverEvent({ id: code ?? null, item: code ? m.itemOf(code) : undefined }));
      this.h.highlightChanged();
    }
    this.tip = code ? { code, x: p[0], y: p[1] } : undefined;
    this.host.requestUpdate();
  };

  onPointerLeave = (): void => {
    if (this.hovered) this.host.dispatchEvent(new CivicHoverEvent({ id: null }));
    this.hovered = undefined;
    this.tip = undefined;
    this.h.highlightChanged();
    this.host.requestUpdate();
  };

  onPointerDown = (e: PointerEvent): void => {
    this.downAt = [e.clientX, e.clientY];
  };

  onClick = (e: MouseEvent): void => {
    if (this.downAt && Math.hypot(e.clientX - this.downAt[0], e.clientY - this.downAt[1]) > 5) return; // a drag, not a click
    const m = this.mode();
    const p = this.local(e);
    const code = m && p ? m.pickAt(p[0], p[1]) : undefined;
    if (code) this.choose(code, 'pointer');
  };

  onBlur = (): void => {
    this.cursor = undefined;
    this.h.highlightChanged();
    this.host.requestUpdate();
  };

  /** Select a unit (click, Enter, table, search); units with children are drilled into. */
  choose(code: string, trigger: Trigger): void {
    const m = this.mode();
    if (!m) return;
    this.h.select(code);
    const name = m.units()?.byCode.get(code)?.name ?? String(m.itemOf(code).name ?? code);
    this.announce = this.h.announceSelected(name);
    this.host.dispatchEvent(new CivicSelectEvent({ id: code, item: m.itemOf(code), region: code, trigger }));
    if (m.drill(code, trigger)) this.reset();
    this.h.highlightChanged();
    this.host.requestUpdate();
  }

  /** An outside highlight (`highlight(code)`: tour, linked views): the outline, and the tooltip at the unit when `tip`. */
  highlightFromOutside(code: string | undefined, tip: boolean): void {
    this.highlighted = code;
    if (code && tip) this.showTipAt(code);
    else this.tip = undefined;
    this.h.highlightChanged();
    this.host.requestUpdate();
  }

  /** Put the tooltip on a unit's label point (keyboard cursor, outside highlight). */
  showTipAt(code: string): void {
    const p = this.mode()?.anchor(code);
    this.tip = p ? { code, x: p[0], y: p[1] } : undefined;
    this.host.requestUpdate();
  }

  /** The view moved (pan / zoom): a keyboard or outside tooltip follows its unit; a pointer one goes. */
  moved(): void {
    if (!this.tip) return;
    if (this.cursor === this.tip.code || this.highlighted === this.tip.code) {
      const p = this.mode()?.anchor(this.tip.code);
      this.tip = p ? { ...this.tip, x: p[0], y: p[1] } : undefined;
    } else this.tip = undefined;
    this.host.requestUpdate();
  }

  onKeyDown = (e: KeyboardEvent): void => {
    const m = this.mode();
    if (!m) return;
    const dir = ARROWS[e.key];
    const units = m.units();
    let k: boolean | string | undefined;
    if (dir && units) {
      e.preventDefault();
      this.step(m, units, dir);
    } else if ((e.key === 'Enter' || e.key === ' ') && this.cursor) {
      e.preventDefault();
      this.choose(this.cursor, 'keyboard');
    } else if ((k = m.key?.(e))) {
      e.preventDefault();
      if (typeof k === 'string') {
        this.choose(k, 'keyboard');
        this.showTipAt(k);
      }
    } else if (e.key === 'Escape' && m.up()) {
      e.preventDefault();
      this.reset();
      this.host.requestUpdate();
    }
    if (dir && !units && m.loadUnits) {
      // No unit index yet (tiles mode loads it on first use): this press pans as before, and the cursor takes the
      // step once the index arrives (unitsArrived), so the first arrow is not lost.
      this.pendingDir = dir;
      m.loadUnits();
    }
  };

  private pendingDir?: Dir;

  /** The unit index arrived: search results again, and the arrow pressed while it loaded takes its step. */
  unitsArrived(): void {
    this.refreshResults();
    const dir = this.pendingDir;
    this.pendingDir = undefined;
    const m = this.mode();
    const units = m?.units();
    if (dir && m && units) this.step(m, units, dir);
  }

  private step(m: NavMode, units: UnitSet, dir: Dir): void {
    const at = (code: string | undefined) => (code ? units.byCode.get(code) : undefined);
    const from = at(this.cursor) ?? at(this.h.selected());
    const candidates = m.candidates(from);
    let next: number;
    if (!from || !candidates.length) next = m.start();
    else next = neighbour(units, candidates, from.index, dir);
    if (next < 0) return;
    const u = units.features[next];
    this.cursor = u.code;
    this.showTipAt(u.code);
    this.announce = `${u.name}; ${this.h.valueText(u.code)}`;
    this.host.dispatchEvent(new CivicHoverEvent({ id: u.code, item: m.itemOf(u.code) }));
    this.h.highlightChanged();
  }

  // ── search ──
  onSearchFocus = (): void => {
    this.mode()?.loadUnits?.();
  };

  onSearchInput = (text: string): void => {
    const m = this.mode();
    m?.loadUnits?.();
    this.searchText = text;
    this.refreshResults();
  };

  /** Results again (the tiles index arrived while a query was typed). */
  refreshResults(): void {
    const units = this.mode()?.units();
    this.results = units ? search(units, this.searchText, 8) : [];
    this.resultIndex = 0;
    this.host.requestUpdate();
  }

  onSearchKey = (e: KeyboardEvent): void => {
    if (e.key === 'ArrowDown') {
      this.resultIndex = Math.min(this.results.length - 1, this.resultIndex + 1);
      e.preventDefault();
    } else if (e.key === 'ArrowUp') {
      this.resultIndex = Math.max(0, this.resultIndex - 1);
      e.preventDefault();
    } else if (e.key === 'Enter' && this.results[this.resultIndex]) {
      this.goTo(this.results[this.resultIndex], 'keyboard');
      e.preventDefault();
    } else if (e.key === 'Escape') {
      this.searchText = '';
      this.results = [];
    }
    this.host.requestUpdate();
  };

  /** A search result: show it and select it; the map gets the keyboard focus. */
  goTo(u: UnitInfo, trigger: Trigger): void {
    const m = this.mode();
    if (!m) return;
    this.searchText = '';
    this.results = [];
    m.reveal(u);
    this.choose(u.code, trigger);
    this.h.surface()?.focus();
  }
}
