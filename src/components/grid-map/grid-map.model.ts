/**
 * Pure model for <civic-grid-map>: metric parsing, the join to geometry, aggregation to parents, the current view
 * (level + focus), colours per unit, legend, breadcrumb, keyboard neighbours and table paging.
 */
import { issue, isRecord, readArray, readBoolean, readNumber, readString, describe, type Issue, type Validated } from '../../data/validate.js';
import { classify, legendModel, type ClassifySpec, type Classifier, type LegendModel } from './classify.js';
import { AGGREGATES, LEVEL_RANK, VIEW_LEVELS, type Aggregate, type GridFeature, type GridGeometry, type GridMetric, type GridMetricRow, type GridMetricsData, type UnitInfo, type UnitSet, type ViewLevel } from './grid-map.types.js';

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
  return readNumber(raw, `rows[${i}].${key}`, issues);
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
    metrics.push({
      key,
      label: readString(m.label, `${p}.label`, issues) ?? key,
      labelEn: readString(m.labelEn, `${p}.labelEn`, issues),
      unit: readString(m.unit, `${p}.unit`, issues),
      aggregate: agg ?? 'sum',
      illustrative: (readBoolean(m.illustrative, `${p}.illustrative`, issues) ?? false) || illustrative,
      ...(scope ? { scope } : {}),
    });
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
    if (typeof r.illustrative === 'boolean') row.illustrative = r.illustrative;
    if (typeof r.source === 'string') row.source = r.source;
    rows.push(row);
  });
  return { value: { metrics, rows, illustrative }, issues };
}

export interface JoinedMetrics {
  /** metric key → (feature index → value); includes aggregated parent values. */
  values: Map<string, Map<number, number>>;
  /** Feature indices whose row says illustrative: false (real figures). */
  realRows: Set<number>;
  /** Rows by feature index (for tooltip source). */
  rowByIndex: Map<number, GridMetricRow>;
  issues: Issue[];
}

/**
 * Joins rows to features by `joinBy` (a feature property; default `code`), reports codes with no grid, grids (leaf
 * units) without a value for a metric, and aggregates each metric to parents from their leaf descendants
 * (sum / mean / min / max; `none` leaves parents empty) unless the parent has its own row.
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
  data.rows.forEach((row, i) => {
    const f = lookup.get(row.code);
    if (!f) {
      issues.push(issue(`rows[${i}].code`, 'unknown-code', `code ${describe(row.code)} matches no unit in the geometry`));
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
    aggregate(geo, vm, m.aggregate);
  }
  return { values, realRows, rowByIndex, issues };
}

/** Fills parent values from leaf descendants. Mutates `vm`. */
export function aggregate(geo: GridGeometry, vm: Map<number, number>, how: Aggregate): void {
  if (how === 'none') return;
  const leafValues = (code: string, out: number[]) => {
    const kids = geo.children.get(code);
    if (!kids) return;
    for (const k of kids) {
      const f = geo.features[k];
      if (geo.children.has(f.code)) leafValues(f.code, out);
      else if (vm.has(k)) out.push(vm.get(k) as number);
    }
  };
  for (const f of geo.features) {
    if (!geo.children.has(f.code) || vm.has(f.index)) continue;
    const vals: number[] = [];
    leafValues(f.code, vals);
    if (!vals.length) continue;
    let v: number;
    if (how === 'sum') v = vals.reduce((a, b) => a + b, 0);
    else if (how === 'mean') v = vals.reduce((a, b) => a + b, 0) / vals.length;
    else if (how === 'min') v = Math.min(...vals);
    else v = Math.max(...vals);
    vm.set(f.index, v);
  }
}

// ── view (level + focus) ──

/** Normalises a `level` attribute value: street/town → street, community/village → community, grid. */
export function viewLevel(v: string | undefined | null): ViewLevel | undefined {
  if (!v) return undefined;
  if ((VIEW_LEVELS as readonly string[]).includes(v)) return v as ViewLevel;
  if (v === 'town') return 'street';
  if (v === 'village') return 'community';
  if (v === '0' || v === '1' || v === '2') return VIEW_LEVELS[Number(v)];
  return undefined;
}

export function rankOf(level: ViewLevel): number {
  return LEVEL_RANK[level];
}

/** True when `code` is `ancestor` or lies beneath it. */
export function isWithin(geo: UnitSet, code: string, ancestor: string): boolean {
  let f = geo.byCode.get(code);
  let guard = 0;
  while (f && guard++ < 16) {
    if (f.code === ancestor) return true;
    f = f.parent ? geo.byCode.get(f.parent) : undefined;
  }
  return false;
}

/** Ancestors from the top down to `code` (inclusive). */
export function ancestry<U extends UnitInfo>(geo: UnitSet<U>, code: string): U[] {
  const out: U[] = [];
  let f = geo.byCode.get(code);
  let guard = 0;
  while (f && guard++ < 16) {
    out.unshift(f);
    f = f.parent ? geo.byCode.get(f.parent) : undefined;
  }
  return out;
}

export interface View {
  /** Rank of the units shown. */
  rank: number;
  /** Code of the unit zoomed into, '' for everything. */
  focus: string;
  /** Indices of the units shown (coloured, clickable), in a stable order. */
  shown: number[];
  /** Indices of outline-only context units (the focus and its ancestors' siblings are not included). */
  outlines: number[];
  /** Bounding box to fit. */
  bbox: [number, number, number, number];
}

/**
 * Units shown: every unit of rank `rank` inside `focus` (or everywhere). When a branch has no unit of that rank
 * (e.g. a village without villager-group grids), its deepest unit above is shown instead, so nothing is blank.
 */
export function computeView(geo: GridGeometry, rank: number, focus: string): View {
  const f = focus ? geo.byCode.get(focus) : undefined;
  const focusCode = f ? f.code : '';
  if (f && rank <= f.rank) rank = Math.min(2, f.rank + 1);
  const shown: number[] = [];
  const visit = (code: string) => {
    for (const k of geo.children.get(code) ?? []) {
      const u = geo.features[k];
      if (u.rank >= rank || !geo.children.has(u.code)) shown.push(k);
      else visit(u.code);
    }
  };
  visit(focusCode);
  if (f && shown.length === 0) shown.push(f.index);
  const outlines: number[] = [];
  for (const u of geo.features) if (u.rank < rank && geo.children.has(u.code) && (!f || isWithin(geo, u.code, f.code))) outlines.push(u.index);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const k of shown) {
    const b = geo.features[k].bbox;
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[2]);
    y1 = Math.max(y1, b[3]);
  }
  return { rank, focus: focusCode, shown, outlines, bbox: shown.length ? [x0, y0, x1, y1] : geo.bbox };
}

/** Where Escape goes from a view: up one focus, or (at the top) one level coarser. Undefined at the top. */
export function upView(geo: GridGeometry, rank: number, focus: string): { rank: number; focus: string } | undefined {
  const f = focus ? geo.byCode.get(focus) : undefined;
  if (f) return { rank: f.rank, focus: f.parent && geo.byCode.has(f.parent) ? f.parent : '' };
  if (rank > 0) return { rank: rank - 1, focus: '' };
  return undefined;
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

// ── keyboard ──

/**
 * The neighbour of `from` in an arrow direction among `candidates`: the nearest label point within a 90° cone
 * around the direction (distance weighted by off-axis deviation). Planar lon/lat scaled by cos(lat).
 */
export function neighbour(geo: UnitSet, candidates: readonly number[], from: number, dir: 'left' | 'right' | 'up' | 'down'): number {
  const a = geo.features[from]?.labelPoint;
  if (!a) return candidates[0] ?? -1;
  const k = Math.cos((a[1] * Math.PI) / 180);
  const [ux, uy] = dir === 'left' ? [-1, 0] : dir === 'right' ? [1, 0] : dir === 'up' ? [0, 1] : [0, -1];
  let best = -1;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === from) continue;
    const b = geo.features[c].labelPoint;
    const dx = (b[0] - a[0]) * k, dy = b[1] - a[1];
    const along = dx * ux + dy * uy;
    if (along <= 0) continue;
    const across = Math.abs(dx * uy - dy * ux);
    if (across > along) continue;
    const score = along + 2 * across;
    if (score < bestScore) (bestScore = score), (best = c);
  }
  return best;
}

/** Hit test: the shown unit containing [lon, lat], or -1. */
export function pick(geo: GridGeometry, shown: readonly number[], lon: number, lat: number, pointIn: (x: number, y: number, f: GridFeature) => boolean): number {
  for (let i = shown.length - 1; i >= 0; i--) {
    const f = geo.features[shown[i]];
    const b = f.bbox;
    if (lon < b[0] || lon > b[2] || lat < b[1] || lat > b[3]) continue;
    if (pointIn(lon, lat, f)) return f.index;
  }
  return -1;
}

// ── table and search ──

export interface TablePage<T> {
  rows: T[];
  page: number;
  pages: number;
  total: number;
}

/** One page of rows (never all of them): 50,000 grids never put 50,000 rows in the DOM. */
export function pageOf<T>(all: readonly T[], page: number, size: number): TablePage<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const p = Math.max(0, Math.min(pages - 1, Math.floor(page)));
  return { rows: all.slice(p * size, p * size + size), page: p, pages, total: all.length };
}

/** Search by name or code (substring, case-insensitive); exact code first, then name prefix, then the rest. */
export function search<U extends UnitInfo>(geo: UnitSet<U>, query: string, limit = 10): U[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: [number, U][] = [];
  for (const f of geo.features) {
    const name = f.name.toLowerCase();
    let s = -1;
    if (f.code === q) s = 0;
    else if (name === q) s = 1;
    else if (name.startsWith(q) || f.code.startsWith(q)) s = 2;
    else if (name.includes(q)) s = 3;
    if (s >= 0) scored.push([s * 10 + f.rank, f]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].code.localeCompare(b[1].code));
  return scored.slice(0, limit).map((x) => x[1]);
}

export type { ClassifySpec };
