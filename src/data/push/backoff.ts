/**
 * Reconnect delays for push sources: exponential backoff with "equal jitter" — attempt n waits a random time in
 * [d/2, d] where d = min(cap, base × 2ⁿ). The jitter spreads the reconnects of a whole wall (or of every wall in a
 * city) after a server restart instead of hitting it in one burst; the lower half-bound keeps a minimum pause.
 * Pure; `random` is injectable for tests.
 */
export function backoffDelay(attempt: number, base: number, cap: number, random: () => number = Math.random): number {
  const b = Math.max(0, base);
  const c = Math.max(b, cap);
  const n = Math.max(0, Math.min(Math.floor(attempt), 40));
  const d = Math.min(c, b * 2 ** n);
  return Math.round(d / 2 + random() * (d / 2));
}
