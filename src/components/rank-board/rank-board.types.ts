/** Const arrays and union types of <civic-rank-board>. */

/** Sort order: `desc` ranks the largest value first. */
export const RANK_ORDERS = ['desc', 'asc'] as const;
export type RankOrder = (typeof RANK_ORDERS)[number];

/** One row as the data gives it. */
export interface RankRow {
  id: string;
  /** Undefined when the source had no usable name (shown as 未命名). */
  name?: string;
  nameEn?: string;
  /** Null when missing or invalid: the row shows a dash and sorts last, without a rank number. */
  value: number | null;
  /** Division code for region filtering (prefix match). */
  region?: string;
  illustrative?: boolean;
}

export interface RankPayload {
  title?: string;
  titleEn?: string;
  unit?: string;
  source?: string;
  /** All rows are invented (示例数据). A string is a note saying which parts are. */
  illustrative?: boolean;
  note?: string;
  rows: RankRow[];
}

export interface RankedRow extends RankRow {
  /** Competition rank (1, 2, 2, 4); undefined for rows without a value. */
  rank?: number;
  /** Bar length 0…1: value / largest value (negative values draw no bar). */
  share: number;
}
