import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface Size {
  width: number;
  height: number;
}

/**
 * Observes the host's (or a target's) content box. `size` is undefined while the element is 0×0 or
 * hidden (display:none, detached), so elements do no layout work then; the host re-renders when the size
 * changes by at least one CSS pixel.
 */
export class ResizeController implements ReactiveController {
  private host: ReactiveControllerHost & HTMLElement;
  private observer?: ResizeObserver;
  private target?: Element;
  size?: Size;
  private readonly onResize?: (size: Size) => void;
  private readonly deferShown?: () => boolean;
  /**
   * The last observation found the host hidden (display: none: no box), or a first size after it waits for the next
   * frame (`deferShown`): an element should not measure its box by itself then.
   */
  unsized = false;
  private frame = 0;

  /**
   * `deferShown`: asked when a size arrives after the target had none (shown after display: none); true when the
   * update it causes may change the host's own box (content that needs a size appears, in a content-sized host).
   * Inside the observer's delivery that is a "ResizeObserver loop completed with undelivered notifications" error
   * for any observer of the host, so the size is taken, and the update made, in the next animation frame (costs one
   * frame of the shown element without that content).
   */
  constructor(host: ReactiveControllerHost & HTMLElement, options: { onResize?: (size: Size) => void; deferShown?: () => boolean } = {}) {
    this.host = host;
    this.onResize = options.onResize;
    this.deferShown = options.deferShown;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const e = entries[entries.length - 1];
      if (!e) return;
      const { width, height } = e.contentRect;
      cancelAnimationFrame(this.frame);
      if (width < 1 || height < 1) {
        // Hidden (display: none here or above: no box at all), not merely empty (a target with no content yet).
        this.unsized = this.host.getClientRects().length === 0;
        if (this.size) {
          this.size = undefined;
          this.host.requestUpdate();
        }
        return;
      }
      const prev = this.size;
      if (prev && Math.abs(prev.width - width) < 1 && Math.abs(prev.height - height) < 1) return;
      if (this.unsized && !prev && this.deferShown?.()) {
        this.frame = requestAnimationFrame(() => {
          this.unsized = false;
          this.take({ width, height });
        });
        return;
      }
      this.unsized = false;
      this.take({ width, height });
    });
    this.observer.observe(this.target ?? this.host);
  }

  private take(size: Size): void {
    this.size = size;
    this.onResize?.(size);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    this.unsized = false;
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Observe an inner element (e.g. the plot area) instead of the host. */
  observe(target: Element): void {
    if (this.target === target) return;
    this.target = target;
    if (this.observer) {
      this.observer.disconnect();
      this.observer.observe(target);
    }
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
