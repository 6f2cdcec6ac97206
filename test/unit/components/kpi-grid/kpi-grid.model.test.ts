import { describe, expect, it } from 'vitest';
import { groupItems, groupLabel, parseColumns, parseKpiGridPayload, payloadTitle } from '../../../../src/components/kpi-grid/kpi-grid.model.js';

const PAYLOAD = {
  title: '西部职教基地',
  titleEn: 'Western vocational-education base',
  source: 'FACTS.md §3 (2022)',
  groups: [
    { id: 'scale', label: '办学规模', labelEn: 'Scale' },
    { id: 'industry', label: '产教融合', labelEn: 'Industry links' },
  ],
  items: [
    { id: 'colleges', label: '大中专院校', value: 17, unit: '所', group: 'scale' },
    { id: 'bases', label: '校企实训基地', value: 1300, unit: '个', qualifier: 'plus', group: 'industry' },
    { id: 'students', label: '在校学生', value: 170000, unit: '人', qualifier: 'over', group: 'scale', region: '500118' },
    { id: 'loose', label: '其他', value: 6, unit: '场' },
  ],
};

describe('parseKpiGridPayload', () => {
  it('reads the kpis.json shape without issues', () => {
    const r = parseKpiGridPayload(PAYLOAD);
    expect(r.issues).toEqual([]);
    expect(r.value?.items.map((i) => i.id)).toEqual(['colleges', 'bases', 'students', 'loose']);
    expect(r.value?.groups.map((g) => g.id)).toEqual(['scale', 'industry']);
    expect(r.value?.title).toBe('西部职教基地');
    expect(r.value?.source).toBe('FACTS.md §3 (2022)');
  });

  it('accepts a bare array of items', () => {
    const r = parseKpiGridPayload([{ label: 'a', value: 1 }, { label: 'b', value: 2 }]);
    expect(r.value?.items).toHaveLength(2);
    expect(r.value?.groups).toEqual([]);
  });

  it('keeps a bad item as an invalid tile and reports it with its path', () => {
    const r = parseKpiGridPayload({ items: [{ label: 'a', value: 1 }, { label: 'b', value: 'NaN?' }, 'junk'] });
    expect(r.value?.items).toHaveLength(2);
    expect(r.value?.items[1]).toMatchObject({ label: 'b', value: null, invalid: true });
    expect(r.issues.map((i) => i.path)).toEqual(['items[1].value', 'items[2]']);
  });

  it('warns about unknown groups and duplicate ids', () => {
    const r = parseKpiGridPayload({ groups: [{ id: 'g', label: 'G' }, { id: 'g', label: 'again' }], items: [{ id: 'a', label: 'a', value: 1, group: 'nope' }, { id: 'a', label: 'b', value: 2 }] });
    expect(r.issues.map((i) => [i.path, i.code, i.severity])).toEqual([
      ['groups[1].id', 'duplicate', 'warning'],
      ['items[0].group', 'unknown-group', 'warning'],
      ['items[1].id', 'duplicate', 'warning'],
    ]);
    expect(r.value?.groups).toHaveLength(1);
  });

  it('marks every item illustrative when the file says so, unless an item says otherwise', () => {
    const r = parseKpiGridPayload({ illustrative: true, items: [{ label: 'a', value: 1 }, { label: 'b', value: 2, illustrative: false }] });
    expect(r.value?.items.map((i) => i.illustrative)).toEqual([true, false]);
    const note = parseKpiGridPayload({ illustrative: 'some members are illustrative', items: [{ label: 'a', value: 1 }] });
    expect(note.value?.note).toBe('some members are illustrative');
    expect(note.value?.items[0]?.illustrative).toBeUndefined();
  });

  it('rejects payloads without items', () => {
    expect(parseKpiGridPayload({ groups: [] }).value).toBeUndefined();
    expect(parseKpiGridPayload({ groups: [] }).issues[0]).toMatchObject({ path: 'items', code: 'required' });
    expect(parseKpiGridPayload(42).value).toBeUndefined();
    expect(parseKpiGridPayload(null).issues[0]).toMatchObject({ path: '$', code: 'type' });
  });
});

describe('groupItems', () => {
  const p = parseKpiGridPayload(PAYLOAD).value!;
  it('orders sections by groups and items by data order; ungrouped last', () => {
    const s = groupItems(p);
    expect(s.map((x) => x.group?.id ?? null)).toEqual(['scale', 'industry', null]);
    expect(s[0]!.items.map((i) => i.id)).toEqual(['colleges', 'students']);
  });
  it('filters by region and drops empty sections', () => {
    const s = groupItems({ ...p, items: p.items.map((i) => ({ ...i, region: i.id === 'bases' ? '500118002' : i.region ?? '500118001' })) }, '500118002');
    expect(s.map((x) => x.group?.id ?? null)).toEqual(['industry']);
  });
  it('gives one untitled section without groups', () => {
    const s = groupItems({ groups: [], items: p.items });
    expect(s).toHaveLength(1);
    expect(s[0]!.group).toBeUndefined();
  });
});

describe('labels and columns', () => {
  it('picks the language', () => {
    const p = parseKpiGridPayload(PAYLOAD).value!;
    expect(payloadTitle(p, 'en')).toBe('Western vocational-education base');
    expect(payloadTitle(p, 'zh-CN')).toBe('西部职教基地');
    expect(groupLabel(p.groups[0]!, 'en')).toBe('Scale');
    expect(groupLabel({ id: 'x', label: '仅中文' }, 'en')).toBe('仅中文');
  });
  it('parses columns 1…24, else auto', () => {
    expect(parseColumns('4')).toBe(4);
    expect(parseColumns(3)).toBe(3);
    expect(parseColumns('0')).toBeUndefined();
    expect(parseColumns('25')).toBeUndefined();
    expect(parseColumns('auto')).toBeUndefined();
    expect(parseColumns(null)).toBeUndefined();
  });
});
