import type { CivicErrorDetail, CivicErrorKind, DataSourceKind } from '../core/events/error-event.js';
import { capIssues, type Issue } from './validate.js';

/** The message of a thrown value. */
export const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The detail of a `civic-error`: its issues capped and summarised. `hadValue`: a value was on screen before (a
 * failure that is not partial keeps it: `keptPrevious`).
 */
export function errorDetail(kind: CivicErrorKind, source: DataSourceKind, message: string, issues: Issue[], url: string | undefined, status: number | undefined, partial: boolean, hadValue: boolean): CivicErrorDetail {
  return {
    kind,
    source,
    url,
    status,
    message,
    issues: capIssues(issues),
    issueCount: issues.length,
    issueCounts: countCodes(issues, {}),
    partial,
    keptPrevious: !partial && hadValue,
  };
}

/**
 * A standing partial problem (rows rejected by validation) with more `issues` joined to its list and counts: it keeps
 * its kind and headline. Used when part of the picture also could not be drawn (DataController.partFailed).
 */
export function withIssues(d: CivicErrorDetail, issues: Issue[]): CivicErrorDetail {
  return { ...d, issues: capIssues([...d.issues, ...issues]), issueCount: d.issueCount + issues.length, issueCounts: countCodes(issues, { ...d.issueCounts }) };
}

/** `counts` with one more per issue under its code (validate.ts `summariseIssues` counts the same, with examples). */
function countCodes(issues: readonly Issue[], counts: Record<string, number>): Record<string, number> {
  for (const i of issues) counts[i.code] = (counts[i.code] ?? 0) + 1;
  return counts;
}
