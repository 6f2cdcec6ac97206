/**
 * The auto-tour of `<civic-screen>`: which descendants it visits (those with `highlight()`, outermost first, in
 * document order), the step state, the highlight and the ring, and its timers: a step every `tour` seconds, skipped
 * while the tab is hidden, and a pause of `tour-resume` seconds after an interaction.
 */
import { CivicTourEvent } from './screen.events.js';
import { TOUR_START, nextTourStep, parseTourIds, secondsToMs, type TourState } from './screen.model.js';
import type { ScreenTimers } from './screen.timers.js';
import type { RectLike } from './screen.types.js';

/** What a descendant may offer the tour: ids for `highlight(id)`. */
interface TourCapable extends Element {
  highlight?: (id: string | null) => void;
  tourTargets?: () => unknown;
}

interface TourTarget {
  el: TourCapable;
  ids: string[];
}

/** The screen as the tour sees it: where targets live and events go, and its `tour` / `tour-resume` seconds. */
export interface TourHost extends HTMLElement {
  tour: number;
  tourResume: number;
}

export interface TourOptions {
  /** The ring around `el`, in design pixels (undefined without a stage). */
  rectOf: (el: Element) => RectLike | undefined;
  /** Shows (or hides, with undefined) the ring. */
  ring: (r: RectLike | undefined) => void;
  warn: (message: string, error: unknown) => void;
}

export class ScreenTour {
  private state: TourState = TOUR_START;
  private stepCount = 0;
  private current?: TourCapable;
  private currentHighlighted = false;

  constructor(
    private readonly host: TourHost,
    private readonly timers: ScreenTimers,
    private readonly o: TourOptions,
  ) {}

  /** True while the tour waits after an interaction. */
  get paused(): boolean {
    return this.timers.has('tour-resume');
  }

  /** Advances the tour by one step now (whether or not `tour` is running). Returns the id highlighted. */
  step(): string | null | undefined {
    const targets = this.collectTargets();
    const next = nextTourStep(
      targets.map((t) => t.ids.length),
      this.state,
    );
    if (!next) {
      this.clearHighlight();
      return undefined;
    }
    this.state = next.state;
    const target = targets[next.element];
    const id = next.index >= 0 ? target.ids[next.index] : null;
    if (this.current && this.current !== target.el) this.clearHighlight();
    this.current = target.el;
    this.currentHighlighted = id !== null;
    if (id !== null) this.callHighlight(target.el, id);
    this.o.ring(this.o.rectOf(target.el));
    this.host.dispatchEvent(new CivicTourEvent({ step: this.stepCount++, target: target.el, id, targetIndex: next.element }));
    return id;
  }

  /** (Re)starts the step timer from `tour`, or stops the tour when it is 0 or the screen is not connected. */
  restart(): void {
    this.timers.cancel('tour');
    this.timers.cancel('tour-resume');
    const ms = secondsToMs(this.host.tour);
    if (!this.host.isConnected || ms === 0) {
      this.stop();
      return;
    }
    this.schedule(ms);
  }

  stop(): void {
    this.timers.cancel('tour');
    this.timers.cancel('tour-resume');
    this.clearHighlight();
  }

  /** An interaction: a running tour lets go of its target and continues `tour-resume` seconds later. */
  pause(): void {
    const tourMs = secondsToMs(this.host.tour);
    if (tourMs > 0 && this.host.isConnected) {
      this.timers.cancel('tour');
      this.clearHighlight();
      const resume = Math.max(0, (Number.isFinite(this.host.tourResume) ? this.host.tourResume : 10) * 1000);
      this.timers.later(
        'tour-resume',
        () => {
          this.step();
          this.schedule(secondsToMs(this.host.tour) || tourMs);
        },
        resume,
      );
    }
  }

  private schedule(ms: number): void {
    this.timers.later(
      'tour',
      () => {
        // A hidden tab (or a wall behind another window) skips steps instead of queueing them.
        if (typeof document === 'undefined' || !document.hidden) this.step();
        const next = secondsToMs(this.host.tour);
        if (next > 0) this.schedule(next);
      },
      ms,
    );
  }

  private clearHighlight(): void {
    if (this.current && this.currentHighlighted) this.callHighlight(this.current, null);
    this.current = undefined;
    this.currentHighlighted = false;
    this.o.ring(undefined);
  }

  private collectTargets(): TourTarget[] {
    const out: TourTarget[] = [];
    const chosen: Element[] = [];
    for (const node of Array.from(this.host.querySelectorAll('*'))) {
      const el = node as TourCapable;
      if (typeof el.highlight !== 'function' || el.hasAttribute('tour-skip')) continue;
      if (el.localName === 'civic-screen') continue;
      if (chosen.some((c) => c.contains(el))) continue; // a civic element inside another one: the outer one tours
      const rect = el.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) continue; // hidden
      chosen.push(el);
      out.push({ el, ids: idsOf(el) });
    }
    return out;
  }

  private callHighlight(el: TourCapable, id: string | null): void {
    try {
      el.highlight?.(id);
    } catch (e) {
      this.o.warn(`highlight(${JSON.stringify(id)}) failed on <${el.localName}>`, e);
    }
  }
}

function idsOf(el: TourCapable): string[] {
  const attr = el.getAttribute('tour-ids');
  if (attr !== null) return parseTourIds(attr);
  if (typeof el.tourTargets === 'function') {
    try {
      const v = el.tourTargets();
      if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string' && x.length > 0);
    } catch {
      /* an element that fails to list its targets is ringed as a whole */
    }
  }
  return [];
}

/**
 * The part of `el`'s box a viewer can see, in client pixels: its bounding rect cut by every box around it that clips
 * or scrolls (overflow other than visible), up to `stop` (the screen). On a wall a tall element often sits in a
 * scrolling panel (the demo's KPI grid): the tour ring frames what shows, not the whole element running over the
 * panels below. Undefined when nothing of it shows.
 */
export function visibleClientRect(el: Element, stop: Element): RectLike | undefined {
  const r = el.getBoundingClientRect();
  let left = r.left, top = r.top, right = r.right, bottom = r.bottom;
  for (let a = parentOf(el); a && a !== stop; a = parentOf(a)) {
    const s = getComputedStyle(a);
    if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
    const c = a.getBoundingClientRect();
    if (s.overflowX !== 'visible') (left = Math.max(left, c.left)), (right = Math.min(right, c.right));
    if (s.overflowY !== 'visible') (top = Math.max(top, c.top)), (bottom = Math.min(bottom, c.bottom));
  }
  return right - left >= 1 && bottom - top >= 1 ? { left, top, width: right - left, height: bottom - top } : undefined;
}

/** The composed-tree parent: the slot an element is assigned to, its parent, or its shadow root's host. */
function parentOf(n: Element): Element | null {
  if (n.assignedSlot) return n.assignedSlot;
  if (n.parentElement) return n.parentElement;
  const root = n.parentNode;
  return root instanceof ShadowRoot ? root.host : null;
}
