import { CivicEvent } from './civic-event.js';
import type { Issue } from '../issues/issue.js';

export type DataSourceKind = 'property' | 'inline' | 'src' | 'attribute' | 'none';

/**
 * - `network`: fetch rejected (offline, DNS, CORS); `http`: non-2xx status; `timeout`;
 * - `json`: the text is not JSON (or CSV failed to parse); `api`: a `{code,msg,data}` envelope reported failure;
 * - `validation`: the payload's shape is wrong (see `issues`).
 */
export type CivicErrorKind = 'network' | 'http' | 'timeout' | 'json' | 'api' | 'validation';

export interface CivicErrorDetail {
  kind: CivicErrorKind;
  source: DataSourceKind;
  url?: string;
  /** HTTP status for `http` errors. */
  status?: number;
  /** One-line English summary, e.g. `rows[3].value: expected a number, got "abc"` or `HTTP 500`. */
  message: string;
  /** Every problem with its path (capped at 200; `issueCount` has the total). */
  issues: Issue[];
  issueCount: number;
  /** Issue counts by code, e.g. `{ type: 3, 'unknown-code': 12 }`. */
  issueCounts: Record<string, number>;
  /** True when the valid part of the data is still drawn (some rows rejected); false when nothing new was accepted. */
  partial: boolean;
  /** True when an earlier good picture is kept on screen. */
  keptPrevious: boolean;
}

/** Loading or validation failed, in whole or in part; `detail.issues` says why. */
export class CivicErrorEvent extends CivicEvent<CivicErrorDetail> {
  static readonly eventName = 'civic-error';
  constructor(detail: CivicErrorDetail) {
    super('civic-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-error': CivicErrorEvent;
  }
}
