/**
 * One Server-Sent Events connection over fetch + ReadableStream (not EventSource, which cannot send headers):
 * `configure({ headers })` and `configure({ fetch })` apply as for every request, `Last-Event-ID` is sent on
 * reconnect, and the stream is read chunk by chunk through {@link SseParser}.
 */
import { getConfig } from '../configure.js';
import { SseParser } from './sse-parser.js';
import type { ConnectionHandlers, PushConnection } from './connection.js';

export function openSse(url: string, o: { credentials?: RequestCredentials; lastEventId?: string }, h: ConnectionHandlers): PushConnection {
  const ctrl = new AbortController();
  let closed = false;
  const finish = (err: Parameters<ConnectionHandlers['close']>[0]): void => {
    if (closed || ctrl.signal.aborted) return;
    closed = true;
    h.close(err);
  };
  const parser = new SseParser(
    {
      event: (e) => h.message(e.data, e.type, e.id),
      comment: () => undefined,
      retry: (ms) => h.retry?.(ms),
    },
    o.lastEventId ?? '',
  );
  void (async () => {
    const cfg = getConfig();
    let res: Response;
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream', ...cfg.headers };
      if (o.lastEventId) headers['Last-Event-ID'] = o.lastEventId;
      res = await (cfg.fetch ?? fetch)(url, { signal: ctrl.signal, credentials: o.credentials ?? 'same-origin', headers, cache: 'no-store' });
    } catch (e) {
      return finish({ kind: 'network', message: e instanceof Error ? e.message : String(e), opened: false });
    }
    if (!res.ok) {
      void res.body?.cancel().catch(() => undefined);
      return finish({ kind: 'http', status: res.status, message: `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`, opened: false });
    }
    const type = res.headers.get('content-type') ?? '';
    if (!/text\/event-stream/i.test(type) || !res.body) {
      void res.body?.cancel().catch(() => undefined);
      return finish({ kind: 'http', status: res.status, message: `not an event stream (content-type ${type || 'none'})`, opened: false });
    }
    if (ctrl.signal.aborted) return;
    h.open();
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (closed || ctrl.signal.aborted) return;
        h.alive();
        parser.feed(decoder.decode(value, { stream: true }));
      }
      parser.end();
      finish({ kind: 'network', message: 'the event stream ended', opened: true });
    } catch (e) {
      finish({ kind: 'network', message: e instanceof Error ? e.message : String(e), opened: true });
    }
  })();
  return {
    get lastEventId() {
      return parser.lastEventId;
    },
    close() {
      closed = true;
      ctrl.abort();
    },
  };
}
