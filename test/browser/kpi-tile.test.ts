import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { FakeServer } from './fixtures/server.js';
import { countColour, decodePng, distinctColours, regionOf, rgbOf } from './png-helpers.js';

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}
function text(el: Element, name: string): string {
  return part(el, name)?.textContent?.trim() ?? '';
}
function live(el: Element): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[aria-live]')!;
}
async function settle(el: CivicKpiTile): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await nextFrame();
}

describe('civic-kpi-tile', () => {
  let warn: typeof console.warn;
  let error: typeof console.error;
  let warnings: string[];
  let errors: string[];
  beforeEach(() => {
    warnings = [];
    errors = [];
    warn = console.warn;
    error = console.error;
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
    console.error = (...a: unknown[]) => void errors.push(a.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
    console.error = error;
    expect(errors, 'console.error calls').to.deep.equal([]);
  });

  describe('attributes and formatting', () => {
    it('shows label, qualifier, number, suffix and unit as the source states them', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile label="在校学生" value="170000" unit="人" qualifier="over"></civic-kpi-tile>`);
      await settle(el);
      expect(text(el, 'label')).to.equal('在校学生');
      expect(text(el, 'qualifier')).to.equal('超');
      expect(text(el, 'number')).to.equal('17');
      expect(text(el, 'suffix')).to.equal('万');
      expect(text(el, 'unit')).to.equal('人');
      expect(live(el).textContent).to.equal('在校学生：超17万人');
      expect(live(el).getAttribute('aria-live')).to.equal('polite');
      expect(part(el, 'value')!.getAttribute('aria-hidden')).to.equal('true');
    });

    it('formats in English with K/M/B and English units', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile lang="en" label="Skilled graduates" value="40000" unit="名" qualifier="odd"></civic-kpi-tile>`);
      await settle(el);
      expect(part(el, 'value')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('40K+ people');
      expect(live(el).textContent).to.equal('Skilled graduates: 40K+ people');
    });

    it('follows a lang change on an ancestor', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><civic-kpi-tile label="GDP" value="860.9" unit="亿元"></civic-kpi-tile></div>`);
      const el = wrap.querySelector('civic-kpi-tile')!;
      await settle(el);
      expect(text(el, 'number') + text(el, 'suffix') + text(el, 'unit')).to.equal('860.9亿元');
      wrap.lang = 'en';
      await until(() => text(el, 'unit') === 'yuan', 'the tile follows the ancestor lang');
      await settle(el);
      expect(text(el, 'number') + text(el, 'suffix')).to.equal('86.09B');
      expect(text(el, 'unit')).to.equal('yuan');
    });

    it('has every part of a full tile, and is accessible', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile
        label="实训基地" value="1300" unit="个" qualifier="plus" previous="1200" delta-label="同比" target="1500"
        sparkline="900,1000,1100,1200,1300" caption="校企共建" source="FACTS.md §3" illustrative
      ></civic-kpi-tile>`);
      await settle(el);
      for (const p of ['base', 'label', 'value', 'number', 'suffix', 'unit', 'qualifier', 'delta', 'threshold', 'progress', 'sparkline', 'caption', 'source', 'illustrative'])
        expect(part(el, p), p).to.exist;
      expect(text(el, 'illustrative')).to.equal('示例数据');
      expect(text(el, 'source')).to.equal('来源：FACTS.md §3');
      expect(part(el, 'progress')!.getAttribute('role')).to.equal('progressbar');
      expect(part(el, 'progress')!.getAttribute('aria-valuenow')).to.equal('87');
      expect(part(el, 'sparkline')!.querySelector('path')!.getAttribute('d')).to.match(/^M0,/);
      await expect(el).to.be.accessible();
    });
  });

  it('is accessible in the dark theme with big-screen density, deltas and status', async () => {
    const el = await fixture<CivicKpiTile>(html`<div style="background:#0a1a2f;padding:8px"><civic-kpi-tile theme="dark" density="screen"
      label="办结率" value="72" unit="%" previous="80" delta-label="环比" thresholds="90,80" target="95" sparkline="1 2 3" illustrative></civic-kpi-tile></div>`);
    const tile = el.querySelector('civic-kpi-tile')!;
    await settle(tile);
    expect(tile.getAttribute('data-theme')).to.equal('dark');
    await expect(tile).to.be.accessible();
  });

  it('keeps 4.5:1 contrast for the aria-hidden visible text (axe skips it) in both themes', async () => {
    const lum = (c: string) => {
      const [r, g, b] = c.match(/[\d.]+/g)!.slice(0, 3).map((x) => {
        const v = Number(x) / 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    for (const theme of ['light', 'dark']) {
      for (const [value, colors] of [['72', 'red-up'], ['88', 'green-up'], ['99', 'red-up']]) {
        const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile theme=${theme} delta-colors=${colors} label="办结率" value=${value} unit="%" previous="80" thresholds="90,80" illustrative></civic-kpi-tile>`);
        await settle(el);
        const bg = getComputedStyle(part(el, 'base')!).backgroundColor;
        for (const p of ['label', 'number', 'delta', 'threshold', 'illustrative']) {
          const c = getComputedStyle(part(el, p)!).color;
          expect(ratio(c, bg), `${theme} ${colors} ${value} ${p} ${c} on ${bg}`).to.be.at.least(4.5);
        }
      }
    }
  });

  describe('bad input', () => {
    for (const [name, value, unit] of [
      ['non-numeric', 'abc', ''],
      ['NaN', 'NaN', ''],
      ['Infinity', 'Infinity', ''],
      ['negative count', '-5', '人'],
      ['1e20', '1e20', ''],
    ] as const) {
      it(`shows a dash and "数值无效" for ${name}, never a crash`, async () => {
        const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile label="指标" value=${value} unit=${unit || undefined!} previous="3" target="5"></civic-kpi-tile>`);
        await settle(el);
        expect(text(el, 'number')).to.equal('—');
        expect(part(el, 'unit')).to.equal(null);
        expect(text(el, 'status')).to.equal('数值无效');
        expect(part(el, 'delta')).to.equal(null);
        expect(live(el).textContent).to.equal('指标：数值无效');
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.match(/^\[civic-kpi-tile\] invalid attribute: value:/);
        await expect(el).to.be.accessible();
      });
    }

    it('renders markup in labels as text', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile .data=${{ label: '<img src=x onerror="window.__pwned=1"><b>粗</b>', value: 1, caption: '<i>c</i>' }}></civic-kpi-tile>`);
      await settle(el);
      expect(text(el, 'label')).to.equal('<img src=x onerror="window.__pwned=1"><b>粗</b>');
      expect(el.shadowRoot!.querySelector('img, b, i')).to.equal(null);
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    });

    it('names a KPI without label', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile .data=${{ value: 3 }}></civic-kpi-tile>`);
      await settle(el);
      expect(text(el, 'label')).to.equal('未命名指标');
      expect(text(el, 'number')).to.equal('3');
    });

    it('an invalid data value is an error with the path (nothing valid to draw: no civic-load, the error state)', async () => {
      const el = document.createElement('civic-kpi-tile');
      el.data = { label: 'x', value: 'abc' };
      let loads = 0;
      el.addEventListener('civic-load', () => loads++);
      const p = oneEvent(el, 'civic-error');
      document.body.append(el);
      const ev = await p;
      await settle(el);
      expect(ev.detail.issues[0]).to.include({ path: 'value', code: 'type' });
      expect(ev.detail.partial).to.equal(false);
      expect(loads).to.equal(0);
      expect(el.shadowRoot!.querySelector('[part~="status"]')!.getAttribute('role')).to.equal('alert');
      el.remove();
    });
  });

  describe('deltas', () => {
    const RED = 'rgb(184, 18, 27)';
    const GREEN = 'rgb(21, 127, 59)';
    it('red-up (default): a rise is red, with an arrow and words', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile label="GDP" value="860.9" unit="亿元" previous="825.4" delta-label="同比"></civic-kpi-tile>`);
      await settle(el);
      const d = part(el, 'delta')!;
      expect(d.getAttribute('part')).to.equal('delta delta-up');
      expect(d.textContent!.replace(/\s+/g, '')).to.equal('同比+4.3%');
      expect(d.querySelector('svg')).to.exist;
      expect(getComputedStyle(d).color).to.equal(RED);
      expect(live(el).textContent).to.equal('GDP：860.9亿元，同比上升4.3%');
    });

    it('red-up: a fall is green', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile label="x" value="90" previous="100" delta-label="环比"></civic-kpi-tile>`);
      await settle(el);
      expect(part(el, 'delta')!.getAttribute('part')).to.equal('delta delta-down');
      expect(getComputedStyle(part(el, 'delta')!).color).to.equal(GREEN);
      expect(live(el).textContent).to.equal('x：90，环比下降10%');
    });

    it('green-up: a rise is green and a fall red', async () => {
      const up = await fixture<CivicKpiTile>(html`<civic-kpi-tile lang="en" delta-colors="green-up" label="x" value="110" previous="100"></civic-kpi-tile>`);
      const down = await fixture<CivicKpiTile>(html`<civic-kpi-tile lang="en" delta-colors="green-up" label="x" value="90" previous="100"></civic-kpi-tile>`);
      await settle(up);
      await settle(down);
      expect(getComputedStyle(part(up, 'delta')!).color).to.equal(GREEN);
      expect(getComputedStyle(part(down, 'delta')!).color).to.equal(RED);
      expect(live(down).textContent).to.equal('x: 90, vs previous down 10%');
    });

    it('a public token overrides the rise colour', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile style="--civic-kpi-tile-rise-color: rgb(1, 2, 3)" label="x" value="2" previous="1"></civic-kpi-tile>`);
      await settle(el);
      expect(getComputedStyle(part(el, 'delta')!).color).to.equal('rgb(1, 2, 3)');
    });

    it('shows flat changes in neutral with the word', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile label="x" value="5" previous="5" delta-label="同比"></civic-kpi-tile>`);
      await settle(el);
      expect(part(el, 'delta')!.getAttribute('part')).to.equal('delta delta-flat');
      expect(text(el, 'delta').replace(/\s+/g, '')).to.equal('同比持平');
    });
  });

  describe('status, progress, sparkline', () => {
    it('shows threshold status with icon and word', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile label="办结率" value="85" unit="%" thresholds="90,80"></civic-kpi-tile>`);
      await settle(el);
      const s = part(el, 'threshold')!;
      expect(s.dataset.level).to.equal('warn');
      expect(s.textContent!.trim()).to.equal('预警');
      expect(s.querySelector('svg')).to.exist;
      el.value = '70';
      await settle(el);
      expect(part(el, 'threshold')!.dataset.level).to.equal('alert');
      expect(text(el, 'threshold')).to.equal('告警');
    });

    it('shows target status and progress', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile lang="en" label="x" value="1500" target="1500"></civic-kpi-tile>`);
      await settle(el);
      expect(text(el, 'threshold')).to.equal('Target met');
      expect(part(el, 'progress')!.getAttribute('aria-valuenow')).to.equal('100');
    });

    it('marks an illustrative trend', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile .data=${{ label: 'x', value: 3, history: [1, 2, 3], historyIllustrative: true }}></civic-kpi-tile>`);
      await settle(el);
      expect(part(el, 'illustrative')).to.exist;
      expect(part(el, 'sparkline')!.getAttribute('aria-label')).to.contain('走势为示例数据');
    });
  });

  describe('count-up and reduced motion', () => {
    it('counts up on change and announces only the final value', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile label="x" value="100" duration="1500"></civic-kpi-tile>`);
      await settle(el);
      expect(text(el, 'number')).to.equal('100');
      const announced: string[] = [];
      const mo = new MutationObserver(() => announced.push(live(el).textContent ?? ''));
      mo.observe(live(el), { childList: true, characterData: true, subtree: true });
      const seen = new Set<string>();
      const numberMo = new MutationObserver(() => seen.add(text(el, 'number')));
      // The tile's base, not the number node: a new figure re-creates the value line (no layout shift).
      numberMo.observe(part(el, 'base')!, { childList: true, characterData: true, subtree: true });
      el.value = '200';
      await el.updateComplete;
      expect(text(el, 'number')).to.equal('100'); // the animation starts from the old value
      expect(live(el).textContent).to.equal('x：200');
      await until(() => text(el, 'number') === '200', 'the count-up never reached 200');
      mo.disconnect();
      numberMo.disconnect();
      expect(text(el, 'number')).to.equal('200');
      expect([...seen].some((s) => s !== '100' && s !== '200'), `intermediate frames: ${[...seen]}`).to.equal(true);
      expect(announced.every((a) => a === 'x：200'), announced.join('|')).to.equal(true);
    });

    it('motion="reduce" shows the final value at once', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" label="x" value="100" duration="5000"></civic-kpi-tile>`);
      await settle(el);
      el.value = '170000';
      await el.updateComplete;
      expect(text(el, 'number') + text(el, 'suffix')).to.equal('17万');
    });

    it('prefers-reduced-motion shows the final value at once', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile label="x" value="100" duration="5000"></civic-kpi-tile>`);
        await settle(el);
        el.value = '250';
        await el.updateComplete;
        expect(text(el, 'number')).to.equal('250');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });

  describe('fit to width', () => {
    it('shrinks a long value to fit a 160 px tile', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile style="width:160px; --civic-kpi-tile-value-font-size: 96px" label="校企实训基地" value="1300" unit="个" qualifier="plus"></civic-kpi-tile>`);
      await settle(el);
      const v = part(el, 'value')!;
      const size = parseFloat(getComputedStyle(v).fontSize);
      expect(size).to.be.below(96);
      expect(size).to.be.at.least(10);
      expect(v.scrollWidth).to.be.at.most(v.clientWidth + 1);
    });

    it('keeps the full size on a 4K-wide tile and grows back when widened', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile style="width:160px; --civic-kpi-tile-value-font-size: 96px" label="x" value="1300" unit="个" qualifier="plus"></civic-kpi-tile>`);
      await settle(el);
      expect(parseFloat(getComputedStyle(part(el, 'value')!).fontSize)).to.be.below(96);
      el.style.width = '3840px';
      await until(() => parseFloat(getComputedStyle(part(el, 'value')!).fontSize) === 96, 'the value grows back to full size');
      await settle(el);
      expect(parseFloat(getComputedStyle(part(el, 'value')!).fontSize)).to.equal(96);
    });

    it('refits when the value gets longer', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" style="width:240px; --civic-kpi-tile-value-font-size: 48px" label="x" value="17" unit="所"></civic-kpi-tile>`);
      await settle(el);
      expect(parseFloat(getComputedStyle(part(el, 'value')!).fontSize)).to.equal(48);
      el.value = '123456.789';
      el.precision = 3;
      el.unit = '亿元';
      await settle(el);
      const v = part(el, 'value')!;
      expect(parseFloat(getComputedStyle(v).fontSize)).to.be.below(48);
      expect(v.scrollWidth).to.be.at.most(v.clientWidth + 1);
    });
  });

  describe('data sources and field mapping', () => {
    const server = new FakeServer();
    beforeEach(() => {
      server.routes.clear();
      server.install();
    });
    afterEach(() => server.uninstall());

    it('reads the data property (a kpis.json item)', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile .data=${{ id: 'colleges', label: '大中专院校', labelEn: 'Colleges', value: 17, unit: '所' }}></civic-kpi-tile>`);
      await settle(el);
      expect(text(el, 'label')).to.equal('大中专院校');
      expect(text(el, 'number') + text(el, 'unit')).to.equal('17所');
    });

    it('reads inline JSON', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile><script type="application/json">{"label":"产业学院","value":24,"unit":"个"}</script></civic-kpi-tile>`);
      await settle(el);
      expect(text(el, 'label')).to.equal('产业学院');
      expect(text(el, 'number')).to.equal('24');
    });

    it('reads src through the envelope adapter with field mapping; attributes fill the rest', async () => {
      server.routes.set('/kpi.json', { body: JSON.stringify({ code: 0, msg: 'ok', data: { stats: { total: 206, name: '高层次人才' } } }) });
      const el = document.createElement('civic-kpi-tile');
      el.src = '/kpi.json';
      el.valueField = 'stats.total';
      el.labelField = 'stats.name';
      el.unit = '名';
      const p = oneEvent(el, 'civic-load');
      document.body.append(el);
      await p;
      await settle(el);
      expect(text(el, 'label')).to.equal('高层次人才');
      expect(text(el, 'number') + text(el, 'unit')).to.equal('206名');
      el.remove();
    });

    it('picks the item of the region from a list (data.list[] paths)', async () => {
      const payload = { data: { list: [{ code: '500118001', n: 12, name: '中山路街道' }, { code: '500118002', n: 30, name: '胜利路街道' }] } };
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile .data=${payload} value-field="data.list[].n" label-field="data.list[].name"></civic-kpi-tile>`);
      await settle(el);
      expect(text(el, 'label')).to.equal('中山路街道');
      // region lives on the rows under another name: map it through the raw list instead
      const el2 = await fixture<CivicKpiTile>(html`<civic-kpi-tile region="500118002" .data=${payload.data.list.map((r) => ({ label: r.name, value: r.n, region: r.code }))}></civic-kpi-tile>`);
      await settle(el2);
      expect(text(el2, 'label')).to.equal('胜利路街道');
      expect(text(el2, 'number')).to.equal('30');
      el2.region = '500118003';
      await settle(el2);
      expect(text(el2, 'number')).to.equal('—');
      expect(text(el2, 'status')).to.equal('所选区域无此数据');
    });

    it('picks one item of a whole kpis.json by item-id', async () => {
      const payload = { items: [{ id: 'colleges', label: '大中专院校', value: 17, unit: '所' }, { id: 'talents', label: '引进高层次人才', value: 206, unit: '人' }] };
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" item-id="talents" .data=${payload}></civic-kpi-tile>`);
      await settle(el);
      expect(text(el, 'label')).to.equal('引进高层次人才');
      expect(text(el, 'number')).to.equal('206');
      el.itemId = 'colleges';
      await settle(el);
      expect(text(el, 'number')).to.equal('17');
    });

    it('shows the loading state, then the error state for a 500', async () => {
      server.routes.set('/500.json', { status: 500, body: 'x' });
      const el = document.createElement('civic-kpi-tile');
      el.src = '/500.json';
      const p = oneEvent(el, 'civic-error');
      document.body.append(el);
      await el.updateComplete;
      expect(part(el, 'status')!.dataset.kind).to.equal('loading');
      await p;
      await settle(el);
      expect(part(el, 'status')!.dataset.kind).to.equal('error');
      expect(warnings.length).to.equal(1);
      el.remove();
    });
  });

  describe('PNG export', () => {
    const FULL = html`<civic-kpi-tile
      style="width:320px"
      label="实训基地"
      value="1300"
      unit="个"
      qualifier="plus"
      previous="1200"
      delta-label="同比"
      target="1500"
      sparkline="900,1000,1100,1200,1300"
      source="FACTS.md §3"
      illustrative
      motion="reduce"
    ></civic-kpi-tile>`;

    it('toPNG() draws the tile: an image/png of its size × pixel ratio, with the figure, delta, sparkline and badge in place', async () => {
      const el = await fixture<CivicKpiTile>(FULL);
      await settle(el);
      const blob = await el.toPNG({ pixelRatio: 2 });
      expect(blob.type).to.equal('image/png');
      const px = await decodePng(blob);
      expect(px.width).to.equal(Math.round(el.offsetWidth * 2));
      expect(px.height).to.equal(Math.round(el.offsetHeight * 2));
      expect(distinctColours(px)).to.be.greaterThan(8);
      // The figure's colour inside the number's box; none of it in the empty band below the tile's padding.
      const num = part(el, 'number')!;
      const numColour = rgbOf(getComputedStyle(num).color);
      expect(countColour(px, numColour, 40, regionOf(num, el, px.width))).to.be.greaterThan(100);
      // Tile background fills the base box.
      const bg = rgbOf(getComputedStyle(part(el, 'base')!).backgroundColor);
      const base = regionOf(part(el, 'base')!, el, px.width);
      expect(countColour(px, bg, 6, base)).to.be.greaterThan(base.width * base.height * 0.4);
      // Delta in its rise colour, sparkline stroke in its colour, illustrative badge in its colour.
      const delta = part(el, 'delta')!;
      expect(countColour(px, rgbOf(getComputedStyle(delta).color), 40, regionOf(delta, el, px.width))).to.be.greaterThan(20);
      const spark = part(el, 'sparkline')!;
      expect(countColour(px, rgbOf(getComputedStyle(spark).color), 50, regionOf(spark, el, px.width))).to.be.greaterThan(50);
      const badge = part(el, 'illustrative')!;
      expect(countColour(px, rgbOf(getComputedStyle(badge).color), 50, regionOf(badge, el, px.width))).to.be.greaterThan(20);
      expect(warnings).to.deep.equal([]);
    });

    it('toPNG() ignores an ancestor transform (a scaled big screen): layout size × pixel ratio, parts in place', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div style="transform:scale(0.5);transform-origin:0 0;width:640px">
        <civic-kpi-tile style="width:300px" label="学校" value="18" unit="所" motion="reduce"></civic-kpi-tile>
      </div>`);
      const el = wrap.querySelector<CivicKpiTile>('civic-kpi-tile')!;
      await settle(el);
      const px = await decodePng(await el.toPNG({ pixelRatio: 2 }));
      expect(px.width).to.equal(600);
      const num = part(el, 'number')!;
      expect(countColour(px, rgbOf(getComputedStyle(num).color), 40, regionOf(num, el, px.width))).to.be.greaterThan(100);
    });

    it('toPNG() follows the theme: dark tile background', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile theme="dark" style="width:240px" label="学校" value="18" unit="所"></civic-kpi-tile>`);
      await settle(el);
      const px = await decodePng(await el.toPNG({ pixelRatio: 1 }));
      const base = regionOf(part(el, 'base')!, el, px.width);
      expect(countColour(px, rgbOf('#102a4c'), 6, base)).to.be.greaterThan(base.width * base.height * 0.4);
    });

    it('toPNG() draws the final value, not a count-up frame', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile style="width:240px" label="x" value="1000" duration="5000" motion="auto"></civic-kpi-tile>`);
      await settle(el);
      const ref = await decodePng(await el.toPNG({ pixelRatio: 1 }));
      el.value = 9999;
      await settle(el);
      const mid = await decodePng(await el.toPNG({ pixelRatio: 1 }));
      el.motion = 'reduce';
      el.value = 1000;
      await settle(el);
      el.value = 9999;
      await settle(el);
      const fin = await decodePng(await el.toPNG({ pixelRatio: 1 }));
      expect(Array.from(mid.data)).to.deep.equal(Array.from(fin.data));
      expect(Array.from(ref.data)).to.not.deep.equal(Array.from(fin.data));
    });

    it('toPNG() rejects when there is nothing to draw', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile></civic-kpi-tile>`);
      let failed = false;
      await el.toPNG().catch(() => (failed = true));
      expect(failed).to.equal(true);
    });

    it('has no export button by default; `export` shows an accessible, ≥24 px one (44 px in elder density)', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile label="学校" value="18" unit="所"></civic-kpi-tile>`);
      await settle(el);
      expect(part(el, 'export-button')).to.equal(null);
      el.export = true;
      await settle(el);
      expect(el.hasAttribute('export')).to.equal(true);
      const btn = part(el, 'export-button')!;
      expect(btn.getAttribute('aria-label')).to.equal('导出图片');
      expect(btn.getBoundingClientRect().height).to.be.at.least(24);
      expect(btn.getBoundingClientRect().width).to.be.at.least(24);
      await expect(el).to.be.accessible();
      el.lang = 'en';
      await settle(el);
      expect(part(el, 'export-button')!.getAttribute('aria-label')).to.equal('Export PNG');
      el.density = 'elder';
      await settle(el);
      expect(part(el, 'export-button')!.getBoundingClientRect().height).to.be.at.least(44);
      await emulateMedia({ media: 'print' });
      try {
        expect(getComputedStyle(part(el, 'export-button')!).display).to.equal('none');
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });

    it('the export button fires a cancelable civic-export with a PNG named after file-name', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile export file-name="学校 数量/2024" label="学校" value="18" unit="所"></civic-kpi-tile>`);
      await settle(el);
      let count = 0;
      el.addEventListener('civic-export', (e) => {
        count++;
        e.preventDefault(); // no download in the test
      });
      setTimeout(() => part(el, 'export-button')!.click());
      const ev = await oneEvent(el, 'civic-export');
      expect(ev.cancelable && ev.bubbles && ev.composed).to.equal(true);
      expect(ev.detail.format).to.equal('png');
      expect(ev.detail.filename).to.equal('学校-数量-2024.png');
      expect(ev.detail.blob.type).to.equal('image/png');
      expect(distinctColours(await decodePng(ev.detail.blob))).to.be.greaterThan(3);
      expect(count).to.equal(1);
    });

    it('the export button is keyboard reachable and uses the tag as the default file name', async () => {
      const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile export label="学校" value="18" unit="所"></civic-kpi-tile>`);
      await settle(el);
      el.addEventListener('civic-export', (e) => e.preventDefault());
      const btn = part(el, 'export-button')!;
      btn.focus();
      expect(el.shadowRoot!.activeElement).to.equal(btn);
      setTimeout(() => btn.click());
      const ev = await oneEvent(el, 'civic-export');
      expect(ev.detail.filename).to.equal('civic-kpi-tile.png');
    });
  });

  it('highlight(id) outlines the tile of that KPI', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile .data=${{ id: 'colleges', label: 'x', value: 1 }}></civic-kpi-tile>`);
    await settle(el);
    el.highlight('colleges');
    await el.updateComplete;
    expect(el.hasAttribute('highlighted')).to.equal(true);
    el.highlight(null);
    await el.updateComplete;
    expect(el.hasAttribute('highlighted')).to.equal(false);
  });
});
