import { css } from 'lit';

/* The status word, progress bar, sparkline and period have their rules in kpi-tile.details.ts (loaded with them). */
export const kpiTileStyles = css`
  :host {
    --_value-size: var(--civic-kpi-tile-value-font-size, var(--_font-size-xxl));
    --_label-color: var(--civic-kpi-tile-label-color, var(--_color-text-muted));
    --_rise: var(--_color-negative);
    --_fall: var(--_color-positive);
    min-width: 0;
    /* A tile's changing digits never re-lay out or repaint the rest of the page (walls of 200 tiles). */
    contain: layout paint style;
  }
  :host([delta-colors='green-up']) {
    --_rise: var(--_color-positive);
    --_fall: var(--_color-negative);
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
    height: 100%;
    min-width: 0;
    padding: var(--civic-kpi-tile-padding, var(--_space-m));
    background: var(--civic-kpi-tile-background, var(--_color-surface-raised));
    border: 1px solid var(--civic-kpi-tile-border-color, var(--_color-border));
    border-radius: var(--_radius);
    position: relative;
    /* No overflow clip here: a rounded clip on 200 tiles is costly to composite; the value line clips itself. */
  }
  :host([highlighted]) [part~='base'] {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 var(--_space-s);
    min-width: 0;
  }
  [part~='label'] {
    color: var(--_label-color);
    flex: 1 1 8em;
    font-size: var(--_font-size-s);
    line-height: 1.4;
    overflow-wrap: anywhere;
    min-width: 0;
  }
  /* .value-box, a plain block around the value (a flex item cannot be a relayout boundary, its block child can), needs
     no rule: as an item of the base's column it may already be narrower than its content. */
  .head > [part~='illustrative'] {
    flex: none;
  }
  [part~='value'],
  .measure {
    font-family: var(--_font-family-numeric);
    font-weight: 700;
  }
  [part~='value'] {
    font-size: var(--_fit, var(--_value-size));
    font-variant-numeric: tabular-nums;
    color: var(--civic-kpi-tile-value-color, var(--_color-text));
    white-space: nowrap;
    /* A fixed-height, size-contained box: the digits changing 30 times a second re-lay out this box only,
       never the tile or the grid around it. Its height follows the unfitted size, so a figure fitted smaller
       (a longer number) moves nothing below it. */
    height: calc(var(--_value-size) * 1.2);
    line-height: calc(var(--_value-size) * 1.2);
    contain: strict;
  }
  /* The final figure reserves its width (an invisible copy, in flow; the painted frame lies over it), so the digits
     rolling in a count-up never move the unit after them: no layout shift, no jitter (a frame is never longer than
     the final figure: countUpFrame). A real span, not a generated ::before, and no grid: the pseudo-element was
     rebuilt and the grid re-sized with every frame's text (issue 16: about a sixth of a wall frame's style). */
  .roll {
    display: inline-block;
    position: relative;
  }
  .reserve {
    visibility: hidden;
  }
  .roll > [part] {
    position: absolute;
    inset: 0 auto auto 0;
  }
  /* Empty spans: they only carry the fonts the fit reads (kpi-tile.fit.ts). */
  .measure {
    position: absolute;
    visibility: hidden;
    font-size: var(--_value-size);
  }
  [part~='unit'],
  [part~='qualifier'],
  .measure .u {
    font-weight: 400;
    font-family: var(--_font-family);
    /* Never under the legibility floor (--_unit-min: the floor in CSS px, set on the base by the fit). */
    font-size: max(var(--civic-kpi-tile-unit-font-size, 0.42em), var(--_unit-min, 0px));
  }
  [part~='unit'] {
    margin-inline-start: 0.15em;
  }
  /* Text that does not fit ends in "…", never cut mid-letter (the value's title holds it whole). A unit too long for
     the figure's line even with the figure at the floor goes under it (kpi-tile.fit.ts): two lines in the value box. */
  [part~='value'],
  [wrap] [part~='unit'] {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [wrap] [part~='value'] {
    line-height: 1.2;
  }
  [wrap] [part~='unit'] {
    display: block;
  }
  [part~='delta'] {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    font-size: var(--_font-size-s);
    font-variant-numeric: tabular-nums;
    color: var(--_color-neutral);
    /* A long delta (delta-format both, a long unit) wraps inside the tile rather than spilling over its neighbours. */
    flex-wrap: wrap;
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  [part~='delta-up'] {
    color: var(--civic-kpi-tile-rise-color, var(--_rise));
  }
  [part~='delta-down'] {
    color: var(--civic-kpi-tile-fall-color, var(--_fall));
  }
  .delta-label {
    color: var(--_label-color);
  }
  svg.icon {
    width: 0.9em;
    height: 0.9em;
    flex: none;
    fill: currentColor;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-m);
  }
  [part~='caption'],
  [part~='source'] {
    margin: 0;
    font-size: var(--_font-size-xs);
    color: var(--_color-text-muted);
    overflow-wrap: anywhere;
  }
  /* Beats [part~='status'] (states.ts, same specificity, earlier in the styles): a note, not a banner. */
  .tile-note {
    padding: 0;
    background: none;
    border: 0;
    font-size: var(--_font-size-xs);
    color: var(--_color-negative);
  }
  .tile-note[data-kind='empty'] {
    color: var(--_color-text-muted);
  }
`;
