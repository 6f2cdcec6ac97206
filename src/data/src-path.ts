import type { ReactiveControllerHost } from 'lit';
import type { CivicErrorDetail, CivicErrorKind, DataSourceKind } from '../core/events/error-event.js';
import type { Lang } from '../core/i18n/lang.js';
import type { Issue } from '../core/issues/issue.js';
import { issue } from './lazy-issues.js';
import { FetchError } from './fetch-error.js';
import { fetchData, type FetchOptions } from './fetch-json.js';
// The adapters come from the owner (the data controller, first load), not by import: a first-load module this lazy
// chunk imports would be split into a chunk of its own by users' bundlers, costing the first load bytes (issue 16).
import type { AdaptKit } from './adapters/adapt.js';
import { PollingScheduler } from './polling.js';
import type { PushSource } from './push/push-controller.js';
import { pushTarget, type PushTarget } from './push/target.js';
import type { DataControllerOptions, DataHostProps } from './data-controller.js';
import type { Validated } from './validate.js';
import type { ResolvedSource } from './resolve-source.js';

// The persistent cache loads only for elements with the `cache` attribute.
const caching = () => import('./cache.js');

/** What the `src` path reads and calls on its DataController (its internal surface). @internal */
export interface SrcOwner<T> {
  readonly host: ReactiveControllerHost & HTMLElement & DataHostProps;
  readonly o: DataControllerOptions<T>;
  readonly props: DataHostProps;
  value?: T;
  error?: CivicErrorDetail;
  status: 'idle' | 'loading' | 'complete' | 'error';
  lastUpdated?: Date;
  fromCache?: boolean;
  liveStale?: boolean;
  currentSource(): ResolvedSource;
  accept(raw: unknown, source: DataSourceKind, url: string | undefined, poll: boolean): void;
  lastRaw: unknown;
  settle(result: Validated<T>, adaptIssues: Issue[], source: DataSourceKind, url: string | undefined, poll: boolean, reparse: boolean): void;
  fail(kind: CivicErrorKind, source: DataSourceKind, message: string, issues: Issue[], url?: string, status?: number): void;
  /** `adaptWith`, `adaptersReady`, `loadAdapters` of adapters/adapt.ts. */
  readonly adapters: AdaptKit;
  /** This path, once created (onPath); the key of the source being read. */
  path?: SrcPath<T>;
  readonly sourceKey?: string;
}

/**
 * A DataController's `src` path once this module is there (data-controller.source.ts withPath, first load): created
 * once for the controller (and connected with a connected host), then `then` runs unless the source changed since
 * `key` was read. @internal
 */
export async function onPath<T>(c: SrcOwner<T>, key: string | undefined, then: (p: SrcPath<T>) => unknown): Promise<void> {
  if (!c.path) {
    c.path = new SrcPath<T>(c);
    if (c.host.isConnected) c.path.connected();
  }
  if (c.sourceKey === key) await then(c.path);
}

/**
 * Everything a DataController does for a `src` URL: fetching (abort, timeout, retry, out-of-order answers dropped),
 * polling, push sources (SSE / WebSocket) and the persistent cache. It loads with an element's first `src` (issue 16):
 * an element fed by a `data` property or an inline script never downloads it. The error and stale states it causes
 * are drawn by eager code (core/render/states.ts), so a page that lost its network still shows them.
 * @internal
 */
export class SrcPath<T> {
  private readonly c: SrcOwner<T>;
  readonly poller: PollingScheduler;
  private abort?: AbortController;
  private seq = 0;
  private applied = 0;
  private pending = false;
  private lastFingerprint?: string;
  /** The live push source behind `src` (SSE / WebSocket), while one runs. */
  push?: PushSource;
  /** Set while `src` is a push source (also before its module has loaded). */
  private pushing?: PushTarget;

  constructor(owner: SrcOwner<T>) {
    this.c = owner;
    this.poller = new PollingScheduler({
      interval: () => (this.c.currentSource().kind === 'src' && !this.pushing ? this.c.props.pollInterval : 0),
      busy: () => this.pending,
      tick: () => void this.load(true),
    });
  }

  /** The host connected (or the path just loaded for a connected host). */
  connected(): void {
    this.poller.start();
  }

  disconnected(): void {
    this.poller.stop();
    this.stop();
  }

  /** Stops whatever runs for the previous source: push, the request in flight. */
  stop(): void {
    this.stopPush();
    this.abort?.abort();
    this.abort = undefined;
    this.pending = false;
  }

  /** Starts a `src` source: the cached copy (if any) while the request runs, or the push connection. */
  start(url: string): void {
    this.stop();
    void this.restoreCache(url);
    const push = pushTarget(url, this.c.props.transport, document.baseURI);
    if (push) this.startPush(push, url);
    else void this.load(false);
  }

  /** Loads again now (a retry, or a host that knows the data changed). */
  reload(): Promise<void> {
    if (this.pushing) return Promise.resolve(this.push?.reconnectNow());
    return this.load(false, true);
  }

  private cacheKey(url: string): string | undefined {
    const c = this.c.props.cache;
    if (c === undefined || c === null || c === false || c === 'false') return undefined;
    const name = typeof c === 'string' && c !== '' && c !== 'true' ? c : '';
    return `${this.c.host.localName}|${name}|${new URL(url, document.baseURI).href}`;
  }

  /** Shows the cached payload (as stale) while the first request is in flight. */
  private async restoreCache(url: string): Promise<void> {
    const key = this.cacheKey(url);
    if (!key) return;
    const c = this.c;
    // The source when the read began: a `src` changed meanwhile is another URL, which this copy is not the data of.
    const source = c.sourceKey;
    const hit = await (await caching()).readCache(key);
    if (!hit || c.value !== undefined || c.sourceKey !== source || c.currentSource().kind !== 'src') return;
    let raw: unknown;
    try {
      raw = JSON.parse(hit.text);
    } catch {
      raw = hit.text;
    }
    const adapter = c.props.adapter ?? 'auto';
    await c.adapters.adaptersReady(raw, adapter)?.catch(() => undefined);
    if (c.value !== undefined || c.sourceKey !== source) return;
    const adapted = c.adapters.adaptWith(raw, adapter);
    const r = adapted.apiError === undefined ? c.o.parse(adapted.value, { lang: c.o.terms().lang, source: 'src', envelope: adapted.outer }) : { value: undefined };
    if (r.value === undefined || c.value !== undefined) return;
    c.value = r.value;
    c.fromCache = true;
    c.lastUpdated = new Date(hit.savedAt);
    c.status = 'complete';
    c.host.requestUpdate();
  }

  private stopPush(): void {
    this.pushing = undefined;
    this.push?.stop();
    this.push = undefined;
    this.c.liveStale = false;
  }

  /** Runs `src` as a push source; its messages go through the same adapters, validation and events as a fetch. */
  private startPush(target: PushTarget, url: string): void {
    this.pushing = target;
    // Loaded on first use: pages without push sources do not carry the transports (≈4 KB gz) in their element chunks.
    // The adapters come along (CSV reader, envelope / dataset): a push message may need them, and `check` below adapts
    // synchronously.
    void Promise.all([import('./push/push-controller.js'), this.c.adapters.loadAdapters().catch(() => undefined)]).then(([{ PushSource, PUSH_DEFAULTS }]) => {
      if (this.pushing !== target || this.push) return;
      this.push = this.createPush(PushSource, PUSH_DEFAULTS, target, url);
      this.push.start();
    }, (e: unknown) => {
      // Offline: fails like a fetch (visible error, one civic-error), never an unhandled rejection; Retry loads again.
      if (this.pushing !== target || this.push) return;
      this.pushing = undefined;
      const m = `the live data code could not load: ${e instanceof Error ? e.message : String(e)}`;
      this.c.fail('network', 'src', m, [issue('$', 'network', m)], url);
    });
  }

  private createPush(Push: typeof PushSource, defaults: typeof import('./push/push-controller.js').PUSH_DEFAULTS, target: PushTarget, url: string): PushSource {
    const c = this.c;
    const h = c.host;
    const ctx = (): { lang: Lang; source: DataSourceKind } => ({ lang: c.o.terms().lang, source: 'src' });
    return new Push(target, {
      settings: () => ({
        heartbeat: h.heartbeat ?? defaults.heartbeat,
        reconnectDelay: h.reconnectDelay ?? defaults.reconnectDelay,
        reconnectMax: h.reconnectMax ?? defaults.reconnectMax,
        patchKey: h.patchKey,
        credentials: h.credentials,
        adapter: h.adapter ?? 'auto',
      }),
      accept: (raw) => {
        c.fromCache = false;
        c.accept(raw, 'src', url, false);
        const ok = !c.error || c.error.partial;
        const key = ok ? this.cacheKey(url) : undefined;
        if (key) void caching().then((m) => m.writeCache(key, JSON.stringify(raw)));
        return { ok, errors: c.error?.partial ? c.error.issueCount : 0 };
      },
      check: (value) => {
        const a = c.adapters.adaptWith(value, h.adapter ?? 'auto');
        if (a.apiError !== undefined) return { usable: false, errors: a.issues };
        try {
          const r = c.o.parse(a.value, ctx());
          return { usable: r.value !== undefined, errors: [...a.issues, ...r.issues].filter((i) => i.severity === 'error') };
        } catch {
          return { usable: false, errors: [] };
        }
      },
      adapt: (raw, adapter) => c.adapters.adaptWith(raw, adapter),
      fail: (kind, message, issues, status) => c.fail(kind, 'src', message, issues ?? [issue('$', kind, message)], url, status),
      stale: (on) => {
        c.liveStale = on;
        // Back in touch: a connection error no longer stands (a bad message's error stays until good data).
        if (!on && (c.error?.kind === 'network' || c.error?.kind === 'http')) c.error = undefined;
        h.requestUpdate();
      },
    });
  }

  private async load(poll: boolean, fresh = false): Promise<void> {
    const c = this.c;
    const src = c.currentSource();
    if (src.kind !== 'src' || !c.host.isConnected || this.pushing) return;
    if (poll && this.pending) return;
    this.abort?.abort();
    const ctrl = new AbortController();
    this.abort = ctrl;
    const seq = ++this.seq;
    this.pending = true;
    if (c.value === undefined) {
      c.status = 'loading';
      c.host.requestUpdate();
    }
    try {
      const opts: FetchOptions = {
        signal: ctrl.signal,
        credentials: c.props.credentials,
        timeout: c.props.timeout && c.props.timeout > 0 ? c.props.timeout : undefined,
        format: c.props.format ?? 'auto',
        // Polls do not retry on their own: the poll schedule backs off instead.
        retries: poll ? 0 : undefined,
        fresh,
      };
      const off = c.o.offThread?.();
      const res = off ? await off(src.url, { ...opts, adapter: c.props.adapter ?? 'auto' }) : await fetchData(src.url, opts);
      // CSV text, an envelope or a dataset: its adapters first, so the payload is accepted (and cached only when valid)
      // in this turn.
      if ('body' in res) await c.adapters.adaptersReady(res.body, c.props.adapter ?? 'auto')?.catch(() => undefined);
      if (seq < this.applied || ctrl.signal.aborted) return;
      this.applied = seq;
      this.pending = false;
      this.poller.succeeded();
      const fingerprint = 'fingerprint' in res ? res.fingerprint : res.text;
      if (poll && fingerprint === this.lastFingerprint && !c.error) {
        c.lastUpdated = new Date();
        c.host.requestUpdate();
        return;
      }
      this.lastFingerprint = fingerprint;
      c.fromCache = false;
      if ('fingerprint' in res) {
        // A response adapted and validated off the main thread: the same outcome, events and states as `accept`. Nothing
        // to parse again when deps change: the raw payload never came here (the source key reloads instead).
        c.lastRaw = undefined;
        if (res.apiError !== undefined) c.fail('api', 'src', res.apiError, res.adaptIssues, src.url);
        else c.settle(res.result, res.adaptIssues, 'src', src.url, poll, false);
        c.host.requestUpdate();
        return;
      }
      c.accept(res.body, 'src', src.url, poll);
      const key = this.cacheKey(src.url);
      if (key && c.error === undefined) {
        const text = res.text;
        void caching().then((m) => m.writeCache(key, text));
      }
      c.host.requestUpdate();
    } catch (e) {
      if (ctrl.signal.aborted || (e instanceof FetchError && e.kind === 'abort')) return;
      if (seq < this.applied) return;
      this.applied = seq;
      this.pending = false;
      this.poller.failed();
      const fe = e instanceof FetchError ? e : new FetchError('network', src.url, String(e));
      const kind: CivicErrorKind = fe.kind === 'abort' ? 'network' : fe.kind;
      c.fail(kind, 'src', fe.message, [issue('$', fe.kind === kind ? fe.code : kind, fe.message)], src.url, fe.status);
      c.host.requestUpdate();
    } finally {
      if (this.abort === ctrl && !ctrl.signal.aborted) this.abort = undefined;
    }
  }
}
