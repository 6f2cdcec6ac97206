/**
 * The issue helpers of the data code loaded on first use (the `src` path, push sources, the CSV reader, the envelope
 * and dataset adapters): the same three functions as core/issues/issue.ts, written a second time on purpose. A
 * first-load module that lazy chunks import is split by users' bundlers into a chunk of its own, and that chunk cost
 * every element's first load about 0.2 KB gz (issue 16: the module's own gzip stream and the import / export lists
 * between the chunks). test/unit/data/lazy-issues.test.ts checks that both copies agree. First-load code imports
 * core/issues/issue.ts (or data/validate.ts), never this module.
 */
import type { Issue, IssueSeverity } from '../core/issues/issue.js';

/** One issue; severity `error` unless told (core/issues/issue.ts `issue`). */
export function issue(path: string, code: string, message: string, severity: IssueSeverity = 'error'): Issue {
  return { path, code, message, severity };
}

/** core/issues/issue.ts `isRecord`. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Short, safe description of a value for messages (core/issues/issue.ts `describe`). */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  // By code points: a cut by UTF-16 units could keep half of 𠀀 or an emoji (a lone surrogate, written \ud840). 41 code
  // points fit in 82 units, so only that much is split (a CSV body can be megabytes).
  if (typeof v === 'string') {
    const c = [...v.slice(0, 82)];
    return JSON.stringify(c.length > 40 ? c.slice(0, 40).join('') + '…' : v);
  }
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return typeof v;
}
