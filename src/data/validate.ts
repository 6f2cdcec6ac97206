/**
 * Validation primitives shared by every element's parser.
 *
 * Validators are pure: they never throw on bad input, they return `{ value, issues }`.
 * `value === undefined` means nothing usable was found (the element keeps its last good
 * picture and shows its error state); a defined value with error issues means "partly
 * valid": the element draws what it has and still reports the issues in `civic-error`.
 */

import { describe, isRecord, issue, type Issue, type IssueSeverity } from '../core/issues/issue.js';

// The Issue type and its formatting live in core (events and state templates use them); re-exported here for validators.
// So are `issue`, `isRecord` and `describe`, which the lazily loaded data code uses too (see there).
export { formatIssue, issue, isRecord, describe, type Issue, type IssueSeverity } from '../core/issues/issue.js';

export interface Validated<T> {
  value: T | undefined;
  issues: Issue[];
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base === '' || base === '$' ? key : `${base}.${key}`;
}

export interface NumberRule {
  /** Missing (undefined/null) is an issue when true. Default false: missing gives undefined silently. */
  required?: boolean;
  min?: number;
  max?: number;
  /** Accept a numeric string such as "12.5" or "1,234.5" (CSV and loose APIs). Default false: it is reported. */
  coerce?: boolean;
  /** Largest magnitude accepted; default 1e15 (beyond that a statistics figure is almost surely wrong). */
  limit?: number;
}

/**
 * Reads a finite number. Reports NaN, Infinity, strings (unless `coerce`), out-of-range values.
 * Returns undefined when the value is unusable.
 */
export function readNumber(v: unknown, path: string, issues: Issue[], rule: NumberRule = {}): number | undefined {
  if (v === undefined || v === null || v === '') {
    if (rule.required) issues.push(issue(path, 'required', 'expected a number, got ' + describe(v)));
    return undefined;
  }
  let n: number;
  if (typeof v === 'number') n = v;
  // "1,234" (thousands separators, as Excel exports and many APIs send figures) is a number too; "1,2" is not.
  else if (typeof v === 'string' && rule.coerce && /^\s*[-+]?(\d{1,3}(,\d{3})+(\.\d*)?|\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) n = Number(v.replace(/,/g, ''));
  else {
    issues.push(issue(path, 'type', `expected a number, got ${describe(v)}`));
    return undefined;
  }
  if (!Number.isFinite(n)) {
    issues.push(issue(path, 'not-finite', `expected a finite number, got ${describe(n)}`));
    return undefined;
  }
  const limit = rule.limit ?? 1e15;
  if (Math.abs(n) > limit) {
    issues.push(issue(path, 'out-of-range', `${n} is larger than the accepted magnitude ${limit}`));
    return undefined;
  }
  if (rule.min !== undefined && n < rule.min) {
    issues.push(issue(path, 'out-of-range', `expected at least ${rule.min}, got ${n}`));
    return undefined;
  }
  if (rule.max !== undefined && n > rule.max) {
    issues.push(issue(path, 'out-of-range', `expected at most ${rule.max}, got ${n}`));
    return undefined;
  }
  return n;
}

export interface StringRule {
  required?: boolean;
  /** Accept numbers and turn them into strings (codes given as numbers). Default false. */
  coerceNumber?: boolean;
  /** Allowed values; anything else is reported. */
  oneOf?: readonly string[];
  maxLength?: number;
}

/** Reads a string (trimmed). Markup inside is kept as text: elements render it as text, never HTML. */
export function readString(v: unknown, path: string, issues: Issue[], rule: StringRule = {}): string | undefined {
  if (v === undefined || v === null) {
    if (rule.required) issues.push(issue(path, 'required', 'expected a string, got ' + describe(v)));
    return undefined;
  }
  let s: string;
  if (typeof v === 'string') s = v.trim();
  else if (typeof v === 'number' && rule.coerceNumber && Number.isFinite(v)) s = String(v);
  else {
    issues.push(issue(path, 'type', `expected a string, got ${describe(v)}`));
    return undefined;
  }
  if (s === '' && rule.required) {
    issues.push(issue(path, 'required', 'expected a non-empty string'));
    return undefined;
  }
  if (rule.oneOf && !rule.oneOf.includes(s)) {
    issues.push(issue(path, 'enum', `expected one of ${rule.oneOf.join(', ')}, got ${describe(s)}`));
    return undefined;
  }
  if (rule.maxLength !== undefined && s.length > rule.maxLength) s = s.slice(0, rule.maxLength);
  return s;
}

export function readBoolean(v: unknown, path: string, issues: Issue[]): boolean | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  issues.push(issue(path, 'type', `expected true or false, got ${describe(v)}`));
  return undefined;
}

/** Reads an array; reports anything else. */
export function readArray(v: unknown, path: string, issues: Issue[], required = true): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (v === undefined || v === null) {
    if (required) issues.push(issue(path, 'required', 'expected an array, got ' + describe(v)));
    return undefined;
  }
  issues.push(issue(path, 'type', `expected an array, got ${describe(v)}`));
  return undefined;
}

/**
 * Summarises many issues of one kind for events and banners: counts per code and the first few examples,
 * so 50,000 bad rows do not produce a 50,000-entry event.
 */
export function summariseIssues(issues: readonly Issue[], examplesPerCode = 5): { total: number; byCode: Record<string, number>; examples: Issue[] } {
  const byCode: Record<string, number> = {};
  const examples: Issue[] = [];
  const shown: Record<string, number> = {};
  for (const i of issues) {
    byCode[i.code] = (byCode[i.code] ?? 0) + 1;
    if ((shown[i.code] ?? 0) < examplesPerCode) {
      shown[i.code] = (shown[i.code] ?? 0) + 1;
      examples.push(i);
    }
  }
  return { total: issues.length, byCode, examples };
}

/** Caps an issue list (events carry at most `max`; the summary keeps the counts). */
export function capIssues(issues: Issue[], max = 200): Issue[] {
  return issues.length > max ? issues.slice(0, max) : issues;
}
