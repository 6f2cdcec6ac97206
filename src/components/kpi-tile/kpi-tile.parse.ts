/**
 * Validation of one KPI item of <civic-kpi-tile> (and of every item of <civic-kpi-grid>), and of the tile's
 * `thresholds` and `sparkline` attributes. Pure; never throws; tested in vitest.
 */
import { QUALIFIERS, UNITS, isNumber } from '../../core/format/number.js';
import { describe, isRecord, issue, joinPath, readArray, readBoolean, readNumber, readString, type Issue } from '../../data/validate.js';
import { BETTER, STATUS_LEVELS, type KpiItem, type Qualifier } from './kpi-tile.types.js';

/** Largest magnitude a KPI value may have (1e15: beyond it a statistics figure is surely wrong; 1e20 is rejected). */
export const VALUE_LIMIT = 1e15;
/** Longest history kept for a sparkline. */
export const HISTORY_LIMIT = 500;

/** How every number of an item is read: numeric strings accepted, magnitudes up to VALUE_LIMIT. */
const NUM = { coerce: true, limit: VALUE_LIMIT };

/** Words some sources use for qualifiers, mapped to the shared qualifier keys. */
const QUALIFIER_ALIASES: Record<string, Qualifier> = { 超: 'over', 余: 'odd', '+': 'plus', 约: 'about', 不足: 'under' };

/** The parsed item plus what the validator found wrong with its value. */
export interface ParsedKpi extends KpiItem {
  /** True when the value was present but unusable (non-numeric, NaN, Infinity, out of range, negative count). */
  invalid?: boolean;
}

function readQualifier(v: unknown, path: string, issues: Issue[]): Qualifier | undefined {
  return (typeof v === 'string' && QUALIFIER_ALIASES[v.trim()]) || (readString(v, path, issues, { oneOf: QUALIFIERS }) as Qualifier | undefined);
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
  const out = item as unknown as Record<string, unknown>;
  const r = raw;
  // Each field read in the order of its issues; a usable value is copied into the item under its own name.
  const str = (k: string, rule: Parameters<typeof readString>[3]) => {
    const s = readString(r[k], p(k), issues, rule);
    if (s) out[k] = s;
    return s;
  };
  const num = (k: string) => {
    const n = readNumber(r[k], p(k), issues, NUM);
    if (n !== undefined) out[k] = n;
    return n;
  };
  const bool = (k: string) => {
    const b = readBoolean(r[k], p(k), issues);
    if (b !== undefined) out[k] = b;
  };

  str('id', { coerceNumber: true });
  const label = str('label', { maxLength: 200 });
  const labelEn = str('labelEn', { maxLength: 200 });
  if (!label && !labelEn) issues.push(issue(p('label'), 'required', 'a KPI needs a label', 'warning'));

  const unit = str('unit', { maxLength: 40 });
  const q = readQualifier(raw.qualifier, p('qualifier'), issues);
  if (q) item.qualifier = q;
  const precision = readNumber(raw.precision, p('precision'), issues, { min: 0, max: 6, coerce: true });
  if (precision !== undefined) item.precision = Math.round(precision);

  const min = num('min');
  // Units that count things (every known unit but money, points and %: 人, 万人, 户, 次 ...): negative values are
  // rejected for them unless `min` says otherwise.
  const base = unit && UNITS[unit]?.base;
  const effectiveMin = min ?? (base && !'元分%'.includes(base) ? 0 : undefined);

  if (raw.invalid === true) {
    // Already validated upstream (a grid passing its parsed item): keep the verdict, do not report it twice.
    item.invalid = true;
  } else if (raw.value !== null) {
    const before = issues.length;
    const v = readNumber(raw.value, p('value'), issues, { ...NUM, required: true, min: effectiveMin });
    if (v === undefined) {
      item.invalid = true;
      if (issues.length === before) issues.push(issue(p('value'), 'required', 'expected a number'));
    } else item.value = v;
  }

  num('previous');
  num('target');
  str('deltaLabel', { maxLength: 24 });

  const hist = readArray(raw.history, p('history'), issues, false);
  if (hist) {
    const values: number[] = [];
    hist.slice(-HISTORY_LIMIT).forEach((h, i) => {
      const n = readNumber(h, joinPath(p('history'), i), issues, NUM);
      if (n !== undefined) values.push(n);
    });
    if (values.length) item.history = values;
  }

  for (const key of ['caption', 'captionEn', 'source', 'group', 'period']) str(key, { maxLength: 500 });
  str('region', { coerceNumber: true, maxLength: 32 });
  bool('illustrative');
  bool('historyIllustrative');

  const t = raw.thresholds;
  if (t !== undefined && t !== null) {
    if (!isRecord(t)) issues.push(issue(p('thresholds'), 'type', `expected {warn, alert}, got ${describe(t)}`));
    else {
      const [warn, alert] = (['warn', 'alert'] as const).map((k) => readNumber(t[k], joinPath(p('thresholds'), k), issues, NUM));
      if (warn !== undefined || alert !== undefined) item.thresholds = { warn, alert };
    }
  }
  str('better', { oneOf: BETTER });
  str('status', { oneOf: STATUS_LEVELS });
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
