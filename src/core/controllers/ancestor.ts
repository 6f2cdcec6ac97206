/**
 * Walks from an element up through its ancestors, crossing shadow-root boundaries to the host,
 * and returns the first value of `attr` found (the element itself included).
 */
export function closestAttribute(el: Element, attr: string): string | null {
  let node: Element | null = el;
  while (node) {
    const v = node.getAttribute(attr);
    if (v !== null && v !== '') return v;
    if (node.parentElement) node = node.parentElement;
    else {
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return null;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/**
 * One MutationObserver for the whole document, shared by every element's LocalizeController and
 * ThemeController: it watches `lang`, `theme` and `density` anywhere in the light DOM and tells each
 * subscriber to re-resolve (cheap: a walk up the tree). Removed when the last subscriber leaves.
 */
export function watchInheritedAttributes(fn: Listener): () => void {
  listeners.add(fn);
  if (!observer && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const l of [...listeners]) l();
    });
    observer.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['lang', 'theme', 'density'] });
  }
  return () => {
    listeners.delete(fn);
    if (listeners.size === 0 && observer) {
      observer.disconnect();
      observer = undefined;
    }
  };
}

/** For tests: how many controllers are subscribed (must return to 0 after all elements disconnect). */
export function inheritedAttributeSubscribers(): number {
  return listeners.size;
}
