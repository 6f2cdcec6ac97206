/**
 * The template of <civic-chain-graph> once data is shown: toolbar (title, 示例数据 badge, export, reset, search),
 * legend, the stage (picture, tooltip, the note on names not shown, progress), instructions, live region and the table
 * twin. No state of its own: the element passes what it shows and the callbacks (see GraphView).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { renderIllustrative } from '../../core/render/states.js';
import { cspStyle } from '../../core/render/csp-style.js';
import { renderExportButton } from '../../core/export/export-button.js';
import { viewWords, type Translation } from '../../core/i18n/translation.js';
import { renderLegend, renderTable, renderTooltip, toggle, tooltipLines, type Terms } from './chain-graph.parts.js';
import type { ChainNavController } from './chain-graph.navigation.js';
import type { Shown } from './chain-graph.scene.js';
import type { ChainData, ChainNode } from './chain-graph.types.js';

export interface GraphView {
  tt: Terms;
  core: Translation;
  lang: 'zh-CN' | 'en';
  shown: Shown;
  label: (n: ChainNode) => string;
  chainName: (c: ChainData['chains'][number]) => string;
  /** The payload's note (title of the 示例数据 badge). */
  note?: string;
  search: string;
  hiddenTypes: ReadonlySet<string>;
  hiddenKinds: ReadonlySet<string>;
  tableOpen: boolean;
  /** Progress 0–1 of a long layout, or null. */
  progress: number | null;
  nav: ChainNavController;
  /** The canvas, or the SVG picture. */
  picture: TemplateResult;
  /** Names in view not drawn at this zoom. */
  dropped: number;
  /** A node's position on the stage (CSS px), for the tooltip. */
  at: (id: string) => [number, number] | undefined;
  /** Shown unless `export="false"`. */
  exportPng?: () => void;
  reset: () => void;
  set: { search(value: string): void; hiddenTypes(v: ReadonlySet<string>): void; hiddenKinds(v: ReadonlySet<string>): void; tableOpen(open: boolean): void };
}

export function renderGraph(v: GraphView): TemplateResult {
  const { tt, shown: s, lang, nav } = v;
  const chainNames = s.data.chains.map((c) => v.chainName(c)).filter(Boolean);
  const summary = tt.summary(chainNames.join(lang === 'en' ? ', ' : '、') || tt.graph, s.data.nodes.length, s.data.links.length);
  const pct = Math.round((v.progress ?? 0) * 100);
  // Legend and table twin (hundreds of rows) are rendered again only when what they show changes: not for the
  // picture's own updates (layout result, dropped-labels note, progress), hover or the tooltip.
  const legend = guard([s, v.hiddenTypes, v.hiddenKinds, lang], () =>
    renderLegend(tt, s, v.hiddenTypes, v.hiddenKinds, { type: (t) => v.set.hiddenTypes(toggle(v.hiddenTypes, t)), kind: (k) => v.set.hiddenKinds(toggle(v.hiddenKinds, k)) }),
  );
  const table = guard([s, lang, v.tableOpen], () => renderTable(tt, viewWords(lang).table, s, v.label, v.chainName, v.tableOpen, v.set.tableOpen));
  return html`
    <div part="toolbar">
      <div part="title">${chainNames.join(' · ')}</div>
      ${s.illustrative ? renderIllustrative(v.core, v.note) : nothing}
      <span class="spacer"></span>
      ${v.exportPng ? renderExportButton(tt.exportPng, v.exportPng) : nothing}
      <button part="reset" type="button" @click=${v.reset}>${tt.resetZoom}</button>
      <label
        >${tt.search}
        <input part="search" type="search" .value=${v.search} @input=${(e: Event) => v.set.search((e.target as HTMLInputElement).value)} @keydown=${nav.onSearchKey}
      /></label>
    </div>
    ${legend}
    <div
      part="stage"
      tabindex="0"
      role="application"
      aria-roledescription=${tt.graph}
      aria-label=${summary}
      aria-describedby="instructions"
      @keydown=${nav.onKey}
      @click=${nav.onClick}
      @pointermove=${nav.onPointerMove}
      @pointerleave=${nav.onPointerLeave}
      @blur=${nav.onBlur}
    >
      ${v.picture} ${tooltip(v)} ${v.dropped > 0 ? html`<div part="label-note">${tt.moreLabels(v.dropped)}</div>` : nothing}
      ${v.progress !== null
        ? html`<div part="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${pct} aria-label=${tt.computing(pct)}>
            ${tt.computing(pct)}
            <div class="bar"><div style=${cspStyle({ width: `${pct}%` })}></div></div>
          </div>`
        : nothing}
    </div>
    <div id="instructions" class="visually-hidden">${tt.instructions}</div>
    <div class="visually-hidden" role="status" aria-live="polite">${nav.announcement}</div>
    ${table}
  `;
}

/** The tooltip of the emphasised node, next to it on the stage. */
function tooltip(v: GraphView): TemplateResult | typeof nothing {
  const id = v.nav.emphasis;
  const lines = id ? tooltipLines(v.tt, v.shown, id, v.label, v.lang, v.core.illustrative) : undefined;
  const at = id && lines ? v.at(id) : undefined;
  return at && lines ? renderTooltip(lines, at[0], at[1]) : nothing;
}
