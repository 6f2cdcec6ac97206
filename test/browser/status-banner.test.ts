// The data-status banner (issue 13, "The banner never hides data"): it takes its own space above the picture, says
// "stale" only after a refresh failed, says "partial" in its own words, is dismissible until the state changes, and
// becomes a one-word badge on a small element.
import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import { FakeServer } from './fixtures/server.js';
import ECONOMY from '../fixtures/kpi/kpis-economy.json';

const status = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="status"]');
const tiles = (el: CivicKpiGrid) => [...el.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile')];

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom && a.width > 0 && b.width > 0;
}

/** Every text-bearing part of the grid and its tiles that a reader needs to see. */
function dataRects(el: CivicKpiGrid): { name: string; rect: DOMRect }[] {
  const out: { name: string; rect: DOMRect }[] = [];
  for (const p of el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="title"], [part~="group-title"]')) out.push({ name: p.textContent!.trim(), rect: p.getBoundingClientRect() });
  for (const t of tiles(el))
    for (const p of t.shadowRoot!.querySelectorAll<HTMLElement>('[part~="label"], [part~="value"]')) out.push({ name: p.textContent!.trim(), rect: p.getBoundingClientRect() });
  return out;
}

describe('status banner', () => {
  const server = new FakeServer();
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
    server.routes.clear();
    server.install();
  });
  afterEach(() => {
    console.warn = warn;
    server.uninstall();
  });

  it('after a failed refresh, the stale strip sits above the grid and covers no title, label or value', async () => {
    server.routes.set('/ok.json', { body: JSON.stringify(ECONOMY) });
    server.routes.set('/down.json', { status: 503 });
    // Listen before the element exists: on a busy machine its load can come before fixture() resolves.
    const loaded = oneEvent(document, 'civic-load');
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid lang="zh-CN" style="display:block;width:900px" src="/ok.json"></civic-kpi-grid>`);
    await loaded;
    el.src = '/down.json';
    await oneEvent(el, 'civic-error');
    await el.updateComplete;
    await Promise.all(tiles(el).map((t) => t.updateComplete));
    await nextFrame();
    const s = status(el)!;
    expect(s, 'banner').to.exist;
    expect(s.getAttribute('data-kind')).to.equal('error');
    expect(s.textContent).to.contain('数据未更新');
    expect(getComputedStyle(s).position, 'in flow, not an overlay').to.be.oneOf(['static', 'relative']);
    const r = s.getBoundingClientRect();
    const rects = dataRects(el);
    expect(rects.length).to.be.greaterThan(5);
    const covered = rects.filter((d) => overlaps(r, d.rect)).map((d) => d.name);
    expect(covered, 'texts under the banner').to.deep.equal([]);
  });

  it('a first load of partly valid data says "partial", not "stale"', async () => {
    const bad = structuredClone(ECONOMY) as { items: Record<string, unknown>[] };
    bad.items[0].value = 'abc';
    server.routes.set('/partial.json', { body: JSON.stringify(bad) });
    const failed = oneEvent(document, 'civic-error');
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid lang="zh-CN" style="display:block;width:900px" src="/partial.json"></civic-kpi-grid>`);
    const ev = await failed;
    expect(ev.detail.partial).to.equal(true);
    await el.updateComplete;
    const s = status(el)!;
    expect(s.getAttribute('data-kind')).to.equal('warning');
    expect(s.textContent).to.contain('部分数据有误');
    expect(s.textContent).not.to.contain('数据未更新');
  });

  it('dismiss hides the banner until the state changes', async () => {
    server.routes.set('/ok.json', { body: JSON.stringify(ECONOMY) });
    server.routes.set('/down.json', { status: 503 });
    server.routes.set('/down2.json', { status: 500 });
    // Listen before the element exists: on a busy machine its load can come before fixture() resolves.
    const loaded = oneEvent(document, 'civic-load');
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid lang="en" style="display:block;width:900px" src="/ok.json"></civic-kpi-grid>`);
    await loaded;
    el.src = '/down.json';
    await oneEvent(el, 'civic-error');
    await el.updateComplete;
    const btn = status(el)!.querySelector<HTMLButtonElement>('.status-dismiss')!;
    expect(btn.getAttribute('aria-label')).to.equal('Dismiss');
    btn.click();
    await el.updateComplete;
    expect(status(el), 'dismissed').to.equal(null);
    expect(tiles(el).length, 'data kept').to.be.greaterThan(0);
    el.src = '/down2.json';
    await oneEvent(el, 'civic-error');
    await el.updateComplete;
    expect(status(el), 'a new failure shows again').to.exist;
    expect(status(el)!.textContent).to.contain('HTTP 500');
  });

  it('on a small element the banner is a one-word badge whose details open on click', async () => {
    server.routes.set('/ok.json', { body: JSON.stringify(ECONOMY) });
    server.routes.set('/down.json', { status: 503 });
    // Listen before the element exists: on a busy machine its load can come before fixture() resolves.
    const loaded = oneEvent(document, 'civic-load');
    const el = await fixture<CivicKpiGrid>(html`<civic-kpi-grid lang="zh-CN" style="display:block;width:280px" src="/ok.json"></civic-kpi-grid>`);
    await loaded;
    el.src = '/down.json';
    await oneEvent(el, 'civic-error');
    await waitUntil(() => status(el)?.hasAttribute('data-compact'), 'compact badge', { timeout: 20000 });
    const s = status(el)!;
    const summary = s.querySelector<HTMLElement>('summary')!;
    expect(summary.textContent!.trim()).to.contain('未更新');
    const pop = s.querySelector<HTMLElement>('.status-pop')!;
    expect(pop.checkVisibility(), 'closed').to.equal(false);
    summary.click();
    await nextFrame();
    expect(pop.checkVisibility(), 'open').to.equal(true);
    expect(pop.textContent).to.contain('HTTP 503');
    expect(s.getBoundingClientRect().height, 'one short line').to.be.lessThan(60);
  });

  it('the growth chart puts its banner above the plot, not over it', async () => {
    server.routes.set('/g.json', {
      body: JSON.stringify({
        series: [
          {
            id: 'gdp',
            name: '地区生产总值',
            unit: '亿元',
            basis: 'cumulative',
            points: [
              { period: '2022-01/2022-06', value: 548.5, growth: 3.9, illustrative: true },
              { period: '2022-01/2022-09', value: 860.9, growth: 4.3 },
            ],
          },
        ],
      }),
    });
    server.routes.set('/down.json', { status: 503 });
    // Listen before the element exists: on a busy machine its load can come before fixture() resolves.
    const loaded = oneEvent(document, 'civic-load');
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart lang="zh-CN" style="display:block;width:640px" src="/g.json"></civic-growth-chart>`);
    await loaded;
    el.src = '/down.json';
    await oneEvent(el, 'civic-error');
    await el.updateComplete;
    const s = status(el)!;
    const plot = el.shadowRoot!.querySelector<HTMLElement>('[part~="plot-area"]')!;
    expect(overlaps(s.getBoundingClientRect(), plot.getBoundingClientRect())).to.equal(false);
    expect(s.getBoundingClientRect().bottom).to.be.at.most(plot.getBoundingClientRect().top + 0.5);
  });
});
