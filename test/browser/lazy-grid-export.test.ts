// Issue 16: <civic-kpi-grid>'s PNG drawing (kpi-grid.export.ts) loads with its first toPNG(), not with the element.
// Its own file: wtr gives each test file its own page, so no earlier export in this page has loaded the module.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';

describe('lazy KPI grid export (issue 16)', () => {
  it("the KPI grid's own export drawing (kpi-grid.export.ts) loads with its first toPNG() and draws the grid", async () => {
    const gridExport = () => performance.getEntriesByType('resource').filter((e) => /\/kpi-grid\.export\.ts(\?|$)/.test(new URL(e.name).pathname)).length;
    const grid = await fixture<CivicKpiGrid>(
      html`<civic-kpi-grid style="width:480px" .data=${[{ id: 'a', label: '学校', value: 18, unit: '所' }, { id: 'b', label: '专业', value: 120, unit: '个' }]}></civic-kpi-grid>`,
    );
    await grid.whenDrawn();
    expect(gridExport(), 'kpi-grid.export.ts requested before any export').to.equal(0);
    const blob = await grid.toPNG({ pixelRatio: 1 });
    expect(gridExport(), 'kpi-grid.export.ts requested by the first export').to.equal(1);
    const bmp = await createImageBitmap(blob);
    expect(bmp.width).to.equal(Math.round(grid.getBoundingClientRect().width));
    expect(bmp.height).to.equal(Math.round(grid.getBoundingClientRect().height));
  });
});
