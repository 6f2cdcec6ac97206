/**
 * Where a tooltip goes on its element's stage, and what shape it takes to show whole there (pure: no DOM; the
 * measuring and applying is tooltip-confine.ts). Used by the grid map and the chain graph, whose tooltips open at a
 * point (pointer, keyboard cursor, tour highlight) on a stage that clips (overflow: hidden).
 *
 * As ECharts' `confine` and Grafana's tooltips do: the tooltip goes below-right of the point; it flips above / to the
 * left when it would leave the stage on that side; when neither side has room it takes the side with more room and is
 * clamped inside the stage. A tooltip taller than the stage first gets wider (its long lines wrap less), then is laid
 * out in columns, so that it still shows whole (a 170 px stage on the demo wall with a 184 px, seven-line tooltip).
 *
 * All lengths are the stage's own CSS px (layout px: a transform around the element, such as <civic-screen>'s
 * scale, does not change them).
 */

export interface Size {
  w: number;
  h: number;
}

/** The tooltip's shape: its width limit (px) or exact width, and its number of columns. */
export interface TipShape {
  columns: number;
  /** An exact border-box width (columns); else the tooltip's own width up to `maxWidth`. */
  width?: number;
  /** A wider limit than the tooltip's stylesheet gives (a tall tooltip wraps less), or a narrower one (a narrow stage). */
  maxWidth?: number;
}

/** Distance from the point to the tooltip's corner. */
export const TIP_GAP = 12;
/** Room kept between the tooltip and the stage's edges. */
export const TIP_MARGIN = 4;
/** Gap between columns (the CSS `column-gap` the tooltip's styles set). */
export const TIP_COLUMN_GAP = 16;
/** A column narrower than this reads worse than a cut tooltip: no more columns. */
export const TIP_MIN_COLUMN = 112;

/**
 * One axis: the tooltip's start for a point at `at` on a stage `size` long. After the point (`at + gap`) when it fits
 * before the far edge, else before it (`at - gap - len`) when that fits, else on the side with more room; then
 * clamped to [margin, size - margin - len], at `margin` when the tooltip is longer than the room.
 */
export function placeAxis(at: number, len: number, size: number, gap = TIP_GAP, margin = TIP_MARGIN): number {
  const after = at + gap;
  const before = at - gap - len;
  const p = after + len <= size - margin ? after : before >= margin ? before : size - at >= at ? after : before;
  return Math.max(margin, Math.min(p, size - margin - len));
}

/** The tooltip's top-left corner for point (x, y), its size and the stage's size. */
export function placeTooltip(x: number, y: number, tip: Size, stage: Size, gap = TIP_GAP, margin = TIP_MARGIN): { left: number; top: number } {
  return { left: placeAxis(x, tip.w, stage.w, gap, margin), top: placeAxis(y, tip.h, stage.h, gap, margin) };
}

/** The room a tooltip has on a stage: the stage less its margins. */
export function tipRoom(stage: Size, margin = TIP_MARGIN): Size {
  return { w: Math.max(0, stage.w - 2 * margin), h: Math.max(0, stage.h - 2 * margin) };
}

/**
 * The next shape to try, given the shape just measured and its size, or null when it shows whole (or nothing better is
 * left: the last shape tried stays, clamped at the top). `natural` is the size of the first shape (the stylesheet's).
 * The order: the stylesheet's shape; as wide as the room (fewer wrapped lines; narrower when the stage is narrower
 * than the tooltip); then 2, 3, … columns of the natural width (all the room when they need more), while a column
 * stays at least TIP_MIN_COLUMN wide.
 */
export function nextShape(tried: TipShape, measured: Size, natural: Size, room: Size, columnGap = TIP_COLUMN_GAP, minColumn = TIP_MIN_COLUMN): TipShape | null {
  if (measured.h <= room.h && measured.w <= room.w) return null;
  if (tried.columns === 1 && tried.maxWidth === undefined) return { columns: 1, maxWidth: room.w };
  if (measured.h <= room.h) return null;
  const columns = tried.columns + 1;
  const width = Math.min(room.w, columns * natural.w + (columns - 1) * columnGap);
  if ((width - (columns - 1) * columnGap) / columns < minColumn) return null;
  return { columns, width };
}
