// Issue 16 (weight): a burst of KPI tile updates (more than one tile waiting for the same frame) loads the walls'
// time-sliced scheduler (kpi-tile.motion.ts, via kpi-tile.figure.ts), and every tile draws whole, whichever comes
// first: the chunk or the frames that run the waiting updates a slice at a time (the hand-over of waiting updates to
// the scheduler: test/unit/components/kpi-tile/lazy-motion-handover.test.ts). Its own file: the chunk must not be
// loaded yet (kpi-tile-motion.test.ts covers one tile's first animated change).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { requestedPaths } from './fixtures/requests.js';

const MOTION = /\/src\/components\/kpi-tile\/kpi-tile\.motion\.[jt]s$/;
const number = (el: CivicKpiTile) => el.shadowRoot!.querySelector('[part~="number"]')!.textContent;

describe('a burst of KPI tile updates (issue 16)', () => {
  it('loads the scheduler and draws every tile whole, twice', async () => {
    expect(requestedPaths(MOTION)).to.deep.equal([]);
    const host = await fixture<HTMLDivElement>(html`<div style="display:grid;grid-template-columns:repeat(6,160px)"></div>`);
    const els = Array.from({ length: 30 }, (_, i) => {
      const el = document.createElement('civic-kpi-tile') as CivicKpiTile;
      el.motion = 'reduce';
      el.data = { label: `t${i}`, value: i, unit: '所' };
      return el;
    });
    host.append(...els);
    await Promise.all(els.map((el) => el.whenDrawn()));
    expect(requestedPaths(MOTION).length, 'the scheduler was requested').to.be.greaterThan(0);
    expect(els.map(number)).to.deep.equal(els.map((_, i) => String(i)));
    for (const [i, el] of els.entries()) el.data = { label: `t${i}`, value: i + 100, unit: '所' };
    await Promise.all(els.map((el) => el.updateComplete));
    expect(els.map(number)).to.deep.equal(els.map((_, i) => String(i + 100)));
  });
});
