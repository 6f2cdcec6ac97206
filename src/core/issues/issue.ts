/**
 * The problem report every part of the library speaks: validators produce `Issue`s, `civic-error` carries them,
 * the error state formats them. It lives in core so that core (events, state templates) needs nothing from
 * src/data; src/data/validate.ts re-exports it for its validators.
 */

export type IssueSeverity = 'error' | 'warning';

/** One problem found in a payload, located by a JSON-ish path such as `rows[12].value`. */
export interface Issue {
  /** Where in the payload: `rows[12].value`, `$` for the root. */
  path: string;
  /** Stable machine code, e.g. `type`, `required`, `unknown-code`, `duplicate`, `http`, `json`. */
  code: string;
  /** Developer-facing English sentence. */
  message: string;
  severity: IssueSeverity;
}

/** `rows[12].value: expected a number, got "abc"` */
export function formatIssue(i: Issue): string {
  return `${i.path}: ${i.message}`;
}

// The three helpers below are what validators need besides the type. They live here, not in src/data/validate.ts
// (which re-exports them), so that core needs nothing from src/data. The lazily loaded data code (the `src` path, push
// sources, the CSV reader, the envelope / dataset adapters) has its own copy, src/data/lazy-issues.ts: a module reached
// from both the first load and a lazy chunk is split into a chunk of its own by users' bundlers, and every such chunk
// costs bytes on the first load (issue 16).

/** One issue; severity `error` unless told. */
export function issue(path: string, code: string, message: string, severity: IssueSeverity = 'error'): Issue {
  return { path, code, message, severity };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Short, safe description of a value for messages (never the whole payload). */
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
