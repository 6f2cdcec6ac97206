import type { Issue } from '../../core/issues/issue.js';
import { isRecord, issue } from '../lazy-issues.js';

/**
 * The `{ code, msg, data }` envelope most Chinese government and enterprise APIs return
 * (also `{ code, message, data }`, `{ success, msg, data }`, `{ status, msg, data }`, `{ errcode, errmsg, data }`).
 * A success code (0, 200, "0", "200", "00000", true, "success", "ok") unwraps `data`; anything else becomes an
 * `api` error carrying the API's own message.
 */
export interface EnvelopeResult {
  /** True when the input looked like an envelope. */
  matched: boolean;
  ok: boolean;
  data?: unknown;
  message?: string;
  code?: unknown;
  issues: Issue[];
}

const SUCCESS = new Set<unknown>([0, 200, '0', '200', '00000', 'success', 'SUCCESS', 'ok', 'OK', true]);
const CODE_KEYS = ['code', 'errcode', 'status', 'success'];
const MSG_KEYS = ['msg', 'message', 'errmsg', 'errMsg'];
const DATA_KEYS = ['data', 'result', 'results'];

export function looksLikeEnvelope(v: unknown): v is Record<string, unknown> {
  if (!isRecord(v)) return false;
  const hasCode = CODE_KEYS.some((k) => k in v && (typeof v[k] === 'number' || typeof v[k] === 'string' || typeof v[k] === 'boolean'));
  const hasMsg = MSG_KEYS.some((k) => k in v);
  const hasData = DATA_KEYS.some((k) => k in v);
  // An envelope has a status code and at least a message or a data key; a plain payload with a
  // `code` field (a division code) has neither `msg` nor a non-string code alone.
  if (!hasCode || ('type' in v && v.type === 'FeatureCollection')) return false;
  // A payload that merely carries a division code and a data list ({code:'500118', name, data}) is not an
  // envelope: without a message key, a string code marks one only when it is a success code (division codes
  // are strings; status codes are numbers or booleans).
  if (!hasMsg && hasData) {
    const k = CODE_KEYS.find((key) => key in v && (typeof v[key] === 'number' || typeof v[key] === 'string' || typeof v[key] === 'boolean'));
    if (k === undefined) return false;
    return typeof v[k] !== 'string' || SUCCESS.has(v[k]);
  }
  return hasCode && (hasMsg || hasData);
}

export function unwrapEnvelope(v: unknown): EnvelopeResult {
  if (!looksLikeEnvelope(v)) return { matched: false, ok: true, data: v, issues: [] };
  const codeKey = CODE_KEYS.find((k) => k in v)!;
  const code = v[codeKey];
  const msgKey = MSG_KEYS.find((k) => k in v);
  const message = msgKey ? String(v[msgKey] ?? '') : '';
  const dataKey = DATA_KEYS.find((k) => k in v);
  if (!SUCCESS.has(code)) {
    return {
      matched: true,
      ok: false,
      code,
      message: message || `code ${String(code)}`,
      issues: [issue(codeKey, 'api', `the API reported failure (${codeKey} ${JSON.stringify(code)}): ${message || 'no message'}`)],
    };
  }
  if (!dataKey || v[dataKey] === undefined || v[dataKey] === null) {
    return { matched: true, ok: false, code, message: 'no data', issues: [issue(dataKey ?? 'data', 'required', 'the envelope reported success but carries no data')] };
  }
  return { matched: true, ok: true, code, message, data: v[dataKey], issues: [] };
}
