// R3 s17 regression probes: numbers as text with grouped thousands (d71ed70) beyond the value itself: the tile's
// previous/target/history (data and attributes), CSV cells quoted by Excel ("1,234") for the board.
import { expect, fixture, oneEvent } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { FakeServer } from './fixtures/server.js';

const text = (n: Node): string => {
  let s = '';
  const walk = (x: Node): void => {
    if (x.nodeType === 3) s += x.textContent;
    if (x instanceof Element && x.shadowRoot) walk(x.shadowRoot);
    x.childNodes.forEach(walk);
  };
  walk(n);
  return s.replace(/\s+/g, '');
};

describe('R3: grouped numbers as text, every figure of an item', () => {
  const server = new FakeServer();
  beforeEach(() => server.install());
  afterEach(() => server.uninstall());

  it('KPI tile data: previous, target and history as "1,234" strings are read (delta, progress, sparkline), no civic-error', async () => {
    const el = document.createElement('civic-kpi-tile') as CivicKpiTile;
    const errors: CustomEvent[] = [];
    el.addEventListener('civic-error', (e) => errors.push(e as CustomEvent));
    const loaded = oneEvent(el, 'civic-load');
    el.setAttribute('motion', 'reduce');
    el.data = { label: '事件数', value: '1,234', unit: '件', previous: '1,000', target: '2,000', deltaLabel: '同比', history: ['1,000', '1,100', '1,234'] };
    document.body.append(el);
    try {
      await loaded;
      await el.whenDrawn();
      expect(errors.map((e) => JSON.stringify(e.detail.issues ?? e.detail))).to.deep.equal([]);
      expect(text(el)).to.contain('23.4%');
      expect(el.shadowRoot!.querySelector('[part~="sparkline"]'), 'sparkline').to.not.equal(null);
    } finally {
      el.remove();
    }
  });

  it('KPI tile attributes: value="1,234" previous="1,000" read as numbers', async () => {
    const el = await fixture<CivicKpiTile>('<civic-kpi-tile motion="reduce" label="事件数" value="1,234" previous="1,000" delta-label="同比" unit="件"></civic-kpi-tile>');
    await el.whenDrawn();
    expect(text(el)).to.contain('1,234件');
    expect(text(el)).to.contain('23.4%');
  });

  it('rank board CSV with Excel-quoted grouped cells ("1,234") ranks them', async () => {
    server.routes.set('/rank.csv', { body: 'name,value\n甲,"1,850"\n乙,"12,345"\n', contentType: 'text/csv; charset=utf-8' });
    const loaded = oneEvent(document, 'civic-load');
    const el = await fixture<CivicRankBoard>('<civic-rank-board interval="0" src="/rank.csv"></civic-rank-board>');
    await loaded;
    await el.whenDrawn();
    const t = text(el);
    expect(t).to.contain('第1名乙12,345');
    expect(t).to.contain('第2名甲1,850');
  });
});
