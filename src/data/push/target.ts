/**
 * Which `src` values are push sources:
 *   sse+https://…, sse+http://…, sse+/relative/path   → Server-Sent Events (the `sse+` prefix is dropped)
 *   ws://…, wss://…                                   → WebSocket
 *   any URL with transport="sse"                      → Server-Sent Events
 *   any URL with transport="ws"                       → WebSocket (http→ws, https→wss; relative URLs resolve
 *                                                       against the page)
 * `transport="fetch"` forces a plain fetch; `auto` (default) decides by the URL. Pure.
 */
export type PushKind = 'sse' | 'ws';
export interface PushTarget {
  kind: PushKind;
  /** Absolute URL to connect to. */
  url: string;
}

export const TRANSPORTS = ['auto', 'fetch', 'sse', 'ws'] as const;

export function pushTarget(src: string, transport: string | undefined | null, baseURI: string): PushTarget | undefined {
  const t = (transport ?? 'auto').trim().toLowerCase();
  if (t === 'fetch') return undefined;
  const s = src.trim();
  const sse = /^sse\+/i.test(s);
  const rest = sse ? s.slice(4) : s;
  let url: URL;
  try {
    url = new URL(rest, baseURI);
  } catch {
    return undefined;
  }
  if (t === 'ws' || (!sse && t !== 'sse' && /^wss?:$/.test(url.protocol))) {
    if (url.protocol === 'http:') url.protocol = 'ws:';
    else if (url.protocol === 'https:') url.protocol = 'wss:';
    return { kind: 'ws', url: url.href };
  }
  if (sse || t === 'sse') {
    if (url.protocol === 'ws:') url.protocol = 'http:';
    else if (url.protocol === 'wss:') url.protocol = 'https:';
    return { kind: 'sse', url: url.href };
  }
  return undefined;
}
