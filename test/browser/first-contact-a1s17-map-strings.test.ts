// First contact (A1, session 17): metric values sent as text ("56", "1,234" — an API or an Excel export) colour the
// grid map as numbers, as the KPI tile, KPI grid, ranking board and growth chart read them. Before, the map reported
// every such value (`rows[0].households: expected a number, got "56"`) and showed the grids as no data: the same
// response drew on the board beside it and left the map blank.
import { expect, html, oneEvent } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { mapOf } from './fixtures/grid-map.js';

const square = (code: string, x: number) => ({
  type: 'Feature',
  properties: { code, name: `网格${code.slice(-1)}`, level: 'grid', parent: '500118002007' },
  geometry: { type: 'Polygon', coordinates: [[[105.9 + x, 29.3], [105.91 + x, 29.3], [105.91 + x, 29.31], [105.9 + x, 29.31], [105.9 + x, 29.3]]] },
});
const geometry = { type: 'FeatureCollection', features: [square('500118002007001', 0), square('500118002007002', 0.01)] };

describe('grid map metric values sent as text', () => {
  it('"56" and "1,234" are values: no issue, no unit without a value', async () => {
    const el = await mapOf(html`<civic-grid-map renderer="canvas" .geometry=${geometry}></civic-grid-map>`);
    const errors: CustomEvent[] = [];
    el.addEventListener('civic-error', (e) => errors.push(e as CustomEvent));
    const settled = Promise.race([oneEvent(el, 'civic-load'), oneEvent(el, 'civic-error')]);
    el.data = { metrics: [{ key: 'households', label: '户数', unit: '户' }], rows: [{ code: '500118002007001', households: '56' }, { code: '500118002007002', households: '1,234' }] };
    await settled;
    await el.whenDrawn();
    expect(errors.flatMap((e) => e.detail.issues.map((i: { path: string; message: string }) => `${i.path}: ${i.message}`))).to.deep.equal([]);
    const noData = (el as CivicGridMap).legend.find((c) => /无数据|no data/i.test(c.label));
    expect(noData?.count ?? 0, 'units without a value').to.equal(0);
  });
});
