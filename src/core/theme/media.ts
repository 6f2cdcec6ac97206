/**
 * The media rules of the shared host styles (tokens.ts `baseHostStyles`): reduced motion, forced colours (Windows
 * high contrast) and print; with them those of the shared state templates (states.ts) and export button. Loaded on first use (issue 16) and adopted by every element right after its host styles,
 * where they were (theme/media-rules.ts says when). Plain text, not a Lit `css` result: a lazy chunk importing lit
 * would split lit out of the first load. The local `css` tag only lets the build minify the text (css-minify.mjs).
 */
const css = String.raw;

export const mediaCss = css`
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
    /* Rank badges (growth chart's rank, ranking's top three) are surface-coloured text on the accent: Canvas on a
       background the browser paints Canvas, i.e. no text at all. (':host' outweighs the elements' rules.) */
    :host [part~='rank'],
    :host [part~='rank-top'] {
      color: CanvasText;
      background: Canvas;
      border: 1px solid CanvasText;
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
    /* Data drawn as background colours (legend swatches, ranking bars, progress fills) prints with the browser's
       "Background graphics" off, its default (inherited by the fills inside). */
    .swatch,
    .hatch-swatch,
    [part~='bar'],
    [part~='progress'] {
      -webkit-print-color-adjust: exact;
      print-color-adjust: exact;
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
