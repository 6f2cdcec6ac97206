// First contact (A1, session 16): an attribute a page set and then removes gives the README's default back — on the
// KPI grid (and so on every tile it passes it to) and on the ranking board. Before, the property became null: the grid
// passed null on (tiles without count-up: duration null; live null) and a board whose `interval` was removed stopped
// scrolling (README default 3 s). Reproduced first on a plain page with the one-script file
// (/work/notes/s16/a1/pages/pass.html).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

describe('civic-kpi-grid attributes removed', () => {
  it('give the defaults back, to the grid and to its tiles', async () => {
    const el = await fixture<CivicKpiGrid>(
      html`<civic-kpi-grid delta-colors="green-up" motion="reduce" duration="0" live="polite" heading-level="4"
        .data=${{ items: [{ id: 'a', label: 'GDP', value: 860.9, unit: '亿元', previous: 825.4 }] }}></civic-kpi-grid>`,
    );
    await el.whenDrawn();
    for (const a of ['delta-colors', 'motion', 'duration', 'live', 'heading-level']) el.removeAttribute(a);
    await el.updateComplete;
    await el.whenDrawn();
    expect({ deltaColors: el.deltaColors, motion: el.motion, duration: el.duration, live: el.live, headingLevel: el.headingLevel }).to.deep.equal({
      deltaColors: 'red-up', motion: 'auto', duration: 800, live: 'off', headingLevel: 2,
    });
    const t = el.shadowRoot!.querySelector<CivicKpiTile>('civic-kpi-tile')!;
    await t.updateComplete;
    expect({ deltaColors: t.deltaColors, motion: t.motion, duration: t.duration, live: t.live }).to.deep.equal({
      deltaColors: 'red-up', motion: 'auto', duration: 800, live: 'off',
    });
  });
});

describe('civic-rank-board attributes removed', () => {
  it('give the defaults back (interval 3: auto-scroll runs again)', async () => {
    const el = await fixture<CivicRankBoard>(
      html`<civic-rank-board rows-visible="2" interval="7" order="asc" limit="1" motion="reduce" heading-level="5"
        .data=${[{ name: 'A', value: 1 }, { name: 'B', value: 2 }, { name: 'C', value: 3 }]}></civic-rank-board>`,
    );
    await el.whenDrawn();
    for (const a of ['rows-visible', 'interval', 'order', 'limit', 'motion', 'heading-level']) el.removeAttribute(a);
    await el.updateComplete;
    await el.whenDrawn();
    expect({ rowsVisible: el.rowsVisible, interval: el.interval, order: el.order, limit: el.limit, motion: el.motion, headingLevel: el.headingLevel }).to.deep.equal({
      rowsVisible: 5, interval: 3, order: 'desc', limit: 0, motion: 'auto', headingLevel: 2,
    });
  });
});

describe('whenDrawn() after a change of what the picture shows', () => {
  it('civic-kpi-grid delta-format: whenDrawn() waits for the tiles to show it, with one civic-drawn', async () => {
    const el = await fixture<CivicKpiGrid>(
      html`<civic-kpi-grid delta-format="both" .data=${{ items: [{ id: 'a', label: 'GDP', value: 860.9, unit: '亿元', previous: 825.4, deltaLabel: '同比' }] }}></civic-kpi-grid>`,
    );
    await el.whenDrawn();
    const delta = () => el.shadowRoot!.querySelector<CivicKpiTile>('civic-kpi-tile')!.shadowRoot!.querySelector('[part~="delta"]')!.textContent!.replace(/\s+/g, '');
    expect(delta()).to.contain('%');
    const reasons: string[][] = [];
    el.addEventListener('civic-drawn', (e) => reasons.push((e as CustomEvent<{ reasons: string[] }>).detail.reasons));
    el.setAttribute('delta-format', 'absolute');
    await el.whenDrawn();
    expect(delta()).not.to.contain('%');
    expect(reasons).to.deep.equal([['other']]);
  });

  it('civic-rank-board order: whenDrawn() resolves on the re-sorted rows, with one civic-drawn', async () => {
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0" .data=${[{ name: 'A', value: 1 }, { name: 'B', value: 2 }]}></civic-rank-board>`);
    await el.whenDrawn();
    const reasons: string[][] = [];
    el.addEventListener('civic-drawn', (e) => reasons.push((e as CustomEvent<{ reasons: string[] }>).detail.reasons));
    el.order = 'asc';
    await el.whenDrawn();
    expect(el.shadowRoot!.querySelector('[part~="name"]')!.textContent!.trim()).to.equal('A');
    expect(reasons).to.deep.equal([['other']]);
  });
});
