/**
 * Pure logic of `<civic-screen>`: scaling a design-size stage to a viewport, mapping pointer positions
 * between client (page) pixels and design (unscaled) pixels, the auto-tour schedule and the clock text.
 * No DOM access except through the duck-typed arguments of `clientToLocal`, so everything runs in Node.
 */
import type { Lang } from '../../core/i18n/lang.js';
import { SCALE_MODES, type Point, type RectLike, type ScaleMode, type Size } from './screen.types.js';

// ── scaling ──

export const DEFAULT_DESIGN: Size = { width: 1920, height: 1080 };

export interface ScreenLayout {
  mode: ScaleMode;
  /** Horizontal and vertical CSS scale of the stage (equal except in `fill`). */
  scaleX: number;
  scaleY: number;
  /**
   * The one number given to elements as the screen's scale (context `scale`): the uniform scale in `fit`
   * and `width`, the larger of the two in `fill` (so canvases stay crisp along the stretched axis).
   */
  scale: number;
  /** Top-left corner of the scaled stage inside the viewport, in CSS pixels. */
  offsetX: number;
  offsetY: number;
  /** Size of the scaled stage in CSS pixels (in `width` mode the scroll height). */
  scaledWidth: number;
  scaledHeight: number;
}

function positive(n: number): boolean {
  return typeof n === 'number' && Number.isFinite(n) && n > 0;
}

/** Parses a scale mode; unknown values fall back to `fit`. */
export function normaliseScaleMode(v: unknown): ScaleMode {
  return (SCALE_MODES as readonly unknown[]).includes(v) ? (v as ScaleMode) : 'fit';
}

/** A usable design size: positive finite numbers, otherwise the 1920×1080 default for that axis. */
export function normaliseDesign(width: unknown, height: unknown): Size {
  return {
    width: positive(width as number) ? (width as number) : DEFAULT_DESIGN.width,
    height: positive(height as number) ? (height as number) : DEFAULT_DESIGN.height,
  };
}

/**
 * Where and how large the stage is drawn. A zero or invalid viewport gives scale 1 at the origin (nothing
 * to fit yet), so callers never divide by zero.
 */
export function computeLayout(design: Size, viewport: Size, mode: ScaleMode = 'fit'): ScreenLayout {
  const d = normaliseDesign(design.width, design.height);
  const m = normaliseScaleMode(mode);
  if (!positive(viewport.width) || !positive(viewport.height)) {
    return { mode: m, scaleX: 1, scaleY: 1, scale: 1, offsetX: 0, offsetY: 0, scaledWidth: d.width, scaledHeight: d.height };
  }
  const sx = viewport.width / d.width;
  const sy = viewport.height / d.height;
  if (m === 'fill') {
    return { mode: m, scaleX: sx, scaleY: sy, scale: Math.max(sx, sy), offsetX: 0, offsetY: 0, scaledWidth: viewport.width, scaledHeight: viewport.height };
  }
  if (m === 'width') {
    return { mode: m, scaleX: sx, scaleY: sx, scale: sx, offsetX: 0, offsetY: 0, scaledWidth: viewport.width, scaledHeight: d.height * sx };
  }
  const s = Math.min(sx, sy);
  const w = d.width * s;
  const h = d.height * s;
  return { mode: m, scaleX: s, scaleY: s, scale: s, offsetX: (viewport.width - w) / 2, offsetY: (viewport.height - h) / 2, scaledWidth: w, scaledHeight: h };
}

/** The CSS transform for the stage (origin top-left). Numbers are rounded to 6 decimals to keep the string stable. */
export function stageTransform(l: ScreenLayout): string {
  const r = (n: number) => Math.round(n * 1e6) / 1e6;
  return `translate(${r(l.offsetX)}px, ${r(l.offsetY)}px) scale(${r(l.scaleX)}, ${r(l.scaleY)})`;
}

// ── coordinates ──

/** Anything with a bounding rect and (optionally) an unscaled layout size: an HTMLElement, a canvas, an SVG element. */
export interface LocalTarget {
  getBoundingClientRect(): RectLike;
  /** Layout (untransformed) size: HTMLElement.offsetWidth/offsetHeight. */
  offsetWidth?: number;
  offsetHeight?: number;
  /** Fallback for elements without offset sizes (SVG): clientWidth/clientHeight. */
  clientWidth?: number;
  clientHeight?: number;
}

/**
 * Converts a client (viewport) position, e.g. `PointerEvent.clientX/Y`, to the element's own unscaled CSS
 * pixels, measured from its border-box top-left. `getBoundingClientRect()` includes every ancestor transform
 * (the screen's scale), while `offsetWidth` is the untransformed layout width, so their ratio undoes the
 * scaling. Canvas and WebGL elements inside `<civic-screen>` use this for hit-testing instead of
 * `offsetX` / `layerX` (which mix scaled and unscaled pixels). Rotations are not supported.
 *
 * Returns the point unchanged relative to the rect when the element has no size.
 */
export function clientToLocal(el: LocalTarget, clientX: number, clientY: number): Point {
  const rect = el.getBoundingClientRect();
  const lw = layoutSize(el.offsetWidth, el.clientWidth, rect.width);
  const lh = layoutSize(el.offsetHeight, el.clientHeight, rect.height);
  const kx = rect.width > 0 ? lw / rect.width : 1;
  const ky = rect.height > 0 ? lh / rect.height : 1;
  return { x: (clientX - rect.left) * kx, y: (clientY - rect.top) * ky };
}

function layoutSize(offset: number | undefined, client: number | undefined, fallback: number): number {
  if (positive(offset as number)) return offset as number;
  if (positive(client as number)) return client as number;
  return fallback;
}

/** The inverse of `clientToLocal` for a known layout: a design point to client pixels (stage rect in client pixels). */
export function designToClient(stageRect: RectLike, layout: Pick<ScreenLayout, 'scaleX' | 'scaleY'>, p: Point): Point {
  return { x: stageRect.left + p.x * layout.scaleX, y: stageRect.top + p.y * layout.scaleY };
}

/** A client rect (e.g. a descendant's bounding rect) in the stage's design pixels. */
export function rectToDesign(rect: RectLike, stageRect: RectLike, scaleX: number, scaleY: number): RectLike {
  const kx = positive(scaleX) ? scaleX : 1;
  const ky = positive(scaleY) ? scaleY : 1;
  return { left: (rect.left - stageRect.left) / kx, top: (rect.top - stageRect.top) / ky, width: rect.width / kx, height: rect.height / ky };
}

// ── auto-tour ──

/** Per-element cursor state of the round-robin tour. */
export interface TourState {
  /** Index of the element highlighted last (-1 before the first step). */
  element: number;
  /** For each element, how many of its ids were shown so far. */
  cursors: number[];
}

export interface TourStep {
  state: TourState;
  /** Element to highlight. */
  element: number;
  /** Index into that element's ids; -1 when the element has none (the screen only rings the element). */
  index: number;
}

export const TOUR_START: TourState = { element: -1, cursors: [] };

/** The next index in a cyclic list of `length` items after `current` (-1 → 0); -1 for an empty list. */
export function nextIndex(length: number, current: number): number {
  if (!(length > 0)) return -1;
  if (!(current >= 0) || !Number.isFinite(current)) return 0;
  return (Math.floor(current) + 1) % length;
}

/**
 * Round-robin over elements, and within each element over its own ids: step 1 shows the first id of
 * element 0, step 2 the first id of element 1, …, then the second id of element 0, and so on. So a wall
 * cycles "a grid, a chain member, a KPI, a period" instead of walking all 410 grids first. `counts[i]` is how
 * many ids element i offers (0: the element is ringed as a whole). Lists may change length between steps
 * (data reloaded, element added): cursors wrap. Returns undefined when there are no elements.
 */
export function nextTourStep(counts: readonly number[], state: TourState = TOUR_START): TourStep | undefined {
  const n = counts.length;
  if (n === 0) return undefined;
  const element = nextIndex(n, state.element >= n ? -1 : state.element);
  const cursors = counts.map((_, i) => state.cursors[i] ?? 0);
  const count = Math.max(0, Math.floor(counts[element] || 0));
  const index = count > 0 ? cursors[element] % count : -1;
  cursors[element] = count > 0 ? (cursors[element] % count) + 1 : 0;
  return { state: { element, cursors }, element, index };
}

/** Parses a `tour-ids` attribute: ids separated by commas, spaces or newlines; empty entries dropped. */
export function parseTourIds(value: string | null | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[\s,，]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** True while the tour waits after someone interacted: `now` is within `resumeMs` of the last interaction. */
export function isTourPaused(now: number, lastInteraction: number | undefined, resumeMs: number): boolean {
  if (lastInteraction === undefined || !Number.isFinite(lastInteraction)) return false;
  return now - lastInteraction < Math.max(0, resumeMs);
}

/** Milliseconds until the tour may step again (0 when not paused). */
export function tourResumeIn(now: number, lastInteraction: number | undefined, resumeMs: number): number {
  return isTourPaused(now, lastInteraction, resumeMs) ? Math.max(0, resumeMs - (now - (lastInteraction as number))) : 0;
}

/** Seconds attribute → milliseconds; negative, NaN and non-numbers give 0 (off). Values under 1 s are raised to 1 s. */
export function secondsToMs(s: unknown): number {
  const n = typeof s === 'number' ? s : Number(s);
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.max(1000, Math.round(n * 1000));
}

// ── clock ──

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** True when `Intl` knows the IANA zone. */
export function isValidTimeZone(tz: string | null | undefined): boolean {
  if (!tz) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The zone to use: `tz` when valid, else Asia/Shanghai. */
export function resolveTimeZone(tz: string | null | undefined): string {
  return isValidTimeZone(tz) ? (tz as string) : DEFAULT_TIME_ZONE;
}

export interface ClockText {
  /** `2026-11-27` (ISO order in both languages). */
  date: string;
  /** `星期五` / `Friday`. */
  weekday: string;
  /** `05:30:13` (24-hour; midnight is 00, not 24). */
  time: string;
  /** Minute-level sentence for screen readers: `2026年11月27日星期五 05:30` / `Friday, November 27, 2026 at 05:30`. */
  spoken: string;
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();
function dtf(lang: Lang, tz: string, kind: 'parts' | 'spoken'): Intl.DateTimeFormat {
  const key = `${lang}|${tz}|${kind}`;
  let f = clockFormats.get(key);
  if (!f) {
    f =
      kind === 'parts'
        ? new Intl.DateTimeFormat('en-GB', {
            timeZone: tz,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit',
            hourCycle: 'h23',
          })
        : new Intl.DateTimeFormat(lang, {
            timeZone: tz,
            year: 'numeric',
            month: 'long',
            day: 'numeric',
            weekday: 'long',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          });
    clockFormats.set(key, f);
  }
  return f;
}

/** The clock's text in a time zone (invalid zones fall back to Asia/Shanghai). */
export function formatClock(date: Date, lang: Lang, timeZone: string = DEFAULT_TIME_ZONE): ClockText {
  const tz = resolveTimeZone(timeZone);
  const parts: Record<string, string> = {};
  for (const p of dtf(lang, tz, 'parts').formatToParts(date)) parts[p.type] = p.value;
  const hour = parts.hour === '24' ? '00' : parts.hour;
  const weekday = new Intl.DateTimeFormat(lang, { timeZone: tz, weekday: 'long' }).format(date);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday,
    time: `${hour}:${parts.minute}:${parts.second}`,
    spoken: dtf(lang, tz, 'spoken').format(date),
  };
}

/** Milliseconds until the next whole second, so the clock ticks on the second (1..1000). */
export function msToNextSecond(now: number): number {
  const r = now % 1000;
  return r === 0 ? 1000 : 1000 - r;
}
