/**
 * Page-wide settings for every element's requests, e.g. a token for a government API gateway:
 *
 *   import { configure } from 'civic-widgets';
 *   configure({ headers: { Authorization: 'Bearer …' } });
 *   // or bring your own fetch (signing, proxies, mocks):
 *   configure({ fetch: (url, init) => myFetch(url, init) });
 *
 * The IIFE build exposes it as `CivicWidgets.configure`.
 */
export interface CivicConfig {
  /** Headers added to every request (element attributes cannot carry secrets safely). */
  headers: Record<string, string>;
  /** The fetch implementation; default the page's `fetch`. */
  fetch?: typeof fetch;
  /** Default request timeout in ms (an element's `timeout` attribute wins). */
  timeout: number;
  /** Retries after a network error, timeout or 5xx (never after 4xx). */
  retries: number;
  /** First retry delay in ms; doubles each time, with jitter. */
  retryDelay: number;
  /**
   * WebSocket sub-protocols for push sources (Sec-WebSocket-Protocol), e.g. `['bearer', token]`: a browser cannot
   * send headers on a WebSocket, so this or `wsQuery` is where a token goes for `ws:`/`wss:` sources.
   */
  wsProtocols: string[];
  /** Query parameters added to every WebSocket push URL, e.g. `{ access_token: '…' }`. */
  wsQuery: Record<string, string>;
}

const config: CivicConfig = { headers: {}, timeout: 15000, retries: 2, retryDelay: 500, wsProtocols: [], wsQuery: {} };

export function configure(patch: Partial<CivicConfig>): CivicConfig {
  if (patch.headers) config.headers = { ...patch.headers };
  if ('fetch' in patch) config.fetch = patch.fetch; // undefined restores the page's fetch
  if (typeof patch.timeout === 'number' && patch.timeout > 0) config.timeout = patch.timeout;
  if (typeof patch.retries === 'number' && patch.retries >= 0) config.retries = Math.floor(patch.retries);
  if (typeof patch.retryDelay === 'number' && patch.retryDelay >= 0) config.retryDelay = patch.retryDelay;
  if (Array.isArray(patch.wsProtocols)) config.wsProtocols = patch.wsProtocols.filter((p) => typeof p === 'string' && p !== '');
  if (patch.wsQuery) config.wsQuery = { ...patch.wsQuery };
  return { ...config };
}

export function getConfig(): Readonly<CivicConfig> {
  return config;
}
