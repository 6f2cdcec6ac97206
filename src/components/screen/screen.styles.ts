import { css } from 'lit';

export const styles = css`
  :host {
    --_letterbox: var(--civic-screen-letterbox-color, #02070f);
    --_stage-bg: var(--civic-screen-background, var(--_color-surface));
    --_header-height: var(--civic-screen-header-height, 88px);
    --_header-bg: var(--civic-screen-header-background, var(--_color-surface-raised));
    --_gap: var(--civic-screen-gap, 16px);
    --_padding: var(--civic-screen-padding, 16px);
    --_ring-color: var(--civic-screen-tour-ring-color, var(--_color-focus));

    width: 100%;
    height: 100%;
    overflow: hidden;
    background: var(--_letterbox);
  }
  :host([scale-mode='width']) {
    overflow: visible;
  }
  [part~='base'] {
    position: relative;
    width: 100%;
    height: 100%;
    overflow: hidden;
  }
  :host([scale-mode='width']) [part~='base'] {
    overflow-x: hidden;
    overflow-y: auto;
  }
  .sizer {
    pointer-events: none;
  }
  [part~='stage'] {
    position: absolute;
    top: 0;
    left: 0;
    transform-origin: 0 0;
    display: flex;
    flex-direction: column;
    overflow: hidden;
    background: var(--_stage-bg);
    color: var(--_color-text);
  }
  /* The title is never cut: when it does not fit beside the rest, the bar wraps (the title keeps its row, several
     lines if it must) and grows; one row keeps the design height. */
  [part~='header'] {
    flex: none;
    box-sizing: border-box;
    min-height: var(--_header-height);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    align-content: center;
    gap: var(--_space-xs) var(--_space-l);
    padding: var(--_space-xs) calc(2 * var(--_padding));
    background: var(--_header-bg);
    border-bottom: 2px solid var(--_color-accent);
  }
  [part~='heading'] {
    flex: 1 1 auto;
    min-width: 0;
    max-width: 100%;
    margin: 0;
    font-size: var(--_font-size-xl);
    font-weight: 700;
    letter-spacing: 0.04em;
    overflow-wrap: anywhere;
  }
  [part~='heading']:focus {
    outline: none;
  }
  [part~='clock'],
  [part~='data-time'] {
    flex: none;
    font-family: var(--_font-family-numeric);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  [part~='clock'] {
    display: flex;
    align-items: baseline;
    gap: var(--_space-s);
    font-size: var(--_font-size-m);
    color: var(--_color-text-muted);
  }
  [part~='clock'] .time {
    font-size: var(--_font-size-l);
    color: var(--_color-text);
  }
  [part~='data-time'] {
    font-size: var(--_font-size-s);
    color: var(--_color-text-muted);
  }
  [part~='region'] {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    padding: 0 0 0 var(--_space-m);
    border: 1px solid var(--_color-accent);
    border-radius: 999px;
    font-size: var(--_font-size-s);
    white-space: nowrap;
  }
  [part~='region'] .label {
    color: var(--_color-text-muted);
  }
  [part~='region-clear'],
  [part~='fullscreen'],
  [part~='export'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding: 0 var(--_space-s);
    background: transparent;
    border: 1px solid transparent;
    border-radius: 999px;
    cursor: pointer;
  }
  [part~='fullscreen'],
  [part~='export'] {
    flex: none;
    white-space: nowrap;
    border-color: var(--_color-border);
    border-radius: var(--_radius);
    font-size: var(--_font-size-s);
  }
  [part~='region-clear']:hover,
  [part~='fullscreen']:hover,
  [part~='export']:hover {
    background: var(--_color-surface);
  }
  [part~='content'] {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: grid;
    grid-template-columns: var(--civic-screen-columns, 1fr);
    grid-template-rows: var(--civic-screen-rows, 1fr);
    grid-template-areas: var(--civic-screen-areas, none);
    gap: var(--_gap);
    padding: var(--_padding);
  }
  ::slotted(*) {
    min-width: 0;
    min-height: 0;
  }
  [part~='tour-ring'] {
    position: absolute;
    z-index: 10;
    pointer-events: none;
    border: calc(3px * var(--_type-scale)) solid var(--_ring-color);
    border-radius: var(--_radius);
    box-shadow: 0 0 calc(16px * var(--_type-scale)) var(--_ring-color);
    transition-property: left, top, width, height, opacity;
    transition-duration: var(--_transition);
    transition-timing-function: ease-in-out;
  }
  .idle-shield {
    position: absolute;
    inset: 0;
    z-index: 20;
    cursor: none;
    background: transparent;
  }
  @media (prefers-reduced-motion: reduce) {
    [part~='tour-ring'] {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    [part~='tour-ring'] {
      border-color: Highlight;
      box-shadow: none;
    }
  }
  @media print {
    :host {
      height: auto;
      overflow: visible;
    }
    [part~='fullscreen'],
    [part~='export'],
    [part~='region-clear'],
    .idle-shield,
    [part~='tour-ring'] {
      display: none;
    }
  }
`;
