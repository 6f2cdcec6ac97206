// Issue 16 (weight): a page with one KPI tile loads only what drawing that tile needs. The CSV reader (csv.ts and
// d3-dsv), the tile's export drawing (kpi-tile.export.ts) and the shared painters (png.ts, draw-svg.ts) load on first
// use. This file imports only the define module, so a request for any of them before use came from element code.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { until } from './fixtures/wait.js';
import { requestedPaths } from './fixtures/requests.js';

const LAZY: [string, RegExp][] = [
  ['csv', /\/src\/data\/adapters\/csv\.[jt]s$/],
  ['d3-dsv', /\/node_modules\/d3-dsv\//],
  ['tile-export', /\/src\/components\/kpi-tile\/kpi-tile\.export\.[jt]s$/],
  ['png', /\/src\/core\/export\/png\.[jt]s$/],
  ['draw-svg', /\/src\/core\/export\/draw-svg\.[jt]s$/],
  ['polling', /\/src\/data\/polling\.[jt]s$/],
  ['src-path', /\/src\/data\/src-path\.[jt]s$/],
];
const requested = () => LAZY.filter(([, re]) => requestedPaths(re).length > 0).map(([name]) => name);

describe('one KPI tile loads no CSV reader, export drawing or src path before use (issue 16)', () => {
  it('a tile fed JSON (property or inline) requests none of them; CSV text and toPNG() load theirs', async () => {
    const byProp = await fixture<CivicKpiTile>(
      html`<civic-kpi-tile motion="reduce" export .data=${{ label: '学校', value: 18, unit: '所', previous: 16, history: [1, 3, 2] }}></civic-kpi-tile>`,
    );
    const inline = await fixture<CivicKpiTile>(
      html`<civic-kpi-tile motion="reduce"><script type="application/json">{"label":"医院","value":7,"unit":"家"}</script></civic-kpi-tile>`,
    );
    await byProp.whenDrawn();
    await inline.whenDrawn();
    expect(byProp.shadowRoot!.textContent).to.contain('18');
    expect(inline.shadowRoot!.textContent).to.contain('7');
    expect(byProp.shadowRoot!.querySelector('[part~="export-button"]'), 'the export button is drawn eagerly').to.exist;
    expect(requested(), 'modules requested by a page with JSON-fed tiles').to.deep.equal([]);

    // CSV text (here a data property; inline CSV and `src` take the same path): the reader loads, then the tile draws.
    const csv = document.createElement('civic-kpi-tile') as CivicKpiTile;
    csv.setAttribute('motion', 'reduce');
    csv.data = 'label,value,unit\n公园,42,个\n';
    const loaded = oneEvent(csv, 'civic-load');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(csv);
    await loaded;
    await csv.whenDrawn();
    expect(csv.shadowRoot!.textContent).to.contain('42');
    expect(requested()).to.include.members(['csv', 'd3-dsv']);
    expect(requested(), 'CSV loads no export code').to.not.include.members(['tile-export']);

    const blob = await byProp.toPNG({ pixelRatio: 1 });
    expect(blob.type).to.equal('image/png');
    await until(() => requested().includes('tile-export'), 'toPNG() requested the tile export drawing');
    expect(requested()).to.include.members(['tile-export', 'png', 'draw-svg']);
  });
});
