import { css } from 'lit';

/**
 * Shared host styles: the library's design tokens.
 *
 * Public tokens (`--civic-*`) are never set by a component, so a value set on any ancestor (or :root)
 * reaches every element. Each element maps them to private `--_*` values that fall back to the theme's
 * defaults, which live here as `--_d-*` and switch with `data-theme` / `data-density` (reflected by the
 * ThemeController). One script tag is therefore enough: no page stylesheet is needed under CSP
 * `style-src 'self'` (these are adopted constructable stylesheets).
 *
 * Contrast: every text colour on its surface is at least 4.5:1 in both themes (checked in test/unit/core/theme).
 */
export const tokenDefaults = {
  light: {
    surface: '#ffffff',
    'surface-raised': '#f5f7fa',
    text: '#1f2933',
    'text-muted': '#52606d',
    border: '#cbd2d9',
    accent: '#b8121b',
    focus: '#1d4ed8',
    positive: '#157f3b',
    negative: '#b8121b',
    warning: '#8a5a00',
    neutral: '#52606d',
    illustrative: '#8a5a00',
    'no-data': '#e4e7eb',
  },
  dark: {
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
  },
} as const;

export type ColorRole = keyof (typeof tokenDefaults)['light'];

/** Categorical palette (8) for types and series; Okabe–Ito derived, colour-blind safe. */
export const categoryDefaults = {
  light: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9', '#7f3c8d', '#4d4d4d'],
  dark: ['#56b4e9', '#ff9e4a', '#2fd3a4', '#f39bd0', '#f0e442', '#8fd3ff', '#c99be0', '#d0d0d0'],
} as const;

/** Sequential 5-step scheme (light → dark in the light theme, reversed brightness in the dark one). */
export const sequentialDefaults = {
  light: ['#edf8fb', '#b3cde3', '#8c96c6', '#8856a7', '#810f7c'],
  dark: ['#1b3a5c', '#245f8a', '#2f8ab5', '#4fb8d8', '#a6ecf7'],
} as const;

function vars(theme: 'light' | 'dark'): string {
  return Object.entries(tokenDefaults[theme])
    .map(([k, v]) => `--_d-color-${k}:${v};`)
    .join('');
}

function publicMap(): string {
  return Object.keys(tokenDefaults.light)
    .map((k) => `--_color-${k}:var(--civic-color-${k},var(--_d-color-${k}));`)
    .join('');
}

/** A theme's palette defaults (`--_d-category-1…`), or with `map` their public `--civic-scheme-*` mapping. */
function palette(theme: 'light' | 'dark', map = false): string {
  const lines: string[] = [];
  for (const [name, list] of [['category', categoryDefaults[theme]], ['sequential', sequentialDefaults[theme]]] as const)
    list.forEach((c, i) => lines.push(map ? `--_${name}-${i + 1}:var(--civic-scheme-${name}-${i + 1},var(--_d-${name}-${i + 1}));` : `--_d-${name}-${i + 1}:${c};`));
  return lines.join('');
}

// Built from the tables above so the JS defaults (used by tests and canvas fallbacks) and the CSS never drift.
import { unsafeCSS } from 'lit';
const lightVars = /* @__PURE__ */ unsafeCSS(vars('light'));
const darkVars = /* @__PURE__ */ unsafeCSS(vars('dark'));
const mapping = /* @__PURE__ */ unsafeCSS(publicMap());

/*
 * Accessibility rules in the host styles (comments here, not in the CSS, which ships as text):
 * - density elder (适老化): type scale 1.5, so the smallest step (12 px) is 18 px; targets (button, summary, input,
 *   select) at least 44 px; <small> does not shrink (the UA's 'smaller' would go under 18 px).
 * - forced-colors: system colours; legend/series swatches keep their colours (forced-color-adjust: none) with a
 *   CanvasText border; focus rings are Highlight outlines (box-shadows are dropped in forced colours).
 * - print: black on white; tooltips and controls (search, reset, table toggle, level buttons, export, fullscreen,
 *   region chip's clear, the chart's export menu) are hidden — part names are shared by every element.
 * The forced-colors, print and reduced-motion rules are theme/media.ts, loaded on first use and adopted right after
 * these (theme/media-rules.ts). Tested in test/browser/a11y-elder.test.ts and a11y-media.test.ts.
 *
 * Isolation from the page (issue 11): page rules never match inside a shadow root, but universal rules
 * (`* {…}`, `.article * {…}`, `main * {…}`) do match the host itself, and a normal page declaration beats a normal
 * :host one — so whatever the host computes may be the page's. Nothing inside inherits from the host: the top-level
 * nodes of every shadow tree (`:host > *`) set every inherited text property from the element's own tokens (font
 * family, size, weight, style, variant, spacing, transform, alignment, wrapping, colour…), and component styles
 * refine from there. Sizes are px-based tokens (never rem), so `html { font-size }` changes nothing. Slotted
 * light-DOM children (captions, attribution, a wall's heading) stay the page's own nodes: the page's rules that
 * match them apply; what they inherit comes from the element. Tested in test/browser/isolation.test.ts and by
 * test/pages/hostile-rules.mjs.
 */
export const baseHostStyles = css`
  :host {
    ${lightVars}
    --_d-type-scale:1;
    --_d-min-target: 24px;
    --_d-min-text: 12px;
    ${mapping}
    --_type-scale: var(--civic-type-scale, var(--_d-type-scale));
    --_font-family: var(--civic-font-family,'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC',system-ui,-apple-system,'Segoe UI',sans-serif);
    --_font-family-numeric: var(--civic-font-family-numeric, 'DIN Alternate', 'Roboto Mono', var(--_font-family));
    --_font-size-xs: var(--civic-font-size-xs, calc(12px*var(--_type-scale)));
    --_font-size-s: var(--civic-font-size-s, calc(14px*var(--_type-scale)));
    --_font-size-m: var(--civic-font-size-m, calc(16px*var(--_type-scale)));
    --_font-size-l: var(--civic-font-size-l, calc(20px*var(--_type-scale)));
    --_font-size-xl: var(--civic-font-size-xl, calc(32px*var(--_type-scale)));
    --_font-size-xxl: var(--civic-font-size-xxl, calc(48px*var(--_type-scale)));
    --_space-xs: var(--civic-space-xs, calc(4px*var(--_type-scale)));
    --_space-s: var(--civic-space-s, calc(8px*var(--_type-scale)));
    --_space-m: var(--civic-space-m, calc(16px*var(--_type-scale)));
    --_space-l: var(--civic-space-l, calc(24px*var(--_type-scale)));
    --_radius: var(--civic-radius, 4px);
    --_stroke-width: var(--civic-stroke-width, calc(1px*var(--_type-scale)));
    --_min-target: var(--civic-min-target, var(--_d-min-target));
    /* The smallest text an element may show, in SCREEN px (its CSS px × the big screen's scale); see minTextPx. */
    --_min-text: var(--civic-min-text-size, var(--_d-min-text));
    --_transition: var(--civic-transition-duration, 300ms);

    display: block;
    position: relative;
    /* The text properties in the same order as in :host > * below: gzip stores the run once (issue 16). */
    font-family: var(--_font-family);
    font-size: var(--_font-size-m);
    color: var(--_color-text);
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    font-style: normal;
    font-weight: 400;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    -webkit-font-smoothing: antialiased;
    /* The elements lay out Chinese and English only: a right-to-left page must not reorder their text (1—3月, +4.3%). */
    direction: ltr;
    unicode-bidi: isolate;
    /* Isolation from hostile page CSS: the host is in the page's DOM, so rules such as
       '* { line-height: 3 !important }' reach it; an !important :host declaration wins over them.
       Sizes are in px for the same reason (a page's html { font-size: 10px } must not shrink the elements). */
    line-height: 1.5 !important;
    box-sizing: border-box !important;
  }
  :host([data-theme='dark']) {
    ${darkVars}
  }
  :host([data-density='screen']) {
    --_d-type-scale: 1.25;
    --_d-min-text: 14px;
  }
  :host([data-density='elder']) {
    --_d-type-scale: 1.5;
    --_d-min-target: 44px;
    --_d-min-text: 18px;
  }
  :host([hidden]) {
    display: none !important;
  }
  /* The internal root(s): the top-level nodes of the shadow tree (the host counts as their parent here). */
  /* Declarations in this file, states.ts, export-button.ts and kpi-tile.styles.ts are ordered for gzip (issue 16: the
     order that compresses best, found by measuring); a shorthand stays before its longhands (white-space before
     text-wrap, border before border-inline-start, font before font-size). */
  :host > * {
    font-family: var(--_font-family);
    font-size: var(--_font-size-m);
    color: var(--_color-text);
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    font-stretch: normal;
    font-style: normal;
    font-weight: 400;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    -webkit-font-smoothing: antialiased;
    font-size-adjust: none;
    font-feature-settings: normal;
    font-variation-settings: normal;
    font-variant: normal;
    font-optical-sizing: auto;
    text-align-last: auto;
    hyphens: manual;
    font-palette: normal;
    /* No line-height: the host's 1.5 !important always wins (an !important declaration of the inner context beats the
       page's), and these nodes inherit it. */
    -webkit-text-fill-color: currentColor;
    -webkit-text-stroke: 0;
    text-rendering: auto;
    text-emphasis: none;
    font-kerning: auto;
    text-underline-offset: auto;
    text-underline-position: auto;
    overflow-wrap: normal;
    word-break: normal;
    line-break: auto;
    /* After white-space (a shorthand that also sets text-wrap-mode). */
    text-wrap: wrap;
    border-collapse: separate;
    list-style-position: outside;
    list-style-image: none;
    empty-cells: show;
    caption-side: top;
    border-spacing: 0;
    paint-order: normal;
    font-synthesis: weight style small-caps;
    image-rendering: auto;
    quotes: auto;
    tab-size: 8;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  :focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    white-space: nowrap;
    overflow: hidden;
    height: 1px;
    width: 1px;
    margin: -1px;
    clip: rect(0 0 0 0);
    border: 0;
    padding: 0;
  }
  button {
    color: inherit;
    min-width: var(--_min-target);
    font: inherit;
    min-height: var(--_min-target);
  }
  summary,
  input,
  select {
    min-height: var(--_min-target);
  }
  :host([data-density='elder']) small {
    font-size: inherit;
  }
`;

/**
 * The categorical and sequential palettes (`--_category-1…8`, `--_sequential-1…5`, public `--civic-scheme-*`), in
 * both themes. Apart from `baseHostStyles` so that elements without series or categories (KPI tile and grid, rank
 * board, screen) do not carry them (issue 16).
 */
// (A pure call around the tagged template lets bundlers drop it from pages that never use it.)
export const paletteStyles = /* @__PURE__ */ (() => css`
  :host {
    ${unsafeCSS(palette('light'))}
    ${unsafeCSS(palette('light', true))}
  }
  :host([data-theme='dark']) {
    ${unsafeCSS(palette('dark'))}
  }
`)();

/** Every element's design tokens with the palettes: the styles of elements that draw series or categories. */
export const hostStyles = /* @__PURE__ */ (() => css`
  ${baseHostStyles}
  ${paletteStyles}
`)();
