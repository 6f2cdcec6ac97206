// A module script placed right after the library's module bundle: module scripts run in order, so
// every element must be defined by now (the bundle must not define elements in a late async chunk,
// or frameworks that mount right after it set data as an attribute on a not-yet-defined element).
const tags = [...new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.startsWith('civic-')))];
window.__definedAfterBundle = Object.fromEntries(tags.map((t) => [t, !!customElements.get(t)]));
