// First contact (session 14 audit): what a fresh page meets before any good data — a failed first load, an empty
// payload, an English page's error state, a right-to-left host page. Each case was reproduced by hand on a plain
// host page with the built one-script file (/work/notes/h-audit/pages/*.html) before it was written here.
import { expect, fixture, html } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';

type Drawable = HTMLElement & { whenDrawn(): Promise<void>; data?: unknown; dataStatus?: string };

const TAGS = ['civic-kpi-tile', 'civic-kpi-grid', 'civic-rank-board', 'civic-growth-chart', 'civic-chain-graph'];
const MISSING = '/test/fixtures/first-contact-missing.json'; // never exists: the server answers 404

/** Mounts `<tag>` with `attrs` (and `data`), listening for civic-drawn and civic-error before it can fire them. */
async function mount(tag: string, attrs: Record<string, string>, data?: unknown) {
  const el = document.createElement(tag) as Drawable;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const seen = { drawn: 0, errors: 0 };
  el.addEventListener('civic-drawn', (e) => void (e.target === el && seen.drawn++));
  el.addEventListener('civic-error', () => void seen.errors++);
  if (data !== undefined) el.data = data;
  await fixture(html`<div style="width: 560px">${el}</div>`);
  return { el, seen };
}

/** Settles with whether whenDrawn() resolved (true), rejected (false), or is still pending at the deadline. */
async function drawnState(el: Drawable): Promise<'resolved' | 'rejected' | 'pending'> {
  let state: 'resolved' | 'rejected' | 'pending' = 'pending';
  el.whenDrawn().then(
    () => void (state = 'resolved'),
    () => void (state = 'rejected'),
  );
  await until(() => state !== 'pending', `<${el.localName}>.whenDrawn() settles`).catch(() => undefined);
  return state;
}

describe('first contact: the error or empty state is the picture (README, Events: civic-drawn / whenDrawn)', () => {
  for (const tag of TAGS) {
    it(`<${tag}> with a src that answers 404: civic-error, then whenDrawn() resolves and civic-drawn fires`, async () => {
      const { el, seen } = await mount(tag, { src: MISSING });
      await until(() => seen.errors > 0, `<${tag}> civic-error`);
      expect(await drawnState(el), 'whenDrawn() of the error state').to.equal('resolved');
      expect(seen.drawn, 'civic-drawn for the error state').to.be.greaterThan(0);
    });
  }

  it('<civic-growth-chart> with an empty payload ({ series: [] }): whenDrawn() resolves with the empty state', async () => {
    const { el, seen } = await mount('civic-growth-chart', {}, { series: [] });
    expect(await drawnState(el), 'whenDrawn() of the empty state').to.equal('resolved');
    expect(seen.drawn, 'civic-drawn for the empty state').to.be.greaterThan(0);
  });

  it('<civic-growth-chart series="…"> naming no series of the data: whenDrawn() resolves with the empty state', async () => {
    const data = { series: [{ id: 'gdp', name: '地区生产总值', unit: '亿元', points: [{ period: '2022', value: 100, growth: 3 }] }] };
    const { el, seen } = await mount('civic-growth-chart', { series: 'no-such-series' }, data);
    expect(await drawnState(el), 'whenDrawn() of the empty state').to.equal('resolved');
    expect(seen.drawn, 'civic-drawn for the empty state').to.be.greaterThan(0);
  });
});

describe('first contact: a KPI tile whose item-id matches no item of its list (README: nothing valid is an error)', () => {
  it('<civic-kpi-tile item-id="typo">: civic-error and a visible status, no civic-load, not a blank tile', async () => {
    const el = document.createElement('civic-kpi-tile') as Drawable;
    el.setAttribute('item-id', 'no-such-item');
    const seen = { loads: 0, errors: 0 };
    el.addEventListener('civic-load', () => void seen.loads++);
    el.addEventListener('civic-error', () => void seen.errors++);
    el.data = { items: [{ id: 'students', label: '在校学生', value: 170000, unit: '人' }] };
    await fixture(html`<div style="width: 320px">${el}</div>`);
    await el.whenDrawn();
    await until(() => seen.loads + seen.errors > 0, 'civic-load or civic-error').catch(() => undefined);
    expect(seen.errors, 'civic-error').to.be.greaterThan(0);
    expect(seen.loads, 'civic-load').to.equal(0);
    expect(el.shadowRoot!.querySelector('[part~="status"]'), 'a visible status').to.exist;
  });
});

describe('first contact: an English page reads English punctuation in the error headline', () => {
  for (const tag of ['civic-kpi-tile', 'civic-growth-chart']) {
    it(`<${tag} lang="en">: "Could not load the data: …", no full-width colon`, async () => {
      const { el, seen } = await mount(tag, { src: MISSING, lang: 'en' });
      await until(() => seen.errors > 0 && el.shadowRoot?.querySelector('[part~="status"]'), `<${tag}> error state`);
      await until(() => /Could not load the data/.test(el.shadowRoot!.querySelector('[part~="status"]')!.textContent ?? ''), 'English headline');
      const text = el.shadowRoot!.querySelector('[part~="status"]')!.textContent!;
      expect(text, 'English headline').not.to.include('：');
      expect(text.replace(/\s+/g, ' ')).to.include('Could not load the data: ');
    });
  }
});

describe('first contact: a right-to-left host page does not reorder the elements\' text', () => {
  const DATA: Record<string, unknown> = {
    'civic-kpi-tile': { label: '地区生产总值', value: 860.9, unit: '亿元', previous: 825.4, deltaLabel: '同比' },
    'civic-rank-board': { rows: [{ name: '红河路社区', value: 1850 }, { name: '桃花岛社区', value: 1735 }] },
    'civic-growth-chart': { series: [{ id: 'gdp', name: '地区生产总值', unit: '亿元', points: [{ period: '2022-01/2022-03', value: 240, growth: 4 }, { period: '2022-01/2022-06', value: 520, growth: 4.5 }] }] },
  };
  for (const [tag, data] of Object.entries(DATA)) {
    it(`<${tag}> inside <div dir="rtl">: its shadow content is laid out left to right (1—3月 stays 1—3月, +4.3% stays +4.3%)`, async () => {
      const el = document.createElement(tag) as Drawable;
      el.setAttribute('motion', 'reduce');
      el.data = data;
      await fixture(html`<div dir="rtl" style="width: 560px">${el}</div>`);
      await el.whenDrawn();
      const first = el.shadowRoot!.querySelector('[part~="base"]') ?? el.shadowRoot!.firstElementChild!;
      expect(getComputedStyle(first).direction, `direction inside <${tag}>`).to.equal('ltr');
    });
  }
});
