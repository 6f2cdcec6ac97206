import { isRecord, issue, type Issue } from '../../core/issues/issue.js';
import { lazyModule } from '../../core/lazy-module.js';

/** Which adapters run before the element's own parser. `auto` (default) detects each shape. */
export const ADAPTERS = ['auto', 'none', 'envelope', 'echarts', 'csv'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export interface AdaptResult {
  /** The payload for the element's parser: its native shape, or an array of row objects. */
  value: unknown;
  issues: Issue[];
  /** Set when an envelope reported failure: the API's message. */
  apiError?: string;
  /**
   * The payload as it arrived (as devtools shows it), when an envelope was unwrapped: field paths such as
   * `data.list[].gdp` are read against it first (see `mapFields`).
   */
  outer?: unknown;
}

type CsvModule = typeof import('./csv.js');
type ShapesModule = typeof import('./shapes.js');

/** True when `adapter` reads a text payload as CSV. */
export const readsCsv = (raw: unknown, adapter: AdapterName): raw is string => typeof raw === 'string' && (adapter === 'auto' || adapter === 'csv');

/** Status and message / data keys of an API envelope (as in envelope.ts, which this eager code does not import). */
const STATUS_KEYS = ['code', 'errcode', 'status', 'success'];
const BODY_KEYS = ['msg', 'message', 'errmsg', 'errMsg', 'data', 'result', 'results'];

/**
 * True when `v` may be an API envelope or an ECharts dataset for `adapter`: a `source` array, or a status key holding
 * a number, string or boolean beside a message or data key (a cheap superset of `looksLikeEnvelope` and
 * `looksLikeDataset`). Anything else passes the shape adapters unchanged, so their module (shapes.ts) loads only for
 * payloads that may need it (issue 16).
 */
export function mayHaveShape(v: unknown, adapter: AdapterName): boolean {
  if ((adapter !== 'auto' && adapter !== 'envelope' && adapter !== 'echarts') || !isRecord(v)) return false;
  return Array.isArray(v.source) || (STATUS_KEYS.some((k) => ['number', 'string', 'boolean'].includes(typeof v[k])) && BODY_KEYS.some((k) => k in v));
}

/** The modules `adaptWith` runs: the CSV reader and the shape adapters (each loaded on first use by elements). */
export interface AdaptModules {
  csv?: Pick<CsvModule, 'parseCsv'>;
  shapes?: Pick<ShapesModule, 'adaptShapes'>;
}

/**
 * Runs the generic adapters in order: CSV text → rows (with `csv`, the CSV reader module); `{code,msg,data}`
 * envelope → data; ECharts `{dimensions, source}` → rows (with `shapes`). Default modules: those loaded so far (see
 * `adaptersReady`). Pure; never throws.
 */
export function adaptWith(raw: unknown, adapter: AdapterName = 'auto', mods: AdaptModules = { csv: csvChunk.loaded, shapes: shapesChunk.loaded }): AdaptResult {
  if (adapter === 'none') return { value: raw, issues: [] };
  let v = raw;
  const issues: Issue[] = [];
  if (mods.csv && readsCsv(v, adapter)) {
    const r = mods.csv.parseCsv(v);
    issues.push(...r.issues);
    v = r.rows;
  }
  if (!mayHaveShape(v, adapter)) return { value: v, issues };
  if (!mods.shapes) return { value: undefined, issues: [issue('$', 'internal', 'the envelope / dataset adapters are not loaded')], apiError: 'adapters not loaded' };
  return mods.shapes.adaptShapes(v, adapter, issues);
}

// The CSV reader (d3-dsv's row splitter and the row builder) loads with the first text payload (issue 16): pages fed
// JSON, a `data` property or inline JSON never download it. One load shared by every element.
const csvChunk = lazyModule(() => import('./csv.js'));
// The envelope / ECharts-dataset adapters, the same way (with the first payload that may need them).
const shapesChunk = lazyModule(() => import('./shapes.js'));

/** The CSV reader once loaded, else undefined. */
export const csvReader = (): CsvModule | undefined => csvChunk.loaded;

/** Loads the CSV reader once (a failed load is tried again on the next call). */
export const loadCsv = (): Promise<CsvModule> => csvChunk.load();

/**
 * What `raw` needs before `adaptWith` can run on it with the loaded modules: undefined when nothing, else the load
 * of the CSV reader (CSV text) or of the shape adapters (a possible envelope or dataset). Rejects when it cannot load.
 */
export function adaptersReady(raw: unknown, adapter: AdapterName): Promise<unknown> | undefined {
  if (adapter === 'none') return undefined;
  if (readsCsv(raw, adapter)) return csvChunk.loaded ? undefined : csvChunk.load();
  return shapesChunk.loaded || !mayHaveShape(raw, adapter) ? undefined : shapesChunk.load();
}

/** Loads every adapter module (a push source adapts its messages synchronously). */
export const loadAdapters = (): Promise<unknown> => Promise.all([csvChunk.load(), shapesChunk.load()]);

/**
 * The adapter functions the lazily loaded `src` path uses, handed to it by the data controller (it imports only this
 * type): a first-load module that a lazy chunk imports is split into a chunk of its own by users' bundlers (issue 16).
 */
export interface AdaptKit {
  adaptWith: typeof adaptWith;
  adaptersReady: typeof adaptersReady;
  loadAdapters: typeof loadAdapters;
}
