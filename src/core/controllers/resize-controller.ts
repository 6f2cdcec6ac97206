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
  protected readonly host: ReactiveControllerHost & HTMLElement;
  private observer?: ResizeObserver;
  private target?: Element;
  size?: Size;
  private readonly onResize?: (size: Size) => void;

  constructor(host: ReactiveControllerHost & HTMLElement, options: { onResize?: (size: Size) => void } = {}) {
    this.host = host;
    this.onResize = options.onResize;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const e = entries[entries.length - 1];
      if (e) this.observed(e.contentRect.width, e.contentRect.height);
    });
    this.observer.observe(this.target ?? this.host);
  }

  /** One observation of the target's content box (inside the observer's delivery). */
  protected observed(width: number, height: number): void {
    if (width < 1 || height < 1) {
      if (this.size) {
        this.size = undefined;
        this.host.requestUpdate();
      }
      return;
    }
    const prev = this.size;
    if (prev && Math.abs(prev.width - width) < 1 && Math.abs(prev.height - height) < 1) return;
    this.take({ width, height });
  }

  /** Takes `size` as the target's: `onResize`, then an update of the host. */
  protected take(size: Size): void {
    this.size = size;
    this.onResize?.(size);
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
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
