import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';
import type { CivicSelectEvent } from '../../src/core/events/select-event.js';
import type { CivicSeriesToggleEvent } from '../../src/components/growth-chart/growth-chart.events.js';
import { countColour, decodePng, regionOf, rgbOf, type Region } from './png-helpers.js';

/** FACTS.md §4 for Jan–Sep 2022; earlier GDP points illustrative. */
const DATA = {
  region: '500118',
  series: [
    {
      id: 'gdp',
      name: '地区生产总值',
      nameEn: 'GDP',
      unit: '亿元',
      basis: 'cumulative',
      points: [
        { period: '2021-01/2021-03', value: 250.1, growth: 5.0, illustrative: true },
        { period: '2021-01/2021-06', value: 520.4, growth: 6.2, illustrative: true },
        { period: '2021-01/2021-09', value: 812.0, growth: 6.8, illustrative: true },
        { period: '2021-01/2021-12', value: 1130.2, growth: 7.1, illustrative: true },
        { period: '2022-01/2022-03', value: 262.0, growth: 4.6, illustrative: true },
        { period: '2022-01/2022-06', value: 548.5, growth: 3.9, illustrative: true },
        { period: '2022-01/2022-09', value: 860.9, growth: 4.3, growthBasis: 'comparable', rank: { position: 3, scope: '主城都市区', scopeEn: 'main metropolitan area' } },
      ],
    },
    { id: 'industry', name: '规上工业产值', nameEn: 'Industrial output', unit: '亿元', basis: 'cumulative', points: [{ period: '2022-01/2022-09', value: null, growth: 7.8 }] },
    { id: 'investment', name: '固定资产投资', nameEn: 'Fixed-asset investment', unit: '亿元', basis: 'cumulative', points: [{ period: '2022-01/2022-09', value: null, growth: 5.6 }] },
    { id: 'retail', name: '社会消费品零售总额', nameEn: 'Retail sales', unit: '亿元', basis: 'cumulative', points: [{ period: '2022-01/2022-09', value: null, growth: 1.3 }] },
  ],
};

const TWO = {
  series: [
    { id: 'a', name: '甲', unit: '亿元', points: [{ period: '2021', value: 100, growth: 2 }, { period: '2022', value: 120, growth: 3 }] },
    { id: 'b', name: '乙', unit: '亿元', points: [{ period: '2021', value: 80, growth: 1 }, { period: '2022', value: 60, growth: -2 }] },
  ],
};

const q = <T extends Element = Element>(el: CivicGrowthChart, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const qa = <T extends Element = Element>(el: CivicGrowthChart, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

async function ready(el: CivicGrowthChart): Promise<void> {
  await until(() => q(el, 'g.marks rect, g.marks path') || q(el, '[part~="status"][data-kind="error"], [part~="status"][data-kind="empty"]'), 'marks drawn (or an error/empty state)');
  await el.updateComplete;
  // The toolbar and the table twin come in the task after the first picture: wait for them when there is a picture.
  if (q(el, 'g.marks rect, g.marks path')) await el.whenSettled();
}

async function chart(tpl: unknown): Promise<CivicGrowthChart> {
  const el = await fixture<CivicGrowthChart>(tpl as never);
  await ready(el);
  return el;
}

describe('<civic-growth-chart>', () => {
  let errors: string[];
  let origError: typeof console.error;
  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
  });
  // The browser page is shared with the next test file: leave the media emulation as we found it.
  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
  });
  beforeEach(() => {
    errors = [];
    origError = console.error;
    console.error = (...a: unknown[]) => void errors.push(a.map(String).join(' '));
  });
  afterEach(() => {
    console.error = origError;
    expect(errors, 'console.error calls').to.deep.equal([]);
  });

  it('defaults, parts and the summary as the accessible name', async () => {
    const el = await chart(html`<civic-growth-chart lang="zh-CN" style="width:640px" .data=${DATA}></civic-growth-chart>`);
    expect(el.kind).to.equal('value-growth');
    expect(el.getAttribute('kind')).to.equal('value-growth');
    for (const part of ['base', 'header', 'toolbar', 'plot-area', 'plot', 'legend', 'table', 'tooltip', 'notes', 'rank', 'illustrative'])
      expect(q(el, `[part~="${part}"]`), part).to.exist;
    expect(q(el, '[part~="plot-area"]')!.getAttribute('aria-label')).to.equal('2022年1—9月地区生产总值860.9亿元，同比增长4.3%，增速位列主城都市区第3位');
    expect(q(el, '[part~="rank"]')!.textContent).to.equal('主城都市区第3位');
    expect(q(el, '[part~="illustrative"]')!.textContent).to.equal('示例数据');
    await expect(el).to.be.accessible();
  });

  it('draws bars proportional to values from the zero line, and the growth line on the right axis', async () => {
    const el = await chart(html`<civic-growth-chart series="gdp" style="width:640px" .data=${DATA}></civic-growth-chart>`);
    const bars = qa<SVGRectElement>(el, 'g.marks rect.bar');
    expect(bars).to.have.length(7);
    const h = bars.map((b) => Number(b.getAttribute('height')));
    const y = bars.map((b) => Number(b.getAttribute('y')));
    const values = [250.1, 520.4, 812.0, 1130.2, 262.0, 548.5, 860.9];
    const k = h[0] / values[0];
    values.forEach((v, i) => expect(h[i] / v).to.be.closeTo(k, k * 1e-3)); // coordinates are rounded to 0.01 px
    const zero = Number(q(el, 'line.zero')!.getAttribute('y1'));
    bars.forEach((_, i) => expect(y[i] + h[i]).to.be.closeTo(zero, 0.02));
    expect(qa(el, 'g.marks path.line')).to.have.length(1);
    expect(qa(el, 'g.marks circle.dot')).to.have.length(7);
    expect(q(el, '.axis-right')).to.exist;
    const ill = qa<SVGRectElement>(el, 'g.marks rect.bar.illustrative');
    expect(ill).to.have.length(6); // illustrative points are hatched
    expect(getComputedStyle(ill[0]).fill).to.match(/url\("?#hatch-s0"?\)/);
    expect(getComputedStyle(bars[6]).fill).to.not.match(/url/);
  });

  it('legend toggles a series and fires civic-series-toggle once', async () => {
    const el = await chart(html`<civic-growth-chart style="width:500px" .data=${TWO}></civic-growth-chart>`);
    expect(qa(el, 'g.marks rect.bar')).to.have.length(4);
    const button = q<HTMLButtonElement>(el, '[part~="legend"] button[data-series="b"]')!;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    let n = 0;
    el.addEventListener('civic-series-toggle', () => n++);
    const ev = oneEvent(el, 'civic-series-toggle') as Promise<CivicSeriesToggleEvent>;
    button.click();
    const e = await ev;
    await el.updateComplete;
    expect(e.detail).to.deep.equal({ id: 'b', visible: false, hidden: ['b'] });
    expect(n).to.equal(1);
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(qa<SVGRectElement>(el, 'g.marks rect.bar').map((r) => r.getAttribute('data-series'))).to.deep.equal(['a', 'a']);
    button.click();
    await el.updateComplete;
    expect(qa(el, 'g.marks rect.bar')).to.have.length(4);
  });

  it('tooltip shows every series at the period under the pointer (text only)', async () => {
    const el = await chart(html`<civic-growth-chart style="width:500px" .data=${TWO}></civic-growth-chart>`);
    const area = q<HTMLElement>(el, '[part~="plot-area"]')!;
    const bar = qa<SVGRectElement>(el, 'g.marks rect.bar[data-key="2022"]')[0];
    const r = bar.getBoundingClientRect();
    area.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + r.width / 2, clientY: r.top + 2, bubbles: true, composed: true }));
    await el.updateComplete;
    const tip = q<HTMLElement>(el, '[part~="tooltip"]')!;
    expect(tip.hidden).to.equal(false);
    expect(tip.querySelector('.title')!.textContent).to.equal('2022年');
    expect([...tip.querySelectorAll('.row')].map((r) => r.textContent!.trim())).to.deep.equal(['甲：120亿元，+3%', '乙：60亿元，-2%']);
    expect(tip.querySelector('script, img, a')).to.equal(null);
    expect(q(el, 'line.crosshair')).to.exist;
    const sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    area.dispatchEvent(new MouseEvent('click', { clientX: r.left + r.width / 2, clientY: r.top + 2, bubbles: true, composed: true }));
    const chosen = await sel;
    expect(chosen.detail.id).to.equal('2022');
    expect(chosen.detail.trigger).to.equal('pointer');
    area.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(tip.hidden).to.equal(true);
  });

  it('keyboard: one tab stop, arrows walk periods with the tooltip, Enter selects', async () => {
    const el = await chart(html`<civic-growth-chart series="gdp" style="width:640px" .data=${DATA}></civic-growth-chart>`);
    const focusable = qa<HTMLElement>(el, '[tabindex="0"]');
    expect(focusable).to.have.length(1);
    const area = q<HTMLElement>(el, '[part~="plot-area"]')!;
    area.focus();
    await el.updateComplete;
    const tip = () => q<HTMLElement>(el, '[part~="tooltip"] .title')?.textContent;
    expect(tip()).to.equal('2022年1—9月'); // focus starts on the latest period
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(tip()).to.equal('2022年1—6月');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(tip()).to.equal('2021年1—3月');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(tip()).to.equal('2021年1—6月');
    const sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    await sendKeys({ press: 'Enter' });
    const e = await sel;
    expect(e.detail.id).to.equal('2021-01/2021-06');
    expect(e.detail.trigger).to.equal('keyboard');
    await el.updateComplete;
    expect(el.selected).to.equal('2021-01/2021-06');
    expect(el.getAttribute('selected')).to.equal('2021-01/2021-06');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(q<HTMLElement>(el, '[part~="tooltip"]')!.hidden).to.equal(true);
  });

  it('exports SVG, PNG and CSV of what is shown', async () => {
    const el = await chart(html`<civic-growth-chart series="gdp" style="width:640px" .data=${DATA}></civic-growth-chart>`);
    const text = el.toSVG();
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.documentElement.localName).to.equal('svg');
    expect(doc.querySelectorAll('.bars rect:not([fill^="url"])')).to.have.length(7);
    expect(text).to.not.contain('var(');
    const png = await el.toPNG();
    expect(png.type).to.equal('image/png');
    const sig = [...new Uint8Array(await png.slice(0, 8).arrayBuffer())];
    expect(sig).to.deep.equal([137, 80, 78, 71, 13, 10, 26, 10]);
    const csv = el.toCSV().split('\r\n');
    expect(csv[0]).to.equal('series,name,period,period_label,value,unit,growth,growth_basis,illustrative');
    expect(csv).to.include('gdp,地区生产总值,2022-01/2022-09,2022年1—9月,860.9,亿元,4.3,comparable,false');
    expect(csv.filter((l) => l.startsWith('industry'))).to.have.length(0); // not shown → not exported
    // the toolbar offers the same files
    let got: { format: string; filename: string } | undefined;
    el.addEventListener('civic-export', (e) => {
      got = e.detail;
      e.preventDefault();
    });
    q<HTMLButtonElement>(el, '[part~="toolbar"] button[data-format="csv"]')!.click();
    await until(() => got, 'civic-export from the CSV button');
    expect(got?.format).to.equal('csv');
    expect(got?.filename).to.equal('civic-growth-chart-value-growth.csv');
  });

  it('toPNG paints the live chart without a blob: image: hatched illustrative bars, tick labels, caption, legend', async () => {
    const el = await chart(
      html`<civic-growth-chart series="gdp" style="width:640px" .data=${DATA}><span slot="caption">地区生产总值</span></civic-growth-chart>`,
    );
    const urls: string[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (o: Blob | MediaSource) => {
      urls.push(o instanceof Blob ? o.type : 'media');
      return create.call(URL, o);
    };
    let png: Blob;
    try {
      png = await el.toPNG({ pixelRatio: 2 });
    } finally {
      URL.createObjectURL = create;
    }
    expect(urls, 'object URLs made while exporting').to.deep.equal([]);
    expect(png.type).to.equal('image/png');
    const px = await decodePng(png);
    expect(px.width).to.equal(Math.round(el.offsetWidth * 2));
    expect(px.height).to.equal(Math.round(el.offsetHeight * 2));
    const surface = rgbOf(getComputedStyle(q(el, '[part~="base"]')!).backgroundColor);
    const notBackground = (r: Region) => r.width * r.height - countColour(px, surface, 24, r);
    // An illustrative bar: its series colour where the bar is, crossed by the hatch (not one flat fill).
    const bar = q<SVGRectElement>(el, 'g.marks rect.bar.illustrative')!;
    expect(getComputedStyle(bar).fill).to.match(/^url\(/);
    const series = rgbOf(getComputedStyle(q(el, 'pattern#hatch-s0 .hatch-bg')!).fill);
    const br = regionOf(bar, el, px.width);
    const inner = { x: br.x + 2, y: br.y + 2, width: br.width - 4, height: br.height - 4 };
    const share = countColour(px, series, 24, inner) / (inner.width * inner.height);
    expect(share, 'series colour share inside the hatched bar').to.be.within(0.2, 0.9);
    // The same place beside the plot (left of the bars) does not carry the colour.
    expect(countColour(px, series, 24, { x: 0, y: inner.y, width: 10, height: inner.height })).to.equal(0);
    // A multi-line period label (tspans): ink in its box.
    const tick = qa<SVGTextElement>(el, '.x-axis text.tick').find((t) => t.querySelector('tspan'))!;
    expect(tick, 'a tspan tick label').to.not.equal(undefined);
    const tr = regionOf(tick, el, px.width);
    expect(notBackground(tr) / (tr.width * tr.height), 'ink in the tick label').to.be.greaterThan(0.05);
    // A value tick on the left axis and the caption, too.
    const left = regionOf(q(el, '.axis-left text.tick')!, el, px.width);
    expect(notBackground(left)).to.be.greaterThan(10);
    const cap = regionOf(el.querySelector('[slot="caption"]')!, el, px.width);
    expect(notBackground(cap) / (cap.width * cap.height), 'ink in the caption').to.be.greaterThan(0.05);
    // Legend text and the illustrative badge.
    const legend = regionOf(q(el, '[part~="legend"]')!, el, px.width);
    expect(notBackground(legend)).to.be.greaterThan(50);
    const badge = regionOf(q(el, '[part~="illustrative"]')!, el, px.width);
    expect(notBackground(badge)).to.be.greaterThan(50);
  });

  it('toPNG honours pixelRatio and background, and rejects before data', async () => {
    const el = await chart(html`<civic-growth-chart series="gdp" style="width:400px" .data=${DATA}></civic-growth-chart>`);
    const px = await decodePng(await el.toPNG({ pixelRatio: 1, background: '#00ff00' }));
    expect(px.width).to.equal(Math.round(el.offsetWidth));
    expect(countColour(px, [0, 255, 0], 8, { x: 0, y: px.height - 3, width: 3, height: 3 })).to.equal(9);
    const empty = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:400px"></civic-growth-chart>`);
    let err: unknown;
    await empty.toPNG().catch((e) => (err = e));
    expect(String(err)).to.contain('nothing to export');
  });

  it('resizing changes the tick count', async () => {
    const many = {
      id: 'x',
      name: 'X',
      unit: '亿元',
      points: Array.from({ length: 40 }, (_, i) => ({ period: `${2013 + Math.floor(i / 4)}Q${(i % 4) + 1}`, value: 100 + i, growth: (i % 7) - 2 })),
    };
    const el = await chart(html`<civic-growth-chart style="width:2400px" .data=${many}></civic-growth-chart>`);
    const wide = qa(el, '.x-axis text').length;
    el.style.width = '280px';
    await until(() => qa(el, '.x-axis text').length !== wide, 'the axis redrawn at the narrow width');
    await el.updateComplete;
    const narrow = qa(el, '.x-axis text').length;
    expect(wide).to.equal(40);
    expect(narrow).to.be.lessThan(wide);
    expect(Number(q(el, 'svg[part~="plot"]')!.getAttribute('width'))).to.be.closeTo(280, 1);
  });

  it('bad input is reported via civic-error with paths; valid points are still drawn', async () => {
    const bad = {
      series: [
        {
          id: 'gdp',
          name: 'GDP',
          unit: '亿元',
          points: [
            { period: '2022Q2', value: '20', growth: 1 },
            { period: '2022Q1', value: 10, growth: 2 },
            { period: '2022Q1', value: 99 },
            { period: 'Q9', value: 1 },
          ],
        },
      ],
    };
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
    try {
      const el = document.createElement('civic-growth-chart');
      el.style.width = '400px';
      const ev = oneEvent(el, 'civic-error') as Promise<CivicErrorEvent>;
      el.data = bad;
      document.body.append(el);
      const e = await ev;
      const paths = e.detail.issues.map((i) => `${i.path} ${i.code}`);
      expect(paths).to.include('series[0].points[2].period duplicate');
      expect(paths).to.include('series[0].points[3].period period');
      expect(e.detail.partial).to.equal(true);
      await ready(el);
      expect(qa(el, 'g.marks rect.bar')).to.have.length(2);
      expect(q(el, '[part~="status"]')).to.exist;
      expect(warnings.length).to.equal(1);
      expect(warnings[0]).to.contain('[civic-growth-chart]');
      el.remove();
    } finally {
      console.warn = warn;
    }
  });

  it('compare: one bar per indicator, sorted, with a reference line', async () => {
    const el = await chart(
      html`<civic-growth-chart kind="compare" sort="desc" reference="4" reference-label="全市" style="width:560px" .data=${DATA}></civic-growth-chart>`,
    );
    const bars = qa<SVGRectElement>(el, 'g.marks rect.bar');
    expect(bars.map((b) => b.getAttribute('data-series'))).to.deep.equal(['industry', 'investment', 'gdp', 'retail']);
    expect(q(el, '.reference text')!.textContent).to.equal('全市 +4%');
    expect(q(el, '[part~="plot-area"]')!.getAttribute('aria-label')).to.equal('2022年1—9月同比增速：规上工业产值最高（+7.8%），社会消费品零售总额最低（+1.3%）');
    await expect(el).to.be.accessible();
  });

  it('compare: arrows walk the indicators; Enter selects an indicator without changing the compared period', async () => {
    const el = await chart(html`<civic-growth-chart kind="compare" style="width:560px" .data=${DATA}></civic-growth-chart>`);
    q<HTMLElement>(el, '[part~="plot-area"]')!.focus();
    await el.updateComplete;
    const rows = () => [...el.shadowRoot!.querySelectorAll('[part~="tooltip"] .row')].map((r) => r.textContent!.trim());
    expect(q(el, '[part~="tooltip"] .title')!.textContent).to.equal('地区生产总值 · 2022年1—9月');
    expect(rows()).to.deep.equal(['同比增速：+4.3%', '主城都市区第3位']);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(q(el, '[part~="tooltip"] .title')!.textContent).to.equal('规上工业产值 · 2022年1—9月');
    const sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await sel).detail.id).to.equal('industry');
    expect(el.selected).to.equal(undefined);
  });

  it('basis="single" draws single quarters derived from the cumulative values', async () => {
    const el = await chart(html`<civic-growth-chart basis="single" series="gdp" style="width:640px" .data=${DATA}></civic-growth-chart>`);
    const q3 = q<SVGRectElement>(el, 'g.marks rect.bar[data-key="2022Q3"]')!;
    const q1 = q<SVGRectElement>(el, 'g.marks rect.bar[data-key="2022Q1"]')!;
    // Q3 = 860.9 − 548.5 = 312.4; Q1 = 262.0
    expect(Number(q3.getAttribute('height')) / Number(q1.getAttribute('height'))).to.be.closeTo(312.4 / 262.0, 1e-3);
    expect(q(el, '.axis-left .axis-title')!.textContent).to.equal('单季（月）值，推算（亿元）');
  });

  it('trend and English labels; region filters series', async () => {
    const el = await chart(html`<civic-growth-chart kind="trend" lang="en" style="width:560px" .data=${DATA}></civic-growth-chart>`);
    expect(qa(el, 'g.marks path.line')).to.have.length(4);
    q<HTMLElement>(el, '.table-wrap summary')!.click(); // rows are rendered when the table twin is opened
    await until(() => q(el, '[part~="table"] th'), 'the table twin rendered');
    await el.updateComplete;
    expect(q(el, '[part~="table"] th')!.textContent).to.equal('Period');
    const rows = qa(el, '[part~="table"] tbody tr');
    expect(rows).to.have.length(7);
    expect(rows[6].textContent).to.contain('Jan–Sep 2022');
    expect(rows[6].textContent).to.contain('4.3');
    expect(q(el, '[part~="plot-area"]')!.getAttribute('aria-label')).to.contain('From Jan–Mar 2021 to Jan–Sep 2022, GDP growth');
    el.region = '500119';
    await el.updateComplete;
    await ready(el);
    expect(q(el, '[part~="plot-area"]')!.getAttribute('aria-label')).to.equal('No data');
  });

  it('animates data updates with d3-transition, and sets final geometry at once under reduced motion', async () => {
    const el = await chart(html`<civic-growth-chart style="width:500px" .data=${TWO}></civic-growth-chart>`);
    const next = JSON.parse(JSON.stringify(TWO));
    next.series[0].points[1].value = 240;
    // reduced motion (emulated for the whole file): no transition is scheduled, the bar has its final height now
    el.data = next;
    await el.updateComplete;
    const rect = () => q<SVGRectElement>(el, 'g.marks rect.bar[data-series="a"][data-key="2022"]')!;
    expect((rect() as unknown as { __transition?: unknown }).__transition).to.equal(undefined);
    const finalHeight = Number(rect().getAttribute('height'));
    await emulateMedia({ reducedMotion: 'no-preference' });
    try {
      const back = JSON.parse(JSON.stringify(TWO));
      el.data = back;
      await el.updateComplete;
      expect((rect() as unknown as { __transition?: unknown }).__transition).to.exist;
      expect(Number(rect().getAttribute('height'))).to.equal(finalHeight); // still the old height: the tween has not run yet
    } finally {
      await emulateMedia({ reducedMotion: 'reduce' });
    }
  });

  it('follows tokens, lang switches and highlight() from outside', async () => {
    const el = await chart(html`<civic-growth-chart series="gdp" style="width:640px;--civic-scheme-category-1: rgb(1, 2, 3)" .data=${DATA}></civic-growth-chart>`);
    expect(getComputedStyle(q(el, 'g.marks rect.bar:not(.illustrative)')!).fill).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(q(el, 'pattern#hatch-s0 rect')!).fill).to.equal('rgb(1, 2, 3)'); // the hatch follows the series colour too
    el.setAttribute('lang', 'en');
    await until(() => q(el, '[part~="plot-area"]')?.getAttribute('aria-label')?.startsWith('GDP'), 'the language observer switched to English');
    await el.updateComplete;
    expect(q(el, '[part~="plot-area"]')!.getAttribute('aria-label')).to.equal(
      'GDP was 86.09B yuan in Jan–Sep 2022, up 4.3% year on year; growth ranked 3rd in the main metropolitan area',
    );
    let hovers = 0;
    el.addEventListener('civic-hover', () => hovers++);
    const hover = oneEvent(el, 'civic-hover');
    el.highlight('2021-01/2021-12');
    expect((await hover).detail).to.deep.equal({ id: '2021-01/2021-12' });
    await el.updateComplete;
    expect(q(el, '[part~="tooltip"] .title')!.textContent).to.equal('Jan–Dec 2021');
    el.highlight('2021-01/2021-12'); // same period again: no second event
    el.highlight(null);
    await el.updateComplete;
    expect(hovers).to.equal(2);
    expect(q<HTMLElement>(el, '[part~="tooltip"]')!.hidden).to.equal(true);
  });

  it('reads inline JSON', async () => {
    const el = await chart(html`<civic-growth-chart style="width:400px"><script type="application/json">${JSON.stringify(TWO)}</script></civic-growth-chart>`);
    expect(qa(el, 'g.marks rect.bar')).to.have.length(4);
  });
});
