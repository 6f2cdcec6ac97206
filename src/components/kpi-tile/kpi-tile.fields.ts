/**
 * The tile's payload: its field paths (`value-field`, `label-field`, `unit-field`), a list of items or one item, the
 * attributes filling in what each item lacks.
 */
import { mapFields } from '../../data/adapters/field-map.js';
import { isRecord, issue, type Issue, type Validated } from '../../data/validate.js';
import { withAttributes, type TileAttributes } from './kpi-tile.attributes.js';
import { parseKpiItem, type ParsedKpi } from './kpi-tile.parse.js';

export interface TileFields {
  valueField?: string;
  labelField?: string;
  unitField?: string;
  itemId?: string;
}

/**
 * The tile's items from a payload (an item, a bare number, a list, or `{ items }`), field paths applied and the
 * attributes filling in what each item lacks. Nothing valid in a non-empty list: no value, only the issues.
 */
export function parseTilePayload(raw: unknown, el: TileAttributes & TileFields, envelope: unknown): Validated<ParsedKpi[]> {
  const issues: Issue[] = [];
  const mapped = mapFields(raw, { value: el.valueField, label: el.labelField, unit: el.unitField }, envelope);
  issues.push(...mapped.issues);
  let v = mapped.value;
  if (v === undefined) return { value: undefined, issues };
  if (isRecord(v) && Array.isArray(v.items) && !('value' in v)) v = v.items;
  const list = Array.isArray(v) ? v : [v];
  const items: ParsedKpi[] = [];
  list.forEach((r, i) => {
    const it = parseKpiItem(withAttributes(el, r), Array.isArray(v) ? `[${i}]` : '', issues);
    if (it) items.push(it);
  });
  if (items.length === 0 && list.length > 0) return { value: undefined, issues };
  // `item-id` naming no item of the list leaves nothing to show: an error (a typo must not draw a blank tile).
  const id = el.itemId;
  if (id && items.length > 0 && !items.some((i) => i.id === id)) {
    const ids = items.slice(0, 8).map((i) => i.id ?? '?').join(', ');
    issues.push(issue('item-id', 'unknown-id', `no item with id "${id}" (ids: ${ids}${items.length > 8 ? ', …' : ''})`));
    return { value: undefined, issues };
  }
  return { value: items, issues };
}

