import { css, html, svg, type TemplateResult } from 'lit';
import type { LazyModule } from '../lazy-module.js';
import { CivicExportEvent } from '../events/export-event.js';
import type { exportPng, PngExporter } from './png.js';

/**
 * The export button every element shows when its `export` attribute is set: part `export-button`, an icon with
 * an accessible name (the element's own `exportPng` term) and a tooltip. At least `--_min-target` square
 * (24 px; 44 px with `density="elder"`: the host styles' `button` rule, tokens.ts), visible focus ring from the shared `:focus-visible` rule, hidden in print
 * and coloured with system colours in forced-colors mode (both rules with the host styles' media rules, theme/media.ts).
 */
export const exportButtonStyles = css`
  [part~='export-button'] {
    display: inline-flex;
    align-items: center;
    flex: none;
    justify-content: center;
    margin: 0;
    font: inherit;
    padding: 0 var(--_space-xs);
    font-size: var(--_font-size-s);
    line-height: 1;
    color: var(--_color-text-muted);
    background: transparent;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part~='export-button']:hover {
    color: var(--_color-text);
    background: var(--_color-surface-raised);
  }
  [part~='export-button'] svg {
    width: 1.1em;
    height: 1.1em;
    fill: none;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
    stroke: currentColor;
  }
`;

const icon = svg`<path d="M12 4v11M7 10l5 5 5-5M5 19h14"></path>`;

/** The button; `label` is its accessible name and tooltip. */
export function renderExportButton(label: string, onClick: () => void): TemplateResult {
  return html`<button part="export-button" type="button" aria-label=${label} title=${label} @click=${onClick}>
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${icon}</svg>
  </button>`;
}

/**
 * The export button's action for an element whose PNG code is its own lazy module re-exporting png.ts `exportPng`
 * (`mod`): loads it, makes the PNG, fires the cancelable `civic-export`, downloads. Never throws or rejects: a
 * failure, the module's load included, goes to `warn`.
 */
export function exportWith(mod: LazyModule<{ exportPng: typeof exportPng }>, host: PngExporter, fileName: string | undefined, warn: (message: string) => void): void {
  mod.load().then(
    (m) => m.exportPng(host, fileName, warn, (d) => new CivicExportEvent(d)),
    (e: unknown) => warn(`PNG export failed: ${e instanceof Error ? e.message : String(e)}`),
  );
}
