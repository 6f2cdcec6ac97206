/**
 * Path expressions used by field-mapping attributes (`value-field="data.list[].gdp"`).
 *
 * - `a.b.c` reads nested keys; `a[2].b` reads an array index;
 * - `a.list[].gdp` maps over the array at `a.list` and reads `gdp` from each item (the result is an array);
 * - an empty path or `$` is the value itself.
 *
 * Pure, never throws: a missing step gives undefined.
 */
export type PathStep = { key: string } | { index: number } | { each: true };

const cache = new Map<string, PathStep[]>();

export function parsePath(path: string): PathStep[] {
  const hit = cache.get(path);
  if (hit) return hit;
  const steps: PathStep[] = [];
  const p = path.trim();
  if (p !== '' && p !== '$') {
    const re = /([^.[\]]+)|\[(\d*)\]/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(p))) {
      if (m[1] !== undefined) {
        if (m[1] !== '$' || steps.length > 0) steps.push({ key: m[1] });
      } else if (m[2] === '') steps.push({ each: true });
      else steps.push({ index: Number(m[2]) });
    }
  }
  cache.set(path, steps);
  return steps;
}

function step(v: unknown, s: PathStep): unknown {
  if ('key' in s) return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[s.key] : undefined;
  if ('index' in s) return Array.isArray(v) ? v[s.index] : undefined;
  return v;
}

function walk(v: unknown, steps: PathStep[], from: number): unknown {
  let cur = v;
  for (let i = from; i < steps.length; i++) {
    const s = steps[i];
    if ('each' in s) {
      if (!Array.isArray(cur)) return undefined;
      return cur.map((item) => walk(item, steps, i + 1));
    }
    cur = step(cur, s);
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Reads `path` from `obj`; `[]` maps over arrays. */
export function readPath(obj: unknown, path: string): unknown {
  return walk(obj, parsePath(path), 0);
}

/** Splits `data.list[].gdp` into the list path `data.list` and the per-item path `gdp`; no `[]` → null. */
export function splitListPath(path: string): { list: string; item: string } | null {
  const i = path.indexOf('[]');
  if (i < 0) return null;
  const list = path.slice(0, i);
  const item = path.slice(i + 2).replace(/^\./, '');
  return { list, item };
}
