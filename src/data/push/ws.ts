/**
 * One WebSocket connection. Browsers cannot set headers on a WebSocket handshake, so `configure({ headers })` does
 * not apply; a token goes in `configure({ wsProtocols })` (sent as Sec-WebSocket-Protocol) or
 * `configure({ wsQuery })` (added to the URL's query). Cookies of the WebSocket's host are sent as usual.
 */
import { getConfig } from '../configure.js';
import type { ConnectionHandlers, PushConnection } from './connection.js';

export function wsUrl(url: string, query: Record<string, string>): string {
  const keys = Object.keys(query);
  if (!keys.length) return url;
  const u = new URL(url);
  for (const k of keys) u.searchParams.set(k, query[k]);
  return u.href;
}

export function openWs(url: string, h: ConnectionHandlers): PushConnection {
  const cfg = getConfig();
  let closed = false;
  let opened = false;
  let ws: WebSocket | undefined;
  const finish = (err: Parameters<ConnectionHandlers['close']>[0]): void => {
    if (closed) return;
    closed = true;
    h.close(err);
  };
  try {
    ws = new WebSocket(wsUrl(url, cfg.wsQuery), cfg.wsProtocols.length ? cfg.wsProtocols : undefined);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    queueMicrotask(() => finish({ kind: 'network', message, opened: false }));
    return { close: () => void (closed = true) };
  }
  const decoder = new TextDecoder();
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => {
    if (closed) return;
    opened = true;
    h.open();
  };
  ws.onmessage = (e: MessageEvent) => {
    if (closed) return;
    h.alive();
    const text = typeof e.data === 'string' ? e.data : e.data instanceof ArrayBuffer ? decoder.decode(e.data) : String(e.data);
    h.message(text, 'message');
  };
  ws.onclose = (e: CloseEvent) => {
    finish({ kind: 'network', message: opened ? `the WebSocket closed (code ${e.code}${e.reason ? ', ' + e.reason : ''})` : 'the WebSocket could not connect', opened });
  };
  return {
    close() {
      closed = true;
      if (!ws) return;
      ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
      try {
        ws.close(1000);
      } catch {
        /* already closing */
      }
    },
  };
}
