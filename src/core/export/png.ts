/**
 * PNG export helpers shared by the elements' `toPNG()` methods and their export buttons.
 *
 * Elements draw their own picture on a 2D canvas (from their model, with colours and fonts read from computed
 * style): no `<foreignObject>` (taints the canvas, breaks under CSP), no html2canvas, and no `blob:`/`data:`
 * images, so export works under `default-src 'self'` (which also governs `img-src`).
 *
 * The pure helpers (file names, pixel ratio, text wrapping and truncation) run in Node and are unit-tested;
 * the canvas ones need a browser.
 */
// Type only: the event is made by the caller (lazy.ts, first load). A module this lazy chunk imports that the first load
// imports too is split into a chunk of its own by users' bundlers, which costs the first load bytes (issue 16).
import type { CivicExportDetail } from '../events/export-event.js';

/** Options of every element's `toPNG()`. */
export interface PngOptions {
  /** Device pixels per CSS pixel of the picture; default: the element's own pixel ratio, at least 2. Clamped to 0.5–4 and to the canvas size limit. */
  pixelRatio?: number;
  /** CSS colour under the picture, e.g. `#fff` or `transparent`; default: the element's surface colour. */
  background?: string;
}

/** A box in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Largest side and area of an export canvas (Chromium's limits are 32,767 px and ~268 M px; stay well under). */
export const MAX_CANVAS_SIDE = 16384;
export const MAX_CANVAS_AREA = 64 * 1024 * 1024;

// ── pure helpers ──

export { sanitizeFilename } from './filename.js';
import { sanitizeFilename } from './filename.js';

/**
 * Device pixels per CSS pixel for an export of `width`×`height` CSS px: the requested ratio (else
 * `max(2, fallback)`), clamped to 0.5–4, then lowered until the canvas fits MAX_CANVAS_SIDE and MAX_CANVAS_AREA.
 */
export function resolvePixelRatio(requested: number | undefined, fallback: number, width: number, height: number): number {
  let r = typeof requested === 'number' && Number.isFinite(requested) && requested > 0 ? requested : Math.max(2, Number.isFinite(fallback) ? fallback : 1);
  r = Math.min(4, Math.max(0.5, r));
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  r = Math.min(r, MAX_CANVAS_SIDE / w, MAX_CANVAS_SIDE / h, Math.sqrt(MAX_CANVAS_AREA / (w * h)));
  return r;
}

/** `text` cut to fit `maxWidth` (by `measure`), with `…` when cut. */
export function truncateText(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  // Longest prefix whose text + ellipsis fits (binary search on the character count).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('') + '…') <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : chars.slice(0, lo).join('').trimEnd() + '…';
}

/**
 * Breaks `text` into lines no wider than `maxWidth`: at spaces where there are any, else between any two
 * characters (CJK has no spaces); at most `maxLines`, the last one truncated with `…`.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  const words = text.split(/(\s+)/).filter((w) => w !== '');
  let line = '';
  const push = (l: string) => lines.push(l.trim());
  for (const word of words) {
    const candidate = line + word;
    if (measure(candidate.trim()) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line.trim()) push(line);
    line = '';
    if (/^\s+$/.test(word)) continue;
    // A word wider than the line: break between characters.
    let part = '';
    for (const ch of Array.from(word)) {
      if (part && measure(part + ch) > maxWidth) {
        push(part);
        part = '';
      }
      part += ch;
    }
    line = part;
  }
  if (line.trim()) push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncateText(kept[maxLines - 1] + '…', maxWidth, measure);
    return kept;
  }
  return lines;
}

/** True for colours that paint nothing (`transparent`, `rgba(…, 0)`, empty). */
export function isTransparent(color: string | null | undefined): boolean {
  const c = (color ?? '').trim().toLowerCase();
  if (!c || c === 'transparent' || c === 'none') return true;
  const m = /^rgba?\(([^)]*)\)$/.exec(c);
  if (!m) return false;
  const parts = m[1].split(/[\s,/]+/).filter(Boolean);
  return parts.length === 4 && parseFloat(parts[3]) === 0;
}

// ── browser helpers ──

/** A canvas of `width`×`height` CSS px at `ratio`, its context scaled so drawing is in CSS px, filled with `background`. */
export function createExportCanvas(width: number, height: number, ratio: number, background?: string): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  if (background && !isTransparent(background)) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, width, height);
  }
  return { canvas, ctx };
}

/** The canvas as an image/png Blob; rejects when encoding fails. */
export function canvasToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b && b.size > 0 ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/**
 * The element's layout size in CSS px (offsetWidth/Height: unaffected by an ancestor's transform, such as
 * `<civic-screen>`'s scaling) and the factor between on-screen and layout pixels.
 */
export function layoutSize(el: HTMLElement): { width: number; height: number; scale: number } {
  const r = el.getBoundingClientRect();
  const width = el.offsetWidth || r.width;
  const height = el.offsetHeight || r.height;
  const scale = width > 0 && r.width > 0 ? r.width / width : 1;
  return { width, height, scale };
}

/** `el`'s box relative to `origin`, in `origin`'s layout pixels (see layoutSize), or undefined when not rendered. */
export function boxIn(el: Element | null | undefined, origin: HTMLElement, scale = layoutSize(origin).scale): Box | undefined {
  if (!el) return undefined;
  const r = el.getBoundingClientRect();
  if (r.width <= 0 && r.height <= 0) return undefined;
  const o = origin.getBoundingClientRect();
  const s = scale || 1;
  return { x: (r.left - o.left) / s, y: (r.top - o.top) / s, width: r.width / s, height: r.height / s };
}

/** Canvas font shorthand from computed style (`font-style weight size family`). */
export function cssFont(cs: CSSStyleDeclaration, sizePx?: number): string {
  const size = sizePx ?? (parseFloat(cs.fontSize) || 16);
  return `${cs.fontStyle || 'normal'} ${cs.fontWeight || '400'} ${size}px ${cs.fontFamily || 'sans-serif'}`;
}

/** Text style read from an element: font, colour, line height. */
export interface TextStyle {
  font: string;
  color: string;
  size: number;
  lineHeight: number;
}

export function textStyleOf(el: Element, overrides: Partial<TextStyle> = {}): TextStyle {
  const cs = getComputedStyle(el);
  const size = parseFloat(cs.fontSize) || 16;
  const lh = parseFloat(cs.lineHeight);
  return { font: cssFont(cs, size), color: cs.color || '#000', size, lineHeight: Number.isFinite(lh) ? lh : size * 1.4, ...overrides };
}

/**
 * Draws `text` in `box` (top-left origin), wrapped to its width (or cut with `…` when `wrap` is false),
 * vertically centred when it takes one line. Returns the height used.
 */
export function drawTextBox(ctx: CanvasRenderingContext2D, text: string, box: Box, style: TextStyle, o: { wrap?: boolean; align?: 'start' | 'end' | 'center'; maxLines?: number } = {}): number {
  if (!text) return 0;
  ctx.save();
  ctx.font = style.font;
  ctx.fillStyle = style.color;
  ctx.textBaseline = 'middle';
  const measure = (s: string) => ctx.measureText(s).width;
  // Canvas text and DOM text differ slightly (kerning, font fallback, sub-pixel layout): text that fits in the
  // DOM must fit here, so allow a few percent more than the box.
  const width = Math.max(1, box.width * 1.05 + 1);
  const lines = o.wrap === false ? [truncateText(text, width, measure)] : wrapText(text, width, measure, o.maxLines ?? Math.max(1, Math.round(box.height / style.lineHeight)));
  const lh = style.lineHeight;
  const top = lines.length === 1 ? box.y + box.height / 2 : box.y + lh / 2;
  lines.forEach((line, i) => {
    const w = measure(line);
    const x = o.align === 'end' ? box.x + box.width - w : o.align === 'center' ? box.x + (box.width - w) / 2 : box.x;
    ctx.fillText(line, x, top + i * lh);
  });
  ctx.restore();
  return lines.length * lh;
}

/** A rectangle with rounded corners as a path (no `roundRect`: Chrome 90). */
export function roundRectPath(ctx: CanvasRenderingContext2D, b: Box, radius: number): void {
  const r = Math.max(0, Math.min(radius, b.width / 2, b.height / 2));
  ctx.beginPath();
  ctx.moveTo(b.x + r, b.y);
  ctx.lineTo(b.x + b.width - r, b.y);
  ctx.arcTo(b.x + b.width, b.y, b.x + b.width, b.y + r, r);
  ctx.lineTo(b.x + b.width, b.y + b.height - r);
  ctx.arcTo(b.x + b.width, b.y + b.height, b.x + b.width - r, b.y + b.height, r);
  ctx.lineTo(b.x + r, b.y + b.height);
  ctx.arcTo(b.x, b.y + b.height, b.x, b.y + b.height - r, r);
  ctx.lineTo(b.x, b.y + r);
  ctx.arcTo(b.x, b.y, b.x + r, b.y, r);
  ctx.closePath();
}

/**
 * Draws an element's box decoration as the page shows it: background colour, a uniform border (solid or
 * dashed) and the corner radius, read from computed style.
 */
export function drawBoxOf(ctx: CanvasRenderingContext2D, el: Element, box: Box): void {
  const cs = getComputedStyle(el);
  const radius = parseFloat(cs.borderTopLeftRadius) || 0;
  const bw = parseFloat(cs.borderTopWidth) || 0;
  ctx.save();
  if (!isTransparent(cs.backgroundColor)) {
    roundRectPath(ctx, box, radius);
    ctx.fillStyle = cs.backgroundColor;
    ctx.fill();
  }
  if (bw > 0 && cs.borderTopStyle !== 'none' && !isTransparent(cs.borderTopColor)) {
    roundRectPath(ctx, { x: box.x + bw / 2, y: box.y + bw / 2, width: box.width - bw, height: box.height - bw }, Math.max(0, radius - bw / 2));
    ctx.lineWidth = bw;
    ctx.strokeStyle = cs.borderTopColor;
    if (cs.borderTopStyle === 'dashed') ctx.setLineDash([3 * bw, 2 * bw]);
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * Diagonal lines over a box: a legend swatch the page hatches with a CSS gradient (which a canvas cannot read), so
 * that "no data" / "illustrative" is not a colour alone in the file either.
 */
export function drawHatch(ctx: CanvasRenderingContext2D, b: Box, color: string, o: { lineWidth?: number; gap?: number } = {}): void {
  const gap = o.gap ?? 4;
  ctx.save();
  ctx.beginPath();
  ctx.rect(b.x, b.y, b.width, b.height);
  ctx.clip();
  ctx.beginPath();
  ctx.strokeStyle = color;
  ctx.lineWidth = o.lineWidth ?? 1;
  for (let k = -b.height; k < b.width; k += gap) {
    ctx.moveTo(b.x + k, b.y + b.height);
    ctx.lineTo(b.x + k + b.height, b.y);
  }
  ctx.stroke();
  ctx.restore();
}

/** Draws the 示例数据 / "Illustrative data" badge (part `illustrative`) at its place: dashed box and its text. */
export function drawBadge(ctx: CanvasRenderingContext2D, el: Element | null | undefined, origin: HTMLElement, scale?: number): void {
  const b = boxIn(el, origin, scale);
  if (!el || !b) return;
  drawBoxOf(ctx, el, b);
  const cs = getComputedStyle(el);
  const padL = parseFloat(cs.paddingLeft) || 0;
  const padR = parseFloat(cs.paddingRight) || 0;
  drawTextBox(ctx, (el.textContent ?? '').trim(), { x: b.x + padL, y: b.y, width: b.width - padL - padR, height: b.height }, textStyleOf(el), { wrap: false });
}

/** Draws one text part (its text content, or `text`) at its place, with its font and colour. */
export function drawTextPart(ctx: CanvasRenderingContext2D, el: Element | null | undefined, origin: HTMLElement, o: { text?: string; wrap?: boolean; align?: 'start' | 'end' | 'center'; scale?: number } = {}): void {
  const b = boxIn(el, origin, o.scale);
  if (!el || !b) return;
  const cs = getComputedStyle(el);
  const padL = parseFloat(cs.paddingLeft) || 0;
  const padR = parseFloat(cs.paddingRight) || 0;
  const text = (o.text ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
  drawTextBox(ctx, text, { x: b.x + padL, y: b.y, width: b.width - padL - padR, height: b.height }, textStyleOf(el), { wrap: o.wrap, align: o.align });
}

/**
 * Draws every visible text node inside `el` (not inside SVG) where the page shows it, with its parent's font
 * and colour: for mixed content such as a legend button (swatch + words) where a part's own box would overlap.
 */
export function drawTextNodes(ctx: CanvasRenderingContext2D, el: Element, origin: HTMLElement, scale = layoutSize(origin).scale): void {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
    const parent = n.parentElement;
    if (!text || !parent || parent.closest('svg')) continue;
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) continue;
    const o = origin.getBoundingClientRect();
    const s = scale || 1;
    drawTextBox(ctx, text, { x: (r.left - o.left) / s, y: (r.top - o.top) / s, width: r.width / s, height: r.height / s }, textStyleOf(parent), { wrap: true });
  }
  range.detach();
}

/** Triggers a browser download of `blob` as `filename` (revokes the object URL afterwards). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
}

/** What an export button needs from its element. */
export interface PngExporter extends HTMLElement {
  toPNG(options?: PngOptions): Promise<Blob>;
}

/**
 * The export button's action: makes the PNG, fires the cancelable `civic-export` on `host`, then downloads
 * `<fileName or tag>.png` unless a listener cancelled. Never throws or rejects: a failure goes to `warn`
 * (the element's `this.warn()`), and the promise resolves to false. `exportEvent` makes the `civic-export` event
 * (a `CivicExportEvent`).
 */
export async function exportPng(host: PngExporter, fileName: string | undefined, warn: (message: string) => void, exportEvent: (detail: CivicExportDetail) => Event): Promise<boolean> {
  let blob: Blob;
  try {
    blob = await host.toPNG();
  } catch (e) {
    warn(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  const filename = sanitizeFilename(fileName || host.localName, 'png', host.localName);
  const ev = exportEvent({ format: 'png', blob, filename });
  try {
    host.dispatchEvent(ev);
    if (!ev.defaultPrevented) downloadBlob(blob, filename);
  } catch (e) {
    warn(`PNG download failed: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  return true;
}
