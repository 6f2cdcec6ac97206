/**
 * Fit-to-width of <civic-kpi-tile>'s figure: the font size at which the value line (qualifier, figure, scale word,
 * unit) fits the tile, measured without forcing a layout (issue 16: 200 tiles updating together cost no synchronous
 * reflow). Text is measured on a shared canvas in fonts read from the empty `.measure` spans, which carry the fonts of
 * the figure and of the unit at the unfitted size; the width comes from the ResizeObserver. The batching of many
 * tiles' measurements and writes into one frame is fit-scheduler.ts.
 */
import { NO_VALUE, type AmountParts } from '../../core/format/number.js';
import { figureShape, fitFontSize } from './kpi-tile.model.js';

/** The canvas font of an element's computed style. */
const font = (s: CSSStyleDeclaration): string => `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;

let measureCtx: CanvasRenderingContext2D | null | undefined;
/** Width of `text` in CSS px in the given CSS font, measured on a shared canvas (no layout). */
function textWidth(text: string, font: string): number {
  if (!text) return 0;
  if (measureCtx === undefined) measureCtx = document.createElement('canvas').getContext('2d');
  if (!measureCtx) return 0;
  measureCtx.font = font;
  return measureCtx.measureText(text).width;
}

/** What a tile's fit needs to know besides its shadow root. */
export interface FitInput {
  /** The final figure. */
  value: AmountParts;
  /** The tile's width in CSS px (read only when the tile's parts are there). */
  width: () => number;
  /** The legibility floor of the unit and qualifier, in CSS px. */
  unitMin: number;
  /** What else the fonts and padding depend on: density, theme, language. */
  env: string;
  en: boolean;
}

/** One tile's fit, with what it last measured. */
export class TileFit {
  /** The shape last fitted (a figure of the same shape in the same size, theme and language fits the same). */
  private shape = '';
  /** The fit's style reads (fonts, padding) and what they depend on: a new figure shape re-measures text only. */
  private style?: { key: string; available: number; numFont: string; unitFont: string; us0: number; baseSize: number };

  /** Forgets what was measured (a web font arrived: the text widths changed). */
  reset(): void {
    this.shape = '';
    this.style = undefined;
  }

  /** The write that applies the fit (on the stable base, as `--_fit` and `--_unit-min`), or undefined when nothing changes. */
  measure(root: ShadowRoot, o: FitInput): (() => void) | undefined {
    const base = root.querySelector<HTMLElement>('[part~="base"]');
    const numEl = root.querySelector<HTMLElement>('.measure .n');
    const unitEl = root.querySelector<HTMLElement>('.measure .u');
    // The measuring spans come with the value line (one template): without them there is no figure to fit.
    if (!base || !numEl || !unitEl) return undefined;
    // The ResizeObserver's width costs no layout; before it has reported (first render) read it once.
    const width = o.width();
    if (!(width > 0)) return undefined;
    // Tabular figures: the width depends on the text's shape, not on which digits it has. Same shape, same
    // width, same theme/density/language → the last fit still holds; skip the style reads.
    const p = o.value;
    // The unit and qualifier never go under the legibility floor (in CSS px: the floor ÷ the big screen's scale).
    const unitMin = o.unitMin;
    const env = `${width}|${unitMin}|${o.env}`;
    const shape = `${env}|${figureShape(p, o.en)}`;
    if (shape === this.shape) return undefined;
    this.shape = shape;
    // The fonts and padding depend on the same things as the shape's first part, not on the figure: read once per
    // size, theme, density and language. Reading them is a forced style recalculation of every tile updated in the
    // frame so far (issue 16: about a third of a wall's update script); a figure of a new shape measures text only.
    if (this.style?.key !== env) {
      const bs = getComputedStyle(base);
      const ns = getComputedStyle(numEl);
      const us = getComputedStyle(unitEl);
      this.style = {
        key: env,
        available: width - parseFloat(bs.paddingLeft) - parseFloat(bs.paddingRight) - parseFloat(bs.borderLeftWidth) - parseFloat(bs.borderRightWidth),
        numFont: font(ns),
        unitFont: font(us),
        us0: parseFloat(us.fontSize),
        baseSize: parseFloat(ns.fontSize),
      };
    }
    const { available, numFont, unitFont, us0, baseSize } = this.style;
    const en = o.en;
    const unitText = p.text !== NO_VALUE && p.unit ? (en ? ' ' : '') + p.unit : '';
    // Widths per px of font size: the figure scales with the fit, the qualifiers and unit with it down to the floor.
    const qualW = (textWidth(p.prefix + (en && p.prefix ? ' ' : ''), unitFont) + textWidth(p.postfix, unitFont)) / (us0 || 1);
    const unitW = unitText ? (textWidth(unitText, unitFont) + 0.15 * us0) / (us0 || 1) : 0;
    const numW = textWidth(p.number + p.suffix, numFont) / (baseSize || 1);
    const ratio = baseSize > 0 ? us0 / baseSize : 0.42;
    // 4 % slack: canvas text lacks tabular figures and kerning differs slightly from the DOM. The floored qualifiers
    // and unit do not shrink with the figure below the floor.
    const widthAt = (w: number) => (v: number) => (numW * v + w * Math.max(ratio * v, unitMin)) * 1.04;
    // The figure gives way down to the floor. When the line does not fit even then, the unit goes on a second line of
    // the value box (whose height is the unfitted line's), the figure as large as the two lines let it be; what still
    // does not fit ends in "…" (the value's title holds the whole figure).
    let fitted = fitFontSize(widthAt(qualW + unitW), available, baseSize, unitMin);
    const wrap = !!unitW && widthAt(qualW + unitW)(fitted) > available;
    if (wrap) fitted = fitFontSize(widthAt(qualW), available, Math.max(unitMin, Math.min(baseSize / (1 + ratio), baseSize - unitMin)), unitMin);
    const next = fitted < baseSize ? `${fitted}px` : '';
    const min = `${unitMin}px`;
    // On the stable base (inherited by the value line), so a re-created value line keeps its fit.
    if (base.style.getPropertyValue('--_fit') === next && base.style.getPropertyValue('--_unit-min') === min && base.hasAttribute('wrap') === wrap) return undefined;
    return () => {
      if (next) base.style.setProperty('--_fit', next);
      else base.style.removeProperty('--_fit');
      base.style.setProperty('--_unit-min', min);
      base.toggleAttribute('wrap', wrap);
    };
  }
}
