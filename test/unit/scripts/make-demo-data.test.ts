// Tests for scripts/make-demo-data.mjs: determinism, counts, real figures, illustrative flags, code hierarchy and
// geometry validity of the built-in Yongchuan demo dataset. The expected real figures are written out here from
// FACTS.md, independently of scripts/facts.mjs, so a typo in either place fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { area, bbox, booleanValid, featureCollection, intersect, kinks } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';

const ROOT = resolve(__dirname, '../../..');
const SCRIPT = join(ROOT, 'scripts', 'make-demo-data.mjs');
const FILES = [
  'chains.json',
  'grid-metrics.json',
  'grids.geojson',
  'growth.json',
  'kpis-economy.json',
  'kpis.json',
  'points.json',
  'rank-colleges.json',
  'rank-communities.json',
];

interface GridProps { code: string; name: string; level: string; parent: string | null; illustrative: boolean }
type GridFeature = Feature<Polygon, GridProps>;
type Row = Record<string, unknown> & { code: string };

let dirA = '';
let dirB = '';
const read = (name: string): any => JSON.parse(readFileSync(join(dirA, name), 'utf8'));
const divisions = JSON.parse(readFileSync(join(ROOT, 'demo/data/source/yongchuan-divisions.json'), 'utf8'));

beforeAll(() => {
  dirA = mkdtempSync(join(tmpdir(), 'demo-data-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'demo-data-b-'));
  execFileSync(process.execPath, [SCRIPT, '--out', dirA], { cwd: ROOT });
  execFileSync(process.execPath, [SCRIPT, '--out', dirB], { cwd: ROOT });
}, 120_000);
afterAll(() => {
  rmSync(dirA, { recursive: true, force: true });
  rmSync(dirB, { recursive: true, force: true });
});

describe('make-demo-data: determinism and inputs', () => {
  it('writes exactly the contract files', () => {
    expect(readdirSync(dirA).sort()).toEqual(FILES);
  });

  it('is byte-identical on every run', () => {
    for (const f of FILES) expect(readFileSync(join(dirB, f)).equals(readFileSync(join(dirA, f))), f).toBe(true);
  });

  it('names its sources as a reader knows them (the 2022 report, the NBS code list), never a project file', () => {
    for (const f of FILES) expect(readFileSync(join(dirA, f), 'utf8'), f).not.toMatch(/FACTS\.md|§\d/);
  });

  it('matches the files in demo/data (regenerate with npm run demo-data)', () => {
    for (const f of FILES) {
      expect(readFileSync(join(ROOT, 'demo/data', f), 'utf8') === readFileSync(join(dirA, f), 'utf8'), f).toBe(true);
    }
  });

  it('reads only project files (never ../shared)', () => {
    const src = readFileSync(SCRIPT, 'utf8') + readFileSync(join(ROOT, 'scripts/facts.mjs'), 'utf8');
    expect(src).not.toMatch(/shared\//);
    expect(src).not.toMatch(/Math\.random|Date\.now|new Date/);
  });

  it('keeps grids.geojson small', () => {
    expect(readFileSync(join(dirA, 'grids.geojson')).length).toBeLessThan(1.5 * 1024 * 1024);
  });
});

describe('make-demo-data: grids.geojson', () => {
  let features: GridFeature[] = [];
  const level = (l: string) => features.filter((f) => f.properties.level === l);
  beforeAll(() => {
    const fc = read('grids.geojson');
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.illustrative).toBe(true);
    expect(fc.note).toMatch(/not real boundaries/);
    features = fc.features;
  });

  it('has 3 streets, 25 communities and 410 urban grids', () => {
    expect(level('street').map((f) => f.properties.code)).toEqual(['500118001', '500118002', '500118003']);
    const communities = level('community');
    expect(communities).toHaveLength(25);
    const codes = new Set(communities.map((c) => c.properties.code));
    const urbanGrids = level('grid').filter((g) => codes.has(g.properties.parent!));
    expect(urbanGrids).toHaveLength(410);
    for (const c of communities) {
      expect(urbanGrids.filter((g) => g.properties.parent === c.properties.code).length).toBeGreaterThanOrEqual(8);
    }
  });

  it('has every village of 来苏镇 split into 6–12 villager groups', () => {
    const town = divisions.towns.find((t: any) => t.code === '500118111');
    const villages = town.children.filter((c: any) => c.type === 'village');
    expect(level('town').map((f) => f.properties.code)).toEqual(['500118111']);
    expect(level('village').map((f) => f.properties.code)).toEqual(villages.map((v: any) => v.code));
    expect(level('village').some((v) => v.properties.code === '500118111200' && v.properties.name === '观音井村')).toBe(true);
    for (const v of level('village')) {
      const groups = level('grid').filter((g) => g.properties.parent === v.properties.code);
      expect(groups.length).toBeGreaterThanOrEqual(6);
      expect(groups.length).toBeLessThanOrEqual(12);
      for (const g of groups) expect(g.properties.name).toMatch(new RegExp(`^${v.properties.name}第\\d+村民小组$`));
    }
  });

  it('uses real names and codes for streets, towns, communities and villages', () => {
    const known = new Map<string, { name: string; parent: string }>();
    for (const t of divisions.towns) {
      known.set(t.code, { name: t.name, parent: '500118' });
      for (const c of t.children) known.set(c.code, { name: c.name, parent: t.code });
    }
    for (const f of features.filter((x) => x.properties.level !== 'grid')) {
      expect(known.get(f.properties.code), f.properties.code).toEqual({ name: f.properties.name, parent: f.properties.parent });
    }
    expect(level('community').some((c) => c.properties.code === '500118002007' && c.properties.name === '萱花路社区')).toBe(true);
  });

  it('has hierarchical codes: every child code extends its parent code', () => {
    const codes = new Set(features.map((f) => f.properties.code));
    expect(codes.size).toBe(features.length);
    for (const f of features) {
      const { code, parent, level: l } = f.properties;
      expect(parent, code).not.toBeNull();
      expect(code.startsWith(parent!), code).toBe(true);
      if (l === 'grid') {
        expect(code).toMatch(/^\d{15}$/);
        expect(codes.has(parent!), code).toBe(true);
      }
    }
  });

  it('names urban grids <社区名>第N网格 with N = the code suffix, except the 茶叶大厦小区 grid', () => {
    const names = new Map(level('community').map((c) => [c.properties.code, c.properties.name]));
    for (const g of level('grid').filter((x) => names.has(x.properties.parent!))) {
      if (g.properties.name === '茶叶大厦小区网格') continue;
      expect(g.properties.name).toBe(`${names.get(g.properties.parent!)}第${Number(g.properties.code.slice(12))}网格`);
    }
    const tea = features.filter((f) => f.properties.name === '茶叶大厦小区网格');
    expect(tea).toHaveLength(1);
    expect(tea[0].properties.parent).toBe('500118002007');
    expect(tea[0].properties.level).toBe('grid');
  });

  it('flags every feature illustrative', () => {
    for (const f of features) expect(f.properties.illustrative, f.properties.code).toBe(true);
  });

  it('has valid polygons: closed, counter-clockwise, no kinks, 6 decimals', () => {
    for (const f of features) {
      expect(f.geometry.type).toBe('Polygon');
      expect(f.geometry.coordinates).toHaveLength(1);
      const ring = f.geometry.coordinates[0];
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[ring.length - 1]).toEqual(ring[0]);
      let s = 0;
      for (let i = 0; i < ring.length - 1; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      expect(s, f.properties.code).toBeGreaterThan(0);
      for (const [x, y] of ring) {
        expect(Math.abs(x * 1e6 - Math.round(x * 1e6))).toBeLessThan(1e-6);
        expect(Math.abs(y * 1e6 - Math.round(y * 1e6))).toBeLessThan(1e-6);
      }
      expect(booleanValid(f), f.properties.code).toBe(true);
      expect(kinks(f).features, f.properties.code).toHaveLength(0);
    }
  });

  it('places the urban area near 105.93 E, 29.36 N and the rural grids west of it', () => {
    const [ux0, uy0, ux1, uy1] = bbox(featureCollection(level('street')));
    expect((ux0 + ux1) / 2).toBeCloseTo(105.93, 1);
    expect((uy0 + uy1) / 2).toBeCloseTo(29.36, 1);
    const [, , tx1] = bbox(featureCollection(level('town')));
    expect(tx1).toBeLessThan(ux0);
  });

  it('tiles each parent with its children, without overlaps', () => {
    const byCode = new Map(features.map((f) => [f.properties.code, f]));
    const children = new Map<string, GridFeature[]>();
    for (const f of features) {
      const list = children.get(f.properties.parent!) ?? [];
      list.push(f);
      children.set(f.properties.parent!, list);
    }
    for (const [code, kids] of children) {
      const parent = byCode.get(code);
      if (!parent) continue; // the district itself has no feature
      const sum = kids.reduce((s, k) => s + area(k), 0);
      expect(Math.abs(sum - area(parent)) / area(parent), code).toBeLessThan(1e-4);
      for (const k of kids) {
        // Rounding to 6 decimals (±5 cm) lets a child stick out of its parent by a sliver: allow 0.1 % of its area.
        const inside = intersect(featureCollection([k, parent]));
        expect(inside && area(inside) / area(k), k.properties.code).toBeGreaterThan(0.999);
      }
    }
    const grids = level('grid');
    const boxes = grids.map((g) => bbox(g));
    let overlapping = 0;
    for (let i = 0; i < grids.length; i++) {
      for (let j = i + 1; j < grids.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]) continue;
        // Shared edges that cross a parent boundary are rounded separately (±5 cm): allow slivers up to 0.1 % of the
        // smaller grid. A real overlap (a misplaced or duplicated cell) is far larger.
        const x = intersect(featureCollection([grids[i], grids[j]]));
        if (x && area(x) > 1e-3 * Math.min(area(grids[i]), area(grids[j]))) overlapping++;
      }
    }
    expect(overlapping).toBe(0);
  }, 60_000);
});

describe('make-demo-data: grid-metrics.json', () => {
  let m: any;
  let grids: GridFeature[] = [];
  beforeAll(() => {
    m = read('grid-metrics.json');
    grids = read('grids.geojson').features.filter((f: GridFeature) => f.properties.level === 'grid');
  });

  it('declares the contract metrics', () => {
    expect(m.illustrative).toBe(true);
    expect(m.metrics.map((x: any) => [x.key, x.unit, x.aggregate])).toEqual([
      ['households', '户', 'sum'],
      ['partyMembers', '人', 'sum'],
      ['gridStaff', '人', 'sum'],
      ['volunteers', '人', 'sum'],
      ['issuesReported', '件', 'sum'],
      ['issuesResolved', '件', 'sum'],
      ['resolutionRate', '%', 'ratio'],
      ['points', '分', 'mean'],
    ]);
    for (const x of m.metrics) expect(x.illustrative).toBe(true);
    // A parent's 办结率 is Σ 办结事项 / Σ 上报事项 of its grids, never a mean of their rates.
    expect(m.metrics.find((x: any) => x.key === 'resolutionRate')).toMatchObject({ numerator: 'issuesResolved', denominator: 'issuesReported', scale: 100 });
  });

  it('has one row per grid and none for parents', () => {
    expect(m.rows.map((r: Row) => r.code)).toEqual(grids.map((g) => g.properties.code).sort());
  });

  it('has consistent, plausible values', () => {
    const urban = new Set(grids.filter((g) => g.properties.code.startsWith('50011800')).map((g) => g.properties.code));
    for (const r of m.rows) {
      for (const k of ['households', 'partyMembers', 'gridStaff', 'volunteers', 'issuesReported', 'issuesResolved']) {
        expect(Number.isInteger(r[k]) && r[k] >= 0, `${r.code}.${k}`).toBe(true);
      }
      expect(r.issuesResolved).toBeLessThanOrEqual(r.issuesReported);
      expect(r.resolutionRate).toBeCloseTo((r.issuesResolved / r.issuesReported) * 100, 1);
      expect(r.partyMembers).toBeLessThan(r.households);
      if (urban.has(r.code)) {
        expect(r.gridStaff, r.code).toBe(5); // 1 + 4 (+ N volunteers), FACTS.md §1
        expect(r.points).toBeUndefined();
      } else {
        expect(Number.isInteger(r.points) && r.points >= 0 && r.points <= 10, r.code).toBe(true);
      }
    }
  });

  it('produces all three points-system classes, also in 观音井村', () => {
    const cls = (p: number) => (p >= 9 ? '示范文明清洁户' : p >= 5 ? '文明清洁户' : '促进户');
    const rural = m.rows.filter((r: Row) => r.points !== undefined);
    expect(new Set(rural.map((r: any) => cls(r.points))).size).toBe(3);
    const gyj = rural.filter((r: Row) => r.code.startsWith('500118111200'));
    expect(gyj.length).toBeGreaterThanOrEqual(6);
    expect(new Set(gyj.map((r: any) => cls(r.points))).size).toBe(3);
    expect(m.classes.points.map((c: any) => [c.label, c.min, c.max])).toEqual([
      ['示范文明清洁户', 9, 10],
      ['文明清洁户', 5, 8],
      ['促进户', 0, 4],
    ]);
  });

  it('holds the 茶叶大厦小区 case from FACTS.md §1 and flags every other row illustrative', () => {
    const tea = grids.find((g) => g.properties.name === '茶叶大厦小区网格')!;
    const row = m.rows.find((r: Row) => r.code === tea.properties.code);
    expect(row.code.startsWith('500118002007')).toBe(true);
    expect(row.households).toBe(287);
    expect(row.partyMembers).toBe(24);
    expect(row.illustrative).toBe(false);
    expect(row.source).toBe('2022 年永川区党建工作报道 (2022 report)');
    for (const r of m.rows) if (r !== row) expect(r.illustrative, r.code).toBe(true);
  });
});

describe('make-demo-data: FACTS.md figures, exactly', () => {
  it('kpis.json carries the 12 vocational KPIs of FACTS.md §3 and nothing invented', () => {
    const k = read('kpis.json');
    expect(k.source).toMatch(/2022 年永川区党建工作报道/);
    expect(k.items.map((i: any) => [i.id, i.value, i.unit, i.qualifier ?? null])).toEqual([
      ['colleges', 17, '所', null],
      ['students', 170000, '人', 'over'],
      ['graduates', 40000, '名', 'odd'],
      ['orderClasses', 113, '个', null],
      ['newMajors', 32, '个', null],
      ['trainingBases', 1300, '个', 'plus'],
      ['industryColleges', 24, '个', null],
      ['talents', 206, '人', null],
      ['platforms', 7, '个', null],
      ['teachersSeconded', 1000, '名', 'plus'],
      ['technicians', 600, '名', 'plus'],
      ['youthEvents', 6, '场', null],
    ]);
    const caption = (id: string) => k.items.find((i: any) => i.id === id).caption;
    expect(caption('orderClasses')).toBe('涵盖44个专业，学生4400余人');
    expect(caption('platforms')).toBe('另有市级平台118个');
    expect(caption('youthEvents')).toBe('70余对青年牵手成功');
    const groups = new Set(k.groups.map((g: any) => g.id));
    for (const i of k.items) {
      expect(groups.has(i.group), i.id).toBe(true);
      expect(i.history).toBeUndefined();
      expect(i.previous).toBeUndefined();
    }
  });

  it('kpis-economy.json carries FACTS.md §4', () => {
    const k = read('kpis-economy.json');
    const v = Object.fromEntries(k.items.map((i: any) => [i.id, [i.value, i.unit]]));
    expect(v).toEqual({
      projectsSigned: [80, '个'],
      projectsInvestment: [462, '亿元'],
      projectsOutput: [536, '亿元'],
      projectsCompleted: [20, '个'],
      gdp: [860.9, '亿元'],
      gdpGrowth: [4.3, '%'],
      industryGrowth: [7.8, '%'],
      investmentGrowth: [5.6, '%'],
      retailGrowth: [1.3, '%'],
    });
    expect(k.illustrative).toBe(false);
  });

  it('growth.json: only the Jan–Sep 2022 points are real, and they are exact', () => {
    const g = read('growth.json');
    const last = (id: string) => {
      const s = g.series.find((x: any) => x.id === id);
      return s.points[s.points.length - 1];
    };
    expect(last('gdp')).toEqual({
      period: '2022-01/2022-09', value: 860.9, growth: 4.3, growthBasis: 'comparable',
      rank: { position: 3, scope: '主城都市区', scopeEn: 'main metropolitan area' },
    });
    expect([last('industry').growth, last('investment').growth, last('retail').growth]).toEqual([7.8, 5.6, 1.3]);
    for (const s of g.series) {
      expect(s.region).toBe('500118');
      for (const p of s.points) {
        expect(p.period).toMatch(/^(\d{4}|\d{4}Q[1-4]|\d{4}-\d{2}|(\d{4})-01\/\2-\d{2})$/);
        if (p.period === '2022-01/2022-09') expect(p.illustrative).toBeUndefined();
        else expect(p.illustrative, `${s.id} ${p.period}`).toBe(true);
      }
    }
  });

  it('chains.json: the named leaders, parks and teams are real, every other node is flagged', () => {
    const c = read('chains.json');
    expect(c.chains.map((x: any) => [x.id, x.name, x.leader])).toEqual([
      ['auto', '汽车产业链党建联盟', 'gwm'],
      ['equip', '智能装备产业链党建联盟', 'pacific'],
    ]);
    const byId = new Map(c.nodes.map((n: any) => [n.id, n]));
    expect(byId.get('gwm')).toMatchObject({ name: '长城汽车重庆分公司联合党支部', type: 'leader', attrs: { capacity: 250000 } });
    expect(byId.get('pacific')).toMatchObject({ name: '太平洋精工联合党支部', type: 'leader' });
    const real = ['gwm', 'pacific', 'fenghuang', 'gangqiao', 'sanjiao', 'bigdata', 'team-gangqiao', 'team-sanjiao', 'unirec', 'yadea'];
    const parks = c.nodes.filter((n: any) => n.type === 'park').map((n: any) => n.name);
    expect(parks).toEqual(['永川国家高新区凤凰湖产业园', '港桥产业促进中心', '三教产业促进中心', '大数据产业园']);
    for (const n of c.nodes) {
      expect(n.illustrative, n.id).toBe(!real.includes(n.id));
      if (n.illustrative) expect(n.name).toMatch(/（示例）$/);
    }
    for (const chain of ['auto', 'equip']) {
      const members = c.nodes.filter((n: any) => n.type === 'member' && n.chain === chain);
      expect(members.length).toBeGreaterThanOrEqual(12);
      expect(members.length).toBeLessThanOrEqual(20);
    }
    expect(c.nodes.some((n: any) => n.type === 'party-branch')).toBe(true);
    const kinds = new Set(['supply', 'alliance', 'party-link', 'service', 'located-in']);
    for (const l of c.links) {
      expect(byId.has(l.source) && byId.has(l.target), `${l.source}→${l.target}`).toBe(true);
      expect(kinds.has(l.kind)).toBe(true);
      expect(typeof l.illustrative).toBe('boolean');
      if (!l.illustrative) expect(real.includes(l.source) && real.includes(l.target)).toBe(true);
    }
  });
});

describe('make-demo-data: other illustrative files', () => {
  it('points.json: parks named in FACTS.md at illustrative positions', () => {
    const p = read('points.json');
    expect(p.illustrative).toBe(true);
    const names = p.features.filter((f: any) => f.properties.kind === 'park').map((f: any) => f.properties.name);
    expect(names).toEqual(['永川国家高新区凤凰湖产业园', '港桥产业促进中心', '三教产业促进中心', '大数据产业园']);
    for (const f of p.features) {
      expect(f.geometry.type).toBe('Point');
      expect(['park', 'project', 'service-station']).toContain(f.properties.kind);
      expect(f.properties.illustrative).toBe(true);
    }
  });

  it('rank-communities.json: the 25 communities by the issues their grids resolved', () => {
    const r = read('rank-communities.json');
    const m = read('grid-metrics.json');
    const communities = read('grids.geojson').features.filter((f: GridFeature) => f.properties.level === 'community');
    expect(r.illustrative).toBe(true);
    expect(r.rows).toHaveLength(25);
    expect(r.rows.map((x: any) => x.region).sort()).toEqual(communities.map((c: GridFeature) => c.properties.code).sort());
    for (const row of r.rows) {
      const sum = m.rows.filter((x: Row) => x.code.startsWith(row.region)).reduce((s: number, x: any) => s + x.issuesResolved, 0);
      expect(row.value, row.name).toBe(sum);
      expect(row.illustrative).toBe(true);
    }
    for (let i = 1; i < r.rows.length; i++) expect(r.rows[i - 1].value).toBeGreaterThanOrEqual(r.rows[i].value);
  });

  it('rank-colleges.json: 17 illustrative colleges', () => {
    const r = read('rank-colleges.json');
    expect(r.illustrative).toBe(true);
    expect(r.unit).toBe('人');
    expect(r.rows).toHaveLength(17);
    for (const row of r.rows) {
      expect(row.name).toMatch(/^职业院校[A-Z]（示例）$/);
      expect(row.illustrative).toBe(true);
      expect(Number.isInteger(row.value) && row.value > 0).toBe(true);
    }
  });
});
