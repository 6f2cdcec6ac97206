/**
 * The attributes of <civic-kpi-tile> that are data: they fill in what the data lacks (data wins, except `precision`,
 * which wins over the data's). An attribute-only tile's item is made of them alone.
 */
import { isRecord, type Issue } from '../../data/validate.js';
import { parseKpiItem, parseSeriesAttr, parseThresholdsAttr, type ParsedKpi } from './kpi-tile.parse.js';
import type { KpiItem } from './kpi-tile.types.js';

/** Attributes copied into the item under their own name, as written. */
const PLAIN = ['label', 'value', 'unit', 'qualifier', 'previous', 'target', 'deltaLabel', 'caption', 'source', 'period', 'better'] as const;

/** The tile's data attributes (its properties of these names). */
export type TileAttributes = { [K in (typeof PLAIN)[number]]?: K extends 'value' | 'previous' | 'target' ? string | number : KpiItem[K] } & {
  precision?: number;
  sparkline?: string;
  thresholds?: string;
  illustrative: boolean;
};

/** The attribute values an item depends on (a change re-parses the data). */
export function attributeValues(a: TileAttributes): unknown[] {
  return [...PLAIN.map((k) => a[k]), a.precision, a.sparkline, a.thresholds, a.illustrative];
}

/** The item fields the attributes give (unset ones left out). */
function attributeRecord(a: TileAttributes): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  for (const k of PLAIN) if (a[k] !== undefined && a[k] !== null) r[k] = a[k];
  const history = parseSeriesAttr(a.sparkline);
  if (history) r.history = history;
  const thresholds = parseThresholdsAttr(a.thresholds);
  if (thresholds) r.thresholds = thresholds;
  if (a.illustrative) r.illustrative = true;
  return r;
}

/** A raw item (a record or a bare number) with the attributes filled in where it has no value of its own. */
export function withAttributes(a: TileAttributes, raw: unknown): unknown {
  const base = attributeRecord(a);
  let out: unknown = raw;
  if (typeof raw === 'number') out = { ...base, value: raw };
  else if (isRecord(raw)) {
    const o: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(raw)) if (v !== undefined) o[k] = v;
    out = o;
  }
  if (isRecord(out) && a.precision !== undefined && Number.isFinite(a.precision)) out.precision = a.precision;
  return out;
}

/**
 * An attribute-only tile's item (none when the attributes make none) and its invalid attributes' messages ('' if none).
 * Without a `value` attribute (never set, or removed) the figure is not given yet: a dash with no error, not an invalid
 * value.
 */
export function attributeItem(host: TileAttributes): { items: ParsedKpi[] | undefined; invalid: string } {
  const issues: Issue[] = [];
  const it = parseKpiItem({ value: null, ...(withAttributes(host, {}) as object) }, '', issues);
  const invalid = issues.filter((i) => i.severity === 'error').map((i) => `${i.path}: ${i.message}`).join('; ');
  return { items: it ? [it] : undefined, invalid };
}
