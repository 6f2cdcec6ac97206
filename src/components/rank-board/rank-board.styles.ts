import { css } from 'lit';

/*
 * Forced colours: the bar fill is a background (the UA would paint it Canvas), so it is drawn in Highlight with
 * forced-color-adjust: none, the track outlined. Print: the viewport grows so every row is printed.
 * (test/browser/a11y-media.test.ts)
 */
export const rankBoardStyles = css`
  :host {
    --_row-h: var(--civic-rank-board-row-height, calc(40px * var(--_type-scale)));
    --_bar: var(--civic-rank-board-bar-color, var(--_color-accent));
    --_bar-track: var(--civic-rank-board-bar-track-color, var(--_color-no-data));
    --_top: var(--civic-rank-board-top-color, var(--_color-accent));
    --_bg: var(--civic-rank-board-background, var(--_color-surface));
    --_title-size: var(--civic-rank-board-title-font-size, var(--_font-size-l));
  }
  [part~='base'] {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
    background: var(--_bg);
  }
  [part~='header'] {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  [part~='title'] {
    font-size: var(--_title-size);
    font-weight: 700;
  }
  [part~='viewport'] {
    position: relative;
    height: calc(var(--_row-h) * var(--_rows, 5));
    overflow-y: auto;
    overscroll-behavior: contain;
    scrollbar-width: none;
  }
  [part~='viewport']::-webkit-scrollbar {
    display: none;
  }
  /* Rows are stacked by transform, not by flow: a re-sort moves no layout box (no layout shift) and glides on the
     compositor. The list keeps the height of its rows, so the box scrolls as before. */
  [part~='list'] {
    position: relative;
    list-style: none;
    margin: 0;
    padding: 0;
    height: calc(var(--_row-h) * var(--_n, 0));
  }
  [part~='row'] {
    position: absolute;
    inset-inline: 0;
    top: 0;
    transform: translateY(calc(var(--_row-h) * var(--_i, 0)));
    display: grid;
    grid-template-columns: 2.2em minmax(0, 1fr) minmax(0, auto);
    grid-template-rows: 1fr auto;
    column-gap: var(--_space-s);
    align-items: center;
    height: var(--_row-h);
    padding-block: var(--_space-xs);
    cursor: default;
    /* Its box never depends on its content (width from the list, height fixed): a relayout boundary, so a bar's
       width transition or a new value re-lays out the row, not the page and a wall of tiles beside it (issue 16,
       bench/kpi/trace.mjs: layouts started at the document in half the wall's frames). No paint containment: nothing is clipped. */
    contain: size layout style;
  }
  [part~='row-linked'] {
    background: var(--_color-surface-raised);
    box-shadow: inset 4px 0 0 var(--_color-accent);
  }
  [part~='row-highlighted'] {
    background: var(--_color-surface-raised);
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
    border-radius: var(--_radius);
  }
  /* The badge fills its column: its box never changes with the rank's digits. */
  [part~='rank'] {
    grid-row: 1 / span 2;
    justify-self: stretch;
    padding: 0;
    border-radius: var(--_radius);
    text-align: center;
    font-family: var(--_font-family-numeric);
    font-variant-numeric: tabular-nums;
    font-weight: 700;
    color: var(--_color-text-muted);
    border: 1px solid var(--_color-border);
  }
  [part~='rank-top'] {
    color: var(--_color-surface);
    background: var(--_top);
    border-color: var(--_top);
  }
  [part~='name'] {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='value'] {
    font-family: var(--_font-family-numeric);
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    white-space: nowrap;
    /* A value wider than the whole row (a long unit in a narrow or elder board) ends in … too; its title keeps it. */
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [part~='bar'] {
    grid-column: 2 / span 2;
    height: calc(4.8px * var(--_type-scale));
    background: var(--_bar-track);
    border-radius: 999px;
    overflow: hidden;
  }
  /* Rows glide by transform: an update moves no row box, so a wall updating for hours records no layout shift
     (CLS 0). Bars grow by width from their start edge (which never moves, so no shift either) — not by a transform:
     25 composited bar animations before a wall of tiles cost the browser an overlap test of every later piece of
     the page in every frame (issue 16). */
  [part~='bar-fill'] {
    display: block;
    width: 100%;
    height: 100%;
    background: var(--_bar);
    transition: width var(--_transition) ease-out;
  }
  /* motion="reduce" (not only the OS setting): new bars at once too. */
  :host([motion='reduce']) [part~='bar-fill'] {
    transition: none;
  }
  [part~='header'] [part~='export-button'] {
    margin-inline-start: auto;
  }
  /* The keyboard's active row (aria-activedescendant): visible while the list has keyboard focus. */
  [part~='viewport']:focus-visible [part~='row-active'] {
    outline: 2px solid var(--_color-focus);
    outline-offset: -2px;
    border-radius: var(--_radius);
  }
  [part~='row'][aria-selected='true'] [part~='name'] {
    font-weight: 700;
  }
  [part~='source'] {
    margin: 0;
    font-size: var(--_font-size-xs);
    color: var(--_color-text-muted);
  }
  @media (forced-colors: active) {
    [part~='bar'] {
      border: 1px solid CanvasText;
    }
    [part~='bar-fill'] {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
  @media print {
    [part~='viewport'] {
      height: auto !important;
      max-height: none !important;
      overflow: visible !important;
    }
  }
`;
