import type { nothing, ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { CivicLoadEvent } from '../core/events/load-event.js';
import { CivicErrorEvent, type CivicErrorDetail, type CivicErrorKind, type DataSourceKind } from '../core/events/error-event.js';
import { errorDetail, why, withIssues } from './data-controller.errors.js';
import { formatIssue, hasErrors, issue, type Issue, type Validated } from './validate.js';
import { resolveSource, type ResolvedSource } from './resolve-source.js';
import { adaptersReady, adaptWith, loadAdapters, type AdaptKit } from './adapters/adapt.js';
import { asked } from '../core/lazy-module.js';
import { same } from '../core/controllers/drawn-controller.js';
import { sourceKey, startSource, withPath } from './data-controller.source.js';
import { sendQueued } from './data-controller.events.js';
import { renderState, renderStatus, type StateViews } from './data-controller.view.js';
import type { SrcPath } from './src-path.js';
import type { DataControllerOptions, DataHostProps, DataStatus } from './data-controller.types.js';

export type { DataControllerOptions, DataHostProps, DataStatus, OffThreadLoader, OffThreadResult, ParseContext } from './data-controller.types.js';

type Host = ReactiveControllerHost & HTMLElement & DataHostProps;

const ADAPT_KIT: AdaptKit = { adaptWith, adaptersReady, loadAdapters };

/**
 * Loads, validates and keeps an element's data.
 *
 * Written by hand rather than on @lit/task because an element must keep its last good value on screen
 * while a newer load fails (Task's status model drops to ERROR and its render() forgets the value),
 * must poll with pause/skip/backoff, and must tell "changed" from "same payload again".
 *
 * - Source precedence (`resolveSource`): `data` property > inline `<script type="application/json">` > `src`.
 * - A new source aborts the old request; responses that arrive out of order are dropped (sequence numbers).
 * - Fatal failures (fetch, JSON, API envelope, nothing valid) keep the last good value and set `error`;
 *   partial validity draws the valid part and still reports the issues.
 * - Events: `civic-load` once per accepted change; `civic-error` once per failure; one console.warn each.
 */
export class DataController<T> implements ReactiveController {
  /** @internal (read by the `src` path) */
  readonly host: Host;
  /** @internal */
  readonly o: DataControllerOptions<T>;
  /** @internal The adapters, handed to the lazy `src` path (which imports none of the first-load data code, issue 16). */
  readonly adapters: AdaptKit = ADAPT_KIT;

  /** idle (no source) → loading → complete | error. `complete` also while a refresh is in flight. */
  status: DataStatus = 'idle';
  /** The last good value; kept through later failures. */
  value?: T;
  /** Problems of the last attempt (errors and warnings). */
  issues: Issue[] = [];
  /** The last failure, while it stands (cleared by the next success). */
  error?: CivicErrorDetail;
  /** When the value on screen was last confirmed by a successful load. */
  lastUpdated?: Date;
  /** Where the current value came from. */
  source: DataSourceKind = 'none';

  /** A source (property, inline or `src`) was started once: an element back to no source has its empty state as picture. @internal */
  started?: boolean;
  /** The `data` property last seen, and how many different ones came (sourceKey). @internal */
  propertyRef: unknown;
  /** @internal */
  propertyGen = 0;
  /** The last raw payload (parsed again when deps change; undefined when it never came to this thread). @internal */
  lastRaw: unknown;
  private lastRawSource: DataSourceKind = 'none';
  private lastDeps?: readonly unknown[];
  /** The key of the source being read (data-controller.source.ts). @internal */
  sourceKey?: string;
  private mo?: MutationObserver;
  /** The `src` path once loaded (kept for the element's life: its poll schedule, push source, request in flight). @internal */
  path?: SrcPath<T>;
  /** The `src` path's module while it loads, and once it is there (data-controller.source.ts withPath). @internal */
  pathLoading?: Promise<typeof import('./src-path.js')>;
  /** Events waiting for the host's next update (data-controller.events.ts). @internal */
  queued: Event[] = [];
  /** `civic-load` events waiting for the element's picture (options.drawn), in acceptance order. @internal */
  loadsInOrder: Promise<void> = Promise.resolve();
  /** The state whose banner was dismissed (status-view.ts). @internal */
  dismissedKey?: string;
  /** Watches the host's size for the compact badge, from its first full banner on (status-view.ts). @internal */
  ro?: ResizeObserver;
  /** The host is small: status as a badge (status-view.ts sets it). @internal */
  compact?: boolean;

  constructor(host: Host, options: DataControllerOptions<T>) {
    this.host = host;
    this.o = options;
    host.addController(this);
  }

  /** Where the source settings are read: the host, or options.props. @internal */
  get props(): DataHostProps {
    return this.o.props?.() ?? this.host;
  }

  /** True when the value on screen is older than the last attempt (a refresh failed). */
  get stale(): boolean {
    return this.value !== undefined && ((this.error !== undefined && !this.error.partial) || !!this.fromCache || !!this.liveStale);
  }

  hostConnected(): void {
    if (typeof MutationObserver !== 'undefined') {
      this.mo = new MutationObserver(() => {
        // Inline JSON edited or added/removed: re-resolve on the next update.
        if (this.currentSource().kind !== 'property') this.host.requestUpdate();
      });
      this.mo.observe(this.host, { childList: true, subtree: true, characterData: true });
    }
    this.path?.connected();
    // Force a re-resolve (a reconnected element reloads its src).
    this.sourceKey = undefined;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.mo?.disconnect();
    this.mo = undefined;
    this.ro?.disconnect();
    this.ro = undefined;
    this.path?.disconnected();
  }

  hostUpdate(): void {
    this.viewPending = false;
    // Once per update: not again when the host's willUpdate already brought the value in line (see sync).
    if (!this.synced) this.sync();
    this.synced = false;
  }

  /** sync() ran during the host's current update (its willUpdate), before this controller's hostUpdate. */
  private synced?: boolean;

  /**
   * True when the last render drew the plain status banner because the full one (status-view.ts, loaded on first
   * use) was still loading: that picture is not complete yet (CivicDataElement's drawnReady). Reset before each update.
   * @internal
   */
  viewPending = false;
  /** The state (its error, else the time of the stale data) for which the full banner's load was last asked. @internal */
  viewKey?: object;

  /**
   * Brings the value in line with the host's current source and deps; runs once per host update. A host that derives
   * a model from the value calls it from its `willUpdate` (CivicDataElement does, before the subclass derives its
   * model; a second source does it for itself): the controller's hostUpdate, which comes next in the same update, then
   * does not run it again. For other hosts, hostUpdate runs it. Idempotent; a call outside an update (no update
   * pending) leaves the next hostUpdate to sync as usual.
   */
  sync(): void {
    this.synced = !!(this.host as { isUpdatePending?: boolean }).isUpdatePending;
    const src = this.currentSource();
    const key = sourceKey(this, src);
    const deps = this.o.deps?.() ?? [];
    if (key !== this.sourceKey) {
      this.sourceKey = key;
      this.lastDeps = deps;
      startSource(this, src);
    } else if (!same(this.lastDeps, deps)) {
      this.lastDeps = deps;
      if (this.lastRaw !== undefined) this.accept(this.lastRaw, this.lastRawSource, undefined, false, true);
    }
  }

  hostUpdated(): void {
    if (this.queued.length) sendQueued(this);
  }

  /** Call when `poll-interval` changed. */
  pollChanged(): void {
    this.path?.poller.schedule();
  }

  /** Loads again now (a retry button, or a host that knows the data changed). */
  reload(): Promise<void> {
    const src = this.currentSource();
    if (src.kind === 'src') return withPath(this, (p) => p.reload());
    this.sourceKey = undefined;
    this.host.requestUpdate();
    return Promise.resolve();
  }

  /** @internal */
  currentSource(): ResolvedSource {
    return resolveSource({ data: this.props.data, src: this.props.src, host: this.o.props ? undefined : this.host });
  }

  /** True while the value on screen came from the persistent cache and the network has not confirmed it. */
  fromCache?: boolean;

  /** A push source lost its connection or heartbeat: the value on screen is not live (stale banner). */
  liveStale?: boolean;

  /** @internal */
  accept(raw: unknown, source: DataSourceKind, url: string | undefined, poll: boolean, reparse = false): void {
    const ticket = ++this.parseTicket;
    this.lastRaw = raw;
    this.lastRawSource = source;
    const adapter = this.props.adapter ?? 'auto';
    // CSV text, or a payload that may be an API envelope or an ECharts dataset: its adapters load on first use (issue 16).
    const ready = adaptersReady(raw, adapter);
    if (ready) return this.acceptLater(ready, ticket, raw, source, url, poll, reparse);
    const adapted = adaptWith(raw, adapter);
    if (adapted.apiError !== undefined) {
      this.fail('api', source, adapted.apiError, adapted.issues, url);
      return;
    }
    let result: Validated<T>;
    const ctx = { lang: this.o.terms().lang, source, envelope: adapted.outer };
    // Validators must not throw; if one does, it is a library bug, still never the page's problem.
    const broken = (e: unknown): Validated<T> => ({ value: undefined, issues: [issue('$', 'internal', `validator failed: ${why(e)}`)] });
    try {
      const later = this.o.parseLater?.(adapted.value, ctx);
      if (later) {
        if (this.value === undefined) this.status = 'loading';
        this.laterTicket = ticket;
        later.then((r) => r, broken).then((r) => {
          if (ticket !== this.parseTicket) return;
          this.laterTicket = -1;
          this.settle(r, adapted.issues, source, url, poll, reparse);
        });
        this.host.requestUpdate();
        return;
      }
      asked.p = undefined;
      result = this.o.parse(adapted.value, ctx);
      // The parse asked for code loaded on first use (the field-path reader): parse again once it is there.
      if (asked.p) return this.acceptLater(asked.p, ticket, raw, source, url, poll, reparse);
    } catch (e) {
      result = broken(e);
    }
    this.settle(result, adapted.issues, source, url, poll, reparse);
  }

  /**
   * `raw` is accepted once `ready` (code it needs, loaded on first use) resolves, unless a newer payload or a failure
   * came meanwhile (the picture on screen is not the one asked for until then: `parsing`). Code that cannot load fails
   * like the network (the error state needs no lazy code).
   */
  private acceptLater(ready: Promise<unknown>, ticket: number, raw: unknown, source: DataSourceKind, url: string | undefined, poll: boolean, reparse: boolean): void {
    if (this.value === undefined) this.status = 'loading';
    this.laterTicket = ticket;
    ready.then(
      () => {
        if (ticket === this.parseTicket) this.accept(raw, source, url, poll, reparse);
      },
      (e: unknown) => {
        if (ticket === this.parseTicket) this.fail('network', source, `the data code could not load: ${why(e)}`, undefined, url);
      },
    );
    this.host.requestUpdate();
  }

  /** Counts parses and failures, so a payload parsed in slices is dropped when a newer one or a failure came. */
  private parseTicket = 0;
  /** The ticket of the payload being parsed in slices (`parseLater`) or waiting for its adapters, or -1. */
  private laterTicket = -1;
  /**
   * A payload is being parsed in slices (or waits for its adapters) and has not been dropped by a newer one or a
   * failure: the picture on screen is not the one asked for yet (CivicDataElement's drawnReady waits for it). @internal
   */
  get parsing(): boolean {
    return this.laterTicket === this.parseTicket;
  }

  /**
   * The outcome of one payload's adapters and validator (here, or off the main thread: src-path.ts): accepted, or a
   * failure. A payload still parsed in slices or waiting for its adapters is dropped. @internal
   */
  settle(result: Validated<T>, adaptIssues: Issue[], source: DataSourceKind, url: string | undefined, poll: boolean, reparse: boolean): void {
    this.parseTicket++;
    const issues = [...adaptIssues, ...result.issues];
    this.issues = issues;
    // Nothing valid to draw, with problems reported: a failure, never "loaded + partial error" over an empty picture.
    if (result.value === undefined || (issues.length > 0 && (this.o.nothingValid ?? this.o.isEmpty)?.(result.value))) {
      const first = issues.find((i) => i.severity === 'error') ?? issues[0];
      this.fail('validation', source, first ? formatIssue(first) : 'no usable data', issues, url);
      return;
    }
    this.value = result.value;
    this.source = source;
    this.status = 'complete';
    this.lastUpdated = new Date();
    const errors = issues.filter((i) => i.severity === 'error');
    this.error = undefined;
    if (this.o.loadEvents !== false) this.queue(new CivicLoadEvent({ source, url, count: this.o.count?.(result.value), poll }));
    if (hasErrors(issues)) {
      const detail = errorDetail('validation', source, formatIssue(errors[0]), errors, url, undefined, true, this.value !== undefined);
      this.error = detail;
      this.queue(new CivicErrorEvent(detail));
      if (!reparse) this.o.warn(`${errors.length} invalid entr${errors.length === 1 ? 'y' : 'ies'} (left out or shown without a value); first: ${formatIssue(errors[0])}`);
    }
    this.host.requestUpdate();
  }

  /** A failure: `issues` default to one issue of `kind` at the root saying `message`. @internal */
  fail(kind: CivicErrorKind, source: DataSourceKind, message: string, issues: Issue[] = [issue('$', kind, message)], url?: string, status?: number): void {
    this.parseTicket++;
    const errors = issues.filter((i) => i.severity === 'error');
    const detail = errorDetail(kind, source, message, errors.length ? errors : issues, url, status, false, this.value !== undefined);
    this.error = detail;
    this.status = this.value === undefined ? 'error' : 'complete';
    this.queue(new CivicErrorEvent(detail));
    this.o.warn(`${kind} error${url ? ` for ${url}` : ''}: ${message}${this.value !== undefined ? ' (keeping the last good data)' : ''}`);
    this.host.requestUpdate();
  }

  /**
   * Part of the picture could not be drawn — its code, loaded on first use, could not load (offline) — while the data
   * is: a partial problem, like rows rejected by validation: `civic-error` { kind: 'network', partial: true,
   * keptPrevious: false } after the data's `civic-load`, a warning banner with no "not updated" line. With rows
   * already rejected by validation, that banner keeps its headline and lists the missing part among its issues. The
   * next accepted payload clears it, as any error. @internal
   */
  partFailed(source: DataSourceKind, message: string, issues: Issue[], url?: string): CivicErrorDetail {
    const detail = errorDetail('network', source, message, issues, url, undefined, true, this.value !== undefined);
    const e = this.error;
    this.error = e?.partial && e.kind === 'validation' ? withIssues(e, issues) : detail;
    this.queue(new CivicErrorEvent(detail));
    this.o.warn(message);
    this.host.requestUpdate();
    return detail;
  }

  private queue(e: Event): void {
    this.queued.push(e);
    // If no update is coming (e.g. a fetch resolved while nothing else changed), one is requested by the caller.
  }

  /**
   * Renders the right state: `pending` while nothing has loaded, `error` when nothing good ever loaded,
   * `empty` when the value has nothing to show, otherwise `complete(value)` plus a stale/partial banner
   * (part `status`) over the kept picture.
   */
  render(r: StateViews<T>): unknown {
    return renderState(this, r);
  }

  /** The error / stale / partial banner alone (part `status`), or nothing. */
  renderStatus(): TemplateResult | typeof nothing {
    return renderStatus(this);
  }
}
