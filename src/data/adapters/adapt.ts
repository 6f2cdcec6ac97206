import type { Issue } from '../validate.js';
import { unwrapEnvelope } from './envelope.js';
import { looksLikeDataset, datasetToRows } from './echarts-dataset.js';

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

/** True when `adapter` reads a text payload as CSV. */
export const readsCsv = (raw: unknown, adapter: AdapterName): raw is string => typeof raw === 'string' && (adapter === 'auto' || adapter === 'csv');

/**
 * Runs the generic adapters in order: CSV text → rows (with `csv`, the CSV reader module); `{code,msg,data}`
 * envelope → data; ECharts `{dimensions, source}` → rows. Pure; never throws.
 */
export function adaptWith(csv: Pick<CsvModule, 'parseCsv'> | undefined, raw: unknown, adapter: AdapterName = 'auto'): AdaptResult {
  if (adapter === 'none') return { value: raw, issues: [] };
  let v = raw;
  let outer: unknown;
  const issues: Issue[] = [];
  if (csv && readsCsv(v, adapter)) {
    const r = csv.parseCsv(v);
    issues.push(...r.issues);
    v = r.rows;
  }
  if (adapter === 'auto' || adapter === 'envelope') {
    const e = unwrapEnvelope(v);
    if (e.matched && !e.ok) return { value: undefined, issues: e.issues, apiError: e.message };
    if (e.matched) outer = v;
    v = e.data;
  }
  if ((adapter === 'auto' || adapter === 'echarts') && looksLikeDataset(v)) {
    const r = datasetToRows(v);
    issues.push(...r.issues);
    v = r.rows;
  }
  return outer === undefined ? { value: v, issues } : { value: v, issues, outer };
}

// The CSV reader (d3-dsv's row splitter and the row builder) loads with the first text payload (issue 16): pages fed
// JSON, a `data` property or inline JSON never download it. One load shared by every element.
let csvModule: CsvModule | undefined;
let csvLoading: Promise<CsvModule> | undefined;

/** The CSV reader once loaded, else undefined. */
export const csvReader = (): CsvModule | undefined => csvModule;

/** Loads the CSV reader once (a failed load is tried again on the next call). */
export function loadCsv(): Promise<CsvModule> {
  if (!csvLoading) {
    csvLoading = import('./csv.js').then((m) => (csvModule = m));
    csvLoading.catch(() => {
      csvLoading = undefined;
    });
  }
  return csvLoading;
}

/**
 * The adapter functions the lazily loaded `src` path uses, handed to it by the data controller (it imports only this
 * type): a first-load module that a lazy chunk imports is split into a chunk of its own by users' bundlers (issue 16).
 */
export interface AdaptKit {
  adaptWith: typeof adaptWith;
  csvReader: typeof csvReader;
  loadCsv: typeof loadCsv;
  readsCsv: typeof readsCsv;
}
