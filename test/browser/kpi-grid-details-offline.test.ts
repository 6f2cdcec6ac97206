// Issue 16: a <civic-kpi-grid> whose tiles need the details chunk (kpi-tile.details.ts) when its request fails (a page
// that lost its network; fixtures/fail-server.mjs answers 503). Each tile's missing part is a partial problem
// (kpi-tile-details-offline.test.ts); inside a grid the tiles' events stay inside, so the grid reports it: ONE
// civic-error { kind: 'network', partial: true, keptPrevious: false } after its civic-load, and ONE banner (its own),
// not one per tile. (Its own file: a browser may keep a failed module for the page's life.)
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { browserRefetchesFailedModules, failControl as control, failDuring } from './fixtures/fail-control.js';
import { recordDataEvents } from './fixtures/data-events.js';
import { until } from './fixtures/wait.js';

const CHUNK = 'kpi-tile.details.ts';

describe('kpi-grid: its tiles details chunk cannot load (issue 16)', () => {
  failDuring(CHUNK);

  it('six tiles needing details, offline: one partial civic-error from the grid, one banner', async () => {
    const el = document.createElement('civic-kpi-grid') as CivicKpiGrid;
    el.setAttribute('motion', 'reduce');
    el.setAttribute('lang', 'zh-CN');
    el.setAttribute('columns', '3');
    el.data = { items: Array.from({ length: 6 }, (_, i) => ({ id: `k${i}`, label: `指标${i}`, value: 100 + i, unit: '个', previous: 90, target: 120 })) };
    const { events, errors } = recordDataEvents(el);
    let onDocument = 0;
    const count = () => onDocument++;
    document.addEventListener('civic-error', count);
    try {
      (await fixture<HTMLDivElement>(html`<div style="width:900px"></div>`)).append(el);
      await el.whenDrawn();
      await until(() => errors.length > 0, 'a civic-error from the grid');
      const tiles = [...el.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile')];
      expect(tiles).to.have.length(6);
      // More updates of the grid and its tiles fire nothing more.
      el.requestUpdate();
      await el.updateComplete;
      await Promise.all(tiles.map((t) => t.updateComplete));
      expect(events).to.deep.equal(['load', 'error']);
      expect(onDocument, 'the page sees one civic-error').to.equal(1);
      const d = errors[0]!.detail;
      expect([d.kind, d.partial, d.keptPrevious]).to.deep.equal(['network', true, false]);
      expect(d.issues[0].message).to.contain('progress');
      const own = el.shadowRoot!.querySelectorAll('[part~="status"]');
      expect(own, 'the grid shows one banner').to.have.length(1);
      expect(own[0]!.textContent).to.contain('部分内容无法显示：网络错误');
      expect(own[0]!.textContent).not.to.contain('未更新');
      const inTiles = tiles.filter((t) => t.shadowRoot!.querySelector('[part~="status"]'));
      expect(inTiles, 'no banner in the tiles').to.have.length(0);
      expect(tiles.map((t) => t.shadowRoot!.querySelector('[part~="number"]')?.textContent)).to.deep.equal(['100', '101', '102', '103', '104', '105']);

      // The network is back: the grid's reload() tries the tiles' chunk again. A browser that fetches a failed module
      // again must draw the details and drop the banner; one that keeps the failure says so again, once.
      await control('op=clear');
      const refetches = await browserRefetchesFailedModules();
      await el.reload();
      const progress = () => tiles.every((t) => t.shadowRoot!.querySelector('[part~="progress"]'));
      if (refetches) {
        await until(progress, 'the details drawn in every tile after reload()');
        await until(() => !el.shadowRoot!.querySelector('[part~="status"]'), 'the banner is gone');
        expect(errors, 'no second civic-error').to.have.length(1);
      } else {
        await until(() => errors.length > 1, 'a second civic-error after reload() tried the chunk again');
        expect(errors[1]!.detail.partial).to.equal(true);
        expect(errors, 'one more, not one per tile').to.have.length(2);
      }
    } finally {
      document.removeEventListener('civic-error', count);
    }
  });
});
