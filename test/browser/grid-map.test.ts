import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import { nextTask, until } from './fixtures/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { mapOf, part, pixelAt as pixel } from './fixtures/grid-map.js';
import type { CivicErrorEvent } from '../../src/core/events/error-event.js';
import type { CivicSelectEvent } from '../../src/core/events/select-event.js';
import METRICS_JSON from '../fixtures/grid-map/metrics.json';
import BAD_METRICS_JSON from '../fixtures/grid-map/bad-metrics.json';
import { countColour, decodePng, regionOf } from './png-helpers.js';
import type { CivicRendererChangeEvent, CivicViewChangeEvent } from '../../src/components/grid-map/grid-map.events.js';

const load = async (name: string) => (await fetch(`/test/fixtures/grid-map/${name}`)).json();
let SMALL: unknown, METRICS: { rows: { code: string; households: number | string; points: number }[] }, BAD_GEO: unknown, BAD_METRICS: unknown;

/** Centres of the hand-made squares (see test/fixtures/grid-map/small.geojson). */
const CENTRE: Record<string, [number, number]> = {
  '500118002007001': [105.905, 29.365],
  '500118002007002': [105.915, 29.365],
  '500118002008001': [105.905, 29.355],
  '500118002008002': [105.915, 29.355],
};
/** Explicit classes so the expected colour does not come from the element's own classifier. */
const RED = [255, 0, 0], GREEN = [0, 255, 0], BLUE = [0, 0, 255];
const EXPECT: Record<string, number[]> = { '500118002007001': GREEN, '500118002007002': BLUE, '500118002008001': RED, '500118002008002': GREEN };

function near(a: number[], b: number[], tol = 6): boolean {
  return a.every((v, i) => Math.abs(v - b[i]) <= tol);
}

const THRESH = { thresholds: '100,250', colors: '#ff0000,#00ff00,#0000ff' };

/** For a describe(): loads the fixtures before its tests, and collects console.warn during each test (restored after). */
function suiteSetup(): string[] {
  let warn: typeof console.warn;
  const warnings: string[] = [];
  before(async () => {
    SMALL = await load('small.geojson');
    METRICS = METRICS_JSON as typeof METRICS;
    BAD_GEO = await load('bad-geometry.geojson');
    BAD_METRICS = BAD_METRICS_JSON;
  });
  beforeEach(() => {
    warnings.length = 0;
    warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });
  return warnings;
}

describe('<civic-grid-map>', function () {
  this.timeout(60000);
  const warnings = suiteSetup();

  it('draws the right colour at each grid interior (canvas renderer, read from pixels)', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS} metric="households" classification="thresholds"
      thresholds=${THRESH.thresholds} class-colors=${THRESH.colors}></civic-grid-map>`);
    expect(el.activeRenderer).to.equal('canvas');
    for (const [code, ll] of Object.entries(CENTRE)) {
      const [x, y] = el.pixelOf(ll)!;
      expect(near(pixel(el, x, y), EXPECT[code]), `${code} at ${x},${y}: ${pixel(el, x, y)}`).to.equal(true);
    }
    expect(part(el, 'legend')).to.exist;
    expect(part(el, 'breadcrumb')).to.exist;
    expect(part(el, 'search')).to.exist;
  });

  it('draws the same colours with WebGL (real maplibre on SwiftShader)', async () => {
    const el = await mapOf(html`<civic-grid-map renderer="webgl" preserve-drawing-buffer .geometry=${SMALL} .data=${METRICS} metric="households"
      classification="thresholds" thresholds=${THRESH.thresholds} class-colors=${THRESH.colors}></civic-grid-map>`);
    expect(el.activeRenderer).to.equal('webgl');
    expect(el.shadowRoot!.querySelector('.maplibregl-canvas')).to.exist;
    for (const [code, ll] of Object.entries(CENTRE)) {
      const [x, y] = el.pixelOf(ll)!;
      expect(near(pixel(el, x, y), EXPECT[code]), `${code}: ${pixel(el, x, y)}`).to.equal(true);
    }
    // Metric switch restyles in place: same canvas, new colours.
    const canvas = el.drawingCanvas;
    el.metric = 'points';
    el.thresholds = '5,9';
    await el.whenDrawn();
    expect(el.drawingCanvas).to.equal(canvas);
    const [x, y] = el.pixelOf(CENTRE['500118002008001'])!; // points 3 → class 0
    expect(near(pixel(el, x, y), RED)).to.equal(true);
    const [x2, y2] = el.pixelOf(CENTRE['500118002007001'])!; // points 10 → class 2
    expect(near(pixel(el, x2, y2), BLUE)).to.equal(true);
    // Hover / highlight outline (feature-state on four features at most), then cleared.
    const edge = el.pixelOf([105.92, 29.362])!;
    const before = pixel(el, edge[0] - 1, edge[1]);
    el.highlight('500118002007002');
    await el.whenDrawn();
    const hl = pixel(el, edge[0] - 1, edge[1]);
    const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    const focus = [0x1d, 0x4e, 0xd8];
    expect(dist(hl, focus) < dist(before, focus) - 30, `${before} → ${hl}`).to.equal(true); // outline drawn in the focus colour
    el.highlight(null);
    await el.whenDrawn();
    expect(near(pixel(el, edge[0] - 1, edge[1]), before)).to.equal(true);
  });
});

describe('<civic-grid-map> PNG export', function () {
  this.timeout(60000);
  before(async () => {
    SMALL = await load('small.geojson');
    METRICS = METRICS_JSON as typeof METRICS;
  });

  for (const renderer of ['canvas', 'webgl', 'svg']) {
    it(`toPNG (${renderer}, no preserve-drawing-buffer) has each grid's class colour and the legend`, async () => {
      const el = await mapOf(html`<civic-grid-map renderer=${renderer} .geometry=${SMALL} .data=${METRICS} metric="households"
        classification="thresholds" thresholds=${THRESH.thresholds} class-colors=${THRESH.colors}></civic-grid-map>`);
      expect(el.activeRenderer).to.equal(renderer);
      const blob = await el.toPNG({ pixelRatio: 1 });
      expect(blob.type).to.equal('image/png');
      const px = await decodePng(blob);
      expect(px.width).to.equal(el.offsetWidth);
      const stage = part(el, 'canvas')!.getBoundingClientRect();
      const host = el.getBoundingClientRect();
      for (const [code, ll] of Object.entries(CENTRE)) {
        const [x, y] = el.pixelOf(ll)!;
        const X = Math.round(stage.left - host.left + x), Y = Math.round(stage.top - host.top + y);
        const i = (Y * px.width + X) * 4;
        const got = [px.data[i], px.data[i + 1], px.data[i + 2]];
        expect(near(got, EXPECT[code], 8), `${code}: ${got}`).to.equal(true);
      }
      // the legend's swatches are in the file too (a red swatch lies outside the map)
      const legend = regionOf(part(el, 'legend')!, el, px.width);
      expect(countColour(px, [255, 0, 0], 20, legend)).to.be.greaterThan(20);
      el.remove();
    });
  }

  it('the export button appears with `export`, fires a cancelable civic-export with the PNG', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS}></civic-grid-map>`);
    expect(part(el, 'export-button')).to.equal(null);
    el.export = true;
    el.fileName = '网格 地图';
    await el.updateComplete;
    const btn = part(el, 'export-button') as HTMLButtonElement;
    expect(btn.getAttribute('aria-label')).to.equal('导出图片');
    const ev = new Promise<CustomEvent>((resolve) => el.addEventListener('civic-export', (e) => (e.preventDefault(), resolve(e as CustomEvent)), { once: true }));
    btn.click();
    const e = await ev;
    expect(e.detail.format).to.equal('png');
    expect(e.detail.filename).to.equal('网格-地图.png');
    expect(e.detail.blob.size).to.be.greaterThan(1000);
    el.remove();
  });
});

describe('<civic-grid-map> interaction', function () {
  this.timeout(60000);
  const warnings = suiteSetup();

  it('legend classes and counts match an independent computation', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS} metric="households" classification="quantize" classes="2"></civic-grid-map>`);
    const values = METRICS.rows.map((r) => r.households as number);
    const mid = (Math.min(...values) + Math.max(...values)) / 2;
    const expected = [values.filter((v) => v < mid).length, values.filter((v) => v >= mid).length];
    const items = [...part(el, 'legend')!.querySelectorAll('[part~="legend-item"]')];
    expect(items).to.have.length(3); // 2 classes + no data
    const counts = items.map((b) => Number(b.querySelector('.count')!.textContent!.replace(/\D/g, '')));
    expect(counts).to.deep.equal([...expected, 0]);
    expect(items[2].textContent).to.contain('无数据');
  });

  it('the points system: threshold labels, integer ranges, and the rural reference classes', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS} metric="points" classification="thresholds" thresholds="5,9"
      class-labels="促进户,文明清洁户,示范文明清洁户"></civic-grid-map>`);
    const labels = [...part(el, 'legend')!.querySelectorAll('[part~="legend-item"] .label')].map((n) => n.textContent);
    expect(labels).to.deep.equal(['≤ 4 促进户', '5–8 文明清洁户', '≥ 9 示范文明清洁户', '无数据']);
    expect(el.legend.map((l) => l.count)).to.deep.equal([1, 1, 2]); // points 3 | 7 | 10, 9
  });

  it('shows a text-only tooltip with name, code, parent, value, class and the illustrative marker', async () => {
    const evil = JSON.parse(JSON.stringify(SMALL));
    evil.features.find((f: { properties: { code: string } }) => f.properties.code === '500118002008001').properties.name = '<img src=x onerror=alert(1)>';
    const el = await mapOf(html`<civic-grid-map .geometry=${evil} .data=${METRICS} metric="households" classification="thresholds" thresholds="100,250"></civic-grid-map>`);
    const surface = part(el, 'canvas')!;
    const rect = surface.getBoundingClientRect();
    const hover = async (code: string) => {
      const [x, y] = el.pixelOf(CENTRE[code])!;
      surface.dispatchEvent(new PointerEvent('pointermove', { clientX: rect.left + x, clientY: rect.top + y, bubbles: true, composed: true }));
      await el.updateComplete;
      return part(el, 'tooltip')!;
    };
    el.tooltipFields = 'illustrative';
    await el.updateComplete;
    let tip = await hover('500118002007001');
    expect(tip.textContent).to.contain('illustrative: true');
    expect(tip.textContent).to.contain('萱花路社区第1网格');
    expect(tip.textContent).to.contain('500118002007001');
    expect(tip.textContent).to.contain('萱花路社区');
    expect(tip.textContent).to.contain('户数: 100户');
    expect(tip.textContent).to.contain('示例数据');
    tip = await hover('500118002007002'); // the 茶叶大厦 row is a reported figure (FACTS.md §1)
    expect(tip.textContent).to.contain('287户');
    expect(tip.textContent).not.to.contain('示例数据');
    expect(tip.textContent).to.contain('FACTS.md §1');
    tip = await hover('500118002008001');
    expect(tip.querySelector('img')).to.equal(null);
    expect(tip.textContent).to.contain('<img src=x onerror=alert(1)>');
    // The page-level badge is visible because the data are illustrative.
    expect(el.shadowRoot!.querySelector('[part~="illustrative"]')!.textContent).to.contain('示例数据');
  });

  it('click selects (civic-select with properties), drills street → community → grid, breadcrumb goes back', async () => {
    const el = await mapOf(html`<civic-grid-map level="street" .geometry=${SMALL} .data=${METRICS} metric="households"></civic-grid-map>`);
    const surface = part(el, 'canvas')!;
    const click = async (ll: [number, number]) => {
      const rect = surface.getBoundingClientRect();
      const [x, y] = el.pixelOf(ll)!;
      const o = { clientX: rect.left + x, clientY: rect.top + y, bubbles: true, composed: true };
      surface.dispatchEvent(new PointerEvent('pointerdown', o));
      surface.dispatchEvent(new MouseEvent('click', o));
    };
    let sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    let vc = oneEvent(el, 'civic-view-change') as Promise<CivicViewChangeEvent>;
    await click(CENTRE['500118002007001']);
    expect((await sel).detail).to.include({ id: '500118002', trigger: 'pointer' });
    expect((await vc).detail).to.deep.equal({ level: 'community', focus: '500118002', trigger: 'pointer' });
    await el.whenDrawn();
    expect(el.getAttribute('focus')).to.equal('500118002');
    expect(el.getAttribute('level')).to.equal('community');
    sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    await click(CENTRE['500118002007002']);
    expect((await sel).detail.id).to.equal('500118002007');
    await el.whenDrawn();
    expect(el.getAttribute('level')).to.equal('grid');
    sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    await click(CENTRE['500118002007002']);
    const d = (await sel).detail;
    expect(d.id).to.equal('500118002007002');
    expect(d.item).to.deep.include({ name: '茶叶大厦小区网格', level: 'grid', parent: '500118002007' });
    expect((d.item as { values: Record<string, number> }).values).to.deep.equal({ households: 287, points: 7 });
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal('500118002007002');
    const crumbs = [...part(el, 'breadcrumb')!.querySelectorAll('li button:not([part~="level-button"])')].map((b) => b.textContent!.trim());
    expect(crumbs).to.deep.equal(['全部', '胜利路街道', '萱花路社区']);
    vc = oneEvent(el, 'civic-view-change') as Promise<CivicViewChangeEvent>;
    (part(el, 'breadcrumb')!.querySelectorAll('li button')[1] as HTMLButtonElement).click();
    expect((await vc).detail).to.deep.equal({ level: 'community', focus: '500118002', trigger: 'breadcrumb' });
  });

  it('selected, level and focus work from outside', async () => {
    const el = await mapOf(html`<civic-grid-map focus="500118002008" selected="500118002008002" .geometry=${SMALL} .data=${METRICS}></civic-grid-map>`);
    el.tableOpen = true;
    await el.updateComplete;
    const rows = [...part(el, 'table')!.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('td:nth-child(2)')!.textContent)).to.deep.equal(['500118002008001', '500118002008002']);
    expect(rows[1].getAttribute('aria-selected')).to.equal('true');
  });

  it('selected, level and focus set from outside fire civic-select / civic-view-change with trigger "api", once', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS}></civic-grid-map>`);
    const seen: string[] = [];
    const onSel = (e: Event) => seen.push(`select:${(e as CivicSelectEvent).detail.id}:${(e as CivicSelectEvent).detail.trigger}`);
    const onView = (e: Event) => seen.push(`view:${(e as CivicViewChangeEvent).detail.level}:${(e as CivicViewChangeEvent).detail.focus}:${(e as CivicViewChangeEvent).detail.trigger}`);
    el.addEventListener('civic-select', onSel);
    el.addEventListener('civic-view-change', onView);
    el.setAttribute('selected', '500118002007002');
    await el.updateComplete;
    const sel = seen[0];
    expect(sel).to.equal('select:500118002007002:api');
    el.level = 'community';
    el.focusCode = '500118002';
    await el.updateComplete;
    expect(seen.slice(1)).to.deep.equal(['view:community:500118002:api']);
    // A click fires its own event only (pointer), not a second "api" one.
    seen.length = 0;
    el.level = 'grid';
    el.focusCode = '';
    await el.updateComplete;
    seen.length = 0;
    const [x, y] = el.pixelOf(CENTRE['500118002008001'])!;
    const c = part(el, 'canvas')!;
    const r = c.getBoundingClientRect();
    c.dispatchEvent(new MouseEvent('click', { clientX: r.left + x, clientY: r.top + y, bubbles: true, composed: true }));
    await el.updateComplete;
    await el.updateComplete;
    expect(seen).to.deep.equal(['select:500118002008001:pointer']);
    el.removeEventListener('civic-select', onSel);
    el.removeEventListener('civic-view-change', onView);
  });

  it('grids without a value are reported in civic-error (warnings, counts and examples) and drawn as no data', async () => {
    const data = { metrics: [{ key: 'households' }], rows: [{ code: '500118002007001', households: 1 }, { code: '500118002007002', households: 2 }, { code: '500118002008001', households: 3 }] };
    const el = document.createElement('civic-grid-map') as CivicGridMap;
    el.geometry = SMALL;
    el.data = data;
    const err = oneEvent(el, 'civic-error') as Promise<CivicErrorEvent>;
    document.body.append(el);
    const ev = await err;
    expect(ev.detail.partial).to.equal(true);
    expect(ev.detail.issueCounts).to.deep.equal({ 'missing-value': 1 });
    expect(ev.detail.issues[0]).to.include({ path: 'features:500118002008002', severity: 'warning' });
    await el.whenDrawn();
    expect(el.legend.length).to.be.greaterThan(0);
    expect(part(el, 'legend')!.querySelector('[data-class="no-data"]')!.textContent).to.contain('1');
    expect(part(el, 'status')).to.equal(null); // a warning: no banner over a complete picture
    el.remove();
  });

  it('tourTargets lists the shown units by value, highest first, for the screen tour', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS} metric="households"></civic-grid-map>`);
    const expected = METRICS.rows
      .filter((r) => typeof r.households === 'number')
      .sort((a, b) => (b.households as number) - (a.households as number))
      .map((r) => r.code);
    expect(el.tourTargets()).to.deep.equal(expected.slice(0, 8));
    el.level = 'community';
    await el.updateComplete;
    expect(el.tourTargets().every((c) => c.length === 12)).to.equal(true);
  });

  it('search finds by name and flies to the grid', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS}></civic-grid-map>`);
    const input = part(el, 'search')!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: '茶叶' });
    await el.updateComplete;
    const options = [...part(el, 'search')!.querySelectorAll('[role="option"]')];
    expect(options.map((o) => o.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['茶叶大厦小区网格 500118002007002']);
    const sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await sel).detail.id).to.equal('500118002007002');
    await el.updateComplete;
    expect(el.getAttribute('focus')).to.equal('500118002007');
    expect(el.getAttribute('selected')).to.equal('500118002007002');
  });

  it('keyboard: one tab stop, arrows move, Enter selects, Escape goes up', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS}></civic-grid-map>`);
    const surface = part(el, 'canvas')!;
    surface.focus();
    expect(el.shadowRoot!.activeElement).to.equal(surface);
    await sendKeys({ press: 'ArrowRight' }); // starts at the north-west grid
    await el.updateComplete;
    expect(part(el, 'tooltip')!.textContent).to.contain('萱花路社区第1网格');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(part(el, 'tooltip')!.textContent).to.contain('茶叶大厦小区网格');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(part(el, 'tooltip')!.textContent).to.contain('测试社区第2网格');
    const sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await sel).detail).to.include({ id: '500118002008002', trigger: 'keyboard' });
    let vc = oneEvent(el, 'civic-view-change') as Promise<CivicViewChangeEvent>;
    await sendKeys({ press: 'Escape' });
    expect((await vc).detail).to.deep.equal({ level: 'community', focus: '', trigger: 'keyboard' });
    vc = oneEvent(el, 'civic-view-change') as Promise<CivicViewChangeEvent>;
    await sendKeys({ press: 'Escape' });
    expect((await vc).detail.level).to.equal('street');
    // drill back down with the keyboard only
    await sendKeys({ press: 'ArrowDown' });
    vc = oneEvent(el, 'civic-view-change') as Promise<CivicViewChangeEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await vc).detail).to.deep.equal({ level: 'community', focus: '500118002', trigger: 'keyboard' });
  });

  it('legend: click toggles a class off (drawn as no data), hover emphasises', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS} metric="households" classification="thresholds"
      thresholds=${THRESH.thresholds} class-colors=${THRESH.colors}></civic-grid-map>`);
    const btn = part(el, 'legend')!.querySelector('[data-class="2"]') as HTMLButtonElement;
    btn.click();
    await el.whenDrawn();
    expect(btn.getAttribute('aria-pressed')).to.equal('false');
    const [x, y] = el.pixelOf(CENTRE['500118002007002'])!;
    expect(near(pixel(el, x, y), BLUE, 40)).to.equal(false);
    btn.click();
    await el.whenDrawn();
    expect(near(pixel(el, x, y), BLUE)).to.equal(true);
    const red = part(el, 'legend')!.querySelector('[data-class="0"]')!;
    red.dispatchEvent(new MouseEvent('mouseenter'));
    await el.whenDrawn();
    await until(() => !near(pixel(el, x, y), BLUE), 'the blue grid fades while the red class is hovered');
    const faded = pixel(el, x, y); // blue grid faded towards the background
    expect(near(faded, BLUE)).to.equal(false);
    red.dispatchEvent(new MouseEvent('mouseleave'));
  });

  it('highlight(code) outlines the unit and shows its tooltip; null clears', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS} metric="households"></civic-grid-map>`);
    const [x, y] = el.pixelOf(CENTRE['500118002007002'])!;
    const edge = el.pixelOf([105.92, 29.362])!; // the east edge of the 茶叶大厦 grid (away from the community label)
    const before = pixel(el, edge[0] - 1, edge[1]);
    const inside = pixel(el, x, y + 10); // below the community label
    el.highlight('500118002007002');
    await el.updateComplete;
    expect(part(el, 'tooltip')!.textContent).to.contain('茶叶大厦小区网格');
    const outlined = pixel(el, edge[0] - 1, edge[1]);
    expect(near(outlined, before), `${before} → ${outlined} at ${edge}`).to.equal(false);
    expect(pixel(el, x, y + 10)).to.deep.equal(inside); // outlined, not recoloured
    el.highlight(null);
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
    expect(near(pixel(el, edge[0] - 1, edge[1]), before)).to.equal(true);
  });

  it('table twin is paged: never more rows in the DOM than a page', async () => {
    const el = await mapOf(html`<civic-grid-map table page-size="3" .geometry=${SMALL} .data=${METRICS}></civic-grid-map>`);
    const table = part(el, 'table')!;
    expect(table.querySelectorAll('tbody tr')).to.have.length(3);
    expect(table.textContent).to.contain('第 1 / 2 页');
    (table.querySelectorAll('.pager button')[1] as HTMLButtonElement).click();
    await el.updateComplete;
    expect(table.querySelectorAll('tbody tr')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('reports bad geometry and bad metric rows in civic-error while the rest draws', async () => {
    const errors: CivicErrorEvent[] = [];
    const listener = (e: Event) => errors.push(e as CivicErrorEvent);
    document.addEventListener('civic-error', listener);
    const el = await mapOf(html`<civic-grid-map .geometry=${BAD_GEO} .data=${BAD_METRICS} metric="households" classification="thresholds"
      thresholds=${THRESH.thresholds} class-colors=${THRESH.colors}></civic-grid-map>`);
    await until(
      () => ['geometry', 'join'].every((w) => errors.some((e) => e.detail.message.startsWith(w))) && errors.some((e) => e.detail.issues.some((i) => i.path === 'rows[2].households')),
      'civic-error for the geometry, the rows and the join',
    );
    document.removeEventListener('civic-error', listener);
    const geoErr = errors.find((e) => e.detail.message.startsWith('geometry'))!;
    expect(geoErr.detail.partial).to.equal(true);
    expect(geoErr.detail.issueCounts).to.deep.include({ 'null-geometry': 1, 'unclosed-ring': 1, 'self-intersection': 1, winding: 1 });
    const rowErr = errors.find((e) => e.detail.issues.some((i) => i.path === 'rows[2].households'))!;
    expect(rowErr.detail.issueCounts).to.deep.equal({ type: 1 });
    const joinErr = errors.find((e) => e.detail.message.startsWith('join'))!;
    expect(joinErr.detail.issueCounts).to.deep.include({ 'unknown-code': 1 });
    expect(joinErr.detail.issueCounts['missing-value']).to.be.greaterThan(0);
    // the rest still draws: the rewound grid keeps its colour (100 → green), the grid without value gets no-data
    const [x, y] = el.pixelOf(CENTRE['500118002007001'])!;
    expect(near(pixel(el, x, y), GREEN)).to.equal(true);
    const [x2, y2] = el.pixelOf(CENTRE['500118002008002'])!;
    const nd = pixel(el, x2, y2);
    expect([RED, GREEN, BLUE].some((c) => near(nd, c))).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~="status"]')).to.exist;
    expect(warnings.every((w) => w.startsWith('[civic-grid-map]'))).to.equal(true);
  });
});

describe('<civic-grid-map> renderers', function () {
  this.timeout(60000);
  suiteSetup();

  it('falls back to canvas when getContext("webgl2") returns null', async () => {
    const orig = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type === 'webgl2') return null;
      return (orig as (...a: unknown[]) => unknown).call(this, type, ...rest);
    } as typeof orig;
    try {
      const el = document.createElement('civic-grid-map');
      el.renderer = 'webgl';
      el.geometry = SMALL;
      el.data = METRICS;
      el.setAttribute('classification', 'thresholds');
      el.setAttribute('thresholds', THRESH.thresholds);
      el.setAttribute('class-colors', THRESH.colors);
      el.metric = 'households';
      const ev = oneEvent(el, 'civic-renderer-change') as Promise<CivicRendererChangeEvent>;
      document.body.appendChild(el);
      expect((await ev).detail).to.deep.equal({ renderer: 'canvas', reason: 'no-webgl2' });
      await el.whenDrawn();
      expect(el.activeRenderer).to.equal('canvas');
      const [x, y] = el.pixelOf(CENTRE['500118002008001'])!;
      expect(near(pixel(el, x, y), RED)).to.equal(true);
      el.remove();
    } finally {
      HTMLCanvasElement.prototype.getContext = orig;
    }
  });

  it('restores a lost WebGL context, and falls back to canvas when it is not restored', async () => {
    const el = await mapOf(html`<civic-grid-map renderer="webgl" restore-timeout="1000" preserve-drawing-buffer .geometry=${SMALL} .data=${METRICS}
      metric="households" classification="thresholds" thresholds=${THRESH.thresholds} class-colors=${THRESH.colors}></civic-grid-map>`);
    expect(el.activeRenderer).to.equal('webgl');
    const gl = el.drawingCanvas!.getContext('webgl2')!;
    const ext = gl.getExtension('WEBGL_lose_context')!;
    const lost = oneEvent(el.drawingCanvas!, 'webglcontextlost');
    ext.loseContext();
    await lost;
    await nextTask(); // restoring is allowed once the lost event's dispatch (which maplibre cancels) has finished
    const restored = oneEvent(el.drawingCanvas!, 'webglcontextrestored');
    ext.restoreContext();
    await restored;
    await el.whenDrawn();
    await aTimeout(1200); // time-under-test: longer than restore-timeout: a restored context must not trigger the fallback
    expect(el.activeRenderer).to.equal('webgl');
    const [x, y] = el.pixelOf(CENTRE['500118002007002'])!;
    expect(near(pixel(el, x, y), BLUE)).to.equal(true);
    // Now lose it for good.
    const ev = oneEvent(el, 'civic-renderer-change') as Promise<CivicRendererChangeEvent>;
    el.drawingCanvas!.getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext();
    expect((await ev).detail).to.deep.equal({ renderer: 'canvas', reason: 'context-lost' });
    await el.whenDrawn();
    const [x2, y2] = el.pixelOf(CENTRE['500118002007002'])!;
    expect(near(pixel(el, x2, y2), BLUE)).to.equal(true);
    expect(el.shadowRoot!.querySelector('.maplibregl-map')).to.equal(null);
  });

  it('auto uses canvas for small data (maplibre never loads) and cleans up on disconnect', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS}></civic-grid-map>`);
    expect(el.activeRenderer).to.equal('canvas');
    el.remove();
    expect(el.shadowRoot!.querySelector('canvas')).to.equal(null);
    const gl = await mapOf(html`<civic-grid-map renderer="webgl" .geometry=${SMALL} .data=${METRICS}></civic-grid-map>`);
    const sheets = gl.shadowRoot!.adoptedStyleSheets.length;
    expect(gl.shadowRoot!.querySelector('.maplibregl-map')).to.exist;
    gl.remove();
    expect(gl.shadowRoot!.querySelector('.maplibregl-map')).to.equal(null);
    expect(gl.shadowRoot!.querySelector('canvas')).to.equal(null);
    expect(gl.shadowRoot!.adoptedStyleSheets.length).to.equal(sheets - 1);
    expect(gl.activeRenderer).to.equal(undefined);
  });

  it('reads metrics from an inline <script type="application/json">', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} classification="thresholds" thresholds="250">
      <script type="application/json">${JSON.stringify(METRICS)}</script>
    </civic-grid-map>`);
    await waitFor(() => el.legend.length === 2);
    expect(el.legend.map((l) => l.count)).to.deep.equal([3, 1]); // 100, 50, 200 | 287
  });

  it('loads geometry from geometry-src and reports a failed load', async () => {
    const el = await mapOf(html`<civic-grid-map geometry-src="/test/fixtures/grid-map/small.topojson" .data=${METRICS}></civic-grid-map>`);
    await waitFor(() => el.activeRenderer !== undefined);
    await el.whenDrawn();
    expect(el.legend.reduce((a, b) => a + b.count, 0)).to.equal(4);
    const bad = document.createElement('civic-grid-map');
    bad.geometrySrc = '/test/fixtures/grid-map/nope.geojson';
    const ev = oneEvent(bad, 'civic-error') as Promise<CivicErrorEvent>;
    document.body.appendChild(bad);
    const d = (await ev).detail;
    expect(d.kind).to.equal('http');
    await bad.updateComplete;
    expect(bad.shadowRoot!.querySelector('[part~="status"]')!.getAttribute('role')).to.equal('alert');
    bad.remove();
  });
});

function waitFor(cond: () => boolean): Promise<void> {
  return until(cond, String(cond));
}

describe('<civic-grid-map> svg, scaling, locale, theme', function () {
  this.timeout(60000);
  suiteSetup();

  it('svg renderer puts each grid, with its colour, under its interior point', async () => {
    const el = await mapOf(html`<civic-grid-map renderer="svg" .geometry=${SMALL} .data=${METRICS} metric="households" classification="thresholds"
      thresholds=${THRESH.thresholds} class-colors=${THRESH.colors}></civic-grid-map>`);
    expect(el.activeRenderer).to.equal('svg');
    const surface = part(el, 'canvas')!;
    const rect = surface.getBoundingClientRect();
    const hex = (c: number[]) => '#' + c.map((v) => v.toString(16).padStart(2, '0')).join('');
    for (const [code, ll] of Object.entries(CENTRE)) {
      const [x, y] = el.pixelOf(ll)!;
      const hit = el.shadowRoot!.elementFromPoint(rect.left + x, rect.top + y) as SVGPathElement;
      expect(hit.getAttribute('data-code')).to.equal(code);
      expect(hit.getAttribute('fill')).to.equal(hex(EXPECT[code]));
    }
    // Switching the renderer at run time replaces the surface and keeps the picture.
    const ev = oneEvent(el, 'civic-renderer-change') as Promise<CivicRendererChangeEvent>;
    el.renderer = 'canvas';
    expect((await ev).detail).to.deep.equal({ renderer: 'canvas', reason: 'attribute' });
    await el.whenDrawn();
    expect(surface.querySelector('svg')).to.equal(null);
    const [x, y] = el.pixelOf(CENTRE['500118002007002'])!;
    expect(near(pixel(el, x, y), BLUE)).to.equal(true);
  });

  it('canvas renderer zooms with the wheel and keeps colours and picking in step', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS} metric="households" classification="thresholds"
      thresholds=${THRESH.thresholds} class-colors=${THRESH.colors}></civic-grid-map>`);
    const surface = part(el, 'canvas')!;
    const rect = surface.getBoundingClientRect();
    const before = el.pixelOf(CENTRE['500118002008002'])!;
    const gap0 = before[0] - el.pixelOf(CENTRE['500118002008001'])![0];
    surface.dispatchEvent(new WheelEvent('wheel', { deltaY: -400, clientX: rect.left + before[0], clientY: rect.top + before[1], bubbles: true, cancelable: true }));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const a = el.pixelOf(CENTRE['500118002008001'])!, b = el.pixelOf(CENTRE['500118002008002'])!;
    expect(b[0] - a[0]).to.be.greaterThan(gap0 * 1.5); // zoomed in
    expect(Math.abs(b[0] - before[0]) < 1 && Math.abs(b[1] - before[1]) < 1).to.equal(true); // zoomed about the pointer
    expect(near(pixel(el, a[0], a[1]), RED)).to.equal(true);
    const sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    const o = { clientX: rect.left + a[0], clientY: rect.top + a[1], bubbles: true, composed: true };
    surface.dispatchEvent(new PointerEvent('pointerdown', o));
    surface.dispatchEvent(new MouseEvent('click', o));
    expect((await sel).detail.id).to.equal('500118002008001');
  });

  it('maps pointer positions to the right grid when the page is CSS-scaled (big screen)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="transform:scale(0.5);transform-origin:0 0;width:800px">
      <civic-grid-map .geometry=${SMALL} .data=${METRICS}></civic-grid-map>
    </div>`);
    const el = wrap.querySelector('civic-grid-map')!;
    await el.whenDrawn();
    const surface = part(el, 'canvas')!;
    const rect = surface.getBoundingClientRect();
    const [x, y] = el.pixelOf(CENTRE['500118002008002'])!; // unscaled CSS px
    const sel = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
    const o = { clientX: rect.left + x * 0.5, clientY: rect.top + y * 0.5, bubbles: true, composed: true };
    surface.dispatchEvent(new PointerEvent('pointerdown', o));
    surface.dispatchEvent(new MouseEvent('click', o));
    expect((await sel).detail.id).to.equal('500118002008002');
  });

  it('speaks English: tooltip, legend and units', async () => {
    const el = await mapOf(html`<civic-grid-map lang="en" .geometry=${SMALL} .data=${METRICS} metric="households"></civic-grid-map>`);
    const surface = part(el, 'canvas')!;
    surface.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const tip = part(el, 'tooltip')!.textContent!;
    expect(tip).to.contain('Code: 500118002007001');
    expect(tip).to.contain('Households: 100 households');
    expect(tip).to.contain('Illustrative data');
    expect(part(el, 'legend')!.textContent).to.contain('Households (households)');
    expect(part(el, 'legend')!.textContent).to.contain('No data');
  });

  it('re-reads theme tokens: the dark theme repaints the background', async () => {
    const el = await mapOf(html`<civic-grid-map .geometry=${SMALL} .data=${METRICS}></civic-grid-map>`);
    const corner = () => pixel(el, 2, 2);
    expect(near(corner(), [255, 255, 255])).to.equal(true);
    el.theme = 'dark';
    await el.updateComplete;
    await el.whenDrawn();
    expect(near(corner(), [0x0a, 0x1a, 0x2f])).to.equal(true);
  });

  it('draws the optional point layer (park in the park colour token, name as text)', async () => {
    const points = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'p', name: '大数据产业园', kind: 'park' }, geometry: { type: 'Point', coordinates: [105.915, 29.355] } }] };
    const el = await mapOf(html`<civic-grid-map style="--civic-scheme-category-1:#ff00ff" .geometry=${SMALL} .data=${METRICS} .points=${points}></civic-grid-map>`);
    await el.whenDrawn();
    const [x, y] = el.pixelOf([105.915, 29.355])!;
    expect(near(pixel(el, x, y), [255, 0, 255])).to.equal(true);
  });

  it('falls back to canvas when the page already holds too many WebGL maps', async () => {
    const el = await mapOf(html`<civic-grid-map renderer="webgl" max-webgl-maps="0" .geometry=${SMALL} .data=${METRICS}></civic-grid-map>`);
    expect(el.activeRenderer).to.equal('canvas');
  });
});
