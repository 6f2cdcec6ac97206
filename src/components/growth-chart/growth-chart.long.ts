/**
 * Long-format rows of <civic-growth-chart> (one row per series × period, as statistical bureaus publish them) pivoted
 * into series, then validated like the series shape. Loaded by the element with the first long-format payload
 * (issue 16: not in the first load). Pure: never throws, never touches the DOM.
 */
import { describe, isRecord, issue, joinPath, type Issue, type Validated } from '../../data/validate.js';
import { mapFields } from '../../data/adapters/field-map.impl.js';
import { readPath, splitListPath } from '../../data/adapters/path.js';
import { LONG_DEFAULTS, parseGrowthData, type LongFields } from './growth-chart.read.js';
import type { GrowthData } from './growth-chart.types.js';

const filled = (s: string | undefined): s is string => typeof s === 'string' && s.trim() !== '';

const keyText = (v: unknown): string | undefined => (typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * Pivots long-format rows into the chart's series (one series per distinct `series` value, in first-seen order;
 * its `region` from the first row that has one), then validates like `parseGrowthData`. Issues point at the rows:
 * `[12].value` (or `data.list[12].gdp` when the rows came through a path). Pure; never throws.
 */
export function parseGrowthLong(raw: unknown, fields: LongFields = {}, envelope?: unknown): Validated<GrowthData> {
  const f: Required<LongFields> = {
    series: filled(fields.series) ? fields.series.trim() : LONG_DEFAULTS.series,
    period: filled(fields.period) ? fields.period.trim() : LONG_DEFAULTS.period,
    value: filled(fields.value) ? fields.value.trim() : LONG_DEFAULTS.value,
    growth: filled(fields.growth) ? fields.growth.trim() : LONG_DEFAULTS.growth,
    region: filled(fields.region) ? fields.region.trim() : LONG_DEFAULTS.region,
  };
  const issues: Issue[] = [];
  const paths = Object.values(f);
  const viaList = paths.some((p) => p.includes('[]'));
  // Rows and the name of each field inside a row; `rowPath(i)` is where row i is in the payload.
  let rows: unknown[] | undefined;
  let col: Required<LongFields> = f;
  let rowPath = (i: number): string => `[${i}]`;
  if (viaList) {
    const m = mapFields(raw, { series: f.series, period: f.period, value: f.value, growth: f.growth, region: f.region }, envelope);
    issues.push(...m.issues);
    if (!Array.isArray(m.value)) return { value: undefined, issues };
    rows = m.value;
    col = { ...LONG_DEFAULTS };
    const list = splitListPath(paths.find((p) => p.includes('[]'))!)!.list;
    rowPath = (i) => `${list}[${i}]`;
  } else if (Array.isArray(raw)) rows = raw;
  else if (isRecord(raw) && Array.isArray(raw.rows)) {
    rows = raw.rows;
    rowPath = (i) => `rows[${i}]`;
  } else {
    issues.push(issue('$', 'type', `expected long-format rows (an array of { ${f.series}, ${f.period}, ${f.value}, ${f.growth} }), got ${describe(raw)}`));
    return { value: undefined, issues };
  }
  // Where each pivoted point came from, to report issues at the row.
  const origin = new Map<string, number>();
  const bySeries = new Map<string, { index: number; series: { id: string; name: string; region?: string; unit?: string; points: Record<string, unknown>[] } }>();
  const fieldOf = (k: keyof LongFields): string => (viaList ? (splitListPath(f[k])?.item ?? f[k]) : f[k]);
  rows.forEach((r, i) => {
    if (!isRecord(r)) {
      issues.push(issue(rowPath(i), 'type', `expected a row object, got ${describe(r)}`));
      return;
    }
    const read = (k: keyof LongFields): unknown => (viaList ? r[k] : readPath(r, col[k]));
    const key = keyText(read('series'));
    if (key === undefined) {
      issues.push(issue(joinPath(rowPath(i), fieldOf('series')), 'required', `expected the series name in "${fieldOf('series')}", got ${describe(read('series'))}`));
      return;
    }
    let entry = bySeries.get(key);
    if (!entry) {
      entry = { index: bySeries.size, series: { id: key, name: key, points: [] } };
      bySeries.set(key, entry);
    }
    const s = entry.series;
    const region = keyText(read('region'));
    if (region && !s.region) s.region = region;
    const unit = keyText(r.unit);
    if (unit && !s.unit) s.unit = unit;
    const p = read('period');
    const point: Record<string, unknown> = { period: typeof p === 'number' ? String(p) : p, value: read('value') ?? null, growth: read('growth') ?? null };
    // CSV cells arrive as text: "true" / "false".
    if (r.illustrative === true || r.illustrative === 'true') point.illustrative = true;
    else if (r.illustrative === false || r.illustrative === 'false') point.illustrative = false;
    origin.set(`series[${entry.index}].points[${s.points.length}]`, i);
    s.points.push(point);
  });
  const fileIllustrative = isRecord(raw) && raw.illustrative === true;
  const parsed = parseGrowthData({ series: [...bySeries.values()].map((e) => e.series), ...(fileIllustrative ? { illustrative: true } : {}) });
  const rename: Record<string, keyof LongFields> = { period: 'period', value: 'value', growth: 'growth' };
  for (const x of parsed.issues) {
    const m = /^series\[(\d+)\]\.points\[(\d+)\](?:\.(\w+))?(.*)$/.exec(x.path);
    const row = m ? origin.get(`series[${m[1]}].points[${m[2]}]`) : undefined;
    if (m && row !== undefined) {
      const field = m[3] ? (rename[m[3]] ? fieldOf(rename[m[3]]) : m[3]) : undefined;
      issues.push({ ...x, path: `${field ? joinPath(rowPath(row), field) : rowPath(row)}${m[4]}` });
    } else issues.push(x);
  }
  return { value: parsed.value, issues };
}
