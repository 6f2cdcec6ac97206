// Issue 16 (weight): the wall's update scheduler (update-scheduler.ts, time-sliced updates) loads only on a page with
// more than one KPI tile: a lone tile's updates are Lit's own. This file imports only the tile's define module, so a
// request for the scheduler came from the tile. (A <civic-kpi-grid> imports the scheduler itself: kpi-grid tests.)
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { until } from './fixtures/wait.js';
import { requestedPaths } from './fixtures/requests.js';

const SCHEDULER = /\/src\/components\/kpi-tile\/update-scheduler\.[jt]s$/;
const figure = (el: CivicKpiTile) => el.shadowRoot!.querySelector('[part~="number"]')!.textContent;

describe('the update scheduler loads with the second tile (issue 16)', () => {
  it('a lone tile draws and updates without it; a second tile loads it, and both still update', async () => {
    const one = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" label="学校" value="18" unit="所"></civic-kpi-tile>`);
    await one.whenDrawn();
    one.value = '19';
    await one.updateComplete;
    await one.whenDrawn();
    expect(figure(one)).to.equal('19');
    expect(requestedPaths(SCHEDULER), 'scheduler requested by a page with one tile').to.deep.equal([]);

    const two = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" label="医院" value="7" unit="家"></civic-kpi-tile>`);
    await two.whenDrawn();
    await until(() => requestedPaths(SCHEDULER).length > 0, 'the second tile requested the update scheduler');
    one.value = '20';
    two.value = '8';
    await Promise.all([one.updateComplete, two.updateComplete]);
    expect(figure(one)).to.equal('20');
    expect(figure(two)).to.equal('8');
  });
});
