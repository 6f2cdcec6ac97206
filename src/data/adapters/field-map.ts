import type { Issue } from '../../core/issues/issue.js';
import { asked, lazyModule } from '../../core/lazy-module.js';

/** Target field → path in the payload, e.g. `{ value: 'data.list[].gdp', label: 'data.list[].name' }`. */
export type FieldMap = Record<string, string | undefined>;

// The field-path reader (field-map.impl.ts with path.ts) loads with the first payload an element reads through field
// paths (issue 16): most pages set no `*-field` attribute. One load for the page; lazy code (the growth chart's
// long-format reader) imports field-map.impl.ts itself.
const reader = lazyModule(() => import('./field-map.impl.js'));

/** Loads the field-path reader (tests, and code that must map fields synchronously afterwards). */
export const loadFieldReader = (): Promise<unknown> => reader.load();

/**
 * Applies field-mapping attributes (field-map.impl.ts says how). With no path set the payload passes unchanged. With
 * paths set before the reader has loaded, it asks for it (core/lazy-module.ts `asked`) and gives no value: the
 * DataController that ran the parse waits for the load and parses the payload again.
 */
export function mapFields(raw: unknown, map: FieldMap, outer?: unknown): { value: unknown; issues: Issue[] } {
  if (!Object.values(map).some((p) => typeof p === 'string' && p.trim() !== '')) return { value: raw, issues: [] };
  const m = reader.loaded;
  if (m) return m.mapFields(raw, map, outer);
  asked.p = reader.load();
  return { value: undefined, issues: [] };
}
