/**
 * The push-message protocol (SSE and WebSocket alike) and the patch merge. Pure, never throws.
 *
 * A message is JSON text, one of:
 *   {"type":"replace","data":<payload>}     the whole payload, exactly what `src` would return (envelopes, ECharts
 *                                           datasets… go through the same adapters and validation as a fetch)
 *   {"type":"patch","data":[<row>…]}        rows merged by key into the current payload's row list
 *       optional: "key":"code" (the id field), "path":"rows" (which list), "remove":["id1",…] (rows to drop)
 *   {"type":"patch","data":{"rows":[…],"title":"…"}}   several lists by name; non-list fields are replaced
 *   {"type":"ping"}                         a heartbeat (so are SSE comments and the bare texts ping/pong/heartbeat)
 *   <any other JSON>                        a bare payload, treated as replace
 * With SSE, an `event:` name `replace`, `patch` or `ping` gives the type of untyped data; other names are ignored.
 */
import { isRecord, describe } from '../lazy-issues.js';

export type PushMessage =
  | { type: 'replace'; data: unknown }
  | { type: 'patch'; data: unknown; key?: string; path?: string; remove?: unknown[] }
  | { type: 'ping' };

export type Decoded = { ok: true; message: PushMessage } | { ok: false; kind: 'json' | 'validation'; message: string };

const TYPES = new Set(['replace', 'patch', 'ping']);
const PINGS = new Set(['ping', 'pong', 'heartbeat', '']);

/** Decodes one message's text. `event` is the SSE event name (`message` for WebSocket). Null: not for us (ignored). */
export function decodeMessage(text: string, event = 'message'): Decoded | null {
  const ev = event === 'heartbeat' ? 'ping' : event;
  if (ev !== 'message' && !TYPES.has(ev)) return null;
  if (ev === 'ping' || PINGS.has(text.trim().toLowerCase())) return { ok: true, message: { type: 'ping' } };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, kind: 'json', message: `malformed JSON in a push message: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (isRecord(v) && typeof v.type === 'string' && TYPES.has(v.type)) return typed(v);
  if (ev === 'patch') return typed({ type: 'patch', data: v });
  return { ok: true, message: { type: 'replace', data: v } };
}

function typed(v: Record<string, unknown>): Decoded {
  if (v.type === 'ping') return { ok: true, message: { type: 'ping' } };
  if (!('data' in v)) return { ok: false, kind: 'validation', message: `a ${String(v.type)} message needs "data"` };
  if (v.type === 'replace') return { ok: true, message: { type: 'replace', data: v.data } };
  if (!Array.isArray(v.data) && !isRecord(v.data)) return { ok: false, kind: 'validation', message: `patch data: expected a list of rows or an object, got ${describe(v.data)}` };
  if (v.key !== undefined && (typeof v.key !== 'string' || v.key === '')) return { ok: false, kind: 'validation', message: `patch key: expected a field name, got ${describe(v.key)}` };
  if (v.path !== undefined && typeof v.path !== 'string') return { ok: false, kind: 'validation', message: `patch path: expected a string, got ${describe(v.path)}` };
  if (v.remove !== undefined && !Array.isArray(v.remove)) return { ok: false, kind: 'validation', message: `patch remove: expected a list of ids, got ${describe(v.remove)}` };
  return { ok: true, message: { type: 'patch', data: v.data, key: v.key as string | undefined, path: v.path as string | undefined, remove: v.remove as unknown[] | undefined } };
}

/** Row lists tried, in order, when a patch names none and the payload is an object. */
export const ROW_LISTS = ['rows', 'items', 'series', 'nodes', 'features', 'points', 'list', 'data'];
/** Id fields tried, in order, when neither the message nor `patch-key` names one. */
export const ID_FIELDS = ['id', 'code', 'region'];

export type PatchResult = { value: unknown } | { error: string; path: string };

type PatchMsg = Extract<PushMessage, { type: 'patch' }>;

/**
 * Merges a patch into a payload (copy on write: `base` is not modified). A row whose key matches replaces the old
 * row's fields (shallow merge); a new key is appended; `remove` drops rows. `keyOverride` is the element's
 * `patch-key`; the message's own `key` wins over it.
 */
export function applyPatch(base: unknown, patch: PatchMsg, keyOverride?: string): PatchResult {
  const key = patch.key ?? (keyOverride || undefined);
  if (Array.isArray(patch.data)) {
    const path = patch.path ?? (Array.isArray(base) ? '' : defaultList(base));
    if (path === undefined) return { error: 'no row list to patch in the current data (give the message a "path")', path: '$' };
    const target = path === '' ? base : readKeyPath(base, path);
    if (!Array.isArray(target)) return { error: `"${path}" is not a list in the current data`, path: path || '$' };
    const merged = mergeRows(target, patch.data, key, patch.remove, 'data');
    if ('error' in merged) return merged;
    return { value: path === '' ? merged.rows : writeKeyPath(base, path, merged.rows) };
  }
  if (!isRecord(base)) return { error: 'a patch object needs object data (the current data is a list)', path: '$' };
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch.data as Record<string, unknown>)) {
    if (Array.isArray(v) && Array.isArray(base[k])) {
      const merged = mergeRows(base[k] as unknown[], v, key, undefined, `data.${k}`);
      if ('error' in merged) return merged;
      out[k] = merged.rows;
    } else out[k] = v;
  }
  if (patch.remove?.length) {
    const path = patch.path ?? defaultList(out);
    const target = path === undefined ? undefined : readKeyPath(out, path);
    if (path === undefined || !Array.isArray(target)) return { error: 'no row list to remove rows from (give the message a "path")', path: '$' };
    const merged = mergeRows(target, [], key, patch.remove, 'data');
    if ('error' in merged) return merged;
    return { value: writeKeyPath(out, path, merged.rows) };
  }
  return { value: out };
}

function defaultList(base: unknown): string | undefined {
  if (!isRecord(base)) return undefined;
  const named = ROW_LISTS.find((k) => Array.isArray(base[k]));
  if (named) return named;
  const arrays = Object.keys(base).filter((k) => Array.isArray(base[k]));
  return arrays.length === 1 ? arrays[0] : undefined;
}

function pickKey(rows: readonly unknown[], existing: readonly unknown[]): string {
  const sample = rows.length ? rows : existing;
  return ID_FIELDS.find((f) => sample.length > 0 && sample.every((r) => isRecord(r) && isId(r[f]))) ?? 'id';
}

function isId(v: unknown): v is string | number {
  return (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v));
}

function mergeRows(target: readonly unknown[], rows: readonly unknown[], key: string | undefined, remove: unknown[] | undefined, at: string): { rows: unknown[] } | { error: string; path: string } {
  const k = key ?? pickKey(rows, target);
  const out = target.slice();
  const index = new Map<string, number>();
  out.forEach((r, i) => {
    if (isRecord(r) && isId(r[k])) index.set(String(r[k]), i);
  });
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!isRecord(r) || !isId(r[k])) return { error: `expected a row with an id in "${k}", got ${describe(isRecord(r) ? r[k] : r)}`, path: `${at}[${i}]` };
    const id = String(r[k]);
    const j = index.get(id);
    if (j === undefined) {
      index.set(id, out.length);
      out.push({ ...r });
    } else out[j] = { ...(out[j] as Record<string, unknown>), ...r };
  }
  if (remove?.length) {
    const drop = new Set(remove.map((x) => String(x)));
    return { rows: out.filter((r) => !(isRecord(r) && isId(r[k]) && drop.has(String(r[k])))) };
  }
  return { rows: out };
}

function readKeyPath(v: unknown, path: string): unknown {
  let cur = v;
  for (const step of path.split('.')) {
    if (!isRecord(cur)) return undefined;
    cur = cur[step];
  }
  return cur;
}

function writeKeyPath(v: unknown, path: string, value: unknown): unknown {
  const [head, ...tail] = path.split('.');
  const obj = isRecord(v) ? v : {};
  return { ...obj, [head]: tail.length ? writeKeyPath(obj[head], tail.join('.'), value) : value };
}
