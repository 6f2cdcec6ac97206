import { css } from 'lit';

export const kpiGridStyles = css`
  :host {
    --_gap: var(--civic-kpi-grid-gap, var(--_space-m));
    --_min-col: var(--civic-kpi-grid-min-column-width, calc(176px * var(--_type-scale)));
    --_title-size: var(--civic-kpi-grid-title-font-size, var(--_font-size-l));
    --_bg: var(--civic-kpi-grid-background, var(--_color-surface));
  }
  [part~='base'] {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    background: var(--_bg);
  }
  [part~='header'] {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  [part~='header'] [part~='export-button'] {
    margin-inline-start: auto;
  }
  [part~='title'] {
    margin: 0;
    font-size: var(--_title-size);
    font-weight: 700;
  }
  [part~='group'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
  }
  [part~='group-title'] {
    margin: 0;
    font-size: var(--_font-size-m);
    font-weight: 600;
    color: var(--_color-text-muted);
  }
  [part~='grid'] {
    display: grid;
    gap: var(--_gap);
    /* auto-fill rather than auto-fit: a short group keeps the column width of the others. */
    grid-template-columns: repeat(auto-fill, minmax(min(var(--_min-col), 100%), 1fr));
    align-items: stretch;
  }
  /* Each tile sits in a cell, the grid item: Chromium never lays a grid item out apart from its grid, so a tile that
     is the grid item re-lays out the whole grid of 200 tiles whenever its text changes; a block inside the cell can
     be a relayout boundary (issue 16, bench/kpi: layout roots were always the document). */
  .cell {
    min-width: 0;
  }
  .cell > civic-kpi-tile {
    height: 100%;
  }
  /* Fixed boxes (kpi-grid.boxes.ts): the rows are the measured ones, each tile a relayout boundary of that size,
     and a composited layer of its own: every frame that paints anything (a count-up step, the rank board beside)
     layerizes the page, and with the wall's ~2,000 paint chunks in the page's one layer, tested for overlap against
     the layers before them, that took 4–6 ms a frame; a tile's chunks go to its own layer at 2–2.5 ms (issue 16,
     bench/kpi/trace.mjs). 200 layers of a tile's size are a few MB of tiles on the GPU. */
  [part~='grid'][data-boxed] > .cell > civic-kpi-tile {
    contain: strict;
    will-change: transform;
  }
  [part~='grid'].fixed {
    grid-template-columns: repeat(var(--_columns), minmax(0, 1fr));
  }
  [part~='source'] {
    margin: 0;
    font-size: var(--_font-size-xs);
    color: var(--_color-text-muted);
  }
`;
