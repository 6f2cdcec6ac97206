import { css, unsafeCSS } from 'lit';

// Series colours on the per-series groups of bars and dots (fill and stroke inherit to the marks), on lines and on
// legend and tooltip swatches: set directly, not through custom properties declared on each of them (an element that
// declares one gets its own copy of the inherited ones, and a var() resolved per element).
const seriesRules = unsafeCSS(
  Array.from(
    { length: 8 },
    (_, i) =>
      `.bars.s${i}, .hatch-bg.s${i} { fill: var(--_s${i}); } .bars.s${i} .bar.illustrative { fill: url(#hatch-s${i}); } .dots.s${i} { fill: var(--_s${i}); stroke: var(--_s${i}); } .line.c${i} { stroke: var(--_s${i}); } .swatch.c${i} { background: var(--_s${i}); }`,
  ).join('\n'),
);

export const styles = css`
  :host {
    --_height: var(--civic-growth-chart-height, calc(256px * var(--_type-scale)));
    --_grid: var(--civic-growth-chart-grid-color, var(--_color-no-data));
    --_axis: var(--civic-growth-chart-axis-color, var(--_color-border));
    --_line: var(--civic-growth-chart-line-color, var(--_color-text));
    --_negative: var(--civic-growth-chart-negative-color, var(--_color-positive));
    --_reference: var(--civic-growth-chart-reference-color, var(--_color-focus));
    --_label-size: var(--civic-growth-chart-label-font-size, var(--_font-size-xs));
    --_s0: var(--_category-1);
    --_s1: var(--_category-2);
    --_s2: var(--_category-3);
    --_s3: var(--_category-4);
    --_s4: var(--_category-5);
    --_s5: var(--_category-6);
    --_s6: var(--_category-7);
    --_s7: var(--_category-8);
    display: block;
    min-width: 200px;
  }
  [part~='base'] {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    color: var(--_color-text);
    background: var(--_color-surface);
  }
  [part~='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
  }
  [part~='header'] ::slotted(*) {
    margin: 0;
    font-size: var(--_font-size-m);
    font-weight: 600;
  }
  .spacer {
    flex: 1 1 auto;
  }
  [part~='rank'] {
    display: inline-block;
    padding: 0 var(--_space-xs);
    font-size: var(--_font-size-xs);
    line-height: 1.6;
    color: var(--_color-surface);
    background: var(--_color-accent);
    border-radius: var(--_radius);
    white-space: nowrap;
    /* Never wider than the header row: beside a wall's pinned "not updated" badge (status-view.ts) the row keeps the
       badge's width free, and a long rank ("3rd in the main metropolitan area") was drawn on under the badge. */
    max-width: 100%;
    box-sizing: border-box;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    cursor: pointer;
    min-height: var(--_min-target);
    text-align: start;
    padding: 0 var(--_space-s);
  }
  button:focus-visible,
  summary:focus-visible,
  [part~='plot-area']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  [part~='plot-area'] {
    position: relative;
    height: var(--_height);
    width: 100%;
    font-size: var(--_label-size);
    outline: none;
    touch-action: pan-y;
  }
  [part~='plot'] {
    display: block;
    overflow: visible;
    font-family: var(--_font-family-numeric);
  }
  .grid {
    fill: none;
    stroke: var(--_grid);
    stroke-width: var(--_stroke-width);
  }
  /* on the groups, inherited by their tick labels and titles (one var() to resolve per axis, not per label) */
  .axis-left,
  .axis-right,
  .x-axis {
    fill: var(--_color-text-muted);
  }
  .zero {
    stroke: var(--_axis);
    stroke-width: calc(var(--_stroke-width) * 1.5);
  }
  .reference line {
    stroke: var(--_reference);
    stroke-dasharray: 4 3;
    stroke-width: var(--_stroke-width);
  }
  .reference text {
    fill: var(--_reference);
  }
  .bar.neg.compare {
    fill: var(--_negative);
  }
  .bar.latest {
    stroke: var(--_color-text);
    stroke-width: calc(var(--_stroke-width) * 1.5);
  }
  .bar.active {
    filter: brightness(1.15);
  }
  .hatch-line {
    stroke: var(--_color-surface);
    stroke-width: 2.5;
    stroke-opacity: 0.75;
  }
  .line {
    fill: none;
    stroke-width: calc(var(--_stroke-width) * 2);
    stroke-linejoin: round;
  }
  .dots {
    stroke-width: calc(var(--_stroke-width) * 1.5);
    /* the hollow dots' fill, inherited as currentColor: one var() per series group, not one per dot */
    color: var(--_color-surface);
  }
  .dot.hollow {
    fill: currentColor;
  }
  .crosshair {
    stroke: var(--_color-text-muted);
    stroke-dasharray: 2 2;
    pointer-events: none;
  }
  .annotation {
    fill: var(--_color-text-muted);
    text-anchor: middle;
  }
  .annotation.rank {
    fill: var(--_color-accent);
    font-weight: 600;
  }
  ${seriesRules}
  .vg .line.c0 {
    stroke: var(--_line);
  }
  .swatch.line.vg.c0 {
    background: var(--_line);
  }
  .vg .dots.s0 {
    fill: var(--_line);
    stroke: var(--_line);
  }
  .swatch {
    display: inline-block;
    flex: none;
    width: 0.8em;
    height: 0.8em;
    border-radius: 2px;
  }
  .swatch.line {
    height: 0.2em;
    align-self: center;
  }
  [part~='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_font-size-xs);
  }
  /* Plain blocks, not list items (still <li> in a <ul> for assistive technology; no marker was shown anyway): list
     items cost the footer about 0.1 ms more style + layout at the first picture (issue 16, bench/growth-chart/foot.mjs). */
  [part~='legend'] > li,
  [part~='notes'] > li {
    display: block;
  }
  [part~='legend'] button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    padding: 0 var(--_space-xs);
  }
  [part~='legend'] button[aria-pressed='false'] {
    color: var(--_color-text-muted);
    text-decoration: line-through;
  }
  [part~='legend'] button[aria-pressed='false'] .swatch {
    opacity: 0.3;
  }
  .hatch-swatch {
    display: inline-block;
    width: 1.2em;
    height: 0.8em;
    background: repeating-linear-gradient(45deg, var(--_color-illustrative) 0 2px, transparent 2px 5px);
    border: 1px solid var(--_color-illustrative);
  }
  [part~='notes'] {
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_font-size-xs);
    color: var(--_color-text-muted);
  }
  .axis-note {
    font-size: var(--_font-size-xs);
    color: var(--_color-text-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
