// The grid map's own warnings (a metric row whose code matches no grid) are a corner note inside the picture: part
// `status`, class `state-overlay`, positioned over the stage, never pushing the map down. Its rule lives in the map's
// styles (grid-map.styles.ts), not in the shared state styles every element loads (issue 16).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';

const TOPO_URL = '/test/fixtures/grid-map/us-counties.illustrative.topojson';
const METRICS = {
  metrics: [{ key: 'pop', label: '人口', labelEn: 'Population', unit: '人' }],
  rows: [
    { code: '02016', pop: 5232 },
    { code: '02013', pop: 3389 },
    { code: '99999', pop: 1 },
  ],
};

describe('<civic-grid-map>: its own warning banner', function () {
  this.timeout(60000);

  it('a row joining no grid: a translated warning in the picture\'s corner, absolutely positioned', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const topo = await (await fetch(TOPO_URL)).json();
      const el = await fixture<CivicGridMap>(html`<civic-grid-map lang="en" style="width:640px" renderer="canvas" code-field="id" .geometry=${topo} .data=${METRICS}></civic-grid-map>`);
      await el.whenDrawn();
      expect(el.joinIssues.filter((i) => i.severity === 'error').length, 'the unknown code is a join error').to.be.greaterThan(0);
      const note = el.shadowRoot!.querySelector<HTMLElement>('[part~="status"].state-overlay');
      expect(note, 'the warning banner').to.exist;
      // one unknown row: the README's partial-data words, and the singular (was "1 problems joining metrics to grids")
      expect(note!.textContent!.trim()).to.equal('Some of the data is invalid: 1 problem joining metrics to grids');
      const cs = getComputedStyle(note!);
      expect(cs.position).to.equal('absolute');
      expect(cs.zIndex).to.equal('5');
    } finally {
      console.warn = warn;
    }
  });
});
