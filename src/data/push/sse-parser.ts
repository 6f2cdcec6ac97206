/**
 * Incremental parser for `text/event-stream` (the WHATWG Server-Sent Events format), fed with decoded text chunks
 * as they arrive from a fetch body. Pure: no timers, no I/O.
 *
 * - Lines end with CRLF, LF or CR (a CR at the end of one chunk and an LF at the start of the next are one ending).
 * - `data:` lines are joined with "\n"; a blank line dispatches the event (none when there was no data).
 * - `event:` names the event (default `message`); `id:` sets the last event id (kept across events, sent back as
 *   `Last-Event-ID` on reconnect; ids containing NUL are ignored); `retry:` (digits only) is the server's
 *   reconnection delay in ms.
 * - Lines starting with `:` are comments (servers send them as keep-alive pings).
 * - An event not ended by a blank line when the stream closes is discarded, as browsers do.
 */
export interface SseEvent {
  /** Event name (`message` when the server gave none). */
  type: string;
  data: string;
  /** The last event id at dispatch time ('' when none). */
  id: string;
}

export interface SseHandlers {
  event(e: SseEvent): void;
  comment?(text: string): void;
  retry?(ms: number): void;
}

export class SseParser {
  /** The last `id:` seen (persists across events, as the spec's "last event ID buffer"). */
  lastEventId = '';
  private rest = '';
  private skipLF = false;
  private data: string[] = [];
  private hasData = false;
  private type = '';
  private readonly h: SseHandlers;

  constructor(handlers: SseHandlers, lastEventId = '') {
    this.h = handlers;
    this.lastEventId = lastEventId;
  }

  /** Feeds decoded text; complete lines are processed at once. */
  feed(chunk: string): void {
    let text = this.rest + chunk;
    this.rest = '';
    if (this.skipLF && text.startsWith('\n')) text = text.slice(1);
    this.skipLF = false;
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.line(text.slice(start, i));
      if (c === 13) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) === 10) i++;
        } else this.skipLF = true;
      }
      start = i + 1;
    }
    this.rest = text.slice(start);
  }

  /** The stream ended: a pending, unterminated event is dropped. */
  end(): void {
    this.rest = '';
    this.data = [];
    this.hasData = false;
    this.type = '';
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.charCodeAt(0) === 58 /* : */) {
      this.h.comment?.(line.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.type = value;
        break;
      case 'data':
        this.data.push(value);
        this.hasData = true;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.h.retry?.(Number(value));
        break;
      default:
      // unknown fields are ignored
    }
  }

  private dispatch(): void {
    const type = this.type || 'message';
    const has = this.hasData;
    const data = this.data.join('\n');
    this.data = [];
    this.hasData = false;
    this.type = '';
    if (!has) return;
    this.h.event({ type, data, id: this.lastEventId });
  }
}
