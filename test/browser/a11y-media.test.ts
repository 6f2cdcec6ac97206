// Accessibility across the product (issue 7): print stylesheet and Windows high contrast (forced-colors).
// Print: emulateMedia({ media: 'print' }) (CDP Emulation.setEmulatedMedia) — controls, toolbars and tooltips are
// hidden, the content (map, graph, rows, plot, figures, legends) stays, and the ranking prints every row.
// Forced colours: wtr's puppeteer-based chromeLauncher drops `forcedColors` from emulateMedia (only colorScheme,
// reducedMotion and media reach CDP), so when the media query does not match after asking for it, the test applies
// the elements' own `@media (forced-colors: active)` rules unconditionally (copied from their adopted stylesheets)
// and checks what they promise: system colours, outlined focus rings in Highlight, swatches kept
// (`forced-color-adjust: none`) and outlined, bars drawn in a system colour.
import { expect, html } from '@open-wc/testing';
import { DEADLINE, frames, until as poll } from './fixtures/wait.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { render } from 'lit';
import '../../src/define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import KPIS from '../../demo/data/kpis.json';
import RANK from '../../demo/data/rank-communities.json';
import GROWTH from '../../demo/data/growth.json';
import CHAINS from '../../demo/data/chains.json';
import METRICS from '../../demo/data/grid-metrics.json';

const D = '/demo/data';

/** A polled condition with a deadline (never shorter than the shared one: a busy machine is slow). */
function until(cond: () => boolean, timeout = DEADLINE, what = 'condition'): Promise<void> {
  return poll(cond, `timed out waiting for ${what}`, Math.max(timeout, DEADLINE));
}
/** After a media change: media-query listeners run at the next rendering step, resize observers after it. */
const frame = () => frames(3);

let page: HTMLElement;
const $ = <T extends Element = HTMLElement>(tag: string) => page.querySelector(tag) as unknown as T;
const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const part = (el: Element, name: string) => parts(el, name)[0] ?? null;
const shown = (el: Element | null) => {
  if (!el) return false;
  for (let e: Element | null = el; e; ) {
    if (getComputedStyle(e).display === 'none') return false;
    const r = e.getRootNode();
    e = e.parentElement ?? (r instanceof ShadowRoot ? r.host : null);
  }
  const b = el.getBoundingClientRect();
  return b.width > 0 && b.height > 0;
};

async function mountAll(): Promise<void> {
  const loads = new Set<string>();
  page = document.createElement('div');
  page.style.width = '1000px';
  document.body.append(page);
  render(
    html`<div @civic-load=${(e: Event) => loads.add((e.target as Element).localName)}>
      <button id="before" type="button">before</button>
      <civic-grid-map geometry-src="${D}/grids.geojson" .data=${METRICS} metric="households" renderer="canvas"></civic-grid-map>
      <civic-chain-graph .data=${CHAINS} chain="auto" layout="tiers"></civic-chain-graph>
      <civic-kpi-tile export label="地区生产总值" value="860.9" unit="亿元" previous="825.4" delta-label="同比" target="1000" duration="0" motion="reduce"></civic-kpi-tile>
      <civic-kpi-grid .data=${KPIS} duration="0" motion="reduce"></civic-kpi-grid>
      <civic-rank-board export .data=${RANK} rows-visible="4" interval="0"></civic-rank-board>
      <civic-growth-chart .data=${GROWTH} kind="value-growth" series="gdp"></civic-growth-chart>
      <civic-screen export-button heading="打印测试" tour="0" style="display:block;width:960px;height:540px">
        <section><civic-kpi-grid .data=${KPIS} duration="0" motion="reduce" columns="3"></civic-kpi-grid></section>
      </civic-screen>
      <button id="after" type="button">after</button>
    </div>`,
    page,
  );
  const need = ['civic-grid-map', 'civic-chain-graph', 'civic-kpi-grid', 'civic-rank-board', 'civic-growth-chart'];
  await until(() => need.every((n) => loads.has(n)), 30000, `civic-load from ${need.filter((n) => !loads.has(n)).join(', ')}`);
  const map = $<CivicGridMap>('civic-grid-map');
  await until(() => !!map.shadowRoot?.querySelector('[part~="canvas"]'), 30000, 'grid map geometry');
  await map.whenDrawn();
  await frame();
}

/** Controls that must not be printed, per element, by part name. */
const CONTROLS: Record<string, string[]> = {
  'civic-grid-map': ['search', 'table-toggle', 'level-button', 'tooltip'],
  'civic-chain-graph': ['search', 'reset', 'tooltip'],
  'civic-growth-chart': ['toolbar'],
  'civic-kpi-tile': ['export-button'],
  'civic-rank-board': ['export-button'],
  'civic-screen': ['fullscreen', 'export'],
};
/** Content that must be printed, per element. */
const CONTENT: Record<string, string[]> = {
  'civic-grid-map': ['canvas', 'legend'],
  'civic-chain-graph': ['stage', 'legend'],
  'civic-growth-chart': ['plot', 'legend'],
  'civic-kpi-tile': ['value', 'label', 'delta', 'progress'],
  'civic-rank-board': ['list', 'row'],
};

/** Shows both tooltips through the public highlight() API (as the big-screen tour does). */
async function showTooltips(): Promise<void> {
  const map = $<CivicGridMap>('civic-grid-map');
  map.highlight('500118002007003');
  const graph = $<HTMLElement & { highlight(id: string | null): void; updateComplete: Promise<unknown> }>('civic-chain-graph');
  graph.highlight('gwm');
  await map.updateComplete;
  await graph.updateComplete;
  await frame();
}

describe('accessibility: print and forced colours', function () {
  this.timeout(120000);
  before(mountAll);
  after(async () => {
    await emulateMedia({ media: 'screen' });
    page.remove();
  });

  describe('print', () => {
    afterEach(async () => {
      await emulateMedia({ media: 'screen' });
      await frame();
    });

    it('on screen, the controls and tooltips checked below are visible (so the print check can fail)', async () => {
      await showTooltips();
      const missing: string[] = [];
      for (const [tag, names] of Object.entries(CONTROLS))
        for (const n of names) {
          const el = tag === 'civic-screen' ? $('civic-screen') : $(tag);
          if (!shown(part(el, n))) missing.push(`${tag} [part=${n}]`);
        }
      expect(missing, 'not visible on screen (renamed part?)').to.deep.equal([]);
    });

    it('in print, toolbars, buttons, search fields and tooltips are hidden', async () => {
      await showTooltips();
      await emulateMedia({ media: 'print' });
      await frame();
      expect(matchMedia('print').matches, 'print media emulated').to.equal(true);
      const still: string[] = [];
      for (const [tag, names] of Object.entries(CONTROLS)) for (const n of names) for (const el of parts($(tag), n)) if (shown(el)) still.push(`${tag} [part=${n}]`);
      expect(still, 'printed although it is a control').to.deep.equal([]);
    });

    it('in print, the content stays: map, graph, plot, legends, figures, rows', async () => {
      await emulateMedia({ media: 'print' });
      await frame();
      const gone: string[] = [];
      for (const [tag, names] of Object.entries(CONTENT)) for (const n of names) if (!shown(part($(tag), n))) gone.push(`${tag} [part=${n}]`);
      for (const t of $('civic-kpi-grid').shadowRoot!.querySelectorAll('civic-kpi-tile')) if (!shown(part(t, 'value'))) gone.push(`civic-kpi-grid tile ${t.getAttribute('item-id') ?? ''}`);
      expect(gone, 'content hidden in print').to.deep.equal([]);
      // Print colours: text black on white.
      const tile = $('civic-kpi-tile');
      expect(getComputedStyle(part(tile, 'value')!).color).to.equal('rgb(0, 0, 0)');
    });

    it('in print, the ranking prints every row, not only those in its scrolling box', async () => {
      const board = $('civic-rank-board');
      const rows = () => parts(board, 'row');
      const vp = () => part(board, 'viewport')!;
      const inside = () => {
        const b = vp().getBoundingClientRect();
        return rows().filter((r) => {
          const rb = r.getBoundingClientRect();
          return rb.top >= b.top - 1 && rb.bottom <= b.bottom + 1;
        }).length;
      };
      expect(rows().length).to.be.greaterThan(4);
      expect(inside(), 'on screen only rows-visible rows fit').to.be.lessThan(rows().length);
      await emulateMedia({ media: 'print' });
      await frame();
      expect(inside(), 'in print every row lies inside the box').to.equal(rows().length);
    });
  });

  describe('forced colours (Windows high contrast)', () => {
    let emulatedByCssom = false;
    const added: { root: ShadowRoot; sheet: CSSStyleSheet }[] = [];

    /** Adopts every `@media (forced-colors: active)` rule of every shadow root under `root` without its condition. */
    function applyForcedRules(root: ParentNode): void {
      for (const el of root.querySelectorAll('*')) {
        const sr = el.shadowRoot;
        if (!sr) continue;
        const inner: string[] = [];
        for (const sheet of sr.adoptedStyleSheets)
          for (const rule of sheet.cssRules)
            if (rule instanceof CSSMediaRule && /forced-colors:\s*active/.test(rule.conditionText)) for (const r of rule.cssRules) inner.push(r.cssText);
        if (inner.length) {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(inner.join('\n'));
          sr.adoptedStyleSheets = [...sr.adoptedStyleSheets, sheet];
          added.push({ root: sr, sheet });
        }
        applyForcedRules(sr);
      }
    }

    before(async () => {
      await emulateMedia({ forcedColors: 'active' } as Parameters<typeof emulateMedia>[0]);
      await frame();
      if (!matchMedia('(forced-colors: active)').matches) {
        emulatedByCssom = true;
        applyForcedRules(page);
        await frame();
      }
    });
    after(async () => {
      for (const { root, sheet } of added) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      await emulateMedia({ forcedColors: 'none' } as Parameters<typeof emulateMedia>[0]);
    });

    it('every element has forced-colours rules (they are what this block applies)', () => {
      const without: string[] = [];
      for (const tag of ['civic-grid-map', 'civic-chain-graph', 'civic-kpi-tile', 'civic-rank-board', 'civic-growth-chart', 'civic-screen']) {
        const has = $(tag).shadowRoot!.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r instanceof CSSMediaRule && /forced-colors:\s*active/.test(r.conditionText)));
        if (!has) without.push(tag);
      }
      expect(without).to.deep.equal([]);
      if (emulatedByCssom) console.log('[a11y-media] forced colours applied from the elements’ own rules (chromeLauncher cannot emulate forced-colors)');
    });

    it('text and surfaces use system colours', () => {
      const probe = document.createElement('span');
      probe.style.color = 'CanvasText';
      probe.style.backgroundColor = 'Canvas';
      document.body.append(probe);
      const canvasText = getComputedStyle(probe).color;
      probe.remove();
      for (const tag of ['civic-grid-map', 'civic-chain-graph', 'civic-kpi-tile', 'civic-rank-board', 'civic-growth-chart']) expect(getComputedStyle($(tag)).color, tag).to.equal(canvasText);
    });

    it('legend swatches keep their colours (forced-color-adjust: none), are outlined, and stay distinct', () => {
      const swatches = (tag: string, sel: string) => [...$(tag).shadowRoot!.querySelectorAll<HTMLElement>(sel)].filter(shown);
      const map = swatches('civic-grid-map', '[part~="legend"] .swatch');
      const chart = swatches('civic-growth-chart', '[part~="legend"] .swatch');
      const graph = swatches('civic-chain-graph', '[part~="legend"] .swatch');
      expect(map.length, 'grid map legend swatches').to.be.greaterThan(2);
      expect(chart.length, 'growth chart legend swatches').to.be.greaterThan(0);
      expect(graph.length, 'chain graph legend swatches').to.be.greaterThan(2);
      for (const s of [...map, ...chart, ...graph]) {
        const cs = getComputedStyle(s);
        expect(cs.forcedColorAdjust, `${s.className} forced-color-adjust`).to.equal('none');
        expect(cs.borderTopStyle, `${s.className} border`).to.equal('solid');
        expect(parseFloat(cs.borderTopWidth)).to.be.at.least(1);
      }
      const colours = new Set(map.filter((s) => !s.classList.contains('no-data')).map((s) => getComputedStyle(s).backgroundColor));
      expect(colours.size, 'each map class keeps its own colour').to.equal(map.filter((s) => !s.classList.contains('no-data')).length);
    });

    it('bars and progress are drawn in a system colour that survives forced colours', () => {
      const fill = part($('civic-rank-board'), 'bar-fill')!;
      expect(getComputedStyle(fill).forcedColorAdjust).to.equal('none');
      const prog = part($('civic-kpi-tile'), 'progress')!.querySelector<HTMLElement>('.fill')!;
      expect(getComputedStyle(prog).forcedColorAdjust).to.equal('none');
      const probe = document.createElement('span');
      probe.style.color = 'Highlight';
      document.body.append(probe);
      const highlight = getComputedStyle(probe).color;
      probe.remove();
      expect(getComputedStyle(fill).backgroundColor).to.equal(highlight);
      expect(getComputedStyle(prog).backgroundColor).to.equal(highlight);
    });

    it('keyboard focus rings are solid outlines in Highlight (not box-shadows, which forced colours remove)', async () => {
      const probe = document.createElement('span');
      probe.style.color = 'Highlight';
      document.body.append(probe);
      const highlight = getComputedStyle(probe).color;
      probe.remove();
      const before = page.querySelector<HTMLElement>('#before')!;
      before.focus();
      const seen: string[] = [];
      const bad: string[] = [];
      const after = page.querySelector<HTMLElement>('#after')!;
      for (let i = 0; i < 60; i++) {
        await sendKeys({ press: 'Tab' });
        // Stop at the sentinel: one Tab past the page's last stop would move focus to the browser, and the next
        // test file (same page) would get no focus events.
        if (document.activeElement === after) break;
        let a: Element | null = document.activeElement;
        while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
        if (!a || a === document.body) continue;
        const host = (a.getRootNode() as ShadowRoot).host?.localName ?? 'page';
        if (host === 'page') continue;
        const cs = getComputedStyle(a);
        const d = `${host} ${a.localName}${a.getAttribute('part') ? `[part=${a.getAttribute('part')}]` : ''}`;
        seen.push(d);
        if (cs.outlineStyle === 'none' || parseFloat(cs.outlineWidth) < 1 || cs.outlineColor !== highlight) bad.push(`${d}: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`);
      }
      expect(seen.length).to.be.greaterThan(5);
      expect(bad, 'focus rings that are not Highlight outlines').to.deep.equal([]);
    });
  });
});
