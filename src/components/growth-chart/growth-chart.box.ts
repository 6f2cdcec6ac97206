import type { ReactiveControllerHost } from 'lit';
import { ResizeController, type Size } from '../../core/controllers/resize-controller.js';

/**
 * The chart's box observer: core's ResizeController, plus the first size after the chart was hidden.
 *
 * Shown after `display: none` (here or above), the chart's first picture adds its legend and notes. In a
 * content-sized host that grows the host inside the observer's delivery, after other observers of the host (the
 * DrawnController's) have seen it: the browser reports "ResizeObserver loop completed with undelivered
 * notifications" as a page error. So when `deferShown()` says the update may grow the host, that first size is taken,
 * and the update made, in the next animation frame (one frame of the shown chart without its plot). Kept out of core
 * so the elements that do not need it (a KPI tile) do not carry it.
 */
export class ChartBox extends ResizeController {
  /**
   * The last observation found the host hidden (no box at all), or a first size after it waits for the next frame:
   * the chart should not measure its plot by itself then.
   */
  unsized = false;
  private frame = 0;
  private readonly deferShown: () => boolean;

  constructor(host: ReactiveControllerHost & HTMLElement, options: { onResize?: (size: Size) => void; deferShown: () => boolean }) {
    super(host, options);
    this.deferShown = options.deferShown;
  }

  protected override observed(width: number, height: number): void {
    cancelAnimationFrame(this.frame);
    if (width < 1 || height < 1) {
      // Hidden (display: none here or above: no box at all), not merely empty (a plot with no content yet).
      this.unsized = this.host.getClientRects().length === 0;
    } else if (this.unsized && !this.size && this.deferShown()) {
      this.frame = requestAnimationFrame(() => {
        this.unsized = false;
        this.take({ width, height });
      });
      return;
    } else this.unsized = false;
    super.observed(width, height);
  }

  override hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.unsized = false;
    super.hostDisconnected();
  }
}

/**
 * False when `el`'s height is a fixed length (CSS `height: 400px`, not `auto` or a percentage): its box cannot grow
 * with its content. True (may grow) otherwise, and where the browser has no typed computed styles.
 */
export function mayGrowWithContent(el: Element): boolean {
  const h = typeof el.computedStyleMap === 'function' ? el.computedStyleMap().get('height') : undefined;
  return !(typeof CSSUnitValue !== 'undefined' && h instanceof CSSUnitValue && h.unit === 'px');
}
