import type { LinkedHost } from './linked-region-controller.js';
import type { CivicSelectDetail } from '../events/select-event.js';
import type { CivicErrorDetail } from '../events/error-event.js';

/**
 * What a linked element does with a `civic-select` (linked-region-controller.ts): loaded with the first element that
 * has `linked` or `linked-to` (issue 16: most elements follow nothing). Imports nothing of the first load (the
 * `civic-error` below is a plain CustomEvent with CivicEvent's options: importing error-event.ts here would split it
 * out of the first load into a chunk of its own in users' bundlers).
 */
export interface LinkState {
  readonly host: LinkedHost;
  /** The region this controller last applied (undefined when none). */
  applied?: string;
}

/**
 * How long after the page has loaded (or after the element connected, on a page already loaded) a `linked-to`
 * partner may still be missing before it is reported: a map inserted just after its board (a framework rendering
 * children in turn, a page script adding it) is not a mistake.
 */
export const LINK_GRACE_MS = 1000;

/** Stops the partner watch of a link state (see `watch`). */
const watching = new WeakMap<LinkState, () => void>();

/** True when the host follows the selections of `source`. */
function follows(h: LinkedHost, source: Element): boolean {
  if (source === h) return false;
  if (h.linkedTo) return source.id === h.linkedTo;
  if (!h.linked) return false;
  // Inside a screen, the map drives linked views; any other element can opt in with `link-source`.
  if (source.localName !== 'civic-grid-map' && !source.hasAttribute('link-source')) return false;
  const screen = h.closest('civic-screen');
  return !!screen && screen.contains(source);
}

/** Sets the host's `region` from a selection of `source` it follows; an author-set region wins. */
export function follow(c: LinkState, source: unknown, detail: CivicSelectDetail): void {
  const h = c.host;
  if (!(source instanceof Element) || !follows(h, source)) return;
  watching.get(c)?.(); // the partner exists (perhaps in a shadow root the watch does not see)
  const region = detail.id === null ? undefined : (detail.region ?? detail.id ?? undefined);
  if (h.region !== undefined && h.region !== c.applied) return; // author-set region wins
  c.applied = region;
  h.region = region;
  h.requestUpdate();
}

/**
 * A `linked-to` whose id names no element on the page: reported once, not thrown (README, Errors), and the data stays
 * on screen, whole (the element simply follows nothing).
 *
 * Why this and no banner: the element's own data is complete and right, so the data-state banner (stale / partial /
 * failed, part `status`) would tell the people watching a data wall about a page author's typo they cannot fix, and
 * it is cleared by each accepted payload. The page author gets what every other configuration mistake gives them:
 * one console warning naming the id and the ids that are there, and one `civic-error` { kind: 'validation', source:
 * 'attribute', partial: true, keptPrevious: false, issues: [{ path: 'linked-to', code: 'unknown-id', severity:
 * 'warning' }] } that a page or a monitoring script can listen for.
 *
 * When: the partner may simply come later (a map inserted after the board), so nothing is said until the page has
 * loaded and LINK_GRACE_MS more have passed; a partner that appears meanwhile (inserted, or an element given that id)
 * is not reported, and the link works from then on either way (follow() matches the id of each selection's source,
 * whenever it came, so nothing needs to observe the DOM meanwhile). Looked for in the host's document and, when it
 * lives in a shadow root, in that root; a selection from the partner (wherever it is) ends the watch.
 */
export function watch(c: LinkState): void {
  const h = c.host;
  const id = h.linkedTo;
  if (!id || watching.has(c)) return;
  const root = h.getRootNode() as Document | ShadowRoot;
  const found = () => !!(document.getElementById(id) ?? root.getElementById?.(id));
  if (found()) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => (timer = setTimeout(report, LINK_GRACE_MS));
  const stop = () => {
    clearTimeout(timer);
    removeEventListener('load', arm);
    watching.delete(c);
  };
  const report = () => {
    stop();
    // Said only if it is still true: the element left the page, its id changed, or the partner came meanwhile.
    if (!h.isConnected || h.linkedTo !== id || found()) return;
    const ids = [...document.querySelectorAll('[id]')].filter((e) => e.localName.startsWith('civic-')).map((e) => e.id);
    const message = `linked-to="${id}": no element with this id on the page, so this element follows no selection (ids of civic elements here: ${ids.join(', ') || 'none'})`;
    // eslint-disable-next-line no-console
    console.warn(`[${h.localName}] ${message}`);
    const detail: CivicErrorDetail = {
      kind: 'validation',
      source: 'attribute',
      message,
      issues: [{ path: 'linked-to', code: 'unknown-id', message, severity: 'warning' }],
      issueCount: 1,
      issueCounts: { 'unknown-id': 1 },
      partial: true,
      keptPrevious: false,
    };
    h.dispatchEvent(new CustomEvent('civic-error', { detail, bubbles: true, composed: true }));
  };
  watching.set(c, stop);
  if (document.readyState === 'complete') arm();
  else addEventListener('load', arm, { once: true });
}
