// Issue 16: the export painters (src/core/export/png.ts, draw-svg.ts) load on first export, not with the element.
// This file imports only define modules and lazy.ts, so any request for a painter module before the first export
// came from element code. (The one-script builds inline them; test/pages/png-csp.mjs checks export there.)
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import { paintersLoaded } from '../../src/core/export/lazy.js';
import { until } from './fixtures/wait.js';

const PAINTERS = /\/src\/core\/export\/(png|draw-svg|svg-[a-z-]+)\.ts(\?|$)/;
const painterRequests = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((n) => PAINTERS.test(new URL(n).pathname + new URL(n).search));

describe('lazy export painters (issue 16)', () => {
  it('no painter module is requested while elements render; the first toPNG() loads them and draws', async () => {
    const tile = await fixture<CivicKpiTile>(
      html`<civic-kpi-tile export style="width:260px" motion="reduce" .data=${{ label: '在校学生', value: 170000, unit: '人', previous: 160000, history: [1, 3, 2, 5] }}></civic-kpi-tile>`,
    );
    const grid = await fixture<CivicKpiGrid>(html`<civic-kpi-grid export .data=${[{ id: 'a', label: '学校', value: 18, unit: '所' }]}></civic-kpi-grid>`);
    await tile.updateComplete;
    await grid.updateComplete;
    await nextFrame();
    await nextFrame();
    expect(tile.shadowRoot!.querySelector('[part~="export-button"]'), 'export button rendered').to.exist;
    expect(tile.shadowRoot!.querySelector('svg[part~="sparkline"]'), 'sparkline rendered').to.exist;
    expect(paintersLoaded(), 'painters loaded before any export').to.equal(false);
    expect(painterRequests(), 'painter modules requested before any export').to.deep.equal([]);

    const blob = await tile.toPNG({ pixelRatio: 1 });
    expect(blob.type).to.equal('image/png');
    const bmp = await createImageBitmap(blob);
    expect(bmp.width).to.equal(Math.round(tile.offsetWidth));
    // The tile's export chunk imports the painters itself (not through lazy.ts's loader, whose flag stays down).
    expect(painterRequests().length, 'png.ts and draw-svg.ts requested by the first export').to.be.greaterThanOrEqual(2);

    // The grid's export draws its tiles through the loaded painters.
    const gridBlob = await grid.toPNG({ pixelRatio: 1 });
    expect(gridBlob.type).to.equal('image/png');
  });

  it('the export button downloads through the lazy painters: civic-export with a PNG blob', async () => {
    const tile = await fixture<CivicKpiTile>(html`<civic-kpi-tile export motion="reduce" label="学校" value="18" unit="所"></civic-kpi-tile>`);
    await tile.updateComplete;
    let detail: { format: string; blob: Blob; filename: string } | undefined;
    tile.addEventListener('civic-export', (e) => {
      e.preventDefault(); // no real download in the test browser
      detail = (e as CustomEvent).detail;
    });
    tile.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
    await until(() => detail, 'civic-export after clicking the export button');
    expect(detail!.format).to.equal('png');
    expect(detail!.blob.type).to.equal('image/png');
    expect(detail!.filename).to.equal('civic-kpi-tile.png');
  });
});
