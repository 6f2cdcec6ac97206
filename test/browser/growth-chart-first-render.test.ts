// The growth chart's first picture takes one Lit update (issue 16): the plot box is measured right after the update
// commits it and the plot is rendered in the same update, whether the data came before the element was on the page
// or after its empty first render. whenDrawn() / civic-drawn report that one picture, civic-load follows it.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import type { CivicDrawnEvent } from '../../src/core/events/drawn-event.js';
import { SMALL_GROWTH } from './fixtures/growth-small.js';

const DATA = SMALL_GROWTH;

const marks = (el: CivicGrowthChart) => el.shadowRoot!.querySelectorAll('g.marks rect.bar').length;

/** Records civic-drawn and civic-load in order. */
function record(el: HTMLElement): string[] {
  const log: string[] = [];
  el.addEventListener('civic-drawn', (e) => log.push(`drawn:${(e as CivicDrawnEvent).detail.reasons.join('+')}`));
  el.addEventListener('civic-load', () => log.push('load'));
  return log;
}

describe('civic-growth-chart first picture in one update', () => {
  it('data before the element is on the page: the first update draws the plot and asks for no second one', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
    const el = document.createElement('civic-growth-chart') as CivicGrowthChart;
    const log = record(el);
    el.data = DATA;
    box.append(el);
    const settled = await el.updateComplete; // false when updated() asked for another update (measure, then draw)
    expect(settled, 'no second update requested').to.equal(true);
    expect(marks(el), 'bars drawn by the first update').to.equal(3);
    expect(el.shadowRoot!.querySelectorAll('g.marks circle.dot').length).to.equal(3);
    await el.whenDrawn();
    expect(log[0]).to.match(/^drawn:.*first/);
    expect(log.filter((x) => x.startsWith('drawn')), 'one picture, one civic-drawn').to.have.length(1);
  });

  it('data set on the drawn empty element: one update to the picture, civic-drawn once, then civic-load', async () => {
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width: 640px"></civic-growth-chart>`);
    await el.updateComplete;
    const log = record(el);
    el.data = DATA;
    expect(await el.updateComplete, 'no second update requested').to.equal(true);
    expect(marks(el)).to.equal(3);
    await el.whenDrawn();
    const loaded = log.includes('load') ? Promise.resolve() : new Promise((r) => el.addEventListener('civic-load', r, { once: true }));
    await loaded;
    const drawn = log.filter((x) => x.startsWith('drawn'));
    expect(drawn, 'one civic-drawn for the data').to.have.length(1);
    expect(log.indexOf('load')).to.be.greaterThan(log.indexOf(drawn[0]));
  });

  it('the toolbar and the table twin follow the first picture in a task of their own; whenSettled() waits for them', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 640px"></div>`);
    const el = document.createElement('civic-growth-chart') as CivicGrowthChart;
    el.data = DATA;
    box.append(el);
    await el.updateComplete;
    const q = (sel: string) => el.shadowRoot!.querySelector(sel);
    expect(marks(el), 'the picture first').to.equal(3);
    expect(q('[part~="table"]'), 'no table in the first picture').to.equal(null);
    expect(q('[part~="toolbar"]'), 'no menu in the first picture').to.equal(null);
    await el.whenSettled();
    expect(q('[part~="table-details"] summary')?.textContent).to.equal('显示数据表');
    expect(q('[part~="table"] caption')?.textContent).to.contain('2022');
    expect(el.shadowRoot!.querySelectorAll('[part~="toolbar"] button[data-format]')).to.have.length(3);
  });
});
