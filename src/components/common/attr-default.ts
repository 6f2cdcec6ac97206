/**
 * An attribute converter whose removed attribute (null) gives the property its default again, as the README's tables
 * promise, rather than null (a number when `num`). Chain graph's props keep their own copy (chain-graph.props.ts).
 */
export const orDefault = (d: string | number, num?: boolean) => ({
  fromAttribute: (v: string | null) => (v === null ? d : num ? Number(v) : v),
});
