import { isRecord, issue, type Issue } from '../validate.js';
import { readPath, splitListPath } from './path.js';

/** Target field → path in the payload, e.g. `{ value: 'data.list[].gdp', label: 'data.list[].name' }`. */
export type FieldMap = Record<string, string | undefined>;

/**
 * Applies field-mapping attributes. When any path contains `[]`, every `[]` path must share the list part
 * (`data.list[]`); the result is one object per list item with the mapped keys, plus the item's own fields
 * (so unmapped fields keep their names). Paths without `[]` are read from the root and copied onto every row
 * (e.g. a shared `unit`). With no `[]` at all the result is a single object. Unset entries are ignored.
 */
export function mapFields(raw: unknown, map: FieldMap): { value: unknown; issues: Issue[] } {
  const entries = Object.entries(map).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '');
  if (entries.length === 0) return { value: raw, issues: [] };
  const issues: Issue[] = [];
  const lists = entries.map(([, p]) => splitListPath(p)).filter((x): x is { list: string; item: string } => x !== null);
  const listPath = lists[0]?.list;
  if (lists.some((l) => l.list !== listPath)) {
    issues.push(issue('$', 'mapping', `field paths point into different lists (${[...new Set(lists.map((l) => l.list))].join(', ')})`));
    return { value: undefined, issues };
  }
  const rootValues: Record<string, unknown> = {};
  for (const [k, p] of entries) if (!splitListPath(p)) rootValues[k] = readPath(raw, p);
  if (listPath === undefined) {
    const base = isRecord(raw) ? { ...raw } : {};
    return { value: { ...base, ...rootValues }, issues };
  }
  const list = readPath(raw, listPath);
  if (!Array.isArray(list)) {
    issues.push(issue(listPath || '$', 'type', `expected an array at "${listPath}"`));
    return { value: undefined, issues };
  }
  const value = list.map((item) => {
    const o: Record<string, unknown> = isRecord(item) ? { ...item } : {};
    Object.assign(o, rootValues);
    for (const [k, p] of entries) {
      const s = splitListPath(p);
      if (s) o[k] = readPath(item, s.item);
    }
    return o;
  });
  return { value, issues };
}
