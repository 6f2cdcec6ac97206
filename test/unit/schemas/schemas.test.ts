// The published JSON Schemas (dist/schemas) must accept the built-in demo data and reject obvious mistakes.
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../../src/schemas');
const data = join(__dirname, '../../../demo/data');
const ajv = new Ajv({ allErrors: true, strict: false });
for (const f of readdirSync(dir)) ajv.addSchema(JSON.parse(readFileSync(join(dir, f), 'utf8')), f);
const load = (f: string) => JSON.parse(readFileSync(join(data, f), 'utf8'));
const check = (schema: string, value: unknown) => {
  const ok = ajv.validate(schema, value);
  return { ok, errors: ajv.errorsText(ajv.errors) };
};

describe('JSON Schemas', () => {
  it.each([
    ['grid-geometry.schema.json', 'grids.geojson'],
    ['grid-map.schema.json', 'grid-metrics.json'],
    ['chain-graph.schema.json', 'chains.json'],
    ['kpi-grid.schema.json', 'kpis.json'],
    ['kpi-grid.schema.json', 'kpis-economy.json'],
    ['rank-board.schema.json', 'rank-communities.json'],
    ['rank-board.schema.json', 'rank-colleges.json'],
    ['growth-chart.schema.json', 'growth.json'],
  ])('%s accepts demo/data/%s', (schema, file) => {
    const r = check(schema, load(file));
    expect(r.errors).toBe('No errors');
    expect(r.ok).toBe(true);
  });

  it('rejects wrong types and unknown enums', () => {
    expect(check('kpi-tile.schema.json', { label: '在校学生', value: '17万' }).ok).toBe(false);
    expect(check('chain-graph.schema.json', { nodes: [{ id: 'a', name: 'A', type: 'dragon' }], links: [] }).ok).toBe(false);
    expect(check('growth-chart.schema.json', { series: [{ id: 'g', name: 'GDP', points: [{ period: 'Q3 2022' }] }] }).ok).toBe(false);
    expect(check('rank-board.schema.json', { rows: [{ name: 'x', value: 'many' }] }).ok).toBe(false);
  });
});
