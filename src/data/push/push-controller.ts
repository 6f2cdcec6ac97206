/**
 * A live push source (Server-Sent Events or WebSocket) behind an element's `src`: connects, decodes messages
 * (replace / patch / ping, see ./patch.ts), keeps the current payload for patches, reconnects with backoff and
 * jitter, and watches a heartbeat. It knows nothing of rendering: the DataController gives it a {@link PushSink}.
 *
 * Fault handling, every case keeping the last good data on screen:
 * - a message that is not JSON / not a valid message / fails validation → `sink.fail` (civic-error), the stream
 *   goes on and the next good message clears the error;
 * - a patch that would add validation errors is rejected whole (patches are atomic);
 * - the connection drops → marked stale, reconnect after backoff (base × 2ⁿ with jitter, capped); a connect attempt
 *   that fails reports one civic-error per outage (not one per attempt);
 * - no sign of life for `heartbeat` seconds → marked stale and the connection is replaced (a half-open TCP
 *   connection never reports its death otherwise); any later message or ping clears the stale mark.
 */
import type { CivicErrorKind } from '../../core/events/error-event.js';
// Only type imports and core's issue helpers from the first-load data code: what this lazy chunk shares with the first
// load would be split into chunks of their own by users' bundlers (issue 16); the adapters come through the sink.
import type { AdapterName, AdaptResult } from '../adapters/adapt.js';
import type { Issue } from '../../core/issues/issue.js';
import { issue } from '../lazy-issues.js';
import { documentParsed } from '../fetch-json.js';
import { backoffDelay } from './backoff.js';
import type { ConnectionHandlers, PushConnection } from './connection.js';
import { applyPatch, decodeMessage, type PushMessage } from './patch.js';
import { openSse } from './sse.js';
import type { PushTarget } from './target.js';
import { openWs } from './ws.js';

export interface PushSettings {
  /** Seconds without a message or ping before the data is marked stale (0 = off). */
  heartbeat: number;
  /** First reconnect delay in ms. */
  reconnectDelay: number;
  /** Longest reconnect delay in ms. */
  reconnectMax: number;
  /** Id field for patches (`patch-key`); default by the rows: id, code or region. */
  patchKey?: string;
  credentials?: RequestCredentials;
  adapter: AdapterName;
}

export interface PushSink {
  settings(): PushSettings;
  /** Shows a payload through the normal adapters + validation. `errors`: its error count (for partly valid data). */
  accept(raw: unknown): { ok: boolean; errors: number };
  /** Dry-run validation of a payload (nothing shown). */
  check(value: unknown): { usable: boolean; errors: Issue[] };
  /** Runs the generic adapters (as `adaptWith` with the CSV reader) on a payload, to keep what patches merge into. */
  adapt(raw: unknown, adapter: AdapterName): AdaptResult;
  fail(kind: CivicErrorKind, message: string, issues?: Issue[], status?: number): void;
  /** The data on screen is (no longer) live. */
  stale(on: boolean): void;
}

export const PUSH_DEFAULTS = { heartbeat: 0, reconnectDelay: 1000, reconnectMax: 30000 } as const;

export class PushSource {
  readonly target: PushTarget;
  private readonly sink: PushSink;
  private conn?: PushConnection;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private heartbeatTimer?: ReturnType<typeof setTimeout>;
  private attempt = 0;
  private stopped = false;
  private reported = false;
  private isStale = false;
  private lastEventId = '';
  private serverRetry?: number;
  /** The adapted payload patches merge into, and the error count it was accepted with. */
  private base?: unknown;
  private baseErrors = 0;
  /** Connections opened so far (for tests and diagnostics). */
  connections = 0;

  constructor(target: PushTarget, sink: PushSink) {
    this.target = target;
    this.sink = sink;
  }

  start(): void {
    this.stopped = false;
    // As for fetches: while the page is still parsing, wait, so a configure() later in the HTML (headers, tokens)
    // applies to the first connection.
    void documentParsed().then(() => {
      if (!this.stopped && !this.conn && this.reconnectTimer === undefined) this.connect();
    });
  }

  /** Closes the connection and every timer. Nothing is reported after this. */
  stop(): void {
    this.stopped = true;
    this.conn?.close();
    this.conn = undefined;
    this.clearTimers();
  }

  /** Reconnects now, with the backoff reset (the Retry button). */
  reconnectNow(): void {
    if (this.stopped) return;
    this.attempt = 0;
    this.conn?.close();
    this.conn = undefined;
    this.connect();
  }

  /** True while a connection is open or being opened. */
  get connected(): boolean {
    return this.conn !== undefined;
  }

  private clearTimers(): void {
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    if (this.heartbeatTimer !== undefined) clearTimeout(this.heartbeatTimer);
    this.reconnectTimer = this.heartbeatTimer = undefined;
  }

  private connect(): void {
    if (this.stopped) return;
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.connections++;
    const s = this.sink.settings();
    let lively = false;
    const h: ConnectionHandlers = {
      open: () => this.armHeartbeat(),
      alive: () => {
        lively = true;
        this.onAlive();
      },
      message: (text, event, id) => {
        if (id !== undefined) this.lastEventId = id;
        this.onMessage(text, event);
      },
      retry: (ms) => (this.serverRetry = ms),
      close: (err) => {
        if (this.conn !== conn) return;
        this.conn = undefined;
        if (this.stopped) return;
        this.setStale(true);
        // A connection that failed, or closed before saying anything (an auth gateway's close), is a failure: one
        // civic-error per outage. A connection that worked and dropped only marks the data stale.
        if (!lively && !this.reported) {
          this.reported = true;
          this.sink.fail(err.kind, err.message, [issue('$', err.kind, err.message)], err.status);
        }
        this.scheduleReconnect();
      },
    };
    const conn = this.target.kind === 'sse' ? openSse(this.target.url, { credentials: s.credentials, lastEventId: this.lastEventId }, h) : openWs(this.target.url, h);
    this.conn = conn;
    this.armHeartbeat();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer !== undefined) return;
    const s = this.sink.settings();
    const base = this.serverRetry ?? s.reconnectDelay;
    const delay = backoffDelay(this.attempt++, base, Math.max(base, s.reconnectMax));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect();
    }, delay);
  }

  private armHeartbeat(): void {
    if (this.heartbeatTimer !== undefined) clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
    const seconds = this.sink.settings().heartbeat;
    if (this.stopped || !(seconds > 0)) return;
    this.heartbeatTimer = setTimeout(() => {
      this.heartbeatTimer = undefined;
      if (this.stopped) return;
      // Silence: the data is no longer live, and the connection may be dead without knowing it. Replace it.
      this.setStale(true);
      this.conn?.close();
      this.conn = undefined;
      this.scheduleReconnect();
      this.armHeartbeat();
    }, seconds * 1000);
  }

  private onAlive(): void {
    this.attempt = 0;
    this.reported = false;
    this.armHeartbeat();
    this.setStale(false);
  }

  private setStale(on: boolean): void {
    if (on === this.isStale) return;
    this.isStale = on;
    this.sink.stale(on);
  }

  private onMessage(text: string, event: string): void {
    if (this.stopped) return;
    const d = decodeMessage(text, event);
    if (!d) return;
    if (!d.ok) return this.sink.fail(d.kind, d.message, [issue('$', d.kind, d.message)]);
    this.handle(d.message);
  }

  private handle(m: PushMessage): void {
    if (m.type === 'ping') return;
    const adapter = this.sink.settings().adapter;
    if (m.type === 'replace') {
      const r = this.sink.accept(m.data);
      if (r.ok) {
        const adapted = this.sink.adapt(m.data, adapter);
        this.base = adapted.value;
        this.baseErrors = r.errors;
      }
      return;
    }
    if (this.base === undefined) {
      const msg = 'a patch arrived before any full data (send a replace first)';
      return this.sink.fail('validation', msg, [issue('$', 'patch', msg)]);
    }
    const merged = applyPatch(this.base, m, this.sink.settings().patchKey);
    if ('error' in merged) return this.sink.fail('validation', `${merged.path}: ${merged.error}`, [issue(merged.path, 'patch', merged.error)]);
    const c = this.sink.check(merged.value);
    if (!c.usable || c.errors.length > this.baseErrors) {
      const first = c.errors[0];
      const msg = first ? `patch rejected: ${first.path}: ${first.message}` : 'patch rejected: nothing valid would remain';
      return this.sink.fail('validation', msg, c.errors.length ? c.errors : [issue('$', 'patch', msg)]);
    }
    const r = this.sink.accept(merged.value);
    if (r.ok) {
      this.base = merged.value;
      this.baseErrors = r.errors;
    }
  }
}
