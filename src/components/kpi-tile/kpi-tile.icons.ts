import { svg, type SVGTemplateResult } from 'lit';
import type { Direction, StatusLevel } from './kpi-tile.types.js';

/** Arrow beside a delta (decorative: the text says up/down too). */
export function deltaIcon(d: Direction): SVGTemplateResult {
  const path = d === 'up' ? 'M8 2 15 13H1Z' : d === 'down' ? 'M8 14 1 3H15Z' : 'M1 6.5H15V9.5H1Z';
  return svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${path}></path></svg>`;
}

/** Icon beside a status word: check, warning triangle, alert octagon (decorative). */
export function statusIcon(level: StatusLevel): SVGTemplateResult {
  const path =
    level === 'ok'
      ? 'M6.2 11.6 2.4 7.8 1 9.2l5.2 5.2L15 5.6l-1.4-1.4Z'
      : level === 'warn'
        ? 'M8 1 15.5 14.5H.5ZM7 6v4.5h2V6Zm0 5.8v1.7h2v-1.7Z'
        : 'M5 1h6l4 4v6l-4 4H5l-4-4V5ZM7 4v5h2V4Zm0 6.5v2h2v-2Z';
  return svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${path} fill-rule="evenodd"></path></svg>`;
}
