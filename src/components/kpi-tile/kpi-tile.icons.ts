import { svg, type SVGTemplateResult } from 'lit';
import type { Direction } from './kpi-tile.types.js';

/** Arrow beside a delta (decorative: the text says up/down too). The status icons: kpi-tile.details.ts. */
export function deltaIcon(d: Direction): SVGTemplateResult {
  const path = d === 'up' ? 'M8 2 15 13H1Z' : d === 'down' ? 'M8 14 1 3H15Z' : 'M1 6.5H15V9.5H1Z';
  return svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d=${path}></path></svg>`;
}
