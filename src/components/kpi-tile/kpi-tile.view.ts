/**
 * Templates of <civic-kpi-tile> over its view model (kpi-tile.model.ts): the figure line, and what comes under it
 * (notes, delta and status, progress, sparkline, caption, source). The element renders the head and the live region.
 */
import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { renderIllustrative } from '../../core/render/states.js';
import { NO_VALUE, formatAmount, formatPercent, type AmountParts } from '../../core/format/number.js';
import { figureShape, type TileView } from './kpi-tile.model.js';
import type { Translation } from '../../core/i18n/translation.js';
import { deltaIcon } from './kpi-tile.icons.js';
import { lazyModule } from '../../core/lazy-module.js';
import type { KpiTileTerms } from './kpi-tile.i18n.js';

/**
 * Status, progress, sparkline and period (templates, styles and their model): loaded with the first item that has one
 * of them (kpi-tile.ts waits for it before drawing that item). Most tiles (a value and a delta) never load it.
 */
export const tileDetails = lazyModule(() => import('./kpi-tile.details.js').then((m) => m.makeDetails({ html, svg, css, formatAmount, formatPercent })));

/** What the figure line last drew, per tile: its shape, and which of the two identical templates drew it. */
export interface LineState {
  shape: string;
  second: boolean;
}

/**
 * The figure line: qualifier, figure (painted by kpi-tile.roll.ts: the final figure or a count-up frame; the final
 * figure reserves its width: kpi-tile.figure.ts writes it into `.reserve`), scale word, qualifier, unit. A figure of
 * another shape is new content: the line's content is re-created, not the old text sliding (no layout shift). A
 * figure of the same shape (same characters but digits, same qualifier, suffix and unit: tabular figures, same width)
 * is written into the same nodes: nothing moves, and a wall of 200 tiles updating each second re-creates no nodes (issue 16).
 *
 * Re-created as lit's keyed() would, without its directive code in the tile's first load (issue 16): a new shape
 * switches to the other of two identical templates, and lit replaces a part's DOM when its template changes.
 */
export function renderValueLine(p: AmountParts, en: boolean, last: LineState): unknown {
  const shape = figureShape(p, en);
  if (shape !== last.shape) {
    last.shape = shape;
    last.second = !last.second;
  }
  const q = p.prefix ? html`<span part="qualifier">${p.prefix}${en ? ' ' : ''}</span>` : nothing;
  const post = p.postfix ? html`<span part="qualifier">${p.postfix}</span>` : nothing;
  const unit = p.text !== NO_VALUE && p.unit ? html`<span part="unit">${en ? ' ' : ''}${p.unit}</span>` : nothing;
  return last.second
    ? html`${q}<span class="roll"><span class="reserve"></span><span part="number"></span></span><span part="suffix"></span>${post}${unit}`
    : html`${q}<span class="roll"><span class="reserve"></span><span part="number"></span></span><span part="suffix"></span>${post}${unit}`;
}

/** Everything under the figure line. `outside`: the region filter excludes every item. */
export function renderDetails(v: TileView, t: KpiTileTerms, core: Translation, outside?: boolean): TemplateResult {
  // A view has a status, progress or sparkline only once their chunk has loaded (the tile waits for it).
  const x = tileDetails.loaded;
  // An invalid value and a region outside the filter never come together (outside: no item, a placeholder is shown).
  // No whitespace between the parts (issue 16: the tile's first load); the base and the row are flex boxes.
  const note = v.invalid ? t.invalidValue : outside ? t.outsideRegion : '';
  return html`${note ? html`<div part="status" class="tile-note" data-kind=${v.invalid ? 'error' : 'empty'} aria-hidden="true">${note}</div>` : nothing}${v.delta || v.status
    ? html`<div class="row">${v.delta
        ? html`<span part="delta delta-${v.delta.direction}" aria-hidden="true">${deltaIcon(v.delta.direction)}<span class="delta-label">${v.delta.label}</span><span>${v.delta.direction === 'flat' ? t.flat : v.delta.text}</span></span>`
        : nothing}${x && v.status ? x.renderStatus(v.status) : nothing}</div>`
    : nothing}${x && (v.progress || v.spark) ? x.renderBars(v) : nothing}${v.spark?.illustrative && !v.illustrative ? renderIllustrative(core, v.spark.note) : nothing}${v.caption ? html`<p part="caption">${v.caption}</p>` : nothing}${v.source ? html`<p part="source">${t.sourceLabel(v.source)}</p>` : nothing}`;
}
