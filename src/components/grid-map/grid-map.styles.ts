import { css } from 'lit';

export const styles = css`
  :host {
    --_height: var(--civic-grid-map-height, 448px);
    --_map-background: var(--civic-grid-map-background, var(--_color-surface));
    --_outline-color: var(--civic-grid-map-outline-color, var(--_color-surface));
    --_parent-outline-color: var(--civic-grid-map-parent-outline-color, var(--_color-text));
    --_selected-color: var(--civic-grid-map-selected-color, var(--_color-focus));
    --_no-data-color: var(--civic-grid-map-no-data-color, var(--_color-no-data));
    --_label-color: var(--civic-grid-map-label-color, var(--_color-text));
    --_label-halo: var(--civic-grid-map-label-halo, var(--_color-surface));
    --_label-size: var(--civic-grid-map-label-size, calc(12px * var(--_type-scale)));
    display: block;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
    background: var(--_color-surface);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  [part~='breadcrumb'] ol,
  [part~='legend'] ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='breadcrumb'] ol {
    font-size: var(--_font-size-s);
  }
  [part~='breadcrumb'] li + li::before {
    content: '›';
    margin-inline-end: var(--_space-xs);
    color: var(--_color-text-muted);
  }
  [part~='breadcrumb'] button {
    background: none;
    border: none;
    padding: 0 var(--_space-xs);
    color: var(--_color-focus);
    text-decoration: underline;
    cursor: pointer;
  }
  [part~='breadcrumb'] [aria-current],
  [part~='level-button'][aria-pressed='true'] {
    font-weight: 600;
    text-decoration: none;
    color: var(--_color-text);
  }
  /* The search box gives way before the toolbar wraps: it starts at 7em (a line wraps on the items' base sizes) and
     grows to 16em when there is room, so the English toolbar stays one line at the demo wall's size. */
  [part~='search'] {
    position: relative;
    margin-inline-start: auto;
    flex: 1 1 7em;
    min-width: 7em;
    max-width: 16em;
  }
  [part~='search'] input {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    font-size: var(--_font-size-s);
    min-height: var(--_min-target);
    padding: 0 var(--_space-s);
    color: var(--_color-text);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  [part~='search'] ul {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    margin: 2px 0 0;
    padding: 0;
    list-style: none;
    max-height: 224px;
    overflow: auto;
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    font-size: var(--_font-size-s);
  }
  [part~='search'] li {
    padding: var(--_space-xs) var(--_space-s);
    cursor: pointer;
  }
  [part~='search'] li[aria-selected='true'],
  [part~='search'] li:hover {
    background: var(--_color-surface);
    outline: 1px solid var(--_color-focus);
  }
  .stage {
    position: relative;
    height: var(--_height);
    overflow: hidden;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    background: var(--_map-background);
  }
  [part~='canvas'] {
    position: absolute;
    inset: 0;
    cursor: pointer;
  }
  [part~='canvas']:focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: -3px;
  }
  .surface,
  .overlay {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  .overlay {
    pointer-events: none;
  }
  [part~='tooltip'] {
    position: absolute;
    z-index: 6;
    pointer-events: none;
    max-width: 288px;
    padding: var(--_space-xs) var(--_space-s);
    font-size: var(--_font-size-s);
    line-height: 1.4;
    color: var(--_color-text);
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
    /* A tooltip taller than the stage is laid out in columns (tooltip-confine.ts sets column-count): lines stay whole. */
    column-gap: 16px;
    overflow-wrap: anywhere;
  }
  [part~='tooltip'] > * {
    break-inside: avoid;
  }
  [part~='tooltip'] .t-name {
    font-weight: 600;
  }
  [part~='tooltip'] .t-muted {
    color: var(--_color-text-muted);
  }
  .badge {
    position: absolute;
    z-index: 4;
    inset-block-end: var(--_space-s);
    inset-inline-start: var(--_space-s);
    background: var(--_color-surface);
  }
  [part~='legend'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-m);
    font-size: var(--_font-size-s);
  }
  [part~='legend'] button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    padding: 0 var(--_space-s);
    background: none;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part~='legend'] button:hover {
    border-color: var(--_color-border);
  }
  [part~='legend'] button[aria-pressed='false'] {
    opacity: 0.45;
    text-decoration: line-through;
  }
  .swatch {
    width: 1.1em;
    height: 1.1em;
    flex: none;
    border: 1px solid var(--_color-border);
  }
  .swatch.no-data {
    background: repeating-linear-gradient(135deg, var(--_no-data-color) 0 3px, var(--_color-surface) 3px 5px);
  }
  .count {
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .legend-title {
    font-weight: 600;
  }
  [part~='table'] {
    font-size: var(--_font-size-s);
    overflow: auto;
  }
  [part~='table'] table {
    border-collapse: collapse;
    width: 100%;
  }
  [part~='table'] th,
  [part~='table'] td {
    padding: var(--_space-xs) var(--_space-s);
    border-bottom: 1px solid var(--_color-border);
    text-align: start;
  }
  [part~='table'] td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  [part~='table'] tr[aria-selected='true'] {
    background: var(--_color-surface-raised);
  }
  .pager {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    margin-top: var(--_space-xs);
  }
  .toggle {
    background: none;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: 0 var(--_space-s);
    cursor: pointer;
    font-size: var(--_font-size-s);
  }
  .live {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
  }
  .attribution {
    font-size: var(--_font-size-xs);
    color: var(--_color-text-muted);
  }
  /* The map's own warnings (views.ts, part status): a corner note inside the picture, as map controls are (core/render/states.ts has the part's look). */
  .state-overlay {
    position: absolute;
    inset-inline-start: var(--_space-s);
    inset-block-start: var(--_space-s);
    max-width: calc(100% - 2 * var(--_space-s));
    z-index: 5;
  }
`;
