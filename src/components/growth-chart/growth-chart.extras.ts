/**
 * What `<civic-growth-chart>` builds in the task after its first picture (issue 16: not in the first load): the export
 * menu (part `toolbar`) and its downloads, the data table twin (parts `table-details`, `table`) and the tooltip (part
 * `tooltip`: hidden until a period is pointed at or focused, so not in the first picture), with their styles.
 * Loaded by the element's first picture; `whenSettled()` resolves once they are in the shadow DOM.
 */
import { css, html, nothing, supportsAdoptingStyleSheets, type TemplateResult } from 'lit';
import type { ViewWords } from '../../core/i18n/translation.js';
import { cspStyle } from '../../core/render/csp-style.js';
import { COLORS } from './growth-chart.dom.js';
import { CivicExportEvent } from './growth-chart.events.js';
import type { GrowthModel } from './model/types.js';

export type ExportFormat = 'png' | 'svg' | 'csv';

const styles = css`
  [part~='tooltip'] {
    position: absolute;
    top: 0;
    z-index: 4;
    max-width: min(288px, 80%);
    padding: var(--_space-xs) var(--_space-s);
    font-size: var(--_font-size-xs);
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    pointer-events: none;
    box-shadow: 0 2px 6px rgb(0 0 0 / 15%);
  }
  [part~='tooltip'][hidden] {
    display: none;
  }
  [part~='tooltip'] .title {
    font-weight: 600;
  }
  [part~='tooltip'] .row {
    display: flex;
    gap: var(--_space-xs);
    align-items: baseline;
  }
  [part~='toolbar'] {
    position: relative;
    font-size: var(--_font-size-xs);
  }
  [part~='toolbar'] summary {
    cursor: pointer;
    list-style: none;
    padding: 0 var(--_space-s);
    min-height: var(--_min-target);
    display: flex;
    align-items: center;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    color: var(--_color-text-muted);
  }
  [part~='toolbar'] summary::-webkit-details-marker {
    display: none;
  }
  [part~='toolbar'] .menu {
    position: absolute;
    inset-inline-end: 0;
    z-index: 6;
    display: flex;
    flex-direction: column;
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    padding: var(--_space-xs);
  }
  .table-wrap summary {
    cursor: pointer;
    font-size: var(--_font-size-xs);
    color: var(--_color-text-muted);
    min-height: var(--_min-target);
    display: flex;
    align-items: center;
  }
  [part~='table'] {
    border-collapse: collapse;
    font-size: var(--_font-size-xs);
    font-variant-numeric: tabular-nums;
    width: 100%;
  }
  [part~='table'] th,
  [part~='table'] td {
    border-bottom: 1px solid var(--_color-border);
    padding: 2px var(--_space-s);
    text-align: end;
  }
  [part~='table'] th:first-child,
  [part~='table'] td:first-child,
  [part~='table'] td:last-child {
    text-align: start;
  }
`;

const adopted = new WeakSet<ShadowRoot>();

/**
 * Adds the menu's and the table's styles to the chart's shadow root once (after its own styles). The lazy status
 * banner (core/render/status-view.ts) does the same; kept apart since a module shared by two lazy chunks becomes a
 * chunk of its own in users' bundles.
 */
export function adoptExtrasStyles(root: unknown): void {
  if (!(root instanceof ShadowRoot) || adopted.has(root)) return;
  adopted.add(root);
  const sheet = styles.styleSheet;
  if (sheet && supportsAdoptingStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  else {
    // Lit's own fallback: a <style> element with the page's nonce, as Lit sets it.
    const style = document.createElement('style');
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    if (nonce !== undefined) style.setAttribute('nonce', nonce);
    style.textContent = styles.cssText;
    root.appendChild(style);
  }
}

/** The tooltip of the active period (or indicator); one template whether shown or not. */
export function renderTooltip(m: GrowthModel | undefined, active: number): unknown {
  const c = m && active >= 0 ? m.categories[active] : undefined;
  // Positioned through the CSSOM (cspStyle), never a style attribute: pages under style-src 'self' refuse those.
  let style: Record<string, string | undefined> = { left: undefined, right: undefined };
  if (m && c) style = c.x > m.width / 2 ? { right: `${Math.max(0, m.width - c.x + 8)}px`, left: undefined } : { left: `${c.x + 8}px`, right: undefined };
  // One template whether shown or not: the live region must stay the same node to be announced.
  return html`<div part="tooltip" role="status" aria-live="polite" ?hidden=${!c} style=${cspStyle(style)}>
    ${c
      ? html`<div class="title">${c.tooltip.title}</div>
          ${c.tooltip.rows.map((r) => html`<div class="row"><span class="swatch c${r.colorIndex % COLORS}" aria-hidden="true"></span><span>${r.text}</span></div>`)}
          ${c.notes.map((n) => html`<div class="row">${n}</div>`)}`
      : nothing}
  </div>`;
}

/** The export menu: PNG, SVG and CSV buttons in a closed disclosure. */
export function renderToolbar(label: string, c: ViewWords, pick: (format: ExportFormat) => void): TemplateResult {
  return html`<details part="toolbar">
    <summary>${label}</summary>
    <div class="menu">
      <button type="button" data-format="png" @click=${() => pick('png')}>${c.exportPng}</button>
      <button type="button" data-format="svg" @click=${() => pick('svg')}>${c.exportSvg}</button>
      <button type="button" data-format="csv" @click=${() => pick('csv')}>${c.exportCsv}</button>
    </div>
  </details>`;
}

/** The data table twin: its rows only while it is open (closed `<details>` content is hidden from everyone anyway). */
export function renderTable(m: GrowthModel, summaryLabel: string, open: boolean, rows: boolean, onToggle: (e: Event) => void): TemplateResult {
  return html`<details class="table-wrap" part="table-details" ?open=${open} @toggle=${onToggle}>
    <summary>${summaryLabel}</summary>
    <table part="table">
      <caption class="visually-hidden">${m.summary}</caption>
      ${rows
        ? html`<thead>
              <tr>${m.table.head.map((h) => html`<th scope="col">${h}</th>`)}</tr>
            </thead>
            <tbody>
              ${m.table.rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>`)}
            </tbody>`
        : nothing}
    </table>
  </details>`;
}

/**
 * The menu's download: `civic-export` (cancelable) with the file, then the browser's download unless a listener
 * prevented it. `make` gives the file's content (a blob, or the SVG or CSV text); a failure is reported through `warn` and
 * nothing is downloaded.
 */
export async function download(host: HTMLElement, format: ExportFormat, filename: string, make: () => Promise<Blob> | Blob | string, warn: (m: string) => void): Promise<void> {
  let blob: Blob;
  try {
    const v = await make();
    // Text content: the SVG document, or the CSV with a byte-order mark (Excel reads it as UTF-8).
    blob = typeof v !== 'string' ? v : format === 'svg' ? new Blob([v], { type: 'image/svg+xml;charset=utf-8' }) : new Blob(['\ufeff' + v], { type: 'text/csv;charset=utf-8' });
  } catch (e) {
    warn(`export failed: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  const ev = new CivicExportEvent({ format, blob, filename });
  host.dispatchEvent(ev);
  const menu = host.shadowRoot?.querySelector('details[part~="toolbar"]');
  if (menu) (menu as HTMLDetailsElement).open = false;
  if (ev.defaultPrevented) return;
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
