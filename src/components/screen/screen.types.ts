/** How `<civic-screen>` maps its design size onto the space it has. */
export const SCALE_MODES = ['fit', 'fill', 'width'] as const;
/**
 * - `fit`: uniform scale so the whole design is visible, centred, with letterbox bars;
 * - `fill`: stretch, separate x and y scales, no bars (text distorts when the aspect differs);
 * - `width`: uniform scale to the available width; the page scrolls vertically when the design is taller.
 */
export type ScaleMode = (typeof SCALE_MODES)[number];

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface RectLike {
  left: number;
  top: number;
  width: number;
  height: number;
}
