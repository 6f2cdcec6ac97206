// Issue 16 (weight): the growth chart's PNG drawing (growth-chart.export.ts) and the export painters (core/export/png.ts,
// draw-svg.ts) load with the first toPNG(), not with the chart. This file imports only the define module, so a request
// for them before the first export came from element code.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import { requestedPaths } from './fixtures/requests.js';
import { SMALL_GROWTH } from './fixtures/growth-small.js';

const LAZY = /\/src\/(components\/growth-chart\/growth-chart\.export|core\/export\/(png|draw-svg))\.[jt]s$/;
const lazyRequests = () => requestedPaths(LAZY);

const DATA = SMALL_GROWTH;

const SVG_WRITER = /\/src\/components\/growth-chart\/growth-chart\.svg\.[jt]s$/;

describe('growth chart export code is not in the first load (issue 16)', () => {
  // First in this file: nothing has loaded the lazy chunk yet.
  it('loads the SVG writer with the export menu, not with the element; toSVG() writes the chart once settled', async () => {
    expect(requestedPaths(SVG_WRITER), 'SVG writer requested by the define module').to.deep.equal([]);
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:560px" .data=${DATA}></civic-growth-chart>`);
    // Drawn, not settled (the writer comes in the task after the first picture): '' and a warning saying why, once.
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
    try {
      expect(el.toSVG()).to.equal('');
      expect(el.toSVG()).to.equal('');
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => w.includes('toSVG()'))).to.have.length(1);
    expect(warnings[0]).to.contain('whenSettled()');
    await el.whenSettled();
    expect(requestedPaths(SVG_WRITER), 'SVG writer loaded with the export menu').to.have.length(1);
    const doc = new DOMParser().parseFromString(el.toSVG(), 'image/svg+xml');
    expect(doc.documentElement.localName).to.equal('svg');
    expect(doc.querySelectorAll('.bars rect:not([fill^="url"])'), 'one bar per period').to.have.length(3);
  });

  it('draws, settles (menu and table) and requests no PNG drawing; the first toPNG() loads it and draws the chart', async () => {
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:560px" .data=${DATA}></civic-growth-chart>`);
    await el.whenSettled();
    expect(el.shadowRoot!.querySelectorAll('[part~="toolbar"] button[data-format]'), 'export menu rendered').to.have.length(3);
    expect(lazyRequests(), 'export code requested before any export').to.deep.equal([]);
    const blob = await el.toPNG({ pixelRatio: 1 });
    expect(blob.type).to.equal('image/png');
    const bmp = await createImageBitmap(blob);
    expect(bmp.width).to.equal(Math.round(el.getBoundingClientRect().width));
    expect(lazyRequests().some((n) => n.includes('growth-chart.export')), 'growth-chart.export requested by the first export').to.equal(true);
  });
});
