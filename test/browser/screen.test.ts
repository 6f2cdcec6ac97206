import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import '../../src/components/screen/screen.define.js';
import type { CivicScreen } from '../../src/components/screen/screen.js';
import type { CivicRegionChangeEvent, CivicTourEvent } from '../../src/components/screen/screen.events.js';
import { clientToLocal, formatClock } from '../../src/components/screen/screen.model.js';
import { CivicElement } from '../../src/core/civic-element.js';
import { CivicSelectEvent } from '../../src/core/events/select-event.js';
import { screenContext, type ScreenInfo } from '../../src/core/context/screen-context.js';
import { LinkedRegionController } from '../../src/core/controllers/linked-region-controller.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import GRID_METRICS from '../fixtures/grid-map/metrics.json';

// ── test-only elements ──

/** Consumes screenContext directly (as a third-party element would). */
class ScreenProbe extends LitElement {
  info?: ScreenInfo;
  calls = 0;
  private consumer = new ContextConsumer(this, {
    context: screenContext,
    subscribe: true,
    callback: (v) => {
      this.info = v;
      this.calls++;
    },
  });
  get hasConsumer(): boolean {
    return !!this.consumer;
  }
}
if (!customElements.get('screen-probe')) customElements.define('screen-probe', ScreenProbe);

/** Records highlight() calls into a shared log; offers ids from its `ids` property through tourTargets(). */
const log: string[] = [];
class TourProbe extends CivicElement {
  ids?: string[];
  highlighted: string | null = null;
  override highlight(id: string | null): void {
    this.highlighted = id;
    log.push(`${this.id}:${id}`);
  }
  override tourTargets(): string[] {
    return this.ids ?? [];
  }
  get scale(): number {
    return this.screen.scale;
  }
  override render() {
    return html`<div style="height:40px">${this.id}</div>`;
  }
}
if (!customElements.get('tour-probe')) customElements.define('tour-probe', TourProbe);

/** Stands in for a map: dispatches civic-select like <civic-grid-map> (detail.region set). */
class FakeMap extends HTMLElement {
  selected = '';
  pick(region: string | null, name?: string): void {
    this.dispatchEvent(new CivicSelectEvent({ id: region, region, item: name ? { name } : undefined, trigger: 'pointer' }));
  }
}
if (!customElements.get('fake-map')) customElements.define('fake-map', FakeMap);

/** A linked element built on the core controller, as every data element is. */
class LinkedCore extends CivicElement {
  region?: string;
  linked = false;
  private links = new LinkedRegionController(this);
  override connectedCallback(): void {
    this.linked = this.hasAttribute('linked');
    super.connectedCallback();
  }
  get controllerActive(): boolean {
    return !!this.links;
  }
}
if (!customElements.get('linked-core')) customElements.define('linked-core', LinkedCore);

/** An element with its own PNG export (green), as civic elements offer. */
class PngProbe extends HTMLElement {
  async toPNG(): Promise<Blob> {
    const c = document.createElement('canvas');
    c.width = 10;
    c.height = 10;
    const g = c.getContext('2d')!;
    g.fillStyle = '#00ff00';
    g.fillRect(0, 0, 10, 10);
    return new Promise((r) => c.toBlob((b) => r(b!), 'image/png'));
  }
}
if (!customElements.get('png-probe')) customElements.define('png-probe', PngProbe);

/** An element whose toPNG() rejects (as a grid map with the SVG renderer): the snapshot paints its shadow SVG instead. */
class NoPngProbe extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML =
      '<svg width="100" height="100"><rect width="100" height="100" fill="#ff00ff"></rect></svg>';
  }
  async toPNG(): Promise<Blob> {
    throw new Error('nothing to export');
  }
}
if (!customElements.get('no-png-probe')) customElements.define('no-png-probe', NoPngProbe);

/** A plain linked element (as <civic-kpi-grid linked> would be). */
class LinkedProbe extends HTMLElement {
  region?: string = '500118002007';
}
if (!customElements.get('linked-probe')) customElements.define('linked-probe', LinkedProbe);

// ── helpers ──

const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
async function settle(el: CivicScreen): Promise<void> {
  await frames();
  await el.updateComplete;
  await frames();
  await el.updateComplete;
}
function part(el: CivicScreen, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}
async function mount(w: number, h: number, attrs = '', children = html``): Promise<{ box: HTMLDivElement; el: CivicScreen }> {
  const box = await fixture<HTMLDivElement>(html`<div style="width:${w}px;height:${h}px;position:relative"></div>`);
  box.innerHTML = `<civic-screen heading="永川区数据大屏" idle-cursor="0" ${attrs}></civic-screen>`;
  const el = box.querySelector('civic-screen')!;
  if (children) {
    const { render } = await import('lit');
    render(children, el);
  }
  await settle(el);
  return { box, el };
}

afterEach(() => {
  log.length = 0;
});

// ── tests ──

describe('civic-screen', () => {
  it('defaults to the dark theme, screen density and a 1920×1080 stage with every part', async () => {
    const { el } = await mount(960, 540, 'data-time="2022年1—9月"');
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.getAttribute('density')).to.equal('screen');
    expect(el.getAttribute('data-theme')).to.equal('dark');
    expect(el.scaleMode).to.equal('fit');
    for (const p of ['base', 'stage', 'header', 'heading', 'clock', 'data-time', 'content']) expect(part(el, p), p).to.exist;
    expect(part(el, 'heading')!.textContent!.trim()).to.equal('永川区数据大屏');
    expect(part(el, 'heading')!.getAttribute('role')).to.equal('heading');
    expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('1');
    el.headingLevel = 3;
    await el.updateComplete;
    expect(part(el, 'heading')!.getAttribute('aria-level')).to.equal('3');
    expect(part(el, 'data-time')!.textContent).to.equal('数据时间：2022年1—9月');
    expect(part(el, 'stage')!.offsetWidth).to.equal(1920);
    expect(part(el, 'stage')!.offsetHeight).to.equal(1080);
    expect(part(el, 'region')).to.equal(null);
  });

  it('keeps an explicit theme and density', async () => {
    const { el } = await mount(960, 540, 'theme="light" density="default"');
    expect(el.getAttribute('theme')).to.equal('light');
    expect(el.getAttribute('data-theme')).to.equal('light');
    expect(el.getAttribute('data-density')).to.equal('default');
  });

  describe('scaling', () => {
    it('fit: uniform scale, centred with letterbox bars', async () => {
      const { el } = await mount(960, 1000);
      expect(el.layout.scale).to.equal(0.5);
      expect(el.layout.offsetY).to.equal(230);
      const box = el.getBoundingClientRect();
      const stage = part(el, 'stage')!.getBoundingClientRect();
      expect(stage.width).to.be.closeTo(960, 0.5);
      expect(stage.height).to.be.closeTo(540, 0.5);
      expect(stage.top - box.top).to.be.closeTo(230, 0.5);
      expect(stage.left - box.left).to.be.closeTo(0, 0.5);
    });

    it('fit: scales up on a 4K box and down for a 4K design', async () => {
      const big = await mount(3840, 2160);
      expect(big.el.layout.scale).to.equal(2);
      const design4k = await mount(960, 540, 'design-width="3840" design-height="2160"');
      expect(design4k.el.layout.scale).to.equal(0.25);
      expect(part(design4k.el, 'stage')!.offsetWidth).to.equal(3840);
    });

    it('fill: separate x and y scales, no bars', async () => {
      const { el } = await mount(960, 1080, 'scale-mode="fill"');
      expect(el.layout.scaleX).to.equal(0.5);
      expect(el.layout.scaleY).to.equal(1);
      const stage = part(el, 'stage')!.getBoundingClientRect();
      expect(stage.width).to.be.closeTo(960, 0.5);
      expect(stage.height).to.be.closeTo(1080, 0.5);
    });

    it('width: scales to the width and scrolls vertically', async () => {
      const { el } = await mount(960, 300, 'scale-mode="width"');
      expect(el.layout.scale).to.be.closeTo(960 / 1920, 0.02); // a scrollbar may take a few pixels
      const base = part(el, 'base')!;
      expect(base.scrollHeight).to.be.greaterThan(base.clientHeight);
      expect(base.scrollHeight).to.be.closeTo(1080 * el.layout.scale, 2);
      expect(part(el, 'stage')!.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    });

    it('switches mode at run time', async () => {
      const { el } = await mount(960, 1080);
      expect([el.layout.scaleX, el.layout.scaleY]).to.deep.equal([0.5, 0.5]);
      el.scaleMode = 'fill';
      await settle(el);
      expect([el.layout.scaleX, el.layout.scaleY]).to.deep.equal([0.5, 1]);
      expect(part(el, 'stage')!.getBoundingClientRect().height).to.be.closeTo(1080, 0.5);
    });

    it('follows a resize of its container', async () => {
      const { box, el } = await mount(960, 540);
      expect(el.layout.scale).to.equal(0.5);
      box.style.width = '1920px';
      box.style.height = '1080px';
      await settle(el);
      expect(el.layout.scale).to.equal(1);
    });
  });

  describe('screen context', () => {
    it('reaches a child and updates on resize', async () => {
      const { box, el } = await mount(960, 540, '', html`<screen-probe></screen-probe><tour-probe id="t"></tour-probe>`);
      const probe = el.querySelector('screen-probe') as ScreenProbe;
      expect(probe.info).to.deep.equal({ scale: 0.5, inScreen: true });
      expect((el.querySelector('tour-probe') as TourProbe).scale).to.equal(0.5);
      box.style.width = '3840px';
      box.style.height = '2160px';
      await settle(el);
      expect(probe.info).to.deep.equal({ scale: 2, inScreen: true });
      expect((el.querySelector('tour-probe') as TourProbe).scale).to.equal(2);
      // Canvas/WebGL backing stores grow with the wall: device ratio × screen scale (capped at 4).
      const ratio = (el.querySelector('tour-probe') as unknown as { pixelRatio: number }).pixelRatio;
      expect(ratio).to.equal(Math.min(4, (devicePixelRatio || 1) * 2));
    });
  });

  describe('clock', () => {
    it('shows the time in the given zone and ticks', async () => {
      const before = new Date();
      const { el } = await mount(960, 540, 'time-zone="America/New_York"');
      const after = new Date();
      const clock = part(el, 'clock')!;
      expect(clock.getAttribute('aria-hidden')).to.equal('true');
      const shown = clock.querySelector('.time')!.textContent;
      const candidates = [before, after].map((d) => formatClock(d, 'zh-CN', 'America/New_York').time);
      expect(candidates).to.include(shown);
      const date = clock.querySelector('.date')!.textContent;
      expect([before, after].map((d) => formatClock(d, 'zh-CN', 'America/New_York').date)).to.include(date);
      // The accessible text is minute-level and names the time.
      const hidden = el.shadowRoot!.querySelector('.visually-hidden')!.textContent!;
      expect(hidden).to.match(/^当前时间 /);
      expect(hidden).not.to.contain(shown!); // no seconds
      await until(() => clock.querySelector('.time')!.textContent !== shown, 'the clock ticks');
      await el.updateComplete;
      expect(clock.querySelector('.time')!.textContent).not.to.equal(shown);
    });

    it('falls back to Asia/Shanghai for an unknown zone, warning once', async () => {
      const warn = console.warn;
      const msgs: string[] = [];
      console.warn = (...a: unknown[]) => void msgs.push(String(a[0]));
      try {
        const { el } = await mount(960, 540, 'time-zone="Mars/Olympus"');
        el.requestUpdate();
        await el.updateComplete;
        const shown = part(el, 'clock')!.querySelector('.time')!.textContent!;
        const now = new Date();
        const sh = [new Date(now.getTime() - 1000), now].map((d) => formatClock(d, 'zh-CN', 'Asia/Shanghai').time);
        expect(sh).to.include(shown);
        expect(msgs.filter((m) => m.startsWith('[civic-screen]') && m.includes('Mars/Olympus'))).to.have.length(1);
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('active region', () => {
    it('shows the region a descendant selected and clears every linked element', async () => {
      const { el } = await mount(960, 540, '', html`<fake-map></fake-map><linked-probe linked></linked-probe><linked-probe></linked-probe>`);
      const map = el.querySelector('fake-map') as FakeMap;
      const [linked, unlinked] = Array.from(el.querySelectorAll('linked-probe')) as LinkedProbe[];
      const changed = oneEvent(el, 'civic-region-change') as Promise<CivicRegionChangeEvent>;
      map.pick('500118002007', '萱花路社区');
      const ev = await changed;
      expect(ev.detail.region).to.equal('500118002007');
      expect(ev.detail.label).to.equal('萱花路社区');
      expect(ev.detail.source).to.equal(map);
      await el.updateComplete;
      const chip = part(el, 'region')!;
      expect(chip).to.exist;
      expect(chip.textContent).to.contain('萱花路社区');
      expect(el.activeRegionCode).to.equal('500118002007');

      map.selected = '500118002007';
      const cleared = oneEvent(el, 'civic-region-change') as Promise<CivicRegionChangeEvent>;
      part(el, 'region-clear')!.click();
      expect((await cleared).detail.region).to.equal(null);
      await el.updateComplete;
      expect(part(el, 'region')).to.equal(null);
      expect(linked.region).to.equal(undefined);
      expect(unlinked.region).to.equal('500118002007'); // not linked: untouched
      expect(map.selected).to.equal('');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'heading'));
    });

    it('clears by keyboard', async () => {
      const { el } = await mount(960, 540, '', html`<fake-map></fake-map><linked-probe linked></linked-probe>`);
      (el.querySelector('fake-map') as FakeMap).pick('500118002007', '萱花路社区');
      await el.updateComplete;
      const btn = part(el, 'region-clear') as HTMLButtonElement;
      expect(btn.getAttribute('aria-label')).to.equal('清除区域筛选：萱花路社区');
      btn.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(part(el, 'region')).to.equal(null);
      expect((el.querySelector('linked-probe') as LinkedProbe).region).to.equal(undefined);
    });

    it('ignores selections without a region and clears when the source deselects', async () => {
      const { el } = await mount(960, 540, '', html`<fake-map></fake-map>`);
      const map = el.querySelector('fake-map') as FakeMap;
      map.dispatchEvent(new CivicSelectEvent({ id: 'node-1', trigger: 'pointer' }));
      await el.updateComplete;
      expect(part(el, 'region')).to.equal(null);
      map.pick('500118002');
      await el.updateComplete;
      expect(part(el, 'region')!.textContent).to.contain('500118002');
      map.pick(null);
      await el.updateComplete;
      expect(part(el, 'region')).to.equal(null);
    });
  });

  describe('auto-tour', () => {
    async function tourFixture(attrs = '') {
      const m = await mount(
        960,
        540,
        `style="--civic-screen-rows: auto auto auto auto" ${attrs}`,
        html`<tour-probe id="a"></tour-probe><tour-probe id="b" tour-ids="b1 b2 b3"></tour-probe><tour-probe id="c"></tour-probe
          ><tour-probe id="skip" tour-skip></tour-probe>`,
      );
      (m.el.querySelector('#a') as TourProbe).ids = ['a1', 'a2'];
      return m;
    }

    it('highlights children round-robin, clearing the previous one', async () => {
      const { el } = await tourFixture();
      const events: CivicTourEvent[] = [];
      el.addEventListener('civic-tour', (e) => events.push(e));
      for (let i = 0; i < 6; i++) el.tourStep();
      expect(log).to.deep.equal(['a:a1', 'a:null', 'b:b1', 'b:null', 'a:a2', 'a:null', 'b:b2', 'b:null']);
      // c has no ids: it is ringed, not highlighted; `skip` never takes part.
      expect(events.map((e) => [e.detail.target.id, e.detail.id])).to.deep.equal([
        ['a', 'a1'],
        ['b', 'b1'],
        ['c', null],
        ['a', 'a2'],
        ['b', 'b2'],
        ['c', null],
      ]);
      expect(events.map((e) => e.detail.step)).to.deep.equal([0, 1, 2, 3, 4, 5]);
      await el.updateComplete;
      // The ring frames the current element, in design pixels.
      const ring = part(el, 'tour-ring')!;
      const c = el.querySelector('#c')!;
      const expected = el.toDesign(c.getBoundingClientRect().left, c.getBoundingClientRect().top);
      expect(parseFloat(ring.style.left)).to.be.closeTo(expected.x, 0.5);
      expect(parseFloat(ring.style.top)).to.be.closeTo(expected.y, 0.5);
      expect(parseFloat(ring.style.width)).to.be.closeTo((c as HTMLElement).offsetWidth, 0.5);
    });

    it('steps on its own, pauses on interaction and resumes after tour-resume seconds', async () => {
      const { el } = await tourFixture('tour-resume="3"');
      el.tour = 1; // started after the children have their ids
      const first = (await oneEvent(el, 'civic-tour')) as CivicTourEvent;
      expect(first.detail.id).to.equal('a1');
      expect((el.querySelector('#a') as TourProbe).highlighted).to.equal('a1');
      el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: 10, clientY: 10 }));
      expect(el.tourPaused).to.equal(true);
      expect((el.querySelector('#a') as TourProbe).highlighted).to.equal(null); // the tour lets go
      let stepped = 0;
      el.addEventListener('civic-tour', () => stepped++);
      await aTimeout(1200); // time-under-test: a step would have come after 1 s (the resume is 3 s away: room for a busy machine)
      expect(stepped).to.equal(0);
      await oneEvent(el, 'civic-tour'); // resumes (3 s after the move)
      expect(el.tourPaused).to.equal(false);
      expect(stepped).to.equal(1);
    });

    it('moves the ring without animation under reduced motion', async () => {
      const { el } = await tourFixture();
      el.tourStep();
      await el.updateComplete;
      const ring = part(el, 'tour-ring')!;
      expect(parseFloat(getComputedStyle(ring).transitionDuration)).to.be.greaterThan(0);
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        expect(parseFloat(getComputedStyle(ring).transitionDuration)).to.equal(0);
        const before = log.length;
        el.tourStep(); // steps still happen
        expect(log.length).to.be.greaterThan(before);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('honours a tour change made before the first render', async () => {
      const box = await fixture<HTMLDivElement>(html`<div style="width:960px;height:540px"></div>`);
      const el = document.createElement('civic-screen');
      el.setAttribute('tour', '1');
      el.innerHTML = '<tour-probe id="a" tour-ids="x"></tour-probe>';
      box.append(el);
      el.setAttribute('tour', '0'); // as a page script does right after the element upgraded
      let steps = 0;
      el.addEventListener('civic-tour', () => steps++);
      await aTimeout(1300); // time-under-test: a step of a 1 s tour would have come within this
      expect(steps).to.equal(0);
      expect(log).to.deep.equal([]);
    });

    it('stops and releases the highlight when tour is set to 0', async () => {
      const { el } = await tourFixture();
      el.tour = 1;
      const first = (await oneEvent(el, 'civic-tour')) as CivicTourEvent;
      expect(first.detail.id).to.equal('a1');
      el.tour = 0;
      await el.updateComplete;
      expect((el.querySelector('#a') as TourProbe).highlighted).to.equal(null);
      expect(part(el, 'tour-ring')).to.equal(null);
    });
  });

  describe('hit-testing under scaling', () => {
    it('maps a click on a scaled canvas to its own design coordinates', async () => {
      const { el } = await mount(
        960,
        540,
        '',
        html`<canvas id="cv" width="800" height="400" style="width:400px;height:200px;justify-self:start;align-self:start"></canvas>`,
      );
      expect(el.layout.scale).to.equal(0.5);
      const cv = el.querySelector('canvas')!;
      const r = cv.getBoundingClientRect();
      expect(r.width).to.be.closeTo(200, 0.5); // 400 design px at scale 0.5
      // The DOM hit-tests through the transform: the point 3/4 across hits the canvas.
      const cx = r.left + r.width * 0.75;
      const cy = r.top + r.height * 0.25;
      expect(document.elementFromPoint(cx, cy)).to.equal(cv);
      let local: { x: number; y: number } | undefined;
      cv.addEventListener('click', (e) => (local = clientToLocal(cv, e.clientX, e.clientY)));
      cv.dispatchEvent(new MouseEvent('click', { clientX: cx, clientY: cy, bubbles: true }));
      expect(local!.x).to.be.closeTo(300, 0.5);
      expect(local!.y).to.be.closeTo(50, 0.5);
      // And the whole stage: a client point maps to design pixels.
      const stage = part(el, 'stage')!.getBoundingClientRect();
      const p = el.toDesign(stage.left + 480, stage.top + 270);
      expect(p.x).to.be.closeTo(960, 0.5);
      expect(p.y).to.be.closeTo(540, 0.5);
    });

    it('maps correctly in fill mode with separate scales', async () => {
      const { el } = await mount(960, 1080, 'scale-mode="fill"');
      const stage = part(el, 'stage')!.getBoundingClientRect();
      const p = el.toDesign(stage.left + 100, stage.top + 100);
      expect(p.x).to.be.closeTo(200, 0.5);
      expect(p.y).to.be.closeTo(100, 0.5);
    });
  });

  describe('with a real <civic-grid-map> (canvas renderer)', () => {
    it('maps a click through the scale to the right grid and narrows linked elements', async () => {
      const geometry = await (await fetch('/test/fixtures/grid-map/small.geojson')).json();
      const metrics = GRID_METRICS;
      const { el } = await mount(
        960,
        540,
        'style="--civic-grid-map-height: 600px"',
        html`<civic-grid-map renderer="canvas" .geometry=${geometry} .data=${metrics} metric="households"></civic-grid-map
          ><linked-core linked></linked-core>`,
      );
      const map = el.querySelector('civic-grid-map') as CivicGridMap;
      const linked = el.querySelector('linked-core') as LinkedCore;
      await map.whenDrawn();
      expect(el.layout.scale).to.equal(0.5);
      // Centre of 茶叶大厦小区网格 in the map's own (unscaled) pixels → client pixels on the scaled wall.
      const [x, y] = map.pixelOf([105.915, 29.365])!;
      const box = map.shadowRoot!.querySelector('[part~="canvas"]')!.getBoundingClientRect();
      const cx = box.left + x * el.layout.scaleX;
      const cy = box.top + y * el.layout.scaleY;
      const target = map.shadowRoot!.elementFromPoint(cx, cy)!;
      expect(map.shadowRoot!.querySelector('[part~="canvas"]')!.contains(target)).to.equal(true);
      const selected = oneEvent(el, 'civic-select') as Promise<CivicSelectEvent>;
      target.dispatchEvent(new PointerEvent('pointerdown', { clientX: cx, clientY: cy, bubbles: true, composed: true }));
      target.dispatchEvent(new MouseEvent('click', { clientX: cx, clientY: cy, bubbles: true, composed: true }));
      const ev = await selected;
      expect(ev.detail.region).to.equal('500118002007002');
      await el.updateComplete;
      expect(part(el, 'region')!.textContent).to.contain('茶叶大厦小区网格');
      // Linked view followed the map, no JavaScript on the page. Its logic is a lazy chunk (linked-region.ts) loaded
      // when the linked element connected: a click soon after may come before it is there, and it applies on arrival.
      await until(() => linked.region === '500118002007002', 'the linked view follows the map');
      part(el, 'region-clear')!.click();
      await el.updateComplete;
      expect(linked.region).to.equal(undefined);
      expect(map.selected).to.equal('');
      expect(part(el, 'region')).to.equal(null);
    });

    it('puts the map into the wall snapshot at its place', async () => {
      const geometry = await (await fetch('/test/fixtures/grid-map/small.geojson')).json();
      const { el } = await mount(
        960,
        540,
        'style="--civic-grid-map-height: 600px"',
        html`<civic-grid-map renderer="canvas" .geometry=${geometry} .data=${GRID_METRICS} metric="households" classification="thresholds"
          thresholds="100,250" class-colors="#ff0000,#00ff00,#0000ff"></civic-grid-map>`,
      );
      const map = el.querySelector('civic-grid-map') as CivicGridMap;
      await map.whenDrawn();
      const [x, y] = map.pixelOf([105.915, 29.365])!; // 茶叶大厦小区网格: blue class
      const box = map.shadowRoot!.querySelector('[part~="canvas"]')!.getBoundingClientRect();
      const d = el.toDesign(box.left, box.top);
      const bmp = await createImageBitmap(await el.snapshot());
      const c = document.createElement('canvas');
      c.width = bmp.width;
      c.height = bmp.height;
      const g = c.getContext('2d')!;
      g.drawImage(bmp, 0, 0);
      const px = Array.from(g.getImageData(Math.round(d.x + x), Math.round(d.y + y), 1, 1).data.slice(0, 3));
      expect(px.every((v, i) => Math.abs(v - [0, 0, 255][i]) <= 8), String(px)).to.equal(true);
    });
  });

  it('hides the cursor after idle-cursor seconds and shows it on movement', async () => {
    const { el } = await mount(960, 540);
    el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse' }));
    el.idleCursor = 1;
    await el.updateComplete;
    const r = el.getBoundingClientRect();
    const cursor = () => getComputedStyle(el.shadowRoot!.elementFromPoint(r.left + 100, r.top + 200) as HTMLElement).cursor;
    await until(() => cursor() === 'none', 'the cursor hides after 1 s idle');
    await el.updateComplete;
    const top = el.shadowRoot!.elementFromPoint(r.left + 100, r.top + 200) as HTMLElement;
    expect(getComputedStyle(top).cursor).to.equal('none');
    el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
    await el.updateComplete;
    const after = el.shadowRoot!.elementFromPoint(r.left + 100, r.top + 200) as HTMLElement;
    expect(getComputedStyle(after).cursor).not.to.equal('none');
  });

  it('never hides the cursor (nor blocks taps) after touch input', async () => {
    const { el } = await mount(960, 540);
    el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse' }));
    await aTimeout(300); // time-under-test: past the 250 ms re-arm throttle
    el.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' }));
    el.idleCursor = 1;
    await el.updateComplete;
    await aTimeout(1150); // time-under-test: past idle-cursor (1 s); after touch the cursor must not hide
    await el.updateComplete;
    const r = el.getBoundingClientRect();
    const top = el.shadowRoot!.elementFromPoint(r.left + 100, r.top + 200) as HTMLElement;
    expect(getComputedStyle(top).cursor).not.to.equal('none');
  });

  it('offers a PNG export button on request', async () => {
    const { el } = await mount(960, 540, 'file-name="wall"');
    expect(part(el, 'export')).to.equal(null);
    el.exportButton = true;
    await el.updateComplete;
    const btn = part(el, 'export')!;
    expect(btn.textContent!.trim()).to.equal('导出 PNG');
    const downloads: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href.slice(0, 5)}`);
    };
    try {
      btn.click();
      await until(() => downloads.length > 0, 'the PNG download');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(downloads).to.deep.equal(['wall.png blob:']);
  });

  it('offers full screen only where the API exists', async () => {
    const { el } = await mount(960, 540);
    expect(!!part(el, 'fullscreen')).to.equal(document.fullscreenEnabled === true);
  });

  it('snapshots the wall at design size, with canvases in place', async () => {
    const { el } = await mount(
      960,
      540,
      'style="--civic-screen-padding: 0px"',
      html`<canvas width="100" height="100" style="width:200px;height:100px;justify-self:start;align-self:start"></canvas>
        <svg width="100" height="100" style="justify-self:start;align-self:start"><rect width="100" height="100" style="fill: rgb(0, 0, 255)"></rect></svg>
        <png-probe style="display:block;width:100px;height:100px;justify-self:start;align-self:start"></png-probe>`,
    );
    const cv = el.querySelector('canvas')!;
    const g = cv.getContext('2d')!;
    g.fillStyle = '#ff0000';
    g.fillRect(0, 0, 100, 100);
    const blob = await el.snapshot();
    expect(blob.type).to.equal('image/png');
    const bmp = await createImageBitmap(blob);
    expect([bmp.width, bmp.height]).to.deep.equal([1920, 1080]);
    const c = document.createElement('canvas');
    c.width = 1920;
    c.height = 1080;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const p = el.toDesign(cv.getBoundingClientRect().left, cv.getBoundingClientRect().top);
    const px = ctx.getImageData(Math.round(p.x + 100), Math.round(p.y + 50), 1, 1).data;
    expect([px[0], px[1], px[2]]).to.deep.equal([255, 0, 0]);
    const sample = (target: Element, dx: number, dy: number) => {
      const q = el.toDesign(target.getBoundingClientRect().left, target.getBoundingClientRect().top);
      return Array.from(ctx.getImageData(Math.round(q.x + dx), Math.round(q.y + dy), 1, 1).data.slice(0, 3));
    };
    expect(sample(el.querySelector('svg')!, 50, 50)).to.deep.equal([0, 0, 255]); // SVG serialised with its style
    expect(sample(el.querySelector('png-probe')!, 50, 50)).to.deep.equal([0, 255, 0]); // drawn from its own toPNG()
    const content = part(el, 'content')!;
    const bottom = sample(content, 1900, 900); // empty stage area
    expect(bottom[0]).to.be.lessThan(100);
  });

  it('snapshot loads no blob: image: SVG patterns painted from computed style, a failing toPNG() falls back to its inside', async () => {
    const { el } = await mount(
      960,
      540,
      'style="--civic-screen-padding: 0px"',
      html`<svg width="100" height="100" style="justify-self:start;align-self:start">
          <defs><pattern id="snap-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ff0000"></rect><line x1="0" y1="0" x2="0" y2="6" stroke="#0000ff" stroke-width="2"></line></pattern></defs>
          <rect width="100" height="100" fill="url(#snap-hatch)"></rect>
        </svg>
        <no-png-probe style="display:block;width:100px;height:100px;justify-self:start;align-self:start"></no-png-probe>`,
    );
    const urls: string[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (o: Blob | MediaSource) => {
      urls.push(o instanceof Blob ? o.type : 'media');
      return create.call(URL, o);
    };
    const warns: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warns.push(a.map(String).join(' '));
    let blob: Blob;
    try {
      blob = await el.snapshot();
    } finally {
      URL.createObjectURL = create;
      console.warn = warn;
    }
    expect(urls).to.deep.equal([]);
    expect(warns).to.deep.equal([]);
    const bmp = await createImageBitmap(blob);
    const c = document.createElement('canvas');
    c.width = bmp.width;
    c.height = bmp.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(bmp, 0, 0);
    const box = (target: Element) => {
      const r = target.getBoundingClientRect();
      const p = el.toDesign(r.left, r.top);
      return ctx.getImageData(Math.round(p.x) + 10, Math.round(p.y) + 10, 80, 80).data;
    };
    const share = (d: Uint8ClampedArray, rgb: number[]) => {
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - rgb[0]) < 40 && Math.abs(d[i + 1] - rgb[1]) < 40 && Math.abs(d[i + 2] - rgb[2]) < 40) n++;
      return n / (d.length / 4);
    };
    const hatch = box(el.querySelector('svg')!);
    expect(share(hatch, [255, 0, 0])).to.be.within(0.3, 0.95); // the background of the tile…
    expect(share(hatch, [0, 0, 255])).to.be.greaterThan(0.02); // …crossed by the hatch (a 1 px line per 6 px tile at ratio 1)
    expect(share(box(el.querySelector('no-png-probe')!), [255, 0, 255])).to.be.greaterThan(0.95);
  });

  it('leaves no timers behind and stops touring after disconnect', async () => {
    const { el } = await mount(960, 540, 'tour="1" idle-cursor="2"', html`<tour-probe id="a"></tour-probe>`);
    (el.querySelector('#a') as TourProbe).ids = ['x'];
    expect(el.pendingTimers).to.be.greaterThan(0);
    el.remove();
    expect(el.pendingTimers).to.equal(0);
    const shown = part(el, 'clock')!.querySelector('.time')!.textContent;
    await aTimeout(1300); // time-under-test: past a tour step and a clock tick; nothing may happen after disconnect
    expect(log).to.deep.equal([]);
    expect(part(el, 'clock')!.querySelector('.time')!.textContent).to.equal(shown);
  });

  it('is accessible, with an active region too', async () => {
    const { el } = await mount(960, 540, 'data-time="2022年1—9月"', html`<fake-map></fake-map>`);
    await expect(el).to.be.accessible();
    (el.querySelector('fake-map') as FakeMap).pick('500118002007', '萱花路社区');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('speaks English under lang="en"', async () => {
    const { el } = await mount(960, 540, 'lang="en" data-time="Jan–Sep 2022"');
    expect(part(el, 'data-time')!.textContent).to.match(/^Data as of \S/); // English spacing, no full-width colon
    expect(el.shadowRoot!.querySelector('.visually-hidden')!.textContent).to.match(/^Current time /);
  });
});
