import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { closestAttribute, watchInheritedAttributes } from './ancestor.js';

export const THEMES = ['light', 'dark', 'auto'] as const;
export type ThemeName = (typeof THEMES)[number];
export type ResolvedTheme = 'light' | 'dark';
export const DENSITIES = ['default', 'screen', 'elder'] as const;
/** `screen`: big-screen type and stroke scale; `elder`: 适老化, ≥18 px text and 44 px targets. */
export type Density = (typeof DENSITIES)[number];

export interface ThemeControllerOptions {
  /** Called after the resolved theme or density changed (canvas/WebGL renderers re-read tokens here). */
  onChange?: (theme: ResolvedTheme, density: Density) => void;
}

/**
 * Resolves `theme` (element → nearest ancestor → light; `auto` follows prefers-color-scheme) and `density`
 * like `lang`, and reflects the result on the host as `data-theme` / `data-density`, which the shared
 * token sheet selects on. Canvas and WebGL cannot read var(): `token()` resolves one for them.
 */
export class ThemeController implements ReactiveController {
  private host: ReactiveControllerHost & HTMLElement;
  private unwatch?: () => void;
  private media?: MediaQueryList;
  private readonly options: ThemeControllerOptions;
  theme: ResolvedTheme = 'light';
  density: Density = 'default';

  constructor(host: ReactiveControllerHost & HTMLElement, options: ThemeControllerOptions = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.unwatch = watchInheritedAttributes(() => this.refresh());
    // (No matchMedia, ResizeObserver… outside a browser: `globalThis.x?.()` is the typeof check.)
    this.media = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
    this.media?.addEventListener('change', this.onMedia);
    this.refresh(true);
  }

  hostDisconnected(): void {
    this.unwatch?.();
    this.unwatch = undefined;
    this.media?.removeEventListener('change', this.onMedia);
    this.media = undefined;
  }

  hostUpdate(): void {
    this.refresh();
  }

  private onMedia = (): void => this.refresh();

  private refresh(force = false): void {
    const raw = closestAttribute(this.host, 'theme');
    let theme: ResolvedTheme = 'light';
    if (raw === 'dark') theme = 'dark';
    else if (raw === 'auto') theme = this.media?.matches ? 'dark' : 'light';
    const d = closestAttribute(this.host, 'density');
    const density: Density = d === 'screen' || d === 'elder' ? d : 'default';
    const changed = theme !== this.theme || density !== this.density;
    this.theme = theme;
    this.density = density;
    if (this.host.getAttribute('data-theme') !== theme) this.host.setAttribute('data-theme', theme);
    if (this.host.getAttribute('data-density') !== density) this.host.setAttribute('data-density', density);
    if (changed || force) {
      if (changed) this.host.requestUpdate();
      this.options.onChange?.(theme, density);
    }
  }

  /** The computed value of a custom property on the host, e.g. `token('--_fill')`, for canvas/WebGL drawing. */
  token(name: string, fallback = ''): string {
    return globalThis.getComputedStyle?.(this.host).getPropertyValue(name).trim() || fallback;
  }
}
