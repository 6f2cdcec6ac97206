import { expect, fixture, html, nextFrame, oneEvent, aTimeout } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import { sendKeys, sendMouse, resetMouse, emulateMedia } from '@web/test-runner-commands';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { FakeServer } from './fixtures/server.js';
import COMMUNITIES from '../fixtures/kpi/rank-communities.json';
import { countColour, decodePng, distinctColours, regionOf, rgbOf } from './png-helpers.js';

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
      // Drawn bar length over track length (bars scale by transform, so read the rendered boxes).
      const fills = [...sr(el).querySelectorAll<HTMLElement>('[part~="bar-fill"]')].map((f) => f.getBoundingClientRect().width / f.parentElement!.getBoundingClientRect().width);
      [1, 5 / 9, 5 / 9, 1 / 9].forEach((v, i) => expect(fills[i]).to.be.closeTo(v, 1e-3));
      expect(sr(el).querySelectorAll('[part~="rank-top"]')).to.have.length(3);
      expect(sr(el).querySelector('[part~="rank"] .visually-hidden')!.textContent).to.equal('第1名');
    });

    it('sorts ascending on request and honours limit', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board order="asc" limit="2" interval="0" .data=${TEN}></civic-rank-board>`);
      expect(rowTexts(el, 'name')).to.deep.equal(['社区0', '社区1']);
    });

    it('an unknown order falls back to desc with one warning (H-audit: sideways sorted ascending)', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board order="sideways" interval="0" .data=${TEN}></civic-rank-board>`);
      expect(rowTexts(el, 'name').slice(0, 2)).to.deep.equal(['社区9', '社区8']);
      el.heading = 'again';
      await el.updateComplete;
      expect(warnings).to.deep.equal(['[civic-rank-board] unknown order "sideways"; ranking desc (the default)']);
      el.order = 'asc';
      await el.updateComplete;
      expect(rowTexts(el, 'name').slice(0, 2)).to.deep.equal(['社区0', '社区1']);
      expect(warnings).to.have.length(1);
    });

    it('a row without a value is shown last, unranked, with no warning and no civic-error (README order row)', async () => {
      const el = document.createElement('civic-rank-board') as CivicRankBoard;
      el.interval = 0;
      const fired: string[] = [];
      el.addEventListener('civic-error', () => fired.push('error'));
      const loaded = oneEvent(el, 'civic-load');
      el.data = { rows: [{ id: 'a', name: 'A', value: 5 }, { id: 'e', name: 'E' }, { id: 'b', name: 'B', value: 3 }] };
      await fixture(html`<div>${el}</div>`);
      await loaded;
      await el.whenDrawn();
      expect(rowTexts(el, 'name')).to.deep.equal(['A', 'B', 'E']);
      expect(ranks(el)).to.deep.equal(['1', '2', '—']);
      expect(fired).to.deep.equal([]);
      expect(warnings).to.deep.equal([]);
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
      await until(() => vp.scrollTop > 0, 'the board never scrolled');
      expect(el.paused).to.equal(false);
    });

    it('does not scroll when everything fits', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board rows-visible="20" interval="0.1" .data=${TEN}></civic-rank-board>`);
      await aTimeout(400); // time-under-test: four intervals; a board that fits must not move
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
      await until(() => Math.abs(vp.scrollTop - rowH(el)) < 1, 'the glide did not end on the next row');
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
      await until(() => el.paused, 'the board pauses under the pointer');
      expect(el.paused).to.equal(true);
      const top = vp.scrollTop;
      await aTimeout(500); // time-under-test: five intervals; a paused board must not move
      expect(vp.scrollTop).to.equal(top);
      await sendMouse({ type: 'move', position: [Math.round(r.right + 200), Math.round(r.bottom + 200)] });
      await until(() => !el.paused, 'the board resumes when the pointer leaves');
      expect(el.paused).to.equal(false);
      await until(() => vp.scrollTop !== top, 'the board did not resume');
    });

    it('pauses on focus; arrows, PageUp/PageDown, Home/End move the active row from one tab stop, scrolling it to the top', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board motion="reduce" rows-visible="3" interval="0.1" .data=${TEN}></civic-rank-board>`);
      const vp = viewport(el);
      vp.focus();
      expect(el.paused).to.equal(true);
      await el.updateComplete;
      const h = rowH(el);
      const active = () => sr(el).getElementById(vp.getAttribute('aria-activedescendant')!)!.dataset.id;
      expect(vp.getAttribute('role')).to.equal('listbox');
      expect(active()).to.equal('r9'); // the first row in view (value 100, rank 1)
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(active()).to.equal('r8');
      expect(vp.scrollTop).to.be.closeTo(h, 1);
      await sendKeys({ press: 'PageDown' });
      await el.updateComplete;
      expect(active()).to.equal('r5');
      expect(vp.scrollTop).to.be.closeTo(4 * h, 1);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(active()).to.equal('r6');
      expect(vp.scrollTop).to.be.closeTo(3 * h, 1);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(active()).to.equal('r0');
      expect(vp.scrollTop).to.be.closeTo(vp.scrollHeight - vp.clientHeight, 1);
      await sendKeys({ press: 'PageUp' });
      await el.updateComplete;
      expect(active()).to.equal('r3');
      expect(vp.scrollTop).to.be.closeTo(6 * h, 1);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(active()).to.equal('r9');
      expect(vp.scrollTop).to.equal(0);
      await aTimeout(400); // time-under-test: four intervals; a focused board must not move
      expect(vp.scrollTop).to.equal(0); // still paused while focused
      expect(sr(el).querySelectorAll('[tabindex]')).to.have.length(1);
      expect(sr(el).querySelector('[part~="row-active"]')!.getAttribute('data-id')).to.equal('r9');
    });

    it('Enter and Space choose the active row: civic-select with its id, trigger keyboard', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board rows-visible="3" interval="0" .data=${TEN}></civic-rank-board>`);
      const vp = viewport(el);
      const seen: CustomEvent[] = [];
      el.addEventListener('civic-select', (e) => seen.push(e));
      vp.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      expect(seen).to.have.length(1);
      expect(seen[0].detail.id).to.equal('r8');
      expect(seen[0].detail.trigger).to.equal('keyboard');
      expect((seen[0].detail.item as { name: string }).name).to.equal('社区8');
      await el.updateComplete;
      expect(sr(el).querySelector('[data-id="r8"]')!.getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Space' });
      expect(seen).to.have.length(2);
      expect(seen[1].detail.id).to.equal('r7');
      await expect(el).to.be.accessible();
    });

    it('reaches the list with Tab and resumes auto-scroll when focus leaves', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board rows-visible="3" interval="0.1" motion="reduce" .data=${TEN}></civic-rank-board>`);
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(sr(el).activeElement).to.equal(viewport(el));
      expect(el.paused).to.equal(true);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(document.activeElement).to.equal(before);
      expect(el.paused).to.equal(false);
      await until(() => viewport(el).scrollTop > 0, 'auto-scroll did not resume');
      before.remove();
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

  describe('PNG export', () => {
    it('toPNG() draws the title, the rows in view with their bars, at the board size × pixel ratio', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board style="width:360px" rows-visible="3" interval="0" .data=${TEN}></civic-rank-board>`);
      const blob = await el.toPNG({ pixelRatio: 2 });
      expect(blob.type).to.equal('image/png');
      const px = await decodePng(blob);
      expect(px.width).to.equal(Math.round(el.offsetWidth * 2));
      expect(px.height).to.equal(Math.round(el.offsetHeight * 2));
      expect(distinctColours(px)).to.be.greaterThan(8);
      // The first bar is full length in the bar colour; the third (80 of 100) leaves its last 20 % as track.
      const fills = [...sr(el).querySelectorAll<HTMLElement>('[part~="bar"]')];
      const barColour = rgbOf(getComputedStyle(sr(el).querySelector('[part~="bar-fill"]')!).backgroundColor);
      const first = regionOf(fills[0], el, px.width);
      expect(countColour(px, barColour, 30, first)).to.be.greaterThan(first.width * first.height * 0.7);
      const third = regionOf(fills[2], el, px.width);
      const tail = { ...third, x: third.x + third.width * 0.85, width: third.width * 0.15 };
      expect(countColour(px, barColour, 30, tail)).to.be.lessThan(tail.width * tail.height * 0.1);
      // Title text in the text colour within the title box.
      const title = sr(el).querySelector<HTMLElement>('[part~="title"]')!;
      expect(countColour(px, rgbOf(getComputedStyle(title).color), 60, regionOf(title, el, px.width))).to.be.greaterThan(50);
      // Rows scrolled out of view are not drawn: nothing in the bar colour below the viewport.
      const vp = regionOf(viewport(el), el, px.width);
      expect(countColour(px, barColour, 30, { x: 0, y: vp.y + vp.height + 1, width: px.width, height: px.height - vp.y - vp.height - 1 })).to.equal(0);
    });

    it('toPNG() fills the surface colour of the theme by default and honours `background`', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board theme="dark" style="width:300px" interval="0" .data=${TEN}></civic-rank-board>`);
      const px = await decodePng(await el.toPNG({ pixelRatio: 1 }));
      expect(countColour(px, rgbOf('#0a1a2f'), 4)).to.be.greaterThan(px.width * px.height * 0.4);
      // The board paints its theme's surface by default; `background` fills what is transparent (here, all of it).
      el.style.setProperty('--civic-rank-board-background', 'transparent');
      const white = await decodePng(await el.toPNG({ pixelRatio: 1, background: '#ffffff' }));
      expect(countColour(white, [255, 255, 255], 4)).to.be.greaterThan(white.width * white.height * 0.4);
    });

    it('has no export button by default; `export` shows one that fires a cancelable civic-export with the PNG', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board interval="0" .data=${TEN}></civic-rank-board>`);
      expect(sr(el).querySelector('[part~="export-button"]')).to.equal(null);
      el.export = true;
      await el.updateComplete;
      expect(el.hasAttribute('export')).to.equal(true);
      const btn = sr(el).querySelector<HTMLElement>('[part~="export-button"]')!;
      expect(btn.getAttribute('aria-label')).to.equal('导出图片');
      expect(btn.getBoundingClientRect().height).to.be.at.least(24);
      await expect(el).to.be.accessible();
      el.addEventListener('civic-export', (e) => e.preventDefault());
      setTimeout(() => btn.click());
      const ev = await oneEvent(el, 'civic-export');
      expect(ev.cancelable).to.equal(true);
      expect(ev.detail.format).to.equal('png');
      expect(ev.detail.filename).to.equal('civic-rank-board.png');
      expect(ev.detail.blob.type).to.equal('image/png');
      expect(distinctColours(await decodePng(ev.detail.blob))).to.be.greaterThan(3);
    });

    it('a failed export warns once and does not throw', async () => {
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board export file-name="榜单" interval="0" .data=${TEN}></civic-rank-board>`);
      el.toPNG = () => Promise.reject(new Error('boom'));
      let fired = false;
      el.addEventListener('civic-export', () => (fired = true));
      sr(el).querySelector<HTMLElement>('[part~="export-button"]')!.click();
      await until(() => warnings.length > 0, 'the failed export warns');
      await aTimeout(20); // time-under-test: a second warning would arrive within this
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^\[civic-rank-board\] PNG export failed: boom/);
      expect(fired).to.equal(false);
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
    // Rows are stacked by transform: the row's place in the list is its box's offset from the list's top.
    const rowTop = row.getBoundingClientRect().top - row.parentElement!.getBoundingClientRect().top;
    expect(vp.scrollTop).to.be.closeTo(Math.min(rowTop, vp.scrollHeight - vp.clientHeight), 1);
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
    await aTimeout(200); // time-under-test: four intervals; a removed board must not move
    await nextFrame();
    expect(vp.scrollTop).to.equal(top);
  });
});
