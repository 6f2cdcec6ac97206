import { css } from 'lit';

export const styles = css`
  :host {
    --_height: var(--civic-chain-graph-height, 512px);
    --_node-leader: var(--civic-chain-graph-leader-color, var(--_color-accent));
    --_node-member: var(--civic-chain-graph-member-color, var(--_category-1));
    --_node-party-branch: var(--civic-chain-graph-party-branch-color, var(--_category-2));
    --_node-park: var(--civic-chain-graph-park-color, var(--_category-3));
    --_node-project: var(--civic-chain-graph-project-color, var(--_category-4));
    --_node-service-team: var(--civic-chain-graph-service-team-color, var(--_category-5));
    --_link-color: var(--civic-chain-graph-link-color, var(--_color-text-muted));
    --_label-color: var(--civic-chain-graph-label-color, var(--_color-text));
    --_halo: var(--civic-chain-graph-label-halo, var(--_color-surface));
    --_callout-color: var(--civic-chain-graph-callout-color, var(--_label-color));
    --_dim: var(--civic-chain-graph-dim-opacity, 0.15);
    --_tooltip-bg: var(--civic-chain-graph-tooltip-background, var(--_color-surface-raised));
    background: var(--_color-surface);
  }
  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
    /* Also here, not only on :host: content taller than a fixed host height still sits on the element's surface. */
    background: var(--_color-surface);
  }
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
    font-size: var(--_font-size-s);
  }
  [part='title'] {
    font-weight: 600;
    margin: 0;
    font-size: var(--_font-size-m);
  }
  .spacer {
    flex: 1;
  }
  input[type='search'] {
    font: inherit;
    min-height: var(--_min-target);
    padding: 0 var(--_space-xs);
    color: var(--_color-text);
    background: var(--_color-surface);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
  }
  button {
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    cursor: pointer;
    padding: 0 var(--_space-s);
  }
  [part='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-m);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_font-size-xs);
  }
  [part='legend'] li {
    display: contents;
  }
  [part='legend'] button {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    background: none;
    border-color: transparent;
  }
  [part='legend'] button[aria-pressed='false'] {
    opacity: 0.45;
    text-decoration: line-through;
  }
  .legend-heading {
    color: var(--_color-text-muted);
    align-self: center;
  }
  .swatch {
    width: 1.6em;
    height: 1em;
    flex: none;
    overflow: visible;
  }
  [part='stage'] {
    position: relative;
    height: var(--_height);
    overflow: hidden;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    touch-action: none;
    cursor: grab;
    outline: none;
  }
  [part='stage']:focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
  [part='plot'],
  [part='canvas'] {
    display: block;
    width: 100%;
    height: 100%;
  }
  .node path {
    stroke: var(--_color-surface);
    stroke-width: 1.5;
  }
  .node[data-type='leader'] path,
  .sw[data-type='leader'] {
    fill: var(--_node-leader);
  }
  .node[data-type='member'] path,
  .sw[data-type='member'] {
    fill: var(--_node-member);
  }
  .node[data-type='party-branch'] path,
  .sw[data-type='party-branch'] {
    fill: var(--_node-party-branch);
  }
  .node[data-type='park'] path,
  .sw[data-type='park'] {
    fill: var(--_node-park);
  }
  .node[data-type='project'] path,
  .sw[data-type='project'] {
    fill: var(--_node-project);
  }
  .node[data-type='service-team'] path,
  .sw[data-type='service-team'] {
    fill: var(--_node-service-team);
  }
  .node text {
    fill: var(--_label-color);
    /* Set by the element: the label size that reaches the legibility floor on screen at any zoom. */
    font-size: var(--_label-px, calc(12px * var(--_type-scale)));
    paint-order: stroke;
    stroke: var(--_halo);
    stroke-width: 3px;
    stroke-linejoin: round;
    pointer-events: none;
  }
  .node .callout {
    /* A leader's label put away from its node: a thin line to it, at low contrast (it may cross links and nodes). */
    stroke: var(--_callout-color);
    stroke-opacity: 0.55;
    stroke-width: 1px;
    pointer-events: none;
  }
  .node {
    cursor: pointer;
  }
  .node .ring {
    fill: none;
    stroke: var(--_color-focus);
    stroke-width: 2.5;
  }
  .node[data-match] .match {
    fill: none;
    stroke: var(--_color-warning);
    stroke-width: 2;
    stroke-dasharray: 3 2;
  }
  .link,
  .ls {
    fill: none;
    stroke: var(--_link-color);
    stroke-width: 1.2;
  }
  .link[data-kind='alliance'],
  .ls[data-kind='alliance'] {
    stroke-dasharray: 6 4;
  }
  .link[data-kind='party-link'],
  .ls[data-kind='party-link'] {
    stroke-dasharray: 2 3;
    stroke: var(--_node-party-branch);
  }
  .link[data-kind='service'],
  .ls[data-kind='service'] {
    stroke-dasharray: 8 3 2 3;
  }
  .link[data-kind='located-in'],
  .ls[data-kind='located-in'] {
    stroke-dasharray: 12 4;
    stroke-width: 0.8;
  }
  .link[data-kind='supply'] {
    marker-end: url(#arrow);
  }
  .arrow {
    fill: var(--_link-color);
  }
  [data-dim] {
    opacity: var(--_dim);
  }
  .link[data-hot] {
    stroke-width: 2.2;
  }
  .chain-label {
    fill: var(--_color-text-muted);
    font-size: var(--_chain-label-px, calc(14px * var(--_type-scale)));
    font-weight: 600;
    text-anchor: middle;
  }
  [part='label-note'] {
    position: absolute;
    inset-inline-start: var(--_space-xs);
    inset-block-end: var(--_space-xs);
    max-width: calc(100% - 2 * var(--_space-xs));
    padding: 0 var(--_space-xs);
    font-size: var(--_font-size-s);
    line-height: 1.3;
    color: var(--_color-text-muted);
    background: var(--_color-surface);
    border-radius: var(--_radius);
    pointer-events: none;
  }
  [part='tooltip'] {
    position: absolute;
    z-index: 4;
    max-width: 288px;
    padding: var(--_space-xs) var(--_space-s);
    font-size: var(--_font-size-xs);
    color: var(--_color-text);
    background: var(--_tooltip-bg);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    pointer-events: none;
    white-space: pre-line;
    /* A tooltip taller than the stage is laid out in columns (tooltip-confine.ts sets column-count). */
    column-gap: 16px;
    overflow-wrap: anywhere;
  }
  [part='tooltip'] strong {
    display: block;
    break-inside: avoid;
    font-size: var(--_font-size-s);
  }
  [part='progress'] {
    position: absolute;
    inset-inline: var(--_space-m);
    inset-block-end: var(--_space-m);
    z-index: 3;
    font-size: var(--_font-size-xs);
    color: var(--_color-text);
  }
  [part='progress'] .bar {
    height: 4px;
    background: var(--_color-border);
    border-radius: 2px;
    overflow: hidden;
  }
  [part='progress'] .bar > div {
    height: 100%;
    background: var(--_color-focus);
  }
  .reset {
    position: absolute;
    inset-inline-end: var(--_space-s);
    inset-block-start: var(--_space-s);
    z-index: 3;
    font-size: var(--_font-size-xs);
  }
  [part='table-details'] summary {
    cursor: pointer;
    font-size: var(--_font-size-s);
    color: var(--_color-text-muted);
  }
  [part='table'] {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--_font-size-xs);
  }
  [part='table'] th,
  [part='table'] td {
    text-align: start;
    padding: 2px var(--_space-xs);
    border-bottom: 1px solid var(--_color-border);
    vertical-align: top;
  }
`;
