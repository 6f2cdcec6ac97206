import { css, html, svg, type TemplateResult } from 'lit';

/**
 * The export button every element shows when its `export` attribute is set: part `export-button`, an icon with
 * an accessible name (the element's own `exportPng` term) and a tooltip. At least `--_min-target` square
 * (24 px; 44 px with `density="elder"`), visible focus ring from the shared `:focus-visible` rule, hidden in print
 * and coloured with system colours in forced-colors mode.
 */
export const exportButtonStyles = css`
  [part~='export-button'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    flex: none;
    min-width: var(--_min-target);
    min-height: var(--_min-target);
    padding: 0 var(--_space-xs);
    margin: 0;
    font: inherit;
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
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  @media print {
    [part~='export-button'] {
      display: none !important;
    }
  }
  @media (forced-colors: active) {
    [part~='export-button'] {
      color: ButtonText;
      border-color: ButtonText;
    }
  }
`;

const icon = svg`<path d="M12 4v11M7 10l5 5 5-5M5 19h14"></path>`;

/** The button; `label` is its accessible name and tooltip. */
export function renderExportButton(label: string, onClick: () => void): TemplateResult {
  return html`<button part="export-button" type="button" aria-label=${label} title=${label} @click=${onClick}>
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${icon}</svg>
  </button>`;
}
