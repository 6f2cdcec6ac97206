/**
 * Const arrays and union types used by several elements (kpi-tile, kpi-grid, rank-board): they feed validation and
 * Storybook options. Element-specific types stay in each element's `*.types.ts`, which re-exports these.
 */

/** Colour convention of deltas: `red-up` (Chinese boards: rises red, falls green) or `green-up` (Western). */
export const DELTA_COLORS = ['red-up', 'green-up'] as const;
export type DeltaColors = (typeof DELTA_COLORS)[number];

/** What the delta text shows. */
export const DELTA_FORMATS = ['percent', 'absolute', 'both'] as const;
export type DeltaFormat = (typeof DELTA_FORMATS)[number];

/** `auto` follows `prefers-reduced-motion`; `reduce` always shows the final value at once (no count-up, no auto-scroll). */
export const MOTIONS = ['auto', 'reduce'] as const;
export type Motion = (typeof MOTIONS)[number];
