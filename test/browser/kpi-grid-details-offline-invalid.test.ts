// Issue 16: a <civic-kpi-grid> that already reports rows rejected by validation (a partial problem: the valid tiles
// are drawn) when its tiles' details chunk (kpi-tile.details.ts) cannot load. The missing part must still reach the
// page: one more civic-error { kind: 'network', partial: true } from the grid, and the grid's one banner keeps its
// validation headline while listing the missing part among its issues (it was silently dropped: the grid reported a
// tile's missing part only when no other error stood). (Its own file: a browser may keep a failed module for the
// page's life.)
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { failDuring } from './fixtures/fail-control.js';
import { until } from './fixtures/wait.js';

describe('kpi-grid: invalid rows and a details chunk that cannot load (issue 16)', () => {
  failDuring('kpi-tile.details.ts');

  it('reports both: the validation partial, then the missing part; one banner names both', async () => {
    const el = document.createElement('civic-kpi-grid') as CivicKpiGrid;
    el.setAttribute('motion', 'reduce');
    el.setAttribute('lang', 'zh-CN');
    el.setAttribute('columns', '2');
    el.data = {
      items: [
        ...Array.from({ length: 3 }, (_, i) => ({ id: `k${i}`, label: `指标${i}`, value: 100 + i, unit: '个', previous: 90, target: 120 })),
        { id: 'bad', label: '坏数据', value: 'abc', unit: '个' },
      ],
    };
    const errors: CustomEvent[] = [];
    el.addEventListener('civic-error', (e) => errors.push(e as CustomEvent));
    (await fixture<HTMLDivElement>(html`<div style="width:900px"></div>`)).append(el);
    await el.whenDrawn();
    await until(() => errors.some((e) => e.detail.kind === 'network'), 'a civic-error for the missing details');
    const tiles = [...el.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile')];
    await Promise.all(tiles.map((t) => t.updateComplete));
    el.requestUpdate();
    await el.updateComplete;
    const kinds = errors.map((e) => `${e.detail.kind}:${e.detail.partial}`);
    expect(kinds, 'the validation partial, then the missing part, once').to.deep.equal(['validation:true', 'network:true']);
    const net = errors[1]!.detail;
    expect(net.keptPrevious).to.equal(false);
    expect(net.issues.some((i: { code: string }) => i.code === 'network')).to.equal(true);
    const banners = el.shadowRoot!.querySelectorAll('[part~="status"]');
    expect(banners, 'one banner').to.have.length(1);
    const text = banners[0]!.textContent ?? '';
    expect(/部分数据有误/.test(text), `the validation headline stays: ${text.slice(0, 80)}`).to.equal(true);
    // The invalid row's tile marks its own value (数值无效, as without the network problem); no tile shows the missing
    // part: the grid does.
    const inTiles = tiles.map((t) => t.shadowRoot!.querySelector('[part~="status"]')?.textContent ?? '').filter((x) => /部分内容无法显示/.test(x));
    expect(inTiles.length, `no "part not shown" banner in the tiles: ${inTiles.join(' | ')}`).to.equal(0);
    expect(/进度|progress|sparkline|趋势/.test(text) || text.includes(net.issues[0].message), `the banner lists the missing part: ${text.slice(0, 160)}`).to.equal(true);
  });
});
