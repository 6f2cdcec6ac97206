import { css, html, nothing, supportsAdoptingStyleSheets, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/translation.js';
import { formatIssue } from '../issues/issue.js';
import type { StatusView } from './status-view.js';
import { lazyModule } from '../lazy-module.js';

/**
 * Shared markup for data states. Every element shows the same loading, empty, error and stale
 * states, with the same parts (`status`), so a page styles them once. The full error / stale banner is status-view.ts,
 * loaded on first use (see loadStatusView below).
 */
export const stateStyles = css`
  [part~='status'] {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-s);
    font-size: var(--_font-size-s);
    color: var(--_color-text);
    background: var(--_color-surface-raised);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    border-inline-start: 4px solid var(--_color-warning);
    padding: var(--_space-s) var(--_space-m);
  }
  [part~='status'][data-kind='error'] {
    border-inline-start-color: var(--_color-negative);
  }
  [part~='status'][data-kind='loading'] {
    border-inline-start-color: var(--_color-focus);
  }
  [part~='status'][data-kind='empty'] {
    border-inline-start-color: var(--_color-border);
  }
  /* The banner takes its own space (in flow, above the picture): it never covers a value. Not on a wall (density
     screen): a panel there does not grow, so the kept picture would be pushed out of it and cut (legend, rows gone);
     the banner sits over the top-end corner instead (the full one as a compact badge; it also does so in a page's
     fixed-height host: status-view.ts). The host is positioned and always ltr (tokens.ts): right is its end. */
  .state-strip {
    margin-block-end: var(--_space-s);
    align-items: center;
  }
  :host([data-density='screen']) .state-strip {
    position: absolute;
    right: 0;
    z-index: 5;
  }
  .state-block {
    min-height: 64px;
  }
  /* The full banner's own rules (details, buttons, the compact badge) load with it: status-view.ts. */
  [part~='illustrative'] {
    display: inline-block;
    padding: 0 var(--_space-xs);
    font-size: var(--_font-size-xs);
    line-height: 1.6;
    border: 1px dashed currentColor;
    border-radius: var(--_radius);
    white-space: nowrap;
    color: var(--_color-illustrative);
  }
  .spinner {
    width: 1em;
    height: 1em;
    flex: none;
    border-radius: 50%;
    border: 2px solid var(--_color-border);
    border-top-color: var(--_color-focus);
    animation: civic-spin 0.8s linear infinite;
  }
  @keyframes civic-spin {
    to {
      transform: rotate(1turn);
    }
  }
  /* Reduced motion stops it: theme/media.ts. */
`;

export function renderLoading(t: Translation): TemplateResult {
  return html`<div part="status" data-kind="loading" role="status" aria-busy="true" class="state-block"><span class="spinner" aria-hidden="true"></span><span>${t.loading}</span></div>`;
}

export function renderEmpty(t: Translation): TemplateResult {
  return html`<div part="status" data-kind="empty" role="status" class="state-block">${t.empty}</div>`;
}

// The full data-status banner (status-view.ts: details list, Retry and dismiss buttons, the compact badge) loads with
// the first status an element shows (issue 16: a first picture of good data never needs it). One load for the page.
const viewChunk = lazyModule(() =>
  import('./status-view.js').then((m) => m.makeStatusView({ html, nothing, css, formatIssue, adopting: supportsAdoptingStyleSheets })),
);
let viewFailed = false;

/** The full banner once loaded, else undefined. @internal */
export const statusView = (): StatusView | undefined => viewChunk.loaded;

/** True once the full banner is loaded or its last load failed (then the plain banner stands). @internal */
export const statusViewSettled = (): boolean => viewChunk.loaded !== undefined || viewFailed;

/** Loads the full banner once; a failed load is tried again by the next call. Never rejects. @internal */
export function loadStatusView(): Promise<void> {
  viewFailed = false;
  return viewChunk.load().then(
    () => undefined,
    () => void (viewFailed = true),
  );
}

/**
 * The plain status banner (part `status`), drawn while the full banner loads and when it cannot load (a page that
 * lost its network still shows that something went wrong): the same part, kind, role and place (a strip above a kept
 * picture, else a block) as the full one, with a short translated headline ("数据加载失败") and line; no reason, time,
 * details list or buttons (their words load with the full banner: status-words.ts).
 */
export function renderPlainStatus(kind: string, role: string, text: string, overlay?: boolean, line2?: string): TemplateResult {
  return html`<div part="status" data-kind=${kind} role=${role} class=${overlay ? 'state-strip' : 'state-block'}><div><strong>${text}</strong>${line2 ? html`<div>${line2}</div>` : nothing}</div></div>`;
}

/** The 示例数据 / Illustrative data badge. */
export function renderIllustrative(t: Translation, title?: string): TemplateResult {
  return html`<span part="illustrative" title=${title ?? t.illustrativeNote}>${t.illustrative}</span>`;
}
