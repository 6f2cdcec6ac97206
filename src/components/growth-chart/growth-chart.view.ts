/**
 * The parts of `<civic-growth-chart>`'s Lit template that depend only on the model (split out of growth-chart.ts):
 * the header badges, the plot's `<svg>` shell and the legend and notes (the tooltip comes with growth-chart.extras.ts). Plain functions of their
 * inputs; the element passes its state and handlers in.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import { renderIllustrative } from '../../core/render/states.js';
import type { Translation } from '../../core/i18n/translation.js';
export { viewWords } from '../../core/i18n/translation.js'; // the table toggle's and export menu's words, for growth-chart.ts
import type { GrowthModel, LegendItem } from './model/types.js';
import { COLORS } from './growth-chart.dom.js';
import type { GrowthChartTerms as Terms } from './growth-chart.i18n.js';

/** Illustrative bars are filled with a hatch of their series colour (one pattern per colour, no extra nodes per bar). */
const HATCH_IDS = Array.from({ length: COLORS }, (_, i) => `hatch-s${i}`);

/** Rank and 示例数据 badges of the header. */
export function renderBadges(m: GrowthModel | undefined, core: Translation): unknown {
  if (!m) return nothing;
  if (!m.rank) return m.illustrative ? renderIllustrative(core) : nothing;
  return html`${m.rank ? html`<span part="rank" title=${m.rank}>${m.rank}</span>` : nothing}
    ${m.illustrative ? renderIllustrative(core) : nothing}`;
}

/**
 * The plot's <svg> with its patterns, the marks group and the crosshair; grid, axes, zero and reference lines, x
 * labels and annotations are drawn around the marks group by drawFrame (growth-chart.plot.ts) in updated(). The
 * patterns need no <defs> (a pattern is never drawn by itself): one node less to style. drawFrame inserts its parts
 * right before and after the marks group, outside the patterns' part (which ends at the text node before the group).
 */
export function renderPlot(m: GrowthModel | undefined, active: number, emptyText: string): unknown {
  if (!m) return nothing;
  if (m.empty) return html`<div part="status" data-kind="empty" role="status" class="state-block">${emptyText}</div>`;
  const base = m.plot.y + m.plot.height;
  const act = active >= 0 ? m.categories[active] : undefined;
  // Hatch patterns only for the colours of illustrative bars (fewer nodes to build, style and lay out).
  const hatched = m.illustrative ? [...new Set(m.bars.filter((b) => b.illustrative).map((b) => b.colorIndex % COLORS))].sort((p, q) => p - q) : [];
  return html`<svg
    part="plot"
    width=${m.width}
    height=${m.height}
    viewBox="0 0 ${m.width} ${m.height}"
    aria-hidden="true"
    class=${m.kind === 'value-growth' ? 'vg' : m.kind}
  >
    ${hatched.map(
      (i) => svg`<pattern id=${HATCH_IDS[i]} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" class="hatch-bg s${i}"></rect>
        <line x1="0" y1="0" x2="0" y2="6" class="hatch-line"></line>
      </pattern>`,
    )}
    <g class="marks"></g>
    ${act ? svg`<line class="crosshair" x1=${act.x} x2=${act.x} y1=${m.plot.y} y2=${base}></line>` : nothing}
  </svg>`;
}

/** The legend (one toggle button per series) and the notes below the plot; `table` is the data table twin, if built. */
export function renderFooter(m: GrowthModel, T: Terms, core: Translation, toggle: (id: string) => void, table: unknown): TemplateResult {
  const vg = m.kind === 'value-growth' ? 'vg' : '';
  return html`<ul part="legend">
      ${m.legend.map(
        (l) => html`<li>
          <button type="button" aria-pressed=${l.hidden ? 'false' : 'true'} data-series=${l.id} title=${T.legendToggle(l.name)} @click=${() => toggle(l.id)}>
            ${swatches(l, vg)}
            ${l.name}
          </button>
        </li>`,
      )}
      ${m.illustrative ? html`<li class="axis-note"><span class="hatch-swatch" aria-hidden="true"></span> ${core.illustrativeNote}</li>` : nothing}
    </ul>
    <ul part="notes">
      ${m.axisNote ? html`<li>${m.axisNote}${m.nominal ? ` · ${T.nominal}` : ''}</li>` : nothing}
      ${m.notes.map((n) => html`<li>${n}</li>`)}
    </ul>
    ${table}`;
}

/** A legend entry's swatches: bar and line, or one of them; one template either way (fewer to build than one per swatch). */
function swatches(l: LegendItem, vg: string): TemplateResult {
  const c = l.colorIndex % COLORS;
  if (l.mark === 'bar-line') return html`<span class="swatch c${c}" aria-hidden="true"></span><span class="swatch line ${vg} c${c}" aria-hidden="true"></span>`;
  return l.mark === 'bar' ? html`<span class="swatch c${c}" aria-hidden="true"></span>` : html`<span class="swatch line ${vg} c${c}" aria-hidden="true"></span>`;
}
