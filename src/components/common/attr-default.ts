/**
 * An attribute converter whose removed attribute (null) gives the property its default again, as the README's tables
 * promise, rather than null (a number when `num`); without a default, undefined (the README's `—`: unset, as before the
 * attribute was given). A number attribute that is empty or not a number gives the default too (it gave NaN, so
 * `canvas-threshold="many"` or `canvas-limit=""` never let `auto` pick canvas; R1 s17). Used by the grid map, the KPI
 * grid, the rank board and the chain graph.
 */
export const orDefault = (d?: string | number, num?: boolean) => ({
  fromAttribute: (v: string | null) => (v === null ? d : !num ? v : v.trim() && +v === +v ? +v : d),
});
