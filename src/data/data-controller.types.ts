import type { DataSourceKind } from '../core/events/error-event.js';
import type { Translation } from '../core/i18n/translation.js';
import type { Lang } from '../core/i18n/lang.js';
import type { Issue, Validated } from './validate.js';
import type { BodyFormat, FetchOptions } from './fetch-json.js';
import type { AdapterName } from './adapters/adapt.js';

// The types a DataController is configured with and reads from its host (data-controller.ts re-exports them).

export type DataStatus = 'idle' | 'loading' | 'complete' | 'error';

/** What a DataController reads from its host element. */
export interface DataHostProps {
  data?: unknown;
  src?: string;
  pollInterval: number;
  credentials?: RequestCredentials;
  timeout?: number;
  format?: BodyFormat;
  adapter?: AdapterName;
  /** Opt-in persistent cache key ('' or undefined = off). */
  cache?: string | boolean;
  /** Push sources (see ./push/): `auto` | `fetch` | `sse` | `ws`, heartbeat in s, reconnect delays in ms, patch id field. */
  transport?: string;
  heartbeat?: number;
  reconnectDelay?: number;
  reconnectMax?: number;
  patchKey?: string;
}

export interface ParseContext {
  lang: Lang;
  source: DataSourceKind;
  /** The response as it arrived when an envelope was unwrapped (field paths are read against it first). */
  envelope?: unknown;
}

/**
 * What an off-thread loader (see `DataControllerOptions.offThread`) resolves to: the adapters' and the validator's
 * outcome for one response, computed elsewhere (a worker), so the main thread never holds the raw payload.
 */
export interface OffThreadResult<T> {
  /** Identifies the response (e.g. length + hash of its text): a polled payload that did not change is skipped. */
  fingerprint: string;
  /** The API envelope's error message, when the adapters found one. */
  apiError?: string;
  /** Problems the adapters reported. */
  adaptIssues: Issue[];
  /** The validator's outcome. */
  result: Validated<T>;
}

/** Fetches, adapts and validates a `src` off the main thread; rejects with a FetchError like `fetchData`. */
export type OffThreadLoader<T> = (url: string, o: FetchOptions & { adapter: AdapterName }) => Promise<OffThreadResult<T>>;

export interface DataControllerOptions<T> {
  /**
   * True when the element's data has no CSV form (the chain graph's nodes and links): a `data` string that is not JSON
   * is then a `json` error ("expected an object or JSON text"), not CSV text. Default: a `data` string is JSON text,
   * else CSV text.
   */
  jsonText?: boolean;
  /** The element's validator: pure, never throws. */
  parse: (raw: unknown, ctx: ParseContext) => Validated<T>;
  /** Number of records, for `civic-load` detail. */
  count?: (value: T) => number | undefined;
  /** True when the value has nothing to draw (the empty state is shown). */
  isEmpty?: (value: T) => boolean;
  /**
   * True when the value holds nothing valid to draw (default: `isEmpty`). A payload whose parse reported problems and
   * left nothing valid is a failure (`civic-error` with `partial: false`, no `civic-load`), never a partial success.
   */
  nothingValid?: (value: T) => boolean;
  /** Values the parse depends on (field mappings, filters): when they change, the last raw payload is parsed again. */
  deps?: () => readonly unknown[];
  /** Translation for state templates. */
  terms: () => { t: Translation; lang: Lang };
  /** Console prefix. */
  warn: (message: string) => void;
  /**
   * For elements that draw after their render (a map waiting for its geometry and renderer, a layout in a worker,
   * child elements): resolves once a picture of the accepted value is on screen. `civic-load` waits for it (in
   * acceptance order); other events do not. A rejection drops that `civic-load`. Without it, `civic-load` fires
   * right after the render that shows the value.
   */
  drawn?: () => Promise<void>;
  /**
   * A second source on the same element (a map's geometry, its points): where its `data` / `src` / `credentials` /
   * `timeout`… are read instead of the host's own properties. Such a source has no inline script.
   */
  props?: () => DataHostProps;
  /** False for a second source: no `civic-load` of its own (the element fires one for its picture). Default true. */
  loadEvents?: boolean;
  /**
   * A loader that fetches and parses `src` off the main thread (a worker), or undefined for the ordinary path. Asked
   * when the source is resolved: a change between defined and undefined reloads the source. Same abort, timeout,
   * retry, polling, error and stale behaviour and events; no persistent cache (the text never reaches this thread).
   */
  offThread?: () => OffThreadLoader<T> | undefined;
  /**
   * For large payloads: the validator's outcome computed over several tasks (time slices), or undefined to parse at
   * once with `parse`. The value is accepted when the promise resolves, unless a newer payload or failure came
   * meanwhile; same states and events as `parse` (the loading state shows while a first payload is parsed).
   */
  parseLater?: (raw: unknown, ctx: ParseContext) => Promise<Validated<T>> | undefined;
}
