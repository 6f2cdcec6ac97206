/**
 * Validation and statistics of <civic-growth-chart> payloads. Pure: never throws, never touches the DOM.
 *
 * - `parseGrowthData(raw)`: accepts `{ series: [...] }`, a bare array of series, or one series `{ points: [...] }`.
 *   Unsorted periods are sorted (warning), duplicates dropped (error), strings for numbers read (warning),
 *   point units converted when they share a base unit with the series (warning) or dropped (error),
 *   missing values and rates stay `null` (a gap, never a zero).
 * - `fillYearOnYear(series)`: computes a year-on-year rate from two nominal values where none is published.
 * - `deriveSinglePeriods(series)`: single-quarter (or single-month) values from cumulative ones (Q3 = 1—9月 − 1—6月).
 *
 * Long-format rows are pivoted by `parseGrowthLong` (growth-chart.long.ts, loaded by the element with the first such
 * payload); growth-chart.parse.ts exports both readers and `parseGrowthPayload`.
 */
import { parsePeriod, previousYear, comparePeriods, type Period, type PeriodResult } from '../../core/format/period.js';
import { UNITS } from '../../core/format/number.js';
import {
  describe,
  isRecord,
  issue,
  joinPath,
  readArray,
  readBoolean,
  readNumber,
  readString,
  type Issue,
  type Validated,
} from '../../data/validate.js';
import {
  GROWTH_BASES,
  SERIES_BASES,
  type GrowthBasis,
  type GrowthData,
  type GrowthPoint,
  type GrowthRank,
  type GrowthSeries,
  type SeriesBasis,
} from './growth-chart.types.js';

/** Reads a number, accepting a numeric string with a warning (CSV exports and loose APIs send "860.9"). */
function readLooseNumber(v: unknown, path: string, issues: Issue[]): number | null {
  if (typeof v === 'string') {
    const t = v.trim().replace(/,/g, '');
    if (t === '') return null;
    const n = readNumber(t, path, issues, { coerce: true });
    if (n === undefined) return null;
    issues.push(issue(path, 'coerced', `expected a number, got the string ${describe(v)}; read as ${n}`, 'warning'));
    return n;
  }
  return readNumber(v, path, issues) ?? null;
}

function readRank(v: unknown, path: string, issues: Issue[]): GrowthRank | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' || typeof v === 'string') {
    const position = readLooseNumber(v, path, issues);
    return position !== null && position >= 1 ? { position: Math.round(position), scope: '' } : undefined;
  }
  if (!isRecord(v)) {
    issues.push(issue(path, 'type', `expected a rank object, got ${describe(v)}`));
    return undefined;
  }
  const position = readNumber(v.position, joinPath(path, 'position'), issues, { required: true, min: 1 });
  if (position === undefined) return undefined;
  const rank: GrowthRank = { position: Math.round(position), scope: readString(v.scope, joinPath(path, 'scope'), issues) ?? '' };
  const scopeEn = readString(v.scopeEn, joinPath(path, 'scopeEn'), issues);
  if (scopeEn) rank.scopeEn = scopeEn;
  const of = readNumber(v.of, joinPath(path, 'of'), issues, { min: 1 });
  if (of !== undefined) rank.of = Math.round(of);
  return rank;
}

/** Factor turning a value in `from` into `to`, or undefined when they do not share a base unit. */
export function unitFactor(from: string, to: string): number | undefined {
  if (from === to) return 1;
  const a = UNITS[from];
  const b = UNITS[to];
  if (!a || !b || a.base !== b.base) return undefined;
  return a.scale / b.scale;
}

interface PointCtx {
  seriesUnit?: string;
  illustrative: boolean;
}

/** A finite number that `readLooseNumber` would return as it is (with no issue), else undefined. */
const plainNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= 1e15 ? v : undefined);

// Periods parsed before (a polled or updated payload repeats its period strings). Periods are plain values nobody
// changes (frozen here, so nobody can), so a point may share one with an earlier payload.
const periodCache = new Map<string, PeriodResult>();
function periodOf(v: unknown): PeriodResult {
  if (typeof v !== 'string') return parsePeriod(v);
  let r = periodCache.get(v);
  if (!r) {
    r = parsePeriod(v);
    if (r.period) Object.freeze(r.period);
    if (periodCache.size >= 4096) periodCache.clear();
    periodCache.set(v, r);
  }
  return r;
}

function readPoint(raw: unknown, path: string, issues: Issue[], ctx: PointCtx): GrowthPoint | undefined {
  if (!isRecord(raw)) {
    issues.push(issue(path, 'type', `expected a point object, got ${describe(raw)}`));
    return undefined;
  }
  const pr = periodOf(raw.period);
  if (!pr.period) {
    issues.push(issue(joinPath(path, 'period'), raw.period === undefined ? 'required' : 'period', pr.error));
    return undefined;
  }
  // A field that is a plain finite number, a boolean or absent needs no path string for an issue (the common case:
  // a payload's points are read again on every update).
  let value = plainNumber(raw.value) ?? readLooseNumber(raw.value, joinPath(path, 'value'), issues);
  const growth = plainNumber(raw.growth) ?? readLooseNumber(raw.growth, joinPath(path, 'growth'), issues);
  const unit = raw.unit == null ? undefined : readString(raw.unit, joinPath(path, 'unit'), issues);
  if (unit && ctx.seriesUnit && unit !== ctx.seriesUnit && value !== null) {
    const f = unitFactor(unit, ctx.seriesUnit);
    if (f === undefined) {
      issues.push(issue(joinPath(path, 'unit'), 'mixed-units', `unit ${describe(unit)} differs from the series unit ${describe(ctx.seriesUnit)} and cannot be converted; the value is left out`));
      value = null;
    } else {
      issues.push(issue(joinPath(path, 'unit'), 'unit-converted', `unit ${describe(unit)} differs from the series unit ${describe(ctx.seriesUnit)}; converted`, 'warning'));
      value = Math.round(value * f * 1e9) / 1e9;
    }
  }
  let growthBasis: GrowthBasis = 'unknown';
  if (raw.growthBasis !== undefined) growthBasis = (readString(raw.growthBasis, joinPath(path, 'growthBasis'), issues, { oneOf: GROWTH_BASES }) as GrowthBasis | undefined) ?? 'unknown';
  if (value === null && growth === null) issues.push(issue(path, 'empty-point', 'the point has neither a value nor a growth rate; shown as a gap', 'warning'));
  const point: GrowthPoint = {
    period: pr.period,
    value,
    growth,
    growthBasis: growth === null ? 'unknown' : growthBasis,
    growthComputed: false,
    derived: false,
    illustrative: (typeof raw.illustrative === 'boolean' ? raw.illustrative : raw.illustrative == null ? undefined : readBoolean(raw.illustrative, joinPath(path, 'illustrative'), issues)) ?? ctx.illustrative,
  };
  const rank = raw.rank == null ? undefined : readRank(raw.rank, joinPath(path, 'rank'), issues);
  if (rank) point.rank = rank;
  const note = raw.note == null ? undefined : readString(raw.note, joinPath(path, 'note'), issues, { maxLength: 300 });
  if (note) point.note = note;
  const noteEn = raw.noteEn == null ? undefined : readString(raw.noteEn, joinPath(path, 'noteEn'), issues, { maxLength: 300 });
  if (noteEn) point.noteEn = noteEn;
  return point;
}

/** A cumulative period (1—9月) or a whole year: what single periods are derived from. */
export const isCumulativeKind = (p: Period): boolean => p.kind === 'cumulative' || p.kind === 'year';
const isSingleKind = (p: Period) => p.kind !== 'cumulative';

function readSeries(raw: unknown, path: string, issues: Issue[], index: number, fileIllustrative: boolean): GrowthSeries | undefined {
  if (!isRecord(raw)) {
    issues.push(issue(path, 'type', `expected a series object, got ${describe(raw)}`));
    return undefined;
  }
  let id = readString(raw.id, joinPath(path, 'id'), issues, { required: true, coerceNumber: true });
  if (!id) id = `series-${index + 1}`;
  const name = readString(raw.name, joinPath(path, 'name'), issues, { required: true }) ?? id;
  const unit = readString(raw.unit, joinPath(path, 'unit'), issues) || undefined;
  const illustrative = readBoolean(raw.illustrative, joinPath(path, 'illustrative'), issues) ?? fileIllustrative;
  const list = readArray(raw.points, joinPath(path, 'points'), issues) ?? [];
  const pointsPath = joinPath(path, 'points');
  const ctx: PointCtx = { seriesUnit: unit, illustrative };
  // The usual payload gives its periods in time order, each once: checked pair by pair as the points are read (a
  // period key names one period, so a strictly rising list has no duplicate). Otherwise the points are read again,
  // with a map of the periods seen (the issues of the first reading dropped).
  const mark = issues.length;
  let read: GrowthPoint[] = [];
  let rising = true;
  for (let i = 0; i < list.length && rising; i++) {
    const point = readPoint(list[i], joinPath(pointsPath, i), issues, ctx);
    if (!point) continue;
    if (read.length && comparePeriods(read[read.length - 1].period, point.period) >= 0) rising = false;
    read.push(point);
  }
  let sortedOk = true;
  if (!rising) {
    issues.length = mark;
    read = [];
    const seen = new Map<string, number>();
    list.forEach((p, i) => {
      const pp = joinPath(pointsPath, i);
      const point = readPoint(p, pp, issues, ctx);
      if (!point) return;
      const first = seen.get(point.period.key);
      if (first !== undefined) {
        issues.push(issue(joinPath(pp, 'period'), 'duplicate', `period ${point.period.key} already given at ${joinPath(pointsPath, first)}; this point is ignored`));
        return;
      }
      seen.set(point.period.key, i);
      read.push(point);
    });
    for (let i = 1; i < read.length; i++) if (comparePeriods(read[i - 1].period, read[i].period) > 0) sortedOk = false;
  }
  const points = sortedOk ? read : read.slice().sort((a, b) => comparePeriods(a.period, b.period));
  if (!sortedOk) issues.push(issue(pointsPath, 'unsorted', 'periods are not in time order; sorted', 'warning'));

  let basis: SeriesBasis | undefined;
  if (raw.basis !== undefined) basis = readString(raw.basis, joinPath(path, 'basis'), issues, { oneOf: SERIES_BASES }) as SeriesBasis | undefined;
  const allCumulative = points.length > 0 && points.every((p) => isCumulativeKind(p.period));
  if (!basis) basis = allCumulative && points.some((p) => p.period.kind === 'cumulative') ? 'cumulative' : 'period';
  const mixedBasis = basis === 'cumulative' ? !points.every((p) => isCumulativeKind(p.period)) : !points.every((p) => isSingleKind(p.period));
  if (mixedBasis)
    issues.push(issue(pointsPath, 'mixed-basis', `the ${basis} series also holds ${basis === 'cumulative' ? 'single-period' : 'cumulative'} periods; the axis says so`, 'warning'));
  if (!points.length) issues.push(issue(pointsPath, 'empty-series', 'the series has no usable point', 'warning'));

  const series: GrowthSeries = { id, name, basis, mixedBasis, illustrative, points };
  const nameEn = readString(raw.nameEn, joinPath(path, 'nameEn'), issues);
  if (nameEn) series.nameEn = nameEn;
  if (unit) series.unit = unit;
  const region = readString(raw.region, joinPath(path, 'region'), issues, { coerceNumber: true });
  if (region) series.region = region;
  return series;
}

/** Validates a growth payload; see the module comment for what is accepted. */
export function parseGrowthData(raw: unknown): Validated<GrowthData> {
  const issues: Issue[] = [];
  let list: unknown[] | undefined;
  let top: Record<string, unknown> = {};
  let base = 'series';
  if (Array.isArray(raw)) {
    list = raw;
    base = '$';
  } else if (isRecord(raw) && Array.isArray(raw.points) && raw.series === undefined) {
    list = [raw];
    base = '$';
  } else if (isRecord(raw)) {
    top = raw;
    list = readArray(raw.series, 'series', issues);
  } else {
    issues.push(issue('$', 'type', `expected an object with a "series" array, got ${describe(raw)}`));
  }
  if (!list) return { value: undefined, issues };
  const fileIllustrative = top.illustrative === true;
  const region = readString(top.region, 'region', issues, { coerceNumber: true });
  const series: GrowthSeries[] = [];
  const ids = new Map<string, number>();
  list.forEach((s, i) => {
    const path = base === '$' ? `[${i}]` : joinPath(base, i);
    const one = readSeries(s, path, issues, i, fileIllustrative);
    if (!one) return;
    if (ids.has(one.id)) {
      issues.push(issue(joinPath(path, 'id'), 'duplicate', `series id ${describe(one.id)} is used twice; this series is ignored`));
      return;
    }
    ids.set(one.id, i);
    if (!one.region && region) one.region = region;
    series.push(fillYearOnYear(one));
  });
  const data: GrowthData = { series };
  for (const k of ['title', 'titleEn', 'note', 'source'] as const) {
    const v = readString(top[k], k, issues);
    if (v) data[k] = v;
  }
  if (region) data.region = region;
  return { value: data, issues };
}

/**
 * Year-on-year growth in percent from two values; null when not computable. Kept to 1e-6 % (only float noise dropped):
 * the tooltip rounds it to 0.1 % once, so 4.2496 % reads 4.2 %, never 4.25 → 4.3 %.
 */
export function yoyRate(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0 || !Number.isFinite(value) || !Number.isFinite(base)) return null;
  if (base < 0) return null; // a rate against a negative base has no meaning
  return Math.round((value / base - 1) * 1e8) / 1e6;
}

/**
 * Fills missing growth rates from the same period a year earlier. Published rates always win; computed ones are
 * marked `growthComputed` and `growthBasis: 'nominal'` (名义增速), as they ignore price changes.
 */
export function fillYearOnYear(series: GrowthSeries): GrowthSeries {
  // The usual payload publishes every rate: nothing to fill, no map of its points (issue 16: the first picture).
  if (!series.points.some((p) => p.growth === null && p.value !== null)) return series;
  const byKey = new Map(series.points.map((p) => [p.period.key, p] as const));
  let changed = false;
  const points = series.points.map((p) => {
    if (p.growth !== null || p.value === null) return p;
    const prev = byKey.get(previousYear(p.period).key);
    const g = prev ? yoyRate(p.value, prev.value) : null;
    if (g === null) return p;
    changed = true;
    return { ...p, growth: g, growthBasis: 'nominal' as const, growthComputed: true, illustrative: p.illustrative || !!prev?.illustrative };
  });
  return changed ? { ...series, points } : series;
}

/**
 * Keeps series whose id is listed (in the listed order) and whose region code starts with `region`.
 * A series without a region (and none inherited from the payload) is kept: nothing says it is elsewhere.
 */
export function selectSeries(series: readonly GrowthSeries[], ids?: readonly string[], region?: string): GrowthSeries[] {
  let out = series.slice();
  if (region) out = out.filter((s) => !s.region || s.region.startsWith(region));
  if (ids && ids.length) {
    const byId = new Map(out.map((s) => [s.id, s] as const));
    out = ids.map((id) => byId.get(id)).filter((s): s is GrowthSeries => !!s);
  }
  return out;
}

/**
 * Field names (or paths) of a long-format table: one row per series × period, as statistical bureaus publish
 * (`province, code, period, value, growth`). Each is a column name (`province`) or a path with `[]` into a list
 * (`data.list[].province`, read as devtools shows the response, or relative to an unwrapped envelope).
 */
export interface LongFields {
  series?: string;
  period?: string;
  value?: string;
  growth?: string;
  region?: string;
}

/** Defaults of the long-format fields: a row `{ series, period, value, growth, region }`. */
export const LONG_DEFAULTS: Required<LongFields> = { series: 'series', period: 'period', value: 'value', growth: 'growth', region: 'region' };

const filled = (s: string | undefined): s is string => typeof s === 'string' && s.trim() !== '';

/**
 * True when the payload should be read as a long-format table: a long-format field attribute is set, or it is an
 * array (CSV rows, a JSON array) of records that carry the period field and no `points`.
 */
export function isLongFormat(raw: unknown, fields: LongFields = {}): boolean {
  if (filled(fields.series) || filled(fields.period)) return true;
  const period = fields.period ?? LONG_DEFAULTS.period;
  const series = fields.series ?? LONG_DEFAULTS.series;
  return Array.isArray(raw) && raw.length > 0 && raw.every((r) => !isRecord(r) || (!('points' in r) && (period in r || series in r))) && raw.some(isRecord);
}
