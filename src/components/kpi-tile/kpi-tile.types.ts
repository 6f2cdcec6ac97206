/**
 * Const arrays and union types of <civic-kpi-tile>: they feed validation and Storybook options.
 */
import { QUALIFIERS, type Qualifier } from '../../core/format/number.js';

export { QUALIFIERS, type Qualifier };
// Shared with kpi-grid and rank-board: defined in the shared module, re-exported here for the tile's users.
export { DELTA_COLORS, DELTA_FORMATS, MOTIONS, type DeltaColors, type DeltaFormat, type Motion } from '../common/types.js';

/** Direction of a change. `flat` when equal (or the reference is missing). */
export const DIRECTIONS = ['up', 'down', 'flat'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Which way is good for status thresholds and progress. */
export const BETTER = ['higher', 'lower'] as const;
export type Better = (typeof BETTER)[number];

/** Status levels shown with an icon and a word (never colour alone). */
export const STATUS_LEVELS = ['ok', 'warn', 'alert'] as const;
export type StatusLevel = (typeof STATUS_LEVELS)[number];

/** One KPI as the data says it (the validated shape of a `kpis.json` item). */
export interface KpiItem {
  id?: string;
  /** Chinese label (or the only label). */
  label?: string;
  /** English label, used when the element's language is en. */
  labelEn?: string;
  /** The figure; `null` when the source has none (shows a dash). */
  value: number | null;
  /** Fixed statistical unit: 所, 人, 个, 亿元, %, … (formatted by the shared formatter). */
  unit?: string;
  qualifier?: Qualifier;
  /** Maximum fraction digits. */
  precision?: number;
  /** Value of the comparison period (for 同比/环比 deltas). */
  previous?: number;
  /** Target value: progress bar, status, and the delta when there is no `previous`. */
  target?: number;
  /** 同比 / 环比 / any short text. */
  deltaLabel?: string;
  /** Values over time for the sparkline, oldest first. */
  history?: number[];
  caption?: string;
  captionEn?: string;
  /** Reporting period: "2022", "2022Q3", "2022-09", "2022-01/2022-09" (shown as 2022年1—9月 / Jan–Sep 2022). */
  period?: string;
  source?: string;
  /** Division code for region filtering (prefix match). */
  region?: string;
  /** Group id for <civic-kpi-grid>. */
  group?: string;
  /** The whole item is invented (示例数据). */
  illustrative?: boolean;
  /** Only the history is invented. */
  historyIllustrative?: boolean;
  /** Status thresholds in value units. */
  thresholds?: { warn?: number; alert?: number };
  better?: Better;
  /** Explicit status from the source; wins over thresholds. */
  status?: StatusLevel;
  /** Smallest accepted value; defaults to 0 for count units (人, 所, 个 …), none otherwise. */
  min?: number;
}
