// Accessibility across the product (issue 7): the `elder` (适老化) density enlarges every text to at least 18 px
// and every interactive target to at least 44 × 44 px, in every element, set on the element or inherited from
// <civic-screen density="elder">. The same measurements at the default density find smaller text and targets, which
// shows that the checks can fail.
import { expect, html } from '@open-wc/testing';
import { DEADLINE, settled, until as poll } from './fixtures/wait.js';
import { render, type TemplateResult } from 'lit';
import '../../src/define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import KPIS from '../../demo/data/kpis.json';
import RANK from '../../demo/data/rank-communities.json';
import GROWTH from '../../demo/data/growth.json';
import CHAINS from '../../demo/data/chains.json';
import METRICS from '../../demo/data/grid-metrics.json';

const D = '/demo/data';
const MIN_TEXT = 18;
const MIN_TARGET = 44;
type Density = 'elder' | 'default';

/** A polled condition with a deadline (never shorter than the shared one: a busy machine is slow). */
function until(cond: () => boolean, timeout = DEADLINE, what = 'condition'): Promise<void> {
  return poll(cond, `timed out waiting for ${what}`, Math.max(timeout, DEADLINE));
}

/** One of each element at a density; a page-level container that is removed in `after`. */
function elements(density: Density): Record<string, TemplateResult> {
  return {
    'civic-grid-map': html`<civic-grid-map density=${density} geometry-src="${D}/grids.geojson" .data=${METRICS} metric="households" renderer="canvas"></civic-grid-map>`,
    'civic-chain-graph': html`<civic-chain-graph density=${density} .data=${CHAINS} chain="auto" layout="tiers"></civic-chain-graph>`,
    'civic-kpi-tile': html`<civic-kpi-tile density=${density} label="地区生产总值" value="860.9" unit="亿元" previous="825.4" delta-label="同比" period="2022-01/2022-09" source="FACTS.md" caption="累计" sparkline="1,2,3" target="1000" duration="0" motion="reduce" illustrative></civic-kpi-tile>`,
    'civic-kpi-grid': html`<civic-kpi-grid density=${density} .data=${KPIS} duration="0" motion="reduce"></civic-kpi-grid>`,
    'civic-rank-board': html`<civic-rank-board density=${density} .data=${RANK} rows-visible="4" interval="0"></civic-rank-board>`,
    'civic-growth-chart': html`<civic-growth-chart density=${density} .data=${GROWTH} kind="value-growth" series="gdp"></civic-growth-chart>`,
  };
}

async function mount(t: TemplateResult, loadsNeeded: string[]): Promise<HTMLElement> {
  const loads = new Set<string>();
  const host = document.createElement('div');
  host.style.width = '960px';
  document.body.append(host);
  render(html`<div @civic-load=${(e: Event) => loads.add((e.target as Element).localName)}>${t}</div>`, host);
  await until(() => loadsNeeded.every((n) => loads.has(n)), 30000, `civic-load from ${loadsNeeded.filter((n) => !loads.has(n)).join(', ')}`);
  const map = host.querySelector('civic-grid-map') as CivicGridMap | null;
  if (map) {
    await until(() => !!map.shadowRoot?.querySelector('[part~="canvas"]'), 30000, 'grid map geometry');
    await map.whenDrawn();
  }
  for (const el of host.querySelectorAll('*')) await (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
  await settled(host);
  return host;
}

interface Found {
  where: string;
  what: string;
  size: string;
}

const hostOf = (n: Node): string => {
  const r = n.getRootNode();
  return r instanceof ShadowRoot ? r.host.localName : 'page';
};

function visible(el: Element): boolean {
  for (let e: Element | null = el; e; ) {
    const cs = getComputedStyle(e);
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return false;
    const r = e.getRootNode();
    e = e.parentElement ?? (r instanceof ShadowRoot ? r.host : null);
  }
  const rect = el.getBoundingClientRect();
  // Visually hidden text (1 px clip) is for screen readers, not for reading.
  return rect.width > 1 && rect.height > 1;
}

/** Every visible text node in the shadow roots under `root` whose computed font size is below `min`. */
function smallText(root: Element, min = MIN_TEXT): Found[] {
  const out: Found[] = [];
  const walkRoot = (sr: ShadowRoot) => {
    const w = document.createTreeWalker(sr, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (n instanceof Element) {
        if (n.shadowRoot) walkRoot(n.shadowRoot);
        continue;
      }
      const text = (n.textContent ?? '').trim();
      const parent = n.parentElement;
      if (!text || !parent || parent.localName === 'style' || parent.localName === 'script') continue;
      if (!visible(parent)) continue;
      const fs = parseFloat(getComputedStyle(parent).fontSize);
      if (fs < min - 0.01) out.push({ where: `${hostOf(parent)} ${parent.localName}${parent.getAttribute('part') ? `[part=${parent.getAttribute('part')}]` : parent.className && typeof parent.className === 'string' ? `.${parent.className}` : ''}`, what: text.slice(0, 24), size: `${fs}px` });
    }
  };
  for (const el of [root, ...root.querySelectorAll('*')]) if (el.shadowRoot && el.localName.startsWith('civic-')) walkRoot(el.shadowRoot);
  return dedupe(out);
}

const TARGETS = 'button, input:not([type="hidden"]), select, textarea, summary, a[href], [role="button"], [role="option"]:not([aria-disabled="true"]), [tabindex]:not([tabindex="-1"])';

/** Visible interactive targets under `root` (through shadow roots) whose layout box is below `min` × `min`. */
function smallTargets(root: Element, min = MIN_TARGET): Found[] {
  const out: Found[] = [];
  const walkRoot = (sr: ShadowRoot) => {
    for (const el of sr.querySelectorAll<HTMLElement>(TARGETS)) {
      if (!visible(el)) continue;
      // Layout size in CSS px: a scaled <civic-screen> stage transforms boxes, the design size is what counts.
      const w = el.offsetWidth, h = el.offsetHeight;
      if (w < min - 0.5 || h < min - 0.5) out.push({ where: `${hostOf(el)} ${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''}`, what: (el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 24), size: `${w}×${h}` });
    }
    for (const el of sr.querySelectorAll('*')) if (el.shadowRoot) walkRoot(el.shadowRoot);
  };
  for (const el of [root, ...root.querySelectorAll('*')]) if (el.shadowRoot && el.localName.startsWith('civic-')) walkRoot(el.shadowRoot);
  return dedupe(out);
}

function dedupe(list: Found[]): Found[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = `${f.where}|${f.size}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
const show = (list: Found[]) => list.slice(0, 12).map((f) => `${f.where} "${f.what}" ${f.size}`).join('; ') + (list.length > 12 ? ` (+${list.length - 12})` : '');

describe('accessibility: elder density (适老化)', function () {
  this.timeout(120000);
  const LOADS = ['civic-grid-map', 'civic-chain-graph', 'civic-kpi-grid', 'civic-rank-board', 'civic-growth-chart'];

  for (const tag of Object.keys(elements('elder'))) {
    describe(`<${tag}>`, () => {
      let elder: HTMLElement, plain: HTMLElement;
      before(async () => {
        const need = LOADS.filter((t) => t === tag);
        elder = await mount(elements('elder')[tag], need);
        plain = await mount(elements('default')[tag], need);
      });
      after(() => {
        elder.remove();
        plain.remove();
      });

      it('density="elder": every visible text ≥ 18 px', () => {
        expect(elder.querySelector(tag)!.getAttribute('data-density')).to.equal('elder');
        const texts = elder.querySelectorAll('*').length;
        expect(texts).to.be.greaterThan(0);
        expect(smallText(elder), show(smallText(elder))).to.deep.equal([]);
      });

      it('density="elder": every interactive target ≥ 44 × 44 px', () => {
        expect(smallTargets(elder), show(smallTargets(elder))).to.deep.equal([]);
      });

      it('default density draws text or targets the elder checks would reject (the checks can fail)', () => {
        const found = smallText(plain).length + smallTargets(plain).length;
        expect(found, `${tag} at default density: nothing below 18 px / 44 px`).to.be.greaterThan(0);
      });
    });
  }

  it('SVG text (chain graph, growth chart axes) in elder is ≥ 18 px and larger than at default', async () => {
    const e = await mount(html`${elements('elder')['civic-growth-chart']}${elements('elder')['civic-chain-graph']}`, ['civic-growth-chart', 'civic-chain-graph']);
    const p = await mount(html`${elements('default')['civic-growth-chart']}${elements('default')['civic-chain-graph']}`, ['civic-growth-chart', 'civic-chain-graph']);
    try {
      const sizes = (root: HTMLElement) =>
        [...root.querySelectorAll('civic-growth-chart, civic-chain-graph')].flatMap((el) => [...el.shadowRoot!.querySelectorAll('svg text')].map((t) => parseFloat(getComputedStyle(t).fontSize)));
      const se = sizes(e), sp = sizes(p);
      expect(se.length, 'SVG text present').to.be.greaterThan(3);
      expect(Math.min(...se)).to.be.at.least(MIN_TEXT);
      expect(Math.min(...sp)).to.be.lessThan(Math.min(...se));
    } finally {
      e.remove();
      p.remove();
    }
  });

  /** Font sizes (px) an element sets on 2D canvas contexts while it mounts and draws (canvas text is not in the DOM). */
  async function canvasFonts(t: TemplateResult, load: string): Promise<number[]> {
    const desc = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font')!;
    const sizes: number[] = [];
    Object.defineProperty(CanvasRenderingContext2D.prototype, 'font', {
      configurable: true,
      get: desc.get,
      set(v: string) {
        const m = /([\d.]+)px/.exec(v);
        if (m) sizes.push(parseFloat(m[1]));
        desc.set!.call(this, v);
      },
    });
    let host: HTMLElement | undefined;
    try {
      host = await mount(t, [load]); // settled: layouts done, maps drawn
      await until(() => sizes.length > 0, DEADLINE, 'canvas text drawn');
    } finally {
      Object.defineProperty(CanvasRenderingContext2D.prototype, 'font', desc);
      host?.remove();
    }
    return sizes;
  }

  // The grid map draws its labels on a canvas with `labelSize` read from --_label-size: grid-map.ts parses the token
  // with parseFloat('calc(12px * 1.5)') → NaN → 12, so canvas labels stay 12 px in every density.
  it('grid map canvas labels in elder are ≥ 18 px', async () => {
    const sizes = await canvasFonts(elements('elder')['civic-grid-map'], 'civic-grid-map');
    expect(sizes.length, 'labels drawn').to.be.greaterThan(0);
    expect(Math.min(...sizes)).to.be.at.least(MIN_TEXT);
  });

  // chain-graph.ts draws canvas labels at 12 px × (density default ? 1 : 1.25) = 15 px in elder.
  it('chain graph canvas labels (renderer="canvas") in elder are ≥ 18 px', async () => {
    const sizes = await canvasFonts(html`<civic-chain-graph density="elder" renderer="canvas" .data=${CHAINS} chain="auto" layout="tiers"></civic-chain-graph>`, 'civic-chain-graph');
    expect(sizes.length, 'labels drawn').to.be.greaterThan(0);
    expect(Math.min(...sizes)).to.be.at.least(MIN_TEXT);
  });

  describe('inside <civic-screen density="elder">', () => {
    let wall: HTMLElement;
    before(async () => {
      wall = await mount(
        html`<civic-screen density="elder" heading="适老化测试" tour="0" data-time="2022年1—9月" style="display:block;width:960px;height:540px">
          <section><civic-kpi-grid .data=${KPIS} duration="0" motion="reduce" columns="3"></civic-kpi-grid></section>
          <section><civic-rank-board .data=${RANK} rows-visible="4" interval="0"></civic-rank-board></section>
          <section><civic-growth-chart .data=${GROWTH} kind="compare"></civic-growth-chart></section>
          <section><civic-chain-graph .data=${CHAINS} chain="equip" layout="tiers"></civic-chain-graph></section>
        </civic-screen>`,
        ['civic-kpi-grid', 'civic-rank-board', 'civic-growth-chart', 'civic-chain-graph'],
      );
    });
    after(() => wall.remove());

    it('the density reaches every element in the screen', () => {
      for (const el of wall.querySelectorAll('civic-kpi-grid, civic-rank-board, civic-growth-chart, civic-chain-graph')) expect(el.getAttribute('data-density'), el.localName).to.equal('elder');
      for (const t of wall.querySelector('civic-kpi-grid')!.shadowRoot!.querySelectorAll('civic-kpi-tile')) expect(t.getAttribute('data-density')).to.equal('elder');
    });

    it('every visible text ≥ 18 px and every target ≥ 44 × 44 px (design px)', () => {
      expect(smallText(wall), show(smallText(wall))).to.deep.equal([]);
      expect(smallTargets(wall), show(smallTargets(wall))).to.deep.equal([]);
    });
  });
});
