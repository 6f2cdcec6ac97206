/**
 * The full data-status banner (part `status`): the error, stale and partial states with their details list, Retry and
 * dismiss buttons and the one-word badge of small elements. It loads with an element's first status to show
 * (issue 16: a first picture of good data never needs it); until it is there — or when it cannot load, on a page that
 * lost its network — data-controller.view.ts draws a plain banner with a short translated headline (its words, the
 * reasons of errors and the "not updated" line with its time load with it: status-words.ts).
 *
 * It imports no value from the first load: lit's `html`, `nothing` and `css` and the shared helpers come in a kit from
 * states.ts (a first-load module that a lazy chunk imports is split into a chunk of its own by users' bundlers, which
 * costs the first load bytes).
 */
import type { CSSResult, TemplateResult, html as litHtml, nothing as litNothing, css as litCss } from 'lit';
import type { Translation } from '../i18n/translation.js';
import type { CivicErrorDetail } from '../events/error-event.js';
import type { Issue } from '../issues/issue.js';
import type { Lang } from '../i18n/lang.js';
import { errorHeadline, STATUS_WORDS } from './status-words.js';
import { formatTime } from '../format/time.js';
import { issueLine } from './issue-line.js';

interface StatusOptions {
  lang: Lang;
  /** A picture of earlier (or partly valid) data is on screen: the banner is a strip above it, not a block in its place. */
  overlay?: boolean;
  /** Offer a Retry button (only for failures of `src`). */
  onRetry?: () => void;
  /** Offer a dismiss button; the banner comes back on the next change of state. */
  onDismiss?: () => void;
  /** A small element: a badge with one word; the full text opens on click, Enter or Space. */
  compact?: boolean;
  /** The badge over the top-end corner of a kept picture, out of flow (see render). */
  pin?: boolean;
  /** Pinned with the sign only (the word is the summary's name and the pop's first line). */
  pinIcon?: boolean;
}

/** What the banner needs of the first load. @internal */
export interface StatusKit {
  html: typeof litHtml;
  nothing: typeof litNothing;
  css: typeof litCss;
  formatIssue: (i: Issue) => string;
  /** lit's `supportsAdoptingStyleSheets`. */
  adopting: boolean;
}

/**
 * What the banner reads of an element's data state (a DataController; core never imports src/data). @internal
 */
export interface StatusSource {
  readonly host: Element & { renderRoot?: unknown; requestUpdate(): void };
  readonly error?: CivicErrorDetail;
  /** The last good value, when one is on screen (the banner is then a strip above it, and dismissible). */
  readonly value?: unknown;
  readonly lastUpdated?: Date;
  /** A push source went quiet (else a stale state without an error is data from the offline cache). */
  readonly liveStale?: boolean;
  /** A small host: a one-word badge instead of the full banner (set here, by watchSize). */
  compact?: boolean;
  /** The host's height does not follow its content (set here, by render): the badge over a kept picture. */
  pin?: boolean;
  /** The badge's row had no room for its word: the sign only (set here, by render). */
  pinIcon?: boolean;
  /** Clears the badge's room in its row when the badge goes. */
  pinMo?: MutationObserver;
  /** While pinned: tries the word again (set here, by render; run when the host's width changes). */
  refit?: () => void;
  /** The host's content width when last seen (watchSize). */
  seenW?: number;
  /** The observer of the host's size, from its first full banner; the controller drops it on disconnect. */
  ro?: ResizeObserver;
  /** The value on screen came from the offline cache. */
  readonly fromCache?: boolean;
  /** The state whose banner was dismissed (written here, by the dismiss button). */
  dismissedKey?: string;
  currentSource(): { kind: string };
  reload(): Promise<unknown>;
}

/** @internal */
export interface StatusView {
  /**
   * The banner of `s`'s state: its error (`s.error`) or, without one, a stale picture (data from the offline cache or
   * a push source that went quiet); nothing when that state was dismissed. Adds the banner's styles to the element's
   * shadow root the first time.
   */
  render(s: StatusSource, t: Translation, lang: Lang): TemplateResult | typeof litNothing;
}

/** @internal */
export function makeStatusView(kit: StatusKit): StatusView {
  const { html, nothing, css } = kit;

  const styles = css`
    [part~='status'] .status-main {
      flex: 1;
      min-width: 0;
    }
    [part~='status'] .status-icon {
      flex: none;
      font-weight: 700;
    }
    /* The element's colours, not the browser's button (light grey under light text: invisible in the dark theme). */
    [part~='status'] button {
      font: inherit;
      min-height: var(--_min-target, 24px);
      padding: 0 var(--_space-s);
      color: var(--_color-text);
      background: var(--_color-surface-raised);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    [part~='status'] button:focus-visible {
      outline: 2px solid var(--_color-focus);
      outline-offset: 1px;
    }
    [part~='status'] .status-dismiss {
      flex: none;
      margin-inline-start: auto;
      min-width: var(--_min-target, 24px);
      padding: 0 var(--_space-xs);
      color: var(--_color-text-muted);
      background: none;
      border: 0;
      border-radius: var(--_radius);
      cursor: pointer;
      font-size: var(--_font-size-m);
      line-height: 1;
    }
    [part~='status'] .status-dismiss:focus-visible,
    [part~='status'] summary:focus-visible {
      outline: 2px solid var(--_color-focus);
      outline-offset: 1px;
    }
    /* Compact: a badge (icon + one word) in its own small line; the full text opens below it on click or Enter. */
    [part~='status'][data-compact] {
      position: relative;
      padding: 0 var(--_space-xs);
      gap: var(--_space-xs);
    }
    /* Over a kept picture on a wall or in a fixed-height host (states.ts has the wall's rule for the plain banner). */
    [part~='status'][data-pin] {
      position: absolute;
      inset-inline-end: 0;
      z-index: 5;
    }
    [data-pin] .status-pop {
      inset-inline-start: auto;
      width: max-content;
      max-width: 28em;
    }
    [part~='status'][data-compact] > details {
      flex: 1;
      min-width: 0;
    }
    [part~='status'][data-compact] > details > summary {
      list-style: none;
      display: flex;
      align-items: center;
      gap: var(--_space-xs);
      min-height: var(--_min-target, 24px);
      color: var(--_color-text);
      white-space: nowrap;
    }
    [part~='status'][data-compact] > details > summary::-webkit-details-marker {
      display: none;
    }
    [part~='status'][data-compact] .status-pop {
      position: absolute;
      inset-inline: 0;
      inset-block-start: 100%;
      z-index: 6;
      padding: var(--_space-s);
      background: var(--_color-surface-raised);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius);
      box-shadow: 0 4px 12px rgb(0 0 0 / 0.25);
    }
    [part~='status'] details {
      margin: 0;
    }
    [part~='status'] summary {
      cursor: pointer;
      color: var(--_color-text-muted);
    }
    [part~='status'] ul {
      margin: var(--_space-xs) 0 0;
      padding-inline-start: 1.2em;
      max-height: 8em;
      overflow: auto;
      font-family: ui-monospace, monospace;
      font-size: var(--_font-size-xs);
    }
  `;

  function renderBanner(
    t: Translation,
    b: { kind: string; role: string; word: string; body: unknown; options: StatusOptions; retry?: () => void },
  ): TemplateResult {
    const o = b.options;
    const w = STATUS_WORDS[o.lang] ?? STATUS_WORDS.en;
    const cls = o.overlay ? 'state-strip' : 'state-block';
    const dismiss = o.onDismiss
      ? html`<button type="button" class="status-dismiss" aria-label=${w.dismiss} title=${w.dismiss} @click=${o.onDismiss}>×</button>`
      : nothing;
    const retry = b.retry ? html`<button type="button" @click=${b.retry}>${w.retry}</button>` : nothing;
    if (o.compact)
      return html`<div part="status" data-kind=${b.kind} role=${b.role} class=${cls} data-compact ?data-pin=${o.pin}>
        <details>
          <summary aria-label=${w.statusDetails(b.word)}><span class="status-icon" aria-hidden="true">⚠</span><span ?hidden=${o.pin && o.pinIcon}>${b.word}</span></summary>
          <div class="status-pop">${o.pin && o.pinIcon ? html`<strong>${b.word}</strong> ` : nothing}${b.body}${o.pin ? html` ${retry} ${dismiss}` : nothing}</div>
        </details>
        ${o.pin ? nothing : html`${retry} ${dismiss}`}
      </div>`;
    return html`<div part="status" data-kind=${b.kind} role=${b.role} class=${cls}>
      <div class="status-main">${b.body}</div>
      ${retry} ${dismiss}
    </div>`;
  }

  /**
   * Adds the banner's styles to an element's shadow root once (next to its own styles). The growth chart's extras
   * chunk (growth-chart.extras.ts, adoptExtrasStyles) does the same for its menu and table: both live in lazy chunks,
   * and one shared module for these lines would become a chunk of its own in users' bundles (one more request).
   */
  const adopted = new WeakSet<ShadowRoot>();
  function adopt(root: unknown, sheet: CSSResult): void {
    if (!(root instanceof ShadowRoot) || adopted.has(root)) return;
    adopted.add(root);
    if (sheet.styleSheet && kit.adopting) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet.styleSheet];
    else {
      // Lit's own fallback: a <style> element (with the page's nonce, as Lit sets it), kept by later renders.
      const style = document.createElement('style');
      const nonce = (globalThis as { litNonce?: string }).litNonce;
      if (nonce !== undefined) style.setAttribute('nonce', nonce);
      style.textContent = sheet.cssText;
      root.appendChild(style);
    }
  }

  /**
   * An error with nothing to show, a stale picture (a refresh failed after good data), or partly invalid data (the
   * valid part is drawn). Each issue is a line in the element's language (issue-line.ts: path, sentence, value); the
   * developer English stays in the line's title (one hover away for whoever reports it; the list is a small scroll box,
   * and the event's detail and console.warn carry the English). Paths and values are text (Lit escapes them), never HTML. "Stale"
   * is said only when a refresh failed after good data (`overlay` and not `partial`: the line is given then);
   * partial data says so in its own words, also on the first load. Without an error: a stale picture with no error
   * object (data shown from the offline cache), marked with when it last loaded (`line`).
   */
  function renderFull(root: unknown, t: Translation, e: CivicErrorDetail | undefined, line: string, options: StatusOptions): TemplateResult {
    adopt(root, styles);
    const w = STATUS_WORDS[options.lang] ?? STATUS_WORDS.en;
    if (!e) return renderBanner(t, { kind: 'stale', role: 'status', word: w.statusStale, body: html`<span>${line}</span>`, options });
    // Partial: invalid rows skipped, or a part whose code could not load (kind network: the data is drawn, not stale).
    const word = e.partial ? (e.kind === 'validation' ? w.statusPartial : w.statusPartMissing) : line ? w.statusStale : w.statusFailed;
    const body = html`<strong>${errorHeadline(t, w, e)}</strong>
      ${line ? html`<div>${line}</div>` : nothing}
      ${e.issues.length
        ? html`<details>
            <summary>${w.errorDetails} (${w.nIssues(e.issueCount)})</summary>
            <ul>
              ${e.issues.slice(0, 20).map((i) => html`<li title=${kit.formatIssue(i)}>${issueLine(i, options.lang)}</li>`)}
            </ul>
          </details>`
        : nothing}`;
    return renderBanner(t, {
      kind: e.partial ? 'warning' : 'error',
      role: 'alert',
      word,
      body,
      options,
      retry: options.onRetry && !e.partial ? options.onRetry : undefined,
    });
  }

  /** Identity of the state a banner shows: dismissing hides this state only (see render below). */
  function stateKey(s: StatusSource): string {
    const e = s.error;
    if (!e) return `${s.liveStale ? 'live' : 'cache'}|${s.lastUpdated?.getTime()}`;
    return `${e.kind}|${e.url ?? ''}|${e.status ?? ''}|${e.partial}|${e.issueCount}|${e.message}|${s.lastUpdated?.getTime() ?? ''}`;
  }

  /**
   * Small hosts get a one-word badge: below 360 × 160 CSS px of content. Their size is watched from the first full
   * banner on (a page whose data is good never needs it; the plain banner has no badge).
   */
  function watchSize(s: StatusSource): void {
    if (s.ro || typeof ResizeObserver === 'undefined') return;
    s.ro = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1]?.contentRect;
      if (!r || r.width === 0) return;
      // A pinned badge's room for its word depends on its row's width, which follows the host's: try again next frame.
      if (r.width !== s.seenW && s.refit && s.seenW !== undefined) requestAnimationFrame(s.refit);
      s.seenW = r.width;
      const compact = r.width < 360 || r.height < 160;
      if (compact !== s.compact) {
        s.compact = compact;
        // Next frame: re-rendering inside the observer callback would resize the host within the same frame
        // (a "ResizeObserver loop" error on the page).
        if (s.error || s.fromCache) requestAnimationFrame(() => s.host.requestUpdate());
      }
    });
    s.ro.observe(s.host);
  }

  return {
    render(s, t, lang) {
      watchSize(s);
      const key = stateKey(s);
      if (key === s.dismissedKey) return kit.nothing;
      const e = s.error;
      const at = s.lastUpdated;
      // A partial problem is always over a picture (an attribute-only KPI tile's has no value here).
      const overlay = s.value !== undefined || !!e?.partial;
      // Over a kept picture the strip in flow pushes the picture down: right on a page, where the host grows with its
      // content (issue 13: the banner never covers a value), wrong where the host's height is fixed, as a wall's panels
      // always are (density screen, which <civic-screen> sets): there the picture would be cut by the panel (legend,
      // rows gone), so the banner is the compact badge over the element's top-end corner (the end of its title or
      // toolbar row, not the plot). Elsewhere a host is known to be fixed once the strip made its content overflow it
      // (one frame in flow): the badge from then on. Always a badge would cover a page's pictures for nothing.
      const pin = overlay && (s.pin || s.host.getAttribute('data-density') === 'screen');
      // Pinned: the badge sits at the end of the element's first row (title, toolbar or header row; the first in the
      // document), which keeps the badge's width free (its padding), so the badge covers no control, no illustrative
      // mark and no text, and the row's own content ends or wraps earlier. Where that makes the row wrap (the picture
      // goes past the host), the badge keeps only its sign (its word stays its accessible name and heads its pop); the
      // re-render and the new width land before the frame is painted (microtasks of this frame's callback). Set from
      // here (no :has(), which Chromium 90-104 lack) and cleared when the badge goes (the data layer then draws none).
      const h = s.host;
      const fit = (): void => {
        const root = h.renderRoot as ShadowRoot;
        const badge = root.querySelector<HTMLElement>('[data-pin]');
        const row = root.querySelector<HTMLElement>("[part~='header'], [part~='toolbar'], .head");
        if (!badge || !row) return;
        row.style.paddingInlineEnd = `${badge.offsetWidth}px`;
        s.pinMo?.disconnect();
        const mo = (s.pinMo = new MutationObserver(() => badge.isConnected || ((row.style.paddingInlineEnd = ''), (s.pinIcon = false), mo.disconnect())));
        mo.observe(root, { childList: true, subtree: true });
        if (!s.pinIcon && h.scrollHeight > h.clientHeight + 1) (s.pinIcon = true), h.requestUpdate(), void done().then(fit);
      };
      const done = () => (h as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      // The host's width changed (watchSize): the word again, measured and dropped again before paint if it has no room.
      s.refit = pin ? () => (s.pinIcon && ((s.pinIcon = false), h.requestUpdate()), void done().then(fit)) : undefined;
      if (overlay)
        requestAnimationFrame(() => {
          if (pin) fit();
          // The page may fix the height of the host's panel rather than the host's own (a grid row, a box with
          // overflow hidden): the host grows with the strip and overflows its parent's box, which does not scroll.
          else if (h.scrollHeight > h.clientHeight + 1 || overParent(h)) (s.pin = true), h.requestUpdate();
        });
      const w = STATUS_WORDS[lang] ?? STATUS_WORDS.en;
      // The "not updated" line: a stale picture says when its data last loaded (with the date); a refresh that failed
      // over kept data says the time of the data shown; partly valid data and first failures have none.
      const line = !e ? w.stale(formatTime(at!, lang, undefined, true)) : overlay && !e.partial ? (at ? w.stale(formatTime(at, lang)) : t.staleUnknown) : '';
      return renderFull(s.host.renderRoot, t, e, line, {
        lang,
        overlay,
        compact: s.compact || pin,
        pin,
        pinIcon: s.pinIcon,
        // Dismissing hides this state only: the next change of state (another failure, recovery, new issues) shows again.
        onDismiss: overlay
          ? () => {
              s.dismissedKey = key;
              s.host.requestUpdate();
            }
          : undefined,
        onRetry: s.currentSource().kind === 'src' ? () => void s.reload() : undefined,
      });
    },
  };
}

/** The host passes the bottom of its parent's box, and that box does not scroll (the page fixed the panel's height). */
function overParent(h: Element): boolean {
  const p = h.parentElement;
  return !!p && h.getBoundingClientRect().bottom > p.getBoundingClientRect().bottom + 1 && !/auto|scroll/.test(getComputedStyle(p).overflowY);
}
