import type { ColorRole } from './tokens.js';

/**
 * The rules of the shared host styles (tokens.ts `baseHostStyles`) a first picture rarely needs: the dark theme's
 * colours, and the reduced-motion, forced-colours (Windows high contrast) and print rules, with those of the shared
 * state templates (states.ts) and export button. Loaded on first use (issue 16) and adopted by every element right
 * after its host styles, where they were (theme/media-rules.ts says when). Plain text, not a Lit css result: a lazy
 * chunk importing lit would split lit out of the first load. The local css tag only lets the build minify the text
 * (css-minify.mjs).
 */
const css = String.raw;

/** The dark theme's colours (`data-theme="dark"`); the light ones are tokens.ts `tokenDefaults.light`. */
export const darkColors: Record<ColorRole, string> = {
  surface: '#0a1a2f',
  'surface-raised': '#102a4c',
  text: '#e8f0fa',
  'text-muted': '#a9bcd3',
  border: '#2c4a70',
  accent: '#4cc9ff',
  focus: '#ffd166',
  positive: '#4ade80',
  negative: '#ff7a7a',
  warning: '#ffc14d',
  neutral: '#a9bcd3',
  illustrative: '#ffc14d',
  'no-data': '#1f3552',
};

export const mediaCss =
  `:host([data-theme='dark']){${Object.entries(darkColors)
    .map(([k, v]) => `--_d-color-${k}:${v};`)
    .join('')}}` +
  css`
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_transition: 0ms;
    }
    /* states.ts: the loading spinner stands still (':host' outweighs its rule, in a later sheet). */
    :host .spinner {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    :host {
      --_color-text: CanvasText;
      --_color-text-muted: CanvasText;
      --_color-surface: Canvas;
      --_color-surface-raised: Canvas;
      --_color-border: CanvasText;
      --_color-focus: Highlight;
      --_color-accent: Highlight;
    }
    .swatch,
    .hatch-swatch {
      forced-color-adjust: none;
      border: 1px solid CanvasText;
    }
    :focus-visible {
      outline: 2px solid Highlight;
    }
    /* export-button.ts (':host' outweighs its rule, in a later sheet; the print rule below hides it). */
    :host [part~='export-button'] {
      color: ButtonText;
      border-color: ButtonText;
    }
  }
  @media print {
    :host {
      --_color-text: #000;
      --_color-text-muted: #333;
      --_color-surface: #fff;
      --_color-surface-raised: #fff;
      break-inside: avoid;
    }
    [part~='tooltip'],
    [role='tooltip'],
    [part~='search'],
    [part~='reset'],
    [part~='table-toggle'],
    [part~='level-button'],
    [part~='export'],
    [part~='export-button'],
    [part~='fullscreen'],
    [part~='region-clear'],
    details[part~='toolbar'] {
      display: none !important;
    }
  }
`;
