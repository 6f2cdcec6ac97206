/**
 * Pure model for <civic-grid-map>: metric parsing, the join to geometry, aggregation to parents, and colours per unit
 * and legend for a view. The view itself (level + focus, breadcrumb, keyboard neighbours, hit test, table paging,
 * search) is unit-view.ts.
 */
import { issue, isRecord, readArray, readBoolean, readNumber, readString, describe, type Issue, type Validated } from '../../data/validate.js';
import { classify, legendModel, type ClassifySpec, type Classifier, type LegendModel } from './classify.js';
import type { View } from './unit-view.js';
import { AGGREGATES, type Aggregate, type GridFeature, type GridGeometry, type GridMetric, type GridMetricRow, type GridMetricsData } from './grid-map.types.js';

export * from './grid-map.types.js';

// ── metrics ──

/**
 * The join code of metrics row `i` (shared by `parseMetrics` and the worker's one-pass `parseMetricColumns`), or
 * undefined with an issue when the row is not an object or has no usable code. Issue paths are built only for rows
 * with a problem: a national table has 10⁶ rows.
 */
export function readRowCode(r: unknown, i: number, joinKey: string, issues: Issue[]): string | undefined {
  if (!isRecord(r)) {
    issues.push(issue(`rows[${i}]`, 'type', `expected a row, got ${describe(r)}`));
    return undefined;
  }
  const raw = r[joinKey] ?? r.code;
  // Fast path: a non-empty string without surrounding blanks is what readString would return anyway.
  if (typeof raw === 'string' && raw !== '' && raw.trim() === raw) return raw;
  return readString(raw, `rows[${i}].${joinKey}`, issues, { required: true, coerceNumber: true }) || undefined;
}

/** Metric `key` of row `i` as a number (fast path for plain finite numbers), or undefined, with an issue if invalid. */
export function readRowValue(raw: unknown, i: number, key: string, issues: Issue[]): number | undefined {
  if (typeof raw === 'number' && Number.isFinite(raw) && Math.abs(raw) <= 1e15) return raw;
  return readNumber(raw, `rows[${i}].${key}`, issues, { coerce: true });
}

/**
 * The head of a metrics payload (shared by `parseMetrics` and the metrics worker's one-pass `parseMetricColumns`):
 * the rows array, the metrics (declared, or inferred from the first rows' numeric fields) and the illustrative flag;
 * problems go to `issues`. Undefined when there are no rows to read.
 */
export function readMetricsHead(raw: unknown, joinKey: string, issues: Issue[]): { rowsRaw: unknown[]; metrics: GridMetric[]; illustrative: boolean } | undefined {
  let metricsRaw: unknown[] | undefined;
  let rowsRaw: unknown[] | undefined;
  let illustrative = false;
  if (Array.isArray(raw)) rowsRaw = raw;
  else if (isRecord(raw)) {
    illustrative = raw.illustrative === true || (typeof raw.illustrative === 'string' && raw.illustrative !== '');
    rowsRaw = readArray(raw.rows, 'rows', issues);
    metricsRaw = readArray(raw.metrics, 'metrics', issues, false);
  } else {
    issues.push(issue('$', 'type', `expected { metrics, rows }, got ${describe(raw)}`));
  }
  if (!rowsRaw) return undefined;

  const metrics: GridMetric[] = [];
  const seen = new Set<string>();
  const at: number[] = []; // payload index of each metric read (issue paths)
  (metricsRaw ?? []).forEach((m, i) => {
    const p = `metrics[${i}]`;
    if (!isRecord(m)) {
      issues.push(issue(p, 'type', `expected a metric, got ${describe(m)}`));
      return;
    }
    const key = readString(m.key, `${p}.key`, issues, { required: true });
    if (!key) return;
    if (seen.has(key)) {
      issues.push(issue(`${p}.key`, 'duplicate', `metric ${describe(key)} appears twice`));
      return;
    }
    seen.add(key);
    const agg = readString(m.aggregate, `${p}.aggregate`, issues, { oneOf: AGGREGATES }) as Aggregate | undefined;
    let scope: string[] | undefined;
    if (m.scope !== undefined) {
      const list = typeof m.scope === 'string' ? [m.scope] : Array.isArray(m.scope) ? m.scope : undefined;
      scope = list?.filter((c): c is string => typeof c === 'string' && c !== '');
      if (!list || scope!.length !== list.length) issues.push(issue(`${p}.scope`, 'type', `expected a code prefix or a list of them, got ${describe(m.scope)}`));
      if (!scope?.length) scope = undefined;
    }
    let ratio: Pick<GridMetric, 'numerator' | 'denominator' | 'scale'> | undefined;
    if (agg === 'ratio') {
      const numerator = readString(m.numerator, `${p}.numerator`, issues, { required: true });
      const denominator = readString(m.denominator, `${p}.denominator`, issues, { required: true });
      const scale = readNumber(m.scale, `${p}.scale`, issues);
      if (numerator && denominator) ratio = { numerator, denominator, ...(scale !== undefined ? { scale } : {}) };
    }
    at.push(i);
    metrics.push({
      key,
      label: readString(m.label, `${p}.label`, issues) ?? key,
      labelEn: readString(m.labelEn, `${p}.labelEn`, issues),
      unit: readString(m.unit, `${p}.unit`, issues),
      aggregate: agg === 'ratio' && !ratio ? 'none' : agg ?? 'sum',
      ...ratio,
      illustrative: (readBoolean(m.illustrative, `${p}.illustrative`, issues) ?? false) || illustrative,
      ...(scope ? { scope } : {}),
    });
  });
  // A ratio's numerator and denominator must be other metrics of the payload (not ratios): else its parents stay empty.
  metrics.forEach((m, i) => {
    if (m.aggregate !== 'ratio') return;
    for (const part of ['numerator', 'denominator'] as const) {
      const k = m[part] as string;
      const other = metrics.find((o) => o.key === k);
      if (k === m.key || !other || other.aggregate === 'ratio') {
        issues.push(issue(`metrics[${at[i]}].${part}`, 'unknown-metric', `the ratio ${describe(m.key)} needs the ${part} ${describe(k)} as another metric of the payload`));
        m.aggregate = 'none';
        delete m.numerator, delete m.denominator, delete m.scale;
        return;
      }
    }
  });
  if (!metricsRaw) {
    // Infer metrics from the numeric fields of the first rows.
    for (const r of rowsRaw.slice(0, 50))
      if (isRecord(r))
        for (const [k, v] of Object.entries(r))
          if (k !== joinKey && k !== 'code' && typeof v === 'number' && !seen.has(k)) {
            seen.add(k);
            metrics.push({ key: k, label: k, aggregate: 'sum', illustrative });
          }
  }
  return { rowsRaw, metrics, illustrative };
}

/**
 * Validates `{ metrics: [{key,label,unit,aggregate,illustrative}], rows: [{code, <key>: number}] }`.
 * A bare array of rows is accepted too (metrics are then inferred from numeric fields).
 * Non-numeric values are reported (`rows[3].households`) and left out; the row keeps its other values.
 */
export function parseMetrics(raw: unknown, joinKey = 'code'): Validated<GridMetricsData> {
  const issues: Issue[] = [];
  const head = readMetricsHead(raw, joinKey, issues);
  if (!head) return { value: undefined, issues };
  const { rowsRaw, metrics, illustrative } = head;

  const rows: GridMetricRow[] = [];
  const codes = new Set<string>();
  let anyIllustrative = illustrative; // a row marked illustrative: true shows the badge too
  rowsRaw.forEach((raw, i) => {
    const r = raw as Record<string, unknown>; // readRowCode rejects a row that is not an object
    const code = readRowCode(r, i, joinKey, issues);
    if (code === undefined) return;
    if (codes.has(code)) {
      issues.push(issue(`rows[${i}].${joinKey}`, 'duplicate', `code ${describe(code)} appears twice; the later row is ignored`));
      return;
    }
    codes.add(code);
    const values: Record<string, number> = {};
    for (const m of metrics) {
      const v = readRowValue(r[m.key], i, m.key, issues);
      if (v !== undefined) values[m.key] = v;
    }
    const row: GridMetricRow = { code, values };
    if (i !== rows.length) row.at = i;
    if (typeof r.illustrative === 'boolean') row.illustrative = r.illustrative;
    if (r.illustrative === true) anyIllustrative = true;
    if (typeof r.source === 'string') row.source = r.source;
    const ik = illustrativeKeysOf(r);
    if (ik) row.illustrativeKeys = ik;
    rows.push(row);
  });
  return { value: { metrics, rows, illustrative: anyIllustrative }, issues };
}

/**
 * A real row's invented metrics (`illustrativeKeys: ["volunteers"]`), or undefined. Such a row is shown as real only
 * for its other metrics; the metric columns (tiles mode) have one flag per row, so there it is not flagged real at all.
 */
export function illustrativeKeysOf(r: Record<string, unknown>): string[] | undefined {
  const k = r.illustrativeKeys;
  if (!Array.isArray(k)) return undefined;
  const keys = k.filter((x): x is string => typeof x === 'string');
  return keys.length ? keys : undefined;
}

export interface JoinedMetrics {
  /** metric key → (feature index → value); includes aggregated parent values. */
  values: Map<string, Map<number, number>>;
  /** Feature indices whose row says illustrative: false (real figures). */
  realRows: Set<number>;
  /** Rows by feature index (for tooltip source). */
  rowByIndex: Map<number, GridMetricRow>;
  /** metric key → (parent index → [n, m]) for parents whose value covers only n of their m grids. */
  coverage: Map<string, Map<number, [number, number]>>;
  issues: Issue[];
}

/**
 * Joins rows to features by `joinBy` (a feature property; default `code`), reports codes with no grid, grids (leaf
 * units) without a value for a metric, and aggregates each metric to parents from their leaf descendants
 * (sum / mean / min / max / ratio; `none` leaves parents empty) unless the parent has its own row.
 */
export function joinMetrics(geo: GridGeometry, data: GridMetricsData, joinBy = 'code'): JoinedMetrics {
  const issues: Issue[] = [];
  const lookup = new Map<string, GridFeature>();
  for (const f of geo.features) {
    const key = joinBy === 'code' ? f.code : f.properties[joinBy];
    if (typeof key === 'string' || typeof key === 'number') lookup.set(String(key), f);
  }
  const values = new Map<string, Map<number, number>>();
  for (const m of data.metrics) values.set(m.key, new Map());
  const realRows = new Set<number>();
  const rowByIndex = new Map<number, GridMetricRow>();
  const coverage = new Map<string, Map<number, [number, number]>>();
  data.rows.forEach((row, i) => {
    const f = lookup.get(row.code);
    if (!f) {
      issues.push(issue(`rows[${row.at ?? i}].code`, 'unknown-code', `code ${describe(row.code)} matches no unit in the geometry`));
      return;
    }
    rowByIndex.set(f.index, row);
    if (row.illustrative === false) realRows.add(f.index);
    for (const [k, v] of Object.entries(row.values)) values.get(k)?.set(f.index, v);
  });
  // Leaves (units without children) without a value.
  const leaves = geo.features.filter((f) => !geo.children.has(f.code));
  for (const m of data.metrics) {
    const vm = values.get(m.key) as Map<number, number>;
    let missing = 0;
    // A scoped metric (e.g. the rural points system) only applies to units under its code prefixes.
    const applies = (f: GridFeature) => !m.scope || m.scope.some((p) => f.code.startsWith(p));
    for (const f of leaves)
      if (!vm.has(f.index) && applies(f)) {
        missing++;
        if (missing <= 5) issues.push(issue(`features:${f.code}`, 'missing-value', `unit ${f.code} has no value for ${m.key}`, 'warning'));
      }
    if (missing > 5) issues.push(issue(`metrics.${m.key}`, 'missing-value', `${missing - 5} more units have no value for ${m.key}`, 'warning'));
    const parts = m.aggregate === 'ratio' ? { num: values.get(m.numerator as string) as Map<number, number>, den: values.get(m.denominator as string) as Map<number, number>, scale: m.scale ?? 1 } : undefined;
    coverage.set(m.key, aggregate(geo, vm, m.aggregate, parts, applies));
  }
  return { values, realRows, rowByIndex, coverage, issues };
}

/**
 * Fills parent values from leaf descendants (mutates `vm`); a parent with its own value keeps it. `ratio` needs the
 * numerator's and denominator's maps (`parts`): Σ numerator / Σ denominator × scale over the grids that have both, no
 * value when that Σ denominator is 0. Returns "n of m" per parent whose value covers only n of its m leaves (those the
 * metric applies to): what the tooltip and table say of a partial sum.
 */
export function aggregate(geo: GridGeometry, vm: Map<number, number>, how: Aggregate, parts?: { num: Map<number, number>; den: Map<number, number>; scale: number }, applies: (f: GridFeature) => boolean = () => true): Map<number, [number, number]> {
  const coverage = new Map<number, [number, number]>();
  if (how === 'none' || (how === 'ratio' && !parts)) return coverage;
  const leaves = (code: string, out: number[]) => {
    for (const k of geo.children.get(code) ?? []) {
      const f = geo.features[k];
      if (geo.children.has(f.code)) leaves(f.code, out);
      else if (applies(f)) out.push(k);
    }
  };
  const has = parts ? (k: number) => parts.num.has(k) && parts.den.has(k) : (k: number) => vm.has(k);
  for (const f of geo.features) {
    if (!geo.children.has(f.code) || vm.has(f.index)) continue;
    const all: number[] = [];
    leaves(f.code, all);
    const ks = all.filter(has);
    if (!ks.length) continue;
    if (ks.length < all.length) coverage.set(f.index, [ks.length, all.length]);
    const vals = ks.map((k) => vm.get(k) as number);
    let v: number;
    if (parts) {
      let num = 0, den = 0;
      for (const k of ks) {
        num += parts.num.get(k) as number;
        den += parts.den.get(k) as number;
      }
      if (den === 0) continue;
      v = (num / den) * parts.scale;
    } else if (how === 'sum') v = vals.reduce((a, b) => a + b, 0);
    else if (how === 'mean') v = vals.reduce((a, b) => a + b, 0) / vals.length;
    else if (how === 'min') v = Math.min(...vals);
    else v = Math.max(...vals);
    vm.set(f.index, v);
  }
  return coverage;
}

// ── colours and legend for a view ──

export interface Styling {
  classifier: Classifier;
  legend: LegendModel;
  /** Per feature index: hex colour for shown units with a value, null for shown units without (no-data style),
   * 'transparent' for units whose class was toggled off in the legend. */
  colors: Map<number, string | null>;
  /** Class per shown feature index (-1 = no data). */
  classes: Map<number, number>;
}

export function styleView(view: View, vm: Map<number, number> | undefined, spec: ClassifySpec, hidden: ReadonlySet<number> = new Set()): Styling {
  const vals = view.shown.map((k) => vm?.get(k));
  const classifier = classify(vals, spec);
  const legend = legendModel(classifier, vals);
  const colors = new Map<number, string | null>();
  const classes = new Map<number, number>();
  view.shown.forEach((k, i) => {
    const v = vals[i];
    const c = classifier.classOf(v);
    classes.set(k, c);
    if (c >= 0 && hidden.has(c)) colors.set(k, 'transparent'); // toggled off in the legend, which is not 'no data'
    else colors.set(k, c < 0 ? null : (classifier.colorOf(v) as string));
  });
  return { classifier, legend, colors, classes };
}

export type { ClassifySpec };
