/**
 * Pure logic of <civic-kpi-grid>: validation of the `{ items, groups }` payload, grouping in data order and
 * region filtering. No DOM; tested in vitest.
 */
import type { Lang } from '../../core/i18n/lang.js';
import { describe, isRecord, issue, joinPath, readArray, readBoolean, readString, type Issue, type Validated } from '../../data/validate.js';
import { parseKpiItem, type ParsedKpi } from '../kpi-tile/kpi-tile.parse.js';
import { filterByRegion } from '../common/region.js';
import { mapFields } from '../../data/adapters/field-map.js';
import { readPath } from '../../data/adapters/path.js';

/** Most items a grid accepts. */
export const GRID_ITEM_LIMIT = 1000;

export interface KpiGroup {
  id: string;
  label: string;
  labelEn?: string;
}

export interface KpiGridPayload {
  title?: string;
  titleEn?: string;
  source?: string;
  /** Every item is invented, unless the item says `illustrative: false`. */
  illustrative?: boolean;
  /** Free text (e.g. a top-level "illustrative" note). */
  note?: string;
  groups: KpiGroup[];
  items: ParsedKpi[];
}

export interface KpiSection {
  /** Undefined for items without a (known) group. */
  group?: KpiGroup;
  items: ParsedKpi[];
}

/**
 * Validates `{ title?, titleEn?, source?, illustrative?, groups?, items }` or a bare array of items.
 * Items are validated one by one (a bad value gives a dashed tile with its own error, not a broken grid).
 */
export function parseKpiGridPayload(raw: unknown): Validated<KpiGridPayload> {
  const issues: Issue[] = [];
  const out: KpiGridPayload = { groups: [], items: [] };
  let itemsRaw: unknown;
  let base = 'items';
  if (Array.isArray(raw)) {
    itemsRaw = raw;
    base = '$';
  } else if (isRecord(raw)) {
    itemsRaw = raw.items;
    for (const k of ['title', 'titleEn', 'source'] as const) {
      const s = readString(raw[k], k, issues, { maxLength: 300 });
      if (s) out[k] = s;
    }
    if (typeof raw.illustrative === 'string') out.note = raw.illustrative;
    else {
      const ill = readBoolean(raw.illustrative, 'illustrative', issues);
      if (ill !== undefined) out.illustrative = ill;
    }
    if (typeof raw.note === 'string' && !out.note) out.note = raw.note;
    const groups = readArray(raw.groups, 'groups', issues, false);
    const gids = new Set<string>();
    groups?.forEach((g, i) => {
      const p = joinPath('groups', i);
      if (!isRecord(g)) {
        issues.push(issue(p, 'type', `expected a group object, got ${describe(g)}`));
        return;
      }
      const id = readString(g.id, joinPath(p, 'id'), issues, { required: true, coerceNumber: true, maxLength: 100 });
      if (!id) return;
      if (gids.has(id)) {
        issues.push(issue(joinPath(p, 'id'), 'duplicate', `group ${describe(id)} appears more than once`, 'warning'));
        return;
      }
      gids.add(id);
      const label = readString(g.label, joinPath(p, 'label'), issues, { maxLength: 200 });
      const labelEn = readString(g.labelEn, joinPath(p, 'labelEn'), issues, { maxLength: 200 });
      const group: KpiGroup = { id, label: label || labelEn || id };
      if (labelEn) group.labelEn = labelEn;
      out.groups.push(group);
    });
  } else {
    issues.push(issue('$', 'type', `expected { items, groups } or an array of items, got ${describe(raw)}`));
    return { value: undefined, issues };
  }
  const items = readArray(itemsRaw, base, issues);
  if (!items) return { value: undefined, issues };
  if (items.length > GRID_ITEM_LIMIT) issues.push(issue(base, 'too-many', `only the first ${GRID_ITEM_LIMIT} of ${items.length} items are kept`, 'warning'));
  const known = new Set(out.groups.map((g) => g.id));
  const ids = new Set<string>();
  items.slice(0, GRID_ITEM_LIMIT).forEach((r, i) => {
    const p = base === '$' ? `[${i}]` : joinPath(base, i);
    const item = parseKpiItem(r, p, issues);
    if (!item) return;
    if (item.id) {
      if (ids.has(item.id)) issues.push(issue(joinPath(p, 'id'), 'duplicate', `item ${describe(item.id)} appears more than once`, 'warning'));
      ids.add(item.id);
    }
    if (item.group && !known.has(item.group) && out.groups.length > 0)
      issues.push(issue(joinPath(p, 'group'), 'unknown-group', `group ${describe(item.group)} is not in groups; shown after the groups`, 'warning'));
    if (out.illustrative && item.illustrative === undefined) item.illustrative = true;
    out.items.push(item);
  });
  return { value: out, issues };
}

/**
 * Items in sections, in the order of `groups`, each keeping the items' data order; items without a known group
 * come last in an untitled section. Region filtering (prefix of division codes) happens first; empty sections
 * are dropped. Without groups there is one untitled section.
 */
export function groupItems(payload: KpiGridPayload, region?: string | null): KpiSection[] {
  const items = filterByRegion(payload.items, region);
  const byGroup = new Map<string, ParsedKpi[]>();
  const rest: ParsedKpi[] = [];
  const known = new Set(payload.groups.map((g) => g.id));
  for (const it of items) {
    if (it.group && known.has(it.group)) {
      const list = byGroup.get(it.group) ?? [];
      list.push(it);
      byGroup.set(it.group, list);
    } else rest.push(it);
  }
  const out: KpiSection[] = [];
  for (const g of payload.groups) {
    const list = byGroup.get(g.id);
    if (list && list.length) out.push({ group: g, items: list });
  }
  if (rest.length) out.push({ items: rest });
  return out;
}

export function groupLabel(g: KpiGroup, lang: Lang): string {
  return lang === 'en' ? g.labelEn || g.label : g.label;
}

export function payloadTitle(p: KpiGridPayload, lang: Lang): string | undefined {
  return lang === 'en' ? p.titleEn || p.title : p.title || p.titleEn;
}

/** Parses the `columns` attribute: a whole number 1…24, else undefined (auto-fit). */
export function parseColumns(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) return undefined;
  const c = Math.round(n);
  return c >= 1 && c <= 24 ? c : undefined;
}

/** Field-mapping attributes of the grid: target item key → column name or path. */
export interface KpiGridFields {
  value?: string;
  label?: string;
  unit?: string;
  id?: string;
  region?: string;
}

/**
 * Applies the grid's field attributes before validation. A path with `[]` (`data.list[].gdp`) picks the list of
 * items from the response (as devtools shows it, or relative to an unwrapped envelope: see `mapFields`); a plain
 * name (`gdp`) renames a key inside each item of `items` or of a bare array. Unset fields are ignored. Pure.
 */
export function mapGridFields(raw: unknown, fields: KpiGridFields, envelope?: unknown): { value: unknown; issues: Issue[] } {
  const entries = Object.entries(fields).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
  if (entries.length === 0) return { value: raw, issues: [] };
  if (entries.some(([, p]) => p.includes('[]'))) return mapFields(raw, Object.fromEntries(entries), envelope);
  const rename = (item: unknown): unknown => {
    if (!isRecord(item)) return item;
    const o: Record<string, unknown> = { ...item };
    for (const [k, p] of entries) o[k] = readPath(item, p.trim());
    return o;
  };
  if (Array.isArray(raw)) return { value: raw.map(rename), issues: [] };
  if (isRecord(raw) && Array.isArray(raw.items)) return { value: { ...raw, items: raw.items.map(rename) }, issues: [] };
  return { value: raw, issues: [] };
}
