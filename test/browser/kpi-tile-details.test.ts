// Issue 16 (weight): a tile's status, progress bar, sparkline and period are drawn by a chunk loaded with the first
// item that has one (kpi-tile.details.ts). A tile with a value and a delta never requests it; a tile with details is
// drawn whole once the chunk is here: no render shows the figure without its details (nothing pops in, nothing moves),
// and its first civic-drawn and updateComplete come with the details on screen.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { requestedPaths } from './fixtures/requests.js';

const DETAILS = /\/src\/components\/kpi-tile\/kpi-tile\.details\.[jt]s$/;
const part = (el: CivicKpiTile, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

describe('the KPI tile details chunk (issue 16)', () => {
  it('a tile with a value and a delta requests no details chunk', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" label="在校学生" value="170000" unit="人" previous="160000" delta-label="同比"></civic-kpi-tile>`);
    await el.whenDrawn();
    expect(part(el, 'delta')?.textContent).to.contain('6.3%');
    expect(requestedPaths(DETAILS), 'details chunk requested by a value-and-delta tile').to.deep.equal([]);
  });

  it('a tile with details is drawn whole: every render that shows the figure shows its details too', async () => {
    const el = document.createElement('civic-kpi-tile') as CivicKpiTile;
    el.setAttribute('motion', 'reduce');
    el.data = { label: '实训基地', value: 1300, unit: '个', qualifier: 'plus', target: 1500, history: [900, 1100, 1300], period: '2022' };
    const partial: string[] = [];
    let drawnWith: boolean[] | undefined;
    el.addEventListener('civic-drawn', () => {
      drawnWith ??= ['threshold', 'progress', 'sparkline', 'period'].map((p) => !!part(el, p));
    });
    const host = await fixture<HTMLDivElement>(html`<div style="width:280px"></div>`);
    host.append(el);
    // The shadow root exists once connected; nothing is rendered before the first (asynchronous) update.
    new MutationObserver(() => {
      if (part(el, 'value') && !(part(el, 'sparkline') && part(el, 'progress') && part(el, 'threshold') && part(el, 'period'))) partial.push(el.shadowRoot!.innerHTML.slice(0, 200));
    }).observe(el.shadowRoot!, { childList: true, subtree: true });
    await el.updateComplete;
    expect(part(el, 'sparkline'), 'updateComplete waits for the details').to.exist;
    await el.whenDrawn();
    expect(drawnWith, 'the first civic-drawn picture has status, progress, sparkline and period').to.deep.equal([true, true, true, true]);
    expect(partial, 'renders with the figure but without its details').to.deep.equal([]);
    expect(part(el, 'threshold')?.textContent).to.contain('未达目标');
    expect(part(el, 'period')?.textContent).to.equal('2022年');
    // The details' styles came with the chunk: the bar has the tile's progress height, the sparkline its own.
    expect(getComputedStyle(part(el, 'progress')!).borderRadius).to.equal('999px');
    expect(getComputedStyle(part(el, 'sparkline')!).display).to.equal('block');
    expect(getComputedStyle(part(el, 'period')!).whiteSpace).to.equal('nowrap');
    // The tile's documented tokens for the bar and the line reach them (their mapping came with the chunk too).
    el.style.setProperty('--civic-kpi-tile-progress-color', 'rgb(1, 2, 3)');
    el.style.setProperty('--civic-kpi-tile-sparkline-color', 'rgb(4, 5, 6)');
    expect(getComputedStyle(part(el, 'progress')!.querySelector('.fill')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(part(el, 'sparkline')!).color).to.equal('rgb(4, 5, 6)');
    expect(requestedPaths(DETAILS), 'one request').to.have.length(1);

    // A second tile with details draws at once (the chunk is here), in its first update.
    const second = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" label="x" value="3" target="4"></civic-kpi-tile>`);
    expect(part(second, 'progress')).to.exist;
    expect(requestedPaths(DETAILS)).to.have.length(1);
  });
});
