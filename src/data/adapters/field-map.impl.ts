import type { Issue } from '../../core/issues/issue.js';
import { describe, isRecord, issue } from '../lazy-issues.js';
import { parsePath, readPath, splitListPath } from './path.js';
import type { FieldMap } from './field-map.js';

// The field-path reader behind field-map.ts `mapFields`, loaded with the first payload an element reads through field
// paths (issue 16). Lazy code: its issue helpers come from data/lazy-issues.ts, never from the first-load modules.

/**
 * Where a field path is read. `outer` is the response as it arrived when an envelope (`{ code, msg, data }`) was
 * unwrapped; `value` is the unwrapped data. A path is read against `outer` when its first key exists there and the
 * path resolves there (to an array for a list path), else against `value`: so `data.list[].gdp` (as devtools shows
 * the response) and `list[].gdp` (relative to the unwrapped data) both work, and the envelope's error handling stays.
 */
function pickBase(value: unknown, outer: unknown, path: string, wantArray: boolean): unknown {
  if (outer !== undefined && isRecord(outer)) {
    const first = parsePath(path)[0];
    if (first && 'key' in first && first.key in outer) {
      const v = readPath(outer, path);
      if (wantArray ? Array.isArray(v) : v !== undefined) return outer;
    }
  }
  return value;
}

/**
 * Applies field-mapping attributes. When any path contains `[]`, every `[]` path must share the list part
 * (`data.list[]`); the result is one object per list item with the mapped keys, plus the item's own fields
 * (so unmapped fields keep their names). Paths without `[]` are read from the root and copied onto every row
 * (e.g. a shared `unit`). With no `[]` at all the result is a single object. Unset entries are ignored.
 */
export function mapFields(raw: unknown, map: FieldMap, outer?: unknown): { value: unknown; issues: Issue[] } {
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
  for (const [k, p] of entries) if (!splitListPath(p)) rootValues[k] = readPath(pickBase(raw, outer, p, false), p);
  if (listPath === undefined) {
    const base = isRecord(raw) ? { ...raw } : {};
    return { value: { ...base, ...rootValues }, issues };
  }
  const list = readPath(pickBase(raw, outer, listPath, true), listPath);
  if (!Array.isArray(list)) {
    const where = outer !== undefined ? ' (read against the response and against its unwrapped data)' : '';
    issues.push(issue(listPath || '$', 'type', `expected an array at "${listPath}"${where}, got ${describe(list)}`));
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
