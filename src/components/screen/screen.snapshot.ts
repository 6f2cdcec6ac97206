/**
 * `<civic-screen>`'s `snapshot()` drawing, loaded with the first snapshot or export-button click (issue 16: a wall
 * that never exports does not carry it). It imports the SVG painter directly, not through core/export/lazy.ts, and
 * takes the design-size mapping from the element (a module of the screen's first load reached from this chunk too
 * would be split into a chunk of its own in users' bundles).
 */
import { drawSvgElement } from '../../core/export/draw-svg.js';
import type { RectLike } from './screen.types.js';

/** What a descendant may offer the snapshot: its own PNG, or a synchronous canvas of its drawing area. */
interface Paintable extends Element {
  toPNG?: (options?: { pixelRatio?: number }) => Promise<Blob>;
  snapshot?: () => unknown;
}

/** What the drawing needs from the screen. */
export interface SnapshotSource {
  /** The design size (the PNG's size in pixels). */
  design: { width: number; height: number };
  /** The screen's shadow root (title bar parts). */
  root: ParentNode;
  /** A client rect mapped to design pixels inside the stage, or undefined when the stage is not laid out. */
  toDesign(r: DOMRect): RectLike | undefined;
  stageBackground: string;
  headerBackground: string;
  /** The title's text (the heading slot's or the attribute's). */
  heading: string;
  warn(message: string): void;
}

/** Paints `screen`'s wall into a PNG at design size (see `CivicScreen.snapshot()`). */
export async function paintSnapshot(screen: Element, o: SnapshotSource): Promise<Blob> {
  const design = o.design;
  const canvas = document.createElement('canvas');
  canvas.width = design.width;
  canvas.height = design.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('civic-screen: no 2D context for the snapshot');
  ctx.fillStyle = o.stageBackground;
  ctx.fillRect(0, 0, design.width, design.height);
  const place = (el: Element): RectLike | undefined => {
    const r = el.getBoundingClientRect();
    return r.width < 1 || r.height < 1 ? undefined : o.toDesign(r);
  };
  const failures: string[] = [];
  // Title bar: background and texts (HTML is not drawn otherwise).
  const header = o.root.querySelector('[part~="header"]');
  const hr = header ? place(header) : undefined;
  if (header && hr) {
    ctx.fillStyle = o.headerBackground;
    ctx.fillRect(hr.left, hr.top, hr.width, hr.height);
    for (const part of ['heading', 'region', 'data-time', 'clock', 'fullscreen']) {
      const node = o.root.querySelector(`[part~="${part}"]`);
      const r = node ? place(node) : undefined;
      if (!node || !r || part === 'fullscreen') continue;
      drawText(ctx, node as HTMLElement, part === 'heading' ? o.heading : visibleText(node), r);
    }
  }
  // Paint operations in document order; elements' own PNGs arrive asynchronously, so paint once all are in.
  type Op = Promise<(() => void) | undefined>;
  const later = (ops: Op[], name: string, paint: () => void) =>
    ops.push(
      Promise.resolve(() => {
        try {
          paint();
        } catch {
          failures.push(name);
        }
      }),
    );
  const visit = (root: Element | ShadowRoot, ops: Op[], host?: Paintable): void => {
    for (const child of Array.from(root.children)) {
      const el = child as Paintable;
      if (el.localName === 'script' || el.localName === 'style' || el.localName === 'template') continue;
      // An element's own composed picture of its drawing area (civic-grid-map: surface + labels, WebGL included).
      if (host && typeof host.snapshot === 'function' && el.matches('[part~="canvas"]')) {
        const r = place(el);
        try {
          const pic = host.snapshot();
          if (r && pic instanceof HTMLCanvasElement && pic.width > 0 && pic.height > 0) {
            later(ops, host.localName, () => ctx.drawImage(pic, r.left, r.top, r.width, r.height));
            continue;
          }
        } catch {
          failures.push(host.localName);
        }
      }
      if (typeof el.toPNG === 'function' && el !== screen) {
        const r = place(el);
        if (r) ops.push(fromPng(el, r));
        continue;
      }
      if (el instanceof HTMLCanvasElement) {
        const r = place(el);
        if (r && el.width > 0 && el.height > 0) later(ops, 'canvas', () => ctx.drawImage(el, r.left, r.top, r.width, r.height));
        continue;
      }
      if (el instanceof SVGSVGElement) {
        const r = place(el);
        if (r) later(ops, 'svg', () => drawSvgElement(ctx, el, { x: r.left, y: r.top, width: r.width, height: r.height }));
        continue;
      }
      visitInside(el, ops, host);
    }
  };
  const visitInside = (el: Paintable, ops: Op[], host?: Paintable): void => {
    visit(el, ops, host);
    if (el.shadowRoot) visit(el.shadowRoot, ops, el.localName.startsWith('civic-') ? el : undefined);
  };
  const fromPng = async (el: Paintable, r: RectLike): Promise<() => void> => {
    try {
      // Layout size = design size inside the stage: ratio 1 gives design pixels. createImageBitmap decodes in
      // memory (no fetch, so no img-src), unlike an <img> with a blob: URL.
      const bitmap = await createImageBitmap(await el.toPNG!({ pixelRatio: 1 }));
      return () => {
        ctx.drawImage(bitmap, r.left, r.top, r.width, r.height);
        bitmap.close();
      };
    } catch {
      // No picture from the element (e.g. nothing drawn yet, or a renderer it cannot export): paint what is inside.
      const sub: Op[] = [];
      visitInside(el, sub);
      const paints = await Promise.all(sub);
      return () => paints.forEach((p) => p?.());
    }
  };
  const ops: Op[] = [];
  visit(screen, ops);
  for (const op of await Promise.all(ops)) op?.();
  if (failures.length) o.warn(`snapshot skipped ${failures.length} part(s): ${Array.from(new Set(failures)).join(', ')}`);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('civic-screen: PNG encoding failed'))), 'image/png'),
  );
}

/** Text of a header part, its child elements joined by spaces (flex gaps have no text), buttons left out. */
function visibleText(node: Element): string {
  const kids = Array.from(node.children).filter((c) => c.localName !== 'button');
  const text = kids.length ? kids.map((c) => c.textContent ?? '').join(' ') : (node.textContent ?? '');
  return text.replace(/\s+/g, ' ').trim();
}

function drawText(ctx: CanvasRenderingContext2D, node: HTMLElement, text: string, r: RectLike): void {
  if (!text) return;
  const cs = getComputedStyle(node);
  const px = parseFloat(cs.fontSize) || 16; // computed font size is in layout (design) pixels
  ctx.save();
  ctx.fillStyle = cs.color || '#fff';
  ctx.font = `${cs.fontWeight || 'normal'} ${px}px ${cs.fontFamily || 'sans-serif'}`;
  ctx.textBaseline = 'middle';
  // A title wrapped in the bar (it is never cut there) is drawn in as many lines, each in the box's width.
  const lines = wrapLines(ctx, text, r.width);
  lines.forEach((line, i) => ctx.fillText(line, r.left, r.top + ((i + 0.5) * r.height) / lines.length, Math.max(1, r.width)));
  ctx.restore();
}

/**
 * `text` in lines no wider than `width` (the canvas's font): breaks after spaces and hyphens, or between CJK
 * characters, as the bar does ('Party-building-led' wraps at its hyphens there); a word wider than a line on its own
 * is broken between letters rather than squeezed.
 */
function wrapLines(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  if (ctx.measureText(text).width <= width + 0.5) return [text];
  const lines: string[] = [];
  let line = '';
  const words = text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef-]+-*\s*|-+\s*|\s+/g) ?? [text];
  const fits = (t: string) => ctx.measureText(t.trimEnd()).width <= width + 0.5;
  const pieces = words.flatMap((w) => (fits(w) ? [w] : [...w]));
  for (const piece of pieces) {
    if (line.trim() && ctx.measureText((line + piece).trimEnd()).width > width + 0.5) {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    } else line += piece;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
