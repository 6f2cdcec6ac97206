import { expect, fixture, html, nextFrame, oneEvent, aTimeout, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse, emulateMedia } from '@web/test-runner-commands';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { FakeServer } from './fixtures/server.js';
import COMMUNITIES from '../fixtures/kpi/rank-communities.json';

const sr = (el: CivicRankBoard) => el.shadowRoot!;
function rowTexts(el: CivicRankBoard, part: string): string[] {
  return [...sr(el).querySelectorAll('[part~="row"]')].map((r) => r.querySelector(`[part~="${part}"]`)!.textContent!.trim());
}
function ranks(el: CivicRankBoard): string[] {
  return [...sr(el).querySelectorAll('[part~="rank"] > [aria-hidden]')].map((r) => r.textContent!.trim());
}
function viewport(el: CivicRankBoard): HTMLElement {
  return sr(el).querySelector<HTMLElement>('[part~="viewport"]')!;
}
function rowH(el: CivicRankBoard): number {
  return sr(el).querySelector<HTMLElement>('[part~="row"]')!.getBoundingClientRect().height;
}
const TEN = { title: '测试榜', unit: '件', rows: Array.from({ length: 10 }, (_, i) => ({ id: `r${i}`, name: `社区${i}`, value: (i + 1) * 10 })) };

describe('civic-rank-board', () => {
  let warn: typeof console.warn;
  let error: typeof console.error;
  let errors: string[];
  let warnings: string[];
  const server = new FakeServer();
  beforeEach(() => {
    errors = [];
    warnings = [];
    warn = console.warn;
    error = console.error;
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
    console.error = (...a: unknown[]) => void errors.push(a.map(String).join(' '));
    server.routes.clear();
    server.install();
  });
  afterEach(async () => {
    console.warn = warn;
    console.error = error;
    server.uninstall();
    await resetMouse();
    expect(errors).to.deep.equal([]);
  });

  describe('order and content', () => {
    it('sorts descending with rank numbers, ties sharing a rank', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0" .data=${{ unit: '件', rows: [
        { name: '甲', value: 5 }, { name: '乙', value: 9 }, { name: '丙', value: 5 }, { name: '丁', value: 1 },
      ] }}></civic-rank-board>`);
      expect(rowTexts(el, 'name')).to.deep.equal(['乙', '甲', '丙', '丁']);
      expect(ranks(el)).to.deep.equal(['1', '2', '2', '4']);
      expect(rowTexts(el, 'value')).to.deep.equal(['9件', '5件', '5件', '1件']);
      const fills = [...sr(el).querySelectorAll<HTMLElement>('[part~="bar-fill"]')].map((f) => parseFloat(f.style.width) / 100);
      [1, 5 / 9, 5 / 9, 1 / 9].forEach((v, i) => expect(fills[i]).to.be.closeTo(v, 1e-4));
      expect(sr(el).querySelectorAll('[part~="rank-top"]')).to.have.length(3);
      expect(sr(el).querySelector('[part~="rank"] .visually-hidden')!.textContent).to.equal('第1名');
    });

    it('sorts ascending on request and honours limit', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board order="asc" limit="2" interval="0" .data=${TEN}></civic-rank-board>`);
      expect(rowTexts(el, 'name')).to.deep.equal(['社区0', '社区1']);
    });

    it('renders the community ranking from the demo shape, with the illustrative badge, accessibly', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0" .data=${COMMUNITIES}></civic-rank-board>`);
      expect(sr(el).querySelectorAll('[part~="row"]')).to.have.length(25);
      expect(sr(el).querySelector('[part~="title"]')!.textContent).to.equal(COMMUNITIES.title);
      expect(sr(el).querySelector('[part~="illustrative"]')!.textContent).to.equal('示例数据');
      const values = COMMUNITIES.rows.map((r) => r.value).sort((a, b) => b - a);
      expect(rowTexts(el, 'value')[0]).to.equal(`${values[0]!.toLocaleString('zh-CN')}件`);
      expect(viewport(el).getAttribute('tabindex')).to.equal('0');
      await expect(el).to.be.accessible();
    });

    it('is accessible in the dark theme', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board theme="dark" density="screen" interval="0" style="background:#0a1a2f" .data=${COMMUNITIES}></civic-rank-board>`);
      await expect(el).to.be.accessible();
    });

    it('shows bad rows with a dash or 未命名, never markup', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0" .data=${[{ name: '<b>x</b>', value: 3 }, { name: 'bad', value: 'abc' }, { value: 2 }]}></civic-rank-board>`);
      await el.updateComplete;
      expect(rowTexts(el, 'name')).to.deep.equal(['<b>x</b>', '未命名', 'bad']);
      expect(rowTexts(el, 'value')).to.deep.equal(['3', '2', '—']);
      expect(ranks(el)).to.deep.equal(['1', '2', '—']);
      expect(sr(el).querySelector('b')).to.equal(null);
      expect(warnings).to.have.length(1);
    });

    it('uses English names and titles', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board lang="en" interval="0" .data=${{ titleEn: 'Students', unit: '人', rows: [{ name: '甲', nameEn: 'College A', value: 18050 }] }}></civic-rank-board>`);
      expect(rowTexts(el, 'name')).to.deep.equal(['College A']);
      expect(rowTexts(el, 'value')).to.deep.equal(['18,050 people']);
      expect(sr(el).querySelector('[part~="title"]')!.textContent).to.equal('Students');
    });
  });

  describe('data sources', () => {
    it('reads inline JSON', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0"><script type="application/json">{"rows":[{"name":"a","value":1},{"name":"b","value":2}]}</script></civic-rank-board>`);
      expect(rowTexts(el, 'name')).to.deep.equal(['b', 'a']);
    });

    it('reads src through the envelope adapter with field mapping', async () => {
      server.routes.set('/rank.json', { body: JSON.stringify({ code: 200, msg: 'ok', data: { list: [{ orgName: '甲', cnt: 3, code: '500118001' }, { orgName: '乙', cnt: 7, code: '500118002' }] } }) });
      const el = document.createElement('civic-rank-board');
      el.interval = 0;
      el.src = '/rank.json';
      el.nameField = 'list[].orgName';
      el.valueField = 'list[].cnt';
      el.regionField = 'list[].code';
      const p = oneEvent(el, 'civic-load');
      document.body.append(el);
      const ev = await p;
      await el.updateComplete;
      expect(ev.detail.count).to.equal(2);
      expect(rowTexts(el, 'name')).to.deep.equal(['乙', '甲']);
      el.region = '500118001';
      await el.updateComplete;
      expect(rowTexts(el, 'name')).to.deep.equal(['甲']);
      el.remove();
    });
  });

  it('filters by region prefix and re-ranks within it', async () => {
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0" region="500118002" .data=${COMMUNITIES}></civic-rank-board>`);
    const expected = COMMUNITIES.rows.filter((r) => r.region.startsWith('500118002')).length;
    expect(expected).to.be.greaterThan(0);
    expect(sr(el).querySelectorAll('[part~="row"]')).to.have.length(expected);
    expect(ranks(el)[0]).to.equal('1');
    el.region = '500118999';
    await el.updateComplete;
    expect(sr(el).querySelectorAll('[part~="row"]')).to.have.length(0);
    expect(sr(el).querySelector('[part~="status"]')!.textContent!.trim()).to.equal('所选区域暂无数据');
  });

  describe('scrolling', () => {
    it('auto-scrolls over time when longer than its box', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board rows-visible="3" interval="0.15" .data=${TEN}></civic-rank-board>`);
      const vp = viewport(el);
      expect(vp.scrollHeight).to.be.greaterThan(vp.clientHeight);
      expect(vp.scrollTop).to.equal(0);
      await waitUntil(() => vp.scrollTop > 0, 'the board never scrolled', { timeout: 5000 });
      expect(el.paused).to.equal(false);
    });

    it('does not scroll when everything fits', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board rows-visible="20" interval="0.1" .data=${TEN}></civic-rank-board>`);
      await aTimeout(400);
      expect(viewport(el).scrollTop).to.equal(0);
    });

    it('steps one row smoothly (motion auto)', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board rows-visible="3" interval="0" .data=${TEN}></civic-rank-board>`);
      const vp = viewport(el);
      const tops: number[] = [];
      const onScroll = () => tops.push(vp.scrollTop);
      vp.addEventListener('scroll', onScroll);
      el.interval = 1; // 500 ms glide
      await el.updateComplete;
      el.step();
      await waitUntil(() => Math.abs(vp.scrollTop - rowH(el)) < 1, 'the glide did not end on the next row', { timeout: 5000 });
      vp.removeEventListener('scroll', onScroll);
      el.interval = 0;
      expect(vp.scrollTop).to.be.closeTo(rowH(el), 1);
      expect(tops.some((t) => t > 1 && t < rowH(el) - 1), `intermediate positions: ${tops}`).to.equal(true);
    });

    it('pages without animation in reduced motion', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board motion="reduce" rows-visible="3" interval="0" .data=${TEN}></civic-rank-board>`);
      const vp = viewport(el);
      el.step();
      expect(vp.scrollTop).to.be.closeTo(3 * rowH(el), 1);
      el.step();
      el.step();
      expect(vp.scrollTop).to.be.closeTo(vp.scrollHeight - vp.clientHeight, 1);
      el.step();
      expect(vp.scrollTop).to.equal(0);
    });

    it('pages without animation when the OS asks for reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await fixture<CivicRankBoard>(html`<civic-rank-board rows-visible="3" interval="0" .data=${TEN}></civic-rank-board>`);
        el.step();
        expect(viewport(el).scrollTop).to.be.closeTo(3 * rowH(el), 1);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('pauses on hover and resumes after', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board rows-visible="3" interval="0.1" .data=${TEN}></civic-rank-board>`);
      const vp = viewport(el);
      const r = vp.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(r.left + 10), Math.round(r.top + 10)] });
      await aTimeout(50);
      expect(el.paused).to.equal(true);
      const top = vp.scrollTop;
      await aTimeout(500);
      expect(vp.scrollTop).to.equal(top);
      await sendMouse({ type: 'move', position: [Math.round(r.right + 200), Math.round(r.bottom + 200)] });
      await aTimeout(50);
      expect(el.paused).to.equal(false);
      await waitUntil(() => vp.scrollTop !== top, 'the board did not resume', { timeout: 5000 });
    });

    it('pauses on focus; arrows, PageUp/PageDown, Home/End scroll from one tab stop', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board motion="reduce" rows-visible="3" interval="0.1" .data=${TEN}></civic-rank-board>`);
      const vp = viewport(el);
      vp.focus();
      expect(el.paused).to.equal(true);
      const h = rowH(el);
      await sendKeys({ press: 'ArrowDown' });
      expect(vp.scrollTop).to.be.closeTo(h, 1);
      await sendKeys({ press: 'PageDown' });
      expect(vp.scrollTop).to.be.closeTo(4 * h, 1);
      await sendKeys({ press: 'ArrowUp' });
      expect(vp.scrollTop).to.be.closeTo(3 * h, 1);
      await sendKeys({ press: 'End' });
      expect(vp.scrollTop).to.be.closeTo(vp.scrollHeight - vp.clientHeight, 1);
      await sendKeys({ press: 'PageUp' });
      expect(vp.scrollTop).to.be.closeTo(vp.scrollHeight - vp.clientHeight - 3 * h, 1);
      await sendKeys({ press: 'Home' });
      expect(vp.scrollTop).to.equal(0);
      await aTimeout(400);
      expect(vp.scrollTop).to.equal(0); // still paused while focused
      expect(sr(el).querySelectorAll('[tabindex]')).to.have.length(1);
    });
  });

  describe('re-sort', () => {
    it('re-sorts when values update, gliding moved rows', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0" .data=${{ rows: [{ id: 'a', name: 'A', value: 3 }, { id: 'b', name: 'B', value: 2 }, { id: 'c', name: 'C', value: 1 }] }}></civic-rank-board>`);
      const rowA = sr(el).querySelector('[data-id="a"]')!;
      el.data = { rows: [{ id: 'a', name: 'A', value: 1 }, { id: 'b', name: 'B', value: 2 }, { id: 'c', name: 'C', value: 3 }] };
      await el.updateComplete;
      expect(rowTexts(el, 'name')).to.deep.equal(['C', 'B', 'A']);
      expect(sr(el).querySelector('[data-id="a"]')).to.equal(rowA); // same node, moved
      expect(rowA.getAnimations()).to.have.length(1);
      expect(sr(el).querySelector('[data-id="b"]')!.getAnimations()).to.have.length(0);
    });

    it('re-sorts without gliding in reduced motion', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board motion="reduce" interval="0" .data=${{ rows: [{ id: 'a', name: 'A', value: 3 }, { id: 'c', name: 'C', value: 1 }] }}></civic-rank-board>`);
      el.data = { rows: [{ id: 'a', name: 'A', value: 1 }, { id: 'c', name: 'C', value: 3 }] };
      await el.updateComplete;
      expect(rowTexts(el, 'name')).to.deep.equal(['C', 'A']);
      expect(sr(el).querySelector('[data-id="a"]')!.getAnimations()).to.have.length(0);
    });
  });

  it('fires civic-select with the row when a row is clicked', async () => {
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0" .data=${COMMUNITIES}></civic-rank-board>`);
    const row = sr(el).querySelector<HTMLElement>('[part~="row"]')!;
    setTimeout(() => row.click());
    const ev = await oneEvent(el, 'civic-select');
    expect(ev.detail.id).to.equal(row.dataset.id);
    expect(ev.detail.region).to.equal(row.dataset.id);
    expect(ev.detail.trigger).to.equal('pointer');
    expect(ev.bubbles && ev.composed).to.equal(true);
  });

  it('highlight(id) marks the row and scrolls it into view', async () => {
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board rows-visible="3" interval="0" .data=${TEN}></civic-rank-board>`);
    el.highlight('r2'); // value 30: rank 8
    await el.updateComplete;
    await nextFrame();
    const row = sr(el).querySelector<HTMLElement>('[data-id="r2"]')!;
    expect(row.getAttribute('part')).to.equal('row row-highlighted');
    const vp = viewport(el);
    expect(vp.scrollTop).to.be.closeTo(Math.min(row.offsetTop, vp.scrollHeight - vp.clientHeight), 1);
    expect(vp.scrollTop).to.be.greaterThan(0);
    el.highlight(null);
    await el.updateComplete;
    expect(sr(el).querySelectorAll('[part~="row-highlighted"]')).to.have.length(0);
  });

  it('stops its timer when removed', async () => {
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board rows-visible="3" interval="0.05" .data=${TEN}></civic-rank-board>`);
    el.remove();
    const vp = viewport(el);
    const top = vp.scrollTop;
    await aTimeout(200);
    await nextFrame();
    expect(vp.scrollTop).to.equal(top);
  });
});
