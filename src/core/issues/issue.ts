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
