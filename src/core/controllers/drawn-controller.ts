/**
 * One "the picture is on screen" signal for every element: `whenDrawn()` and the `civic-drawn` event.
 *
 * How an element adopts it (CivicElement already creates one as `this.drawnCtl` and feeds it theme, density, lang and
 * host width; CivicDataElement adds the data state):
 * - Add the public method `whenDrawn(): Promise<void> { return this.drawnCtl.whenDrawn(); }` (each element declares
 *   it, with its own JSDoc, so its manifest lists it) and `@event {CivicDrawnEvent} civic-drawn - …` to its JSDoc.
 * - Nothing to do when the picture is complete once Lit's update (and `updated()`) has run: the default `auto` mode
 *   completes the picture after each update that follows a change (data via CivicDataElement, theme/density, lang,
 *   host width), once the host has no update pending.
 * - Drawing that finishes later (a canvas in the next frame, a worker layout, child elements, maplibre `idle`):
 *   override `drawnSettle()` in the element to return a promise for that work; the picture completes when it
 *   resolves and no newer change came meanwhile. Override `drawnReady()` to return false while the element has
 *   nothing to show yet (the first picture waits for it).
 * - A change the controller cannot see (a zoom, a layout switch, a size the element measures on an inner box):
 *   `this.drawnCtl.invalidate('resize' | 'other')` — also requests an update.
 * (A manual mode — the element calling `complete()` after each paint — and `fail()`, rejecting the waiting
 * `whenDrawn()`s, were never used by any element and left the first load of every page, issue 16.)
 * - `civic-load` waits for the same picture: CivicDataElement's default `dataDrawn()` is `drawnCtl.whenDrawn()`;
 *   an element overriding `dataDrawn()` with its own wait should switch to the hooks above and drop the override.
 *
 * Changes that land in one redraw give one `civic-drawn` with all their reasons; a redraw with no change behind
 * it (hover, focus, a tick of an animation) gives none, but still lets a waiting `whenDrawn()` resolve.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { CivicDrawnEvent, type DrawnReason } from '../events/drawn-event.js';

export interface DrawnControllerOptions {
  /** Values whose change needs a new picture, by reason; compared before each update (Object.is, arrays item by item). */
  watch?: () => Partial<Record<DrawnReason, unknown>>;
  /** False while the element has nothing to show as a picture (data still loading). Default: always ready. */
  ready?: () => boolean;
  /** Work after Lit's update before the picture counts as complete. */
  settle?: () => Promise<unknown> | void;
  /** What size change needs a new picture: `width` (default: height often follows the element's own content), `box` or `none`. Read on connect. */
  resize?: () => 'width' | 'box' | 'none';
}

/** `drawnSized()`: the host's width was first seen or changed (its height too, in `box` mode) — layout by width. */
type Host = ReactiveElement & { drawnSized?(): void };

/** Object.is, arrays item by item (also DataController's deps). @internal */
export function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
  return Object.is(a, b);
}

let sharedObserver: ResizeObserver | undefined;
const observed = new WeakMap<Element, DrawnController>();

export class DrawnController implements ReactiveController {
  private readonly host: Host;
  private readonly o: DrawnControllerOptions;
  /** Reasons for the picture still to come; non-empty = a redraw is due. The first picture is due from the start. */
  /** @internal */
  readonly due = new Set<DrawnReason>(['first']);
  private pictured = false;
  private watched: Partial<Record<DrawnReason, unknown>> = {};
  private waiters: (() => void)[] = [];
  private attempt = 0;
  /**
   * The host's content width last seen by the shared ResizeObserver (kept while hidden; undefined before the first
   * observation and after a disconnect): elements that lay out by their width read it, and define `drawnSized()`, instead
   * of observing the host a second time (the KPI tile's fit). @internal
   */
  width?: number;

  constructor(host: Host, options: DrawnControllerOptions = {}) {
    this.host = host;
    this.o = options;
    host.addController(this);
  }

  /**
   * Resolves when the current picture is complete: at once when it is, else with the next completed picture. Never
   * before a first picture exists; waits while a redraw is due or an update is pending.
   */
  async whenDrawn(): Promise<void> {
    // After the page's attribute watcher (ancestor.ts, a MutationObserver: its microtask is queued first): a `lang`,
    // `theme` or `density` set in this task is seen, its hold or update due (`el.lang = 'en'` is no Lit property).
    await 0;
    const h = this.host;
    if (this.pictured && this.due.size === 0 && !h.isUpdatePending) {
      // Unless the host has a size the shared observer has not reported yet (a hidden tab shown, or the host resized, in
      // this task): the observer reports it before the next paint, and its picture resolves this. Before any size was
      // reported, only a host first drawn hidden has one coming (as resized() decides). If the size went back and
      // nothing is reported, the current picture does, two frames on, through the usual check (an update started
      // meanwhile is waited for: its picture resolves this).
      if (!h.offsetHeight || (this.seen === undefined ? !this.unsized : this.border() === this.seen)) return;
      requestAnimationFrame(() => requestAnimationFrame(() => void this.settleThen(++this.attempt)));
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * A change that the host applies later (a language whose strings still load) makes the picture on screen stale now:
   * `whenDrawn()` waits for the one the host draws then. Before a first picture, nothing to do (it waits anyway).
   */
  async hold(reason: DrawnReason): Promise<void> {
    if (this.pictured) {
      this.due.add(reason);
      // After the update that may be running (a `lang` set on the element is seen in its willUpdate): that update's
      // picture, still in the old language, must not complete and clear the reason (whenDrawn() resolved with it, F s17).
      await 0;
      this.attempt++;
    }
  }

  /** A change the controller cannot see needs a new picture; this also requests an update. */
  invalidate(reason: DrawnReason): void {
    this.due.add(reason);
    this.attempt++;
    this.host.requestUpdate();
  }

  hostConnected(): void {
    this.sizeMode = this.o.resize?.() ?? 'width';
    if (this.sizeMode === 'none' || typeof ResizeObserver === 'undefined') return;
    // One observer for every element on the page (a wall of 200 tiles does not need 200 observers).
    sharedObserver ??= new ResizeObserver((entries) => {
      for (const e of entries) observed.get(e.target)?.resized(e.contentRect);
    });
    observed.set(this.host, this);
    sharedObserver.observe(this.host);
  }

  hostDisconnected(): void {
    if (observed.get(this.host) === this) {
      observed.delete(this.host);
      sharedObserver?.unobserve(this.host);
    }
    this.width = undefined;
    this.unsized = false;
  }

  private sizeMode: 'width' | 'box' | 'none' = 'width';

  /** Connected with no width (display: none, a closed tab) before any size was seen: its pictures so far had no size. */
  private unsized = false;

  /** The host's border box (border()) when the observer last reported a size: whenDrawn() compares the current one. */
  private seen?: string;

  /** The border box's width, and height in `box` mode ('0…' while hidden). */
  private border(): string {
    const h = this.host;
    return h.offsetWidth + (this.sizeMode === 'box' ? 'x' + h.offsetHeight : '');
  }

  private resized(r: DOMRectReadOnly): void {
    if (r.width < 1 || r.height < 1) {
      if (r.width < 1 && this.width === undefined) this.unsized = true;
      return;
    }
    // Read after layout (observers are told then): no forced layout. A change is one of the border box in whole px.
    const b = this.border();
    const first = this.width === undefined;
    // Shown for the first time after a picture made while hidden: that is a change of size (a new picture at it).
    const changed = first ? this.unsized : b !== this.seen;
    this.seen = b;
    this.unsized = false;
    if (first || changed) {
      this.width = r.width;
      // Also the first size: a picture made before it (at the host's clientWidth) may have been at another one.
      this.host.drawnSized?.();
    }
    if (changed) this.invalidate('resize');
  }

  hostUpdate(): void {
    const now = this.o.watch?.() ?? {};
    const was = this.watched;
    // A reason seen for the first time counts as a change of attempt (not as due: the first picture covers it).
    for (const k in now) {
      const had = k in was;
      if (!had || !same(was[k as DrawnReason], now[k as DrawnReason])) {
        if (had) this.due.add(k as DrawnReason);
        this.attempt++;
      }
    }
    this.watched = now;
  }

  hostUpdated(): void {
    // Runs before the element's own updated(), where drawing often happens: decide after the whole update cycle.
    void this.settleThen(++this.attempt);
  }

  private async settleThen(token: number): Promise<void> {
    while (!(await this.host.updateComplete)) {
      if (token !== this.attempt) return;
    }
    if (token !== this.attempt) return;
    if (this.due.size === 0) {
      if (this.pictured) this.release();
      return;
    }
    if (!(this.o.ready?.() ?? true)) return;
    const s = this.o.settle?.();
    if (s) {
      try {
        await s;
      } catch {
        return; // the settle failed: no picture from this attempt
      }
    }
    if (token !== this.attempt || this.host.isUpdatePending || !this.host.isConnected) return;
    this.finish();
  }

  private finish(): void {
    const reasons = [...this.due];
    this.due.clear();
    this.pictured = true;
    this.host.dispatchEvent(new CivicDrawnEvent({ reasons }));
    this.release();
  }

  private release(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }
}
