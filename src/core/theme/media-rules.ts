import { supportsAdoptingStyleSheets } from 'lit';
import { lazyModule } from '../lazy-module.js';

// The reduced-motion, forced-colors and print rules of the host styles (media.ts) load with the first element that
// connects (issue 16: a first picture on a screen with none of these media active does not need them). Each element
// adopts them right after its first sheet, the host styles, where they stood in tokens.ts: the cascade is the same.
const chunk = lazyModule(() => import('./media.js'));
let sheet: CSSStyleSheet | undefined;

/**
 * Gives the host's shadow root the media rules once they have loaded (a failed load is tried again by the next element that connects).
 * Returns what the element's first picture waits for: the load, when a media these rules serve is active (forced
 * colours, reduced motion, print), else undefined. Never rejects. Where Lit does not adopt stylesheets (a ShadyCSS
 * polyfill) the rules are not added.
 */
export function mediaRules(host: { renderRoot: HTMLElement | DocumentFragment }): Promise<unknown> | undefined {
  const p = chunk.load().then(
    (m) => {
      const root = host.renderRoot;
      if (!supportsAdoptingStyleSheets || !(root instanceof ShadowRoot)) return;
      if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(m.mediaCss);
      const l = root.adoptedStyleSheets;
      if (!l.includes(sheet)) root.adoptedStyleSheets = [...l.slice(0, 1), sheet, ...l.slice(1)];
    },
    () => undefined,
  );
  return globalThis.matchMedia?.('(forced-colors: active), (prefers-reduced-motion: reduce), print').matches ? p : undefined;
}
