/**
 * Validation of one KPI item of <civic-kpi-tile> (and of every item of <civic-kpi-grid>), and of the tile's
 * `thresholds` and `sparkline` attributes. Pure; never throws; tested in vitest.
 */
import { QUALIFIERS, isNumber } from '../../core/format/number.js';
import { describe, isRecord, issue, joinPath, readArray, readBoolean, readNumber, readString, type Issue } from '../../data/validate.js';
import { BETTER, STATUS_LEVELS, type Better, type KpiItem, type Qualifier, type StatusLevel } from './kpi-tile.types.js';

/** Largest magnitude a KPI value may have (1e15: beyond it a statistics figure is surely wrong; 1e20 is rejected). */
export const VALUE_LIMIT = 1e15;
/** Longest history kept for a sparkline. */
export const HISTORY_LIMIT = 500;

/** Units that count things: negative values are rejected for them unless `min` says otherwise. */
export const COUNT_UNITS: readonly string[] = ['人', '万人', '名', '人次', '户', '所', '个', '家', '项', '辆', '万辆', '对', '场', '次'];

/** Words some sources use for qualifiers, mapped to the shared qualifier keys. */
const QUALIFIER_ALIASES: Record<string, Qualifier> = { 超: 'over', 余: 'odd', '+': 'plus', 约: 'about', 不足: 'under' };

/** The parsed item plus what the validator found wrong with its value. */
export interface ParsedKpi extends KpiItem {
  /** True when the value was present but unusable (non-numeric, NaN, Infinity, out of range, negative count). */
  invalid?: boolean;
}

function readQualifier(v: unknown, path: string, issues: Issue[]): Qualifier | undefined {
  if (typeof v === 'string' && QUALIFIER_ALIASES[v.trim()]) return QUALIFIER_ALIASES[v.trim()];
  return readString(v, path, issues, { oneOf: QUALIFIERS }) as Qualifier | undefined;
}

/**
 * Validates one KPI. Accepts a record (the `kpis.json` item shape) or a bare number (the value); anything else is a type error.
 * Never throws. Returns undefined only when there is nothing KPI-like at all; a bad value gives an item with
 * `value: null, invalid: true` and an error issue, so the tile shows a dash and an error note beside its label.
 * Numeric strings ("12.5") are accepted, as many APIs send them.
 */
export function parseKpiItem(raw: unknown, path: string, issues: Issue[]): ParsedKpi | undefined {
  if (typeof raw === 'number') raw = { value: raw };
  if (!isRecord(raw)) {
    issues.push(issue(path || '$', 'type', `expected a KPI object, got ${describe(raw)}`));
    return undefined;
  }
  const p = (k: string) => joinPath(path, k);
  const item: ParsedKpi = { value: null };

  const id = readString(raw.id, p('id'), issues, { coerceNumber: true });
  if (id) item.id = id;
  const label = readString(raw.label, p('label'), issues, { maxLength: 200 });
  const labelEn = readString(raw.labelEn, p('labelEn'), issues, { maxLength: 200 });
  if (label) item.label = label;
  if (labelEn) item.labelEn = labelEn;
  if (!label && !labelEn) issues.push(issue(p('label'), 'required', 'a KPI needs a label', 'warning'));

  const unit = readString(raw.unit, p('unit'), issues, { maxLength: 16 });
  if (unit) item.unit = unit;
  const q = readQualifier(raw.qualifier, p('qualifier'), issues);
  if (q) item.qualifier = q;
  const precision = readNumber(raw.precision, p('precision'), issues, { min: 0, max: 6, coerce: true });
  if (precision !== undefined) item.precision = Math.round(precision);

  const min = readNumber(raw.min, p('min'), issues, { coerce: true, limit: VALUE_LIMIT });
  if (min !== undefined) item.min = min;
  const effectiveMin = min ?? (unit && COUNT_UNITS.includes(unit) ? 0 : undefined);

  if (raw.invalid === true) {
    // Already validated upstream (a grid passing its parsed item): keep the verdict, do not report it twice.
    item.invalid = true;
  } else if (raw.value === null) item.value = null;
  else {
    const before = issues.length;
    const v = readNumber(raw.value, p('value'), issues, { required: true, coerce: true, limit: VALUE_LIMIT, min: effectiveMin });
    if (v === undefined) {
      item.invalid = true;
      if (issues.length === before) issues.push(issue(p('value'), 'required', 'expected a number'));
    } else item.value = v;
  }

  const previous = readNumber(raw.previous, p('previous'), issues, { coerce: true, limit: VALUE_LIMIT });
  if (previous !== undefined) item.previous = previous;
  const target = readNumber(raw.target, p('target'), issues, { coerce: true, limit: VALUE_LIMIT });
  if (target !== undefined) item.target = target;
  const deltaLabel = readString(raw.deltaLabel, p('deltaLabel'), issues, { maxLength: 24 });
  if (deltaLabel) item.deltaLabel = deltaLabel;

  const hist = readArray(raw.history, p('history'), issues, false);
  if (hist) {
    const values: number[] = [];
    hist.slice(-HISTORY_LIMIT).forEach((h, i) => {
      const n = readNumber(h, joinPath(p('history'), i), issues, { coerce: true, limit: VALUE_LIMIT });
      if (n !== undefined) values.push(n);
    });
    if (values.length) item.history = values;
  }

  for (const key of ['caption', 'captionEn', 'source', 'group', 'period'] as const) {
    const s = readString(raw[key], p(key), issues, { maxLength: 500 });
    if (s) item[key] = s;
  }
  const region = readString(raw.region, p('region'), issues, { coerceNumber: true, maxLength: 32 });
  if (region) item.region = region;
  const ill = readBoolean(raw.illustrative, p('illustrative'), issues);
  if (ill !== undefined) item.illustrative = ill;
  const hill = readBoolean(raw.historyIllustrative, p('historyIllustrative'), issues);
  if (hill !== undefined) item.historyIllustrative = hill;

  if (raw.thresholds !== undefined && raw.thresholds !== null) {
    if (!isRecord(raw.thresholds)) issues.push(issue(p('thresholds'), 'type', `expected {warn, alert}, got ${describe(raw.thresholds)}`));
    else {
      const warn = readNumber(raw.thresholds.warn, joinPath(p('thresholds'), 'warn'), issues, { coerce: true, limit: VALUE_LIMIT });
      const alert = readNumber(raw.thresholds.alert, joinPath(p('thresholds'), 'alert'), issues, { coerce: true, limit: VALUE_LIMIT });
      if (warn !== undefined || alert !== undefined) item.thresholds = { warn, alert };
    }
  }
  const better = readString(raw.better, p('better'), issues, { oneOf: BETTER }) as Better | undefined;
  if (better) item.better = better;
  const status = readString(raw.status, p('status'), issues, { oneOf: STATUS_LEVELS }) as StatusLevel | undefined;
  if (status) item.status = status;
  return item;
}

/** Parses the `thresholds` attribute: "warn,alert" ("90,80"); either may be empty (",80"). */
export function parseThresholdsAttr(s: string | null | undefined): { warn?: number; alert?: number } | undefined {
  if (!s) return undefined;
  const [w, a] = s.split(',').map((x) => (x.trim() === '' ? undefined : Number(x)));
  const warn = isNumber(w) ? w : undefined;
  const alert = isNumber(a) ? a : undefined;
  return warn === undefined && alert === undefined ? undefined : { warn, alert };
}

/** Parses the `sparkline` attribute: numbers separated by commas or spaces. Non-numbers are dropped. */
export function parseSeriesAttr(s: string | null | undefined): number[] | undefined {
  if (!s) return undefined;
  const out = s
    .split(/[\s,]+/)
    .filter((x) => x !== '')
    .map(Number)
    .filter((n) => Number.isFinite(n));
  return out.length ? out.slice(-HISTORY_LIMIT) : undefined;
}
