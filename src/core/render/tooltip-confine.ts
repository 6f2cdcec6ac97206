/**
 * `confineTooltip(x, y)`: the Lit directive that shapes and places a tooltip at stage point (x, y) inside its stage
 * (the tooltip's offset parent), after measuring it: the maths is tooltip-place.ts.
 *
 *   html`<div part="tooltip" role="tooltip" ${confineTooltip(x, y)}>…</div>`
 *
 * Why inside the stage, not in a layer that the stage's clipping does not cut (a popover in the top layer, or
 * position: fixed): on the demo wall <civic-screen> scales the whole wall with a transform, and the top layer is outside
 * that transform (a fixed box inside a transformed ancestor is not even fixed), so such a tooltip would need the wall's
 * scale copied onto it and its place recomputed from client rects on every scroll, resize and tour step; it would also
 * spill over the neighbouring panels and past the screen's own frame. Kept on the stage it scales with the wall, moves
 * with the picture, and a too tall tooltip is reshaped (wider, then in columns) to show whole instead.
 *
 * The tooltip's size is known only once its text is laid out, so the directive measures after the render commits (a
 * microtask: before the frame is painted, never a paint at the wrong place) with offsetWidth/offsetHeight, which are
 * layout px like the stage's clientWidth/clientHeight (a transform around the element does not change them). Styles
 * are set through the CSSOM (CSP-safe, as cspStyle). Pointer, keyboard and tour tooltips all go through it.
 */
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';
import { nextShape, placeTooltip, tipRoom, type Size, type TipShape } from './tooltip-place.js';

const px = (v: number) => `${Math.round(v)}px`;

function apply(st: CSSStyleDeclaration, s: TipShape): void {
  if (s.columns > 1) st.setProperty('column-count', String(s.columns));
  else st.removeProperty('column-count');
  if (s.width !== undefined) st.setProperty('width', px(s.width));
  else st.removeProperty('width');
  // An exact width (columns) also lifts the stylesheet's max-width.
  const max = s.maxWidth ?? s.width;
  if (max !== undefined) st.setProperty('max-width', px(max));
  else st.removeProperty('max-width');
}

/** Shapes and places `el` at (x, y) of its offset parent. Exported for tests. @internal */
export function confine(el: HTMLElement, x: number, y: number): void {
  const stage = el.offsetParent as HTMLElement | null;
  if (!stage) return; // not laid out (not in the page, or hidden): placed on its next render
  const box: Size = { w: stage.clientWidth, h: stage.clientHeight };
  const room = tipRoom(box);
  const st = el.style;
  let shape: TipShape | null = { columns: 1 };
  apply(st, shape);
  const size = (): Size => ({ w: el.offsetWidth, h: el.offsetHeight });
  const natural = size();
  let measured = natural;
  // At most: the stylesheet's shape, wider, then a few column counts (TIP_MIN_COLUMN ends the list).
  for (let i = 0; i < 8 && (shape = nextShape(shape, measured, natural, room)); i++) {
    apply(st, shape);
    measured = size();
  }
  const at = placeTooltip(x, y, measured, box);
  st.setProperty('left', px(at.left));
  st.setProperty('top', px(at.top));
}

class ConfineTooltip extends Directive {
  private el?: HTMLElement;
  private x = 0;
  private y = 0;
  private queued = false;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('confineTooltip() goes on the tooltip element: <div ${confineTooltip(x, y)}>');
  }

  render(_x: number, _y: number): unknown {
    return undefined;
  }

  override update(part: ElementPart, [x, y]: [number, number]): unknown {
    this.el = part.element as HTMLElement;
    this.x = x;
    this.y = y;
    // Every render (the text, the stage or the point may have changed), once the whole template is committed: the
    // tooltip's own text parts are committed after this element part.
    if (!this.queued) {
      this.queued = true;
      queueMicrotask(() => {
        this.queued = false;
        if (this.el?.isConnected) confine(this.el, this.x, this.y);
      });
    }
    return undefined;
  }
}

export const confineTooltip = directive(ConfineTooltip);
