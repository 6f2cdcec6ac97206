/**
 * An attribute converter whose removed attribute (null) gives the property its default again, as the README's tables
 * promise, rather than null (a number when `num`); without a default, undefined (the README's `—`: unset, as before the
 * attribute was given). Used by the KPI grid, the rank board and the chain graph.
 */
export const orDefault = (d?: string | number, num?: boolean) => ({
  fromAttribute: (v: string | null) => (v === null ? d : num ? Number(v) : v),
});
