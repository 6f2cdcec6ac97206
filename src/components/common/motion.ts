// One shared media query list (reading `.matches` is cheap; creating a list per update is not).
let reducedQuery: MediaQueryList | undefined;

/** Whether the user asks for reduced motion (`prefers-reduced-motion: reduce`). */
export function prefersReducedMotion(): boolean {
  if (typeof matchMedia !== 'function') return false;
  if (!reducedQuery) reducedQuery = matchMedia('(prefers-reduced-motion: reduce)');
  return reducedQuery.matches;
}
