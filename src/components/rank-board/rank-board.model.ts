/**
 * Pure logic of <civic-rank-board>: payload validation, ranking with ties, bar shares, scroll targets and
 * FLIP offsets. No DOM; tested in vitest.
 */
import { describe, isRecord, issue, joinPath, readArray, readBoolean, readNumber, readString, type Issue, type Validated } from '../../data/validate.js';
import type { Lang } from '../../core/i18n/lang.js';
import { filterByRegion } from '../common/region.js';
import type { RankOrder, RankPayload, RankRow, RankedRow } from './rank-board.types.js';

/** Largest accepted magnitude of a value (as for KPI tiles). */
export const RANK_VALUE_LIMIT = 1e15;
/** Most rows kept; beyond it rows are dropped with one warning. */
export const RANK_ROW_LIMIT = 5000;

/**
 * Validates a rank payload: `{ title?, titleEn?, unit?, illustrative?, rows: [...] }` or a bare array of rows.
 * Rows need a name and a value; a row missing either is kept (dash / 未命名) and reported (a missing value as a
 * warning: the README's rows without a value, shown last and unranked). Never throws.
 */
export function parseRankPayload(raw: unknown): Validated<RankPayload> {
  const issues: Issue[] = [];
  let rowsRaw: unknown;
  const out: RankPayload = { rows: [] };
  if (Array.isArray(raw)) rowsRaw = raw;
  else if (isRecord(raw)) {
    rowsRaw = raw.rows;
    const title = readString(raw.title, 'title', issues, { maxLength: 200 });
    if (title) out.title = title;
    const titleEn = readString(raw.titleEn, 'titleEn', issues, { maxLength: 200 });
    if (titleEn) out.titleEn = titleEn;
    const unit = readString(raw.unit, 'unit', issues, { maxLength: 40 });
    if (unit) out.unit = unit;
    const source = readString(raw.source, 'source', issues, { maxLength: 500 });
    if (source) out.source = source;
    if (typeof raw.illustrative === 'string') {
      out.note = raw.illustrative;
    } else {
      const ill = readBoolean(raw.illustrative, 'illustrative', issues);
      if (ill !== undefined) out.illustrative = ill;
    }
    if (typeof raw.note === 'string' && !out.note) out.note = raw.note;
  } else {
    issues.push(issue('$', 'type', `expected an object with rows or an array of rows, got ${describe(raw)}`));
    return { value: undefined, issues };
  }
  const rows = readArray(rowsRaw, Array.isArray(raw) ? '$' : 'rows', issues);
  if (!rows) return { value: undefined, issues };
  if (rows.length > RANK_ROW_LIMIT) issues.push(issue('rows', 'too-many', `only the first ${RANK_ROW_LIMIT} of ${rows.length} rows are kept`, 'warning'));
  const seen = new Set<string>();
  rows.slice(0, RANK_ROW_LIMIT).forEach((r, i) => {
    const path = Array.isArray(raw) ? `[${i}]` : joinPath('rows', i);
    if (!isRecord(r)) {
      issues.push(issue(path, 'type', `expected a row object, got ${describe(r)}`));
      return;
    }
    const name = readString(r.name, joinPath(path, 'name'), issues, { coerceNumber: true, maxLength: 200 });
    const nameEn = readString(r.nameEn, joinPath(path, 'nameEn'), issues, { maxLength: 200 });
    if (!name && !nameEn) issues.push(issue(joinPath(path, 'name'), 'required', 'a row needs a name', 'warning'));
    const vRaw = r.value;
    const before = issues.length;
    // No value (absent or null) is a documented state (the row goes last, unranked): a note, not an error. Every row
    // without one is still "nothing valid" (a wrong value-field), an error.
    if (vRaw === undefined) issues.push(issue(joinPath(path, 'value'), 'required', 'no value: shown last, unranked', 'warning'));
    const value = vRaw == null ? undefined : readNumber(vRaw, joinPath(path, 'value'), issues, { coerce: true, limit: RANK_VALUE_LIMIT });
    if (value === undefined && vRaw != null && issues.length === before) issues.push(issue(joinPath(path, 'value'), 'required', 'expected a number'));
    let id = readString(r.id, joinPath(path, 'id'), issues, { coerceNumber: true, maxLength: 100 }) || name || nameEn || `row-${i}`;
    if (seen.has(id)) {
      issues.push(issue(joinPath(path, 'id'), 'duplicate', `id ${describe(id)} appears more than once`, 'warning'));
      id = `${id}#${i}`;
    }
    seen.add(id);
    const row: RankRow = { id, value: value ?? null };
    if (name) row.name = name;
    if (nameEn) row.nameEn = nameEn;
    const region = readString(r.region, joinPath(path, 'region'), issues, { coerceNumber: true, maxLength: 32 });
    if (region) row.region = region;
    const ill = readBoolean(r.illustrative, joinPath(path, 'illustrative'), issues);
    if (ill !== undefined) row.illustrative = ill;
    out.rows.push(row);
  });
  return { value: out, issues };
}

/**
 * Sorts and ranks rows. Ties share a rank and the next rank skips (1, 2, 2, 4: "competition ranking"); tied rows
 * keep their input order. Rows without a value go last, unranked. Shares are value / largest |value| (≥ 0).
 */
export function rankRows(rows: readonly RankRow[], order: RankOrder = 'desc'): RankedRow[] {
  const withValue = rows.filter((r) => r.value !== null);
  const without = rows.filter((r) => r.value === null);
  const sorted = withValue.slice().sort((a, b) => (order === 'asc' ? a.value! - b.value! : b.value! - a.value!));
  let max = 0;
  for (const r of withValue) if (r.value! > max) max = r.value!;
  const out: RankedRow[] = [];
  sorted.forEach((r, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.value === r.value ? prev.rank : i + 1;
    out.push({ ...r, rank, share: max > 0 && r.value! > 0 ? r.value! / max : 0 });
  });
  for (const r of without) out.push({ ...r, share: 0 });
  return out;
}

/** Filters by region prefix, then ranks (ranks are within the filtered set). */
export function rankBoardRows(rows: readonly RankRow[], o: { order?: RankOrder; region?: string | null }): RankedRow[] {
  return rankRows(filterByRegion(rows, o.region), o.order);
}

export function rowName(row: RankRow, lang: Lang): string | undefined {
  return lang === 'en' ? row.nameEn || row.name : row.name || row.nameEn;
}

/**
 * Next auto-scroll position: one row (`step: 'row'`) or one page (`step: 'page'`) further, snapped to a row
 * boundary; back to 0 after the last page. 0 when everything fits.
 */
export function nextScrollTop(current: number, o: { rowHeight: number; viewport: number; content: number; step: 'row' | 'page' }): number {
  const max = Math.max(0, o.content - o.viewport);
  if (max <= 0.5 || !(o.rowHeight > 0)) return 0;
  if (current >= max - 0.5) return 0;
  const rows = o.step === 'page' ? Math.max(1, Math.floor(o.viewport / o.rowHeight + 0.01)) : 1;
  const snapped = Math.round(current / o.rowHeight) * o.rowHeight;
  return Math.min(max, snapped + rows * o.rowHeight);
}

/** scrollTop for a keyboard key, or undefined when the key is not a scrolling key. */
export function keyScrollTop(key: string, current: number, o: { rowHeight: number; viewport: number; content: number }): number | undefined {
  const max = Math.max(0, o.content - o.viewport);
  const page = Math.max(o.rowHeight, Math.floor(o.viewport / o.rowHeight + 0.01) * o.rowHeight);
  let t: number;
  switch (key) {
    case 'ArrowDown':
      t = current + o.rowHeight;
      break;
    case 'ArrowUp':
      t = current - o.rowHeight;
      break;
    case 'PageDown':
      t = current + page;
      break;
    case 'PageUp':
      t = current - page;
      break;
    case 'Home':
      t = 0;
      break;
    case 'End':
      t = max;
      break;
    default:
      return undefined;
  }
  return Math.min(max, Math.max(0, t));
}

/** Eased scroll position at progress t (0…1) of a smooth move. */
export function scrollAt(from: number, to: number, t: number): number {
  const c = Math.min(1, Math.max(0, t));
  const e = c < 0.5 ? 4 * c * c * c : 1 - Math.pow(-2 * c + 2, 3) / 2; // easeInOutCubic
  return from + (to - from) * e;
}

/** FLIP: how far each kept row must be shifted back (old − new top) so it can glide to its new place. */
export function flipOffsets(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, top] of after) {
    const old = before.get(id);
    if (old !== undefined && Math.abs(old - top) > 0.5) out.set(id, old - top);
  }
  return out;
}

/**
 * Index of the active row after a key in the list (listbox keys): Up/Down ±1, PageUp/PageDown ± one page
 * (`page` rows), Home/End first/last; clamped. `current` −1 means no row is active yet (any move key starts at
 * the first row, End at the last). Undefined for other keys or an empty list.
 */
export function activeRowAfterKey(key: string, current: number, count: number, page: number): number | undefined {
  if (count <= 0) return undefined;
  const last = count - 1;
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  if (current < 0 && key !== 'End') return ['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home'].includes(key) ? 0 : undefined;
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'PageDown':
      return clamp(current + Math.max(1, page));
    case 'PageUp':
      return clamp(current - Math.max(1, page));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
