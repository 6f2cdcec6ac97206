// Issue 16: <civic-rank-board>'s PNG drawing (rank-board.export.ts), <civic-grid-map>'s (export-png.draw.ts) and
// <civic-screen>'s snapshot painter (screen.snapshot.ts) load with their first export, not with the element; the
// board's export button loads the same chunk and still downloads.
// Its own file: wtr gives each test file its own page, so no earlier export in this page has loaded the modules.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/grid-map/grid-map.define.js';
import '../../src/components/screen/screen.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import type { CivicScreen } from '../../src/components/screen/screen.js';
import METRICS_JSON from '../fixtures/grid-map/metrics.json';
import { until } from './fixtures/wait.js';

const requests = (file: RegExp) => performance.getEntriesByType('resource').filter((e) => file.test(new URL(e.name).pathname)).length;
const PAINTERS = /\/src\/core\/export\/(png|draw-svg)\.ts$/;
const BOARD = { title: '学校排名', rows: [{ id: 'a', name: '甲校', value: 30 }, { id: 'b', name: '乙校', value: 20 }, { id: 'c', name: '丙校', value: 10 }] };

describe('lazy export drawing of the rank board, the grid map and the screen (issue 16)', function () {
  this.timeout(60000);

  it("the rank board's export drawing loads with its first toPNG(), and the painters with it", async () => {
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board style="width:360px" interval="0" motion="reduce" .data=${BOARD}></civic-rank-board>`);
    await el.whenDrawn();
    expect(requests(/\/rank-board\.export\.ts$/), 'rank-board.export.ts requested before any export').to.equal(0);
    expect(requests(PAINTERS), 'painters requested before any export').to.equal(0);
    const blob = await el.toPNG({ pixelRatio: 1 });
    expect(requests(/\/rank-board\.export\.ts$/), 'rank-board.export.ts requested by the first export').to.equal(1);
    expect(requests(PAINTERS), 'png.ts (and draw-svg.ts) requested by the first export').to.be.greaterThanOrEqual(1);
    const bmp = await createImageBitmap(blob);
    expect(bmp.width).to.equal(Math.round(el.getBoundingClientRect().width));
    expect(bmp.height).to.equal(Math.round(el.getBoundingClientRect().height));
  });

  it("the rank board's export button downloads through the lazy chunk: civic-export with a PNG blob", async () => {
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board export file-name="ranks" interval="0" motion="reduce" .data=${BOARD}></civic-rank-board>`);
    await el.whenDrawn();
    let detail: { format: string; blob: Blob; filename: string } | undefined;
    el.addEventListener('civic-export', (e) => {
      e.preventDefault(); // no real download in the test browser
      detail = (e as CustomEvent).detail;
    });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="export-button"]')!.click();
    await until(() => detail, 'civic-export after clicking the export button');
    expect(detail!.format).to.equal('png');
    expect(detail!.blob.type).to.equal('image/png');
    expect(detail!.filename).to.equal('ranks.png');
  });

  it("the grid map's export drawing loads with its first toPNG()", async () => {
    const geometry = await (await fetch('/test/fixtures/grid-map/small.geojson')).json();
    const el = await fixture<CivicGridMap>(html`<civic-grid-map renderer="canvas" style="width:400px;height:300px" .geometry=${geometry} .data=${METRICS_JSON} metric="households"></civic-grid-map>`);
    await el.whenDrawn();
    expect(requests(/\/export-png\.draw\.ts$/), 'export-png.draw.ts requested before any export').to.equal(0);
    const blob = await el.toPNG({ pixelRatio: 1 });
    expect(requests(/\/export-png\.draw\.ts$/), 'export-png.draw.ts requested by the first export').to.equal(1);
    const bmp = await createImageBitmap(blob);
    expect(bmp.width).to.equal(el.offsetWidth);
  });

  it("the screen's snapshot painter loads with its first snapshot() and paints the wall at design size", async () => {
    const el = await fixture<CivicScreen>(
      html`<civic-screen design-width="640" design-height="360" style="width:320px;height:180px" no-clock heading="大屏"><canvas width="40" height="40"></canvas></civic-screen>`,
    );
    await el.whenDrawn();
    expect(requests(/\/screen\.snapshot\.ts$/), 'screen.snapshot.ts requested before any snapshot').to.equal(0);
    const bmp = await createImageBitmap(await el.snapshot());
    expect(requests(/\/screen\.snapshot\.ts$/), 'screen.snapshot.ts requested by the first snapshot').to.equal(1);
    expect([bmp.width, bmp.height]).to.deep.equal([640, 360]);
  });
});
