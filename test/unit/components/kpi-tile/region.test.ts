import { describe, expect, it } from 'vitest';
import { filterByRegion, holdsSelection, inRegion, normaliseRegion, regionRelation } from '../../../../src/components/common/region.js';

describe('region filtering by division-code prefix', () => {
  it('normalises zero-padded 6- and 12-digit codes', () => {
    expect(normaliseRegion('500118002000')).toBe('500118002');
    expect(normaliseRegion('500118000000')).toBe('500118');
    expect(normaliseRegion('500000000000')).toBe('50');
    expect(normaliseRegion('500100')).toBe('5001');
    expect(normaliseRegion('500118002007')).toBe('500118002007');
    expect(normaliseRegion('500118002007001')).toBe('500118002007001');
    expect(normaliseRegion(' 500118 ')).toBe('500118');
    expect(normaliseRegion(undefined)).toBe('');
  });

  it('keeps rows inside the region (prefix), and rows without a region', () => {
    expect(inRegion('500118002007', '500118002')).toBe(true);
    expect(inRegion('500118002007001', '500118002')).toBe(true);
    expect(inRegion('500118001003', '500118002')).toBe(false);
    expect(inRegion('500118003', '500118002007')).toBe(false);
    expect(inRegion(undefined, '500118002')).toBe(true);
    expect(inRegion('500118001', '')).toBe(true);
    expect(inRegion('500118002007', '500118002000')).toBe(true);
  });

  it('keeps a row that holds a finer selection (a grid selects its community), and marks it', () => {
    expect(inRegion('500118002', '500118002007')).toBe(true);
    expect(regionRelation('500118002007', '500118002007001')).toBe('contains');
    expect(regionRelation('500118002007001', '500118002007')).toBe('within');
    expect(regionRelation('500118002008', '500118002007001')).toBe('outside');
    expect(regionRelation(undefined, '500118002007001')).toBe('any');
    expect(regionRelation('500118002007', '')).toBe('any');
    expect(holdsSelection('500118002007', '500118002007001')).toBe(true);
    expect(holdsSelection('500118002007', '500118002007')).toBe(false);
    expect(holdsSelection('500118002008', '500118002007001')).toBe(false);
  });

  it('a selection finer than the rows filters nothing away; an unrelated one leaves nothing', () => {
    const rows = [{ region: '500118001001' }, { region: '500118002007' }, { region: '500118002008' }];
    expect(filterByRegion(rows, '500118002007001')).toEqual(rows);
    expect(filterByRegion(rows, '500118099001001')).toEqual([]);
    // Mixed levels: rows inside the selection win over the rows holding it.
    const mixed = [{ region: '500118002' }, { region: '500118002007' }, { region: '500118002007001' }];
    expect(filterByRegion(mixed, '500118002007')).toEqual([{ region: '500118002007' }, { region: '500118002007001' }]);
  });

  it('filters a list and returns a copy', () => {
    const rows = [{ region: '500118001001' }, { region: '500118002007' }, { region: '500118002008' }, {}];
    expect(filterByRegion(rows, '500118002')).toEqual([{ region: '500118002007' }, { region: '500118002008' }, {}]);
    const all = filterByRegion(rows, null);
    expect(all).toEqual(rows);
    expect(all).not.toBe(rows);
  });
});

import { pickRegionItem } from '../../../../src/components/kpi-tile/kpi-tile.region.js';
describe('pickRegionItem', () => {
  const items = [{ id: 'all', region: '500118' }, { id: 's1', region: '500118001' }, { id: 's2', region: '500118002' }];
  it('takes the first item without a filter', () => {
    expect(pickRegionItem(items, '')).toEqual({ item: items[0], outside: false });
  });
  it('prefers the exact code, then the first item inside the region', () => {
    expect(pickRegionItem(items, '500118002')).toEqual({ item: items[2], outside: false });
    expect(pickRegionItem(items, '500118002000')).toEqual({ item: items[2], outside: false });
    expect(pickRegionItem([{ id: 'c', region: '500118002007' }], '500118002').item?.id).toBe('c');
  });
  it('takes the deepest item holding a finer selection', () => {
    expect(pickRegionItem(items, '500118002007001')).toEqual({ item: items[2], outside: false });
    expect(pickRegionItem(items, '500118009001')).toEqual({ item: items[0], outside: false });
  });
  it('reports when the filter excludes everything', () => {
    expect(pickRegionItem([{ region: '500118001' }], '500118002')).toEqual({ outside: true });
    expect(pickRegionItem([], '5')).toEqual({ outside: false });
  });
});
