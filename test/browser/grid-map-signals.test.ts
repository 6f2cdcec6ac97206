// Honest signals (issue 11): `civic-load` only after the first complete picture (for the map: geometry AND metrics
// drawn), `whenDrawn()` never before a picture exists, `toPNG()` waits for one. The slow geometry response is a
// gated fetch (configure({ fetch })) the test releases itself: no timing, no sleeps.
import { expect } from '@open-wc/testing';
import { frames, nextTask, until } from './fixtures/wait.js';
import '../../src/components/grid-map/grid-map.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { configure } from '../../src/data/configure.js';
import METRICS from '../fixtures/grid-map/metrics.json';
import GROWTH from '../fixtures/growth-chart/growth.json';
import KPIS from '../fixtures/kpi/kpis.json';
import { countColour, decodePng } from './png-helpers.js';
import { syntheticChains } from '../fixtures/chain-graph/synthetic.js';

const GEO_URL = '/test/fixtures/grid-map/small.geojson';

/** A fetch that holds requests whose URL contains `?gate` until `release()` (then answers them for real or with `status`). */
function gatedFetch() {
  const held: { url: string; resolve: (r: Response) => void }[] = [];
  let requested = 0;
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('?gate')) return fetch(input, init);
    requested++;
    return new Promise<Response>((resolve, reject) => {
      held.push({ url, resolve });
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  }) as typeof fetch;
  return {
    fetch: f,
    get requested() {
      return requested;
    },
    async release(status = 200) {
      for (const h of held.splice(0)) {
        if (status !== 200) h.resolve(new Response('gone', { status }));
        // A query of its own: the fixture is also imported as a module, and that cached response is JavaScript.
        else h.resolve(await fetch(h.url.replace('?gate', '?released')));
      }
    },
  };
}

/** Lets every pending update, microtask, task and two frames run: what "fired at once" would have needed. */
async function drain(el: CivicGridMap): Promise<void> {
  await el.updateComplete;
  await nextTask();
  await frames(2);
  await nextTask();
  await el.updateComplete;
}

/** Settled state of a promise right now (after a task). */
async function stateOf(p: Promise<unknown>): Promise<'pending' | 'resolved' | 'rejected'> {
  let s: 'pending' | 'resolved' | 'rejected' = 'pending';
  p.then(
    () => (s = 'resolved'),
    () => (s = 'rejected'),
  );
  await nextTask();
  return s;
}

describe('honest signals: <civic-grid-map> with a slow geometry-src', function () {
  this.timeout(60000);
  let gate: ReturnType<typeof gatedFetch>;
  let host: HTMLDivElement;
  beforeEach(() => {
    gate = gatedFetch();
    configure({ fetch: gate.fetch, retries: 0 });
    host = document.createElement('div');
    host.style.width = '480px';
    document.body.append(host);
  });
  afterEach(async () => {
    await gate.release();
    host.remove();
    configure({ fetch: undefined, retries: 2 });
  });

  function makeMap(renderer: 'canvas' | 'webgl'): CivicGridMap {
    const el = document.createElement('civic-grid-map') as CivicGridMap;
    el.setAttribute('renderer', renderer);
    el.setAttribute('classification', 'thresholds');
    el.setAttribute('thresholds', '100,250');
    el.setAttribute('class-colors', '#ff0000,#00ff00,#0000ff');
    el.setAttribute('geometry-src', `${GEO_URL}?gate`);
    el.data = METRICS; // metrics at once, geometry later
    return el;
  }

  for (const renderer of ['canvas', 'webgl'] as const) {
    it(`${renderer}: civic-load waits for geometry and picture; whenDrawn() and toPNG() wait; toPNG() from the load handler works`, async () => {
      const el = makeMap(renderer);
      const seen: { snapshot: number; renderer?: string; legend: number; png?: Promise<Blob> }[] = [];
      const order: string[] = [];
      el.addEventListener('civic-drawn', () => order.push('drawn'));
      el.addEventListener('civic-load', () => {
        order.push('load');
        const snap = el.snapshot();
        seen.push({ snapshot: snap ? snap.width * snap.height : 0, renderer: el.activeRenderer, legend: el.legend.length, png: el.toPNG({ pixelRatio: 1 }) });
      });
      host.append(el);
      await until(() => gate.requested === 1, 'the geometry was requested');
      await until(() => el.dataStatus === 'complete', 'the metrics were accepted');
      const drawn = el.whenDrawn();
      const early = el.toPNG({ pixelRatio: 1 });
      await drain(el);
      expect(seen.length, 'no civic-load before the geometry arrived').to.equal(0);
      expect(await stateOf(drawn), 'whenDrawn() waits while there is no picture').to.equal('pending');
      expect(await stateOf(early), 'toPNG() waits rather than rejecting "nothing to export"').to.equal('pending');
      expect(el.snapshot()).to.equal(undefined);

      await gate.release();
      await until(() => seen.length === 1, 'civic-load after the picture', 45_000);
      const s = seen[0];
      expect(s.renderer).to.equal(renderer);
      expect(s.snapshot, 'the picture exists when civic-load fires').to.be.greaterThan(0);
      expect(s.legend, 'the metrics are classified when civic-load fires').to.equal(3);
      expect(order.slice(0, 2), 'civic-load follows the civic-drawn of its picture (README, Events)').to.deep.equal(['drawn', 'load']);
      // toPNG() called inside the load handler: resolves, with the metric colours (not only the no-data hatch).
      const png = await decodePng(await s.png!);
      expect(countColour(png, [255, 0, 0], 20)).to.be.greaterThan(50);
      expect(countColour(png, [0, 0, 255], 20)).to.be.greaterThan(50);
      await drawn;
      expect((await early).size).to.be.greaterThan(1000);
      await drain(el);
      expect(seen.length, 'one civic-load for one accepted change').to.equal(1);
    });
  }

  it('metrics after the geometry: civic-load still comes once, after the picture', async () => {
    const el = document.createElement('civic-grid-map') as CivicGridMap;
    el.setAttribute('renderer', 'canvas');
    el.setAttribute('geometry-src', GEO_URL);
    el.setAttribute('src', '/test/fixtures/grid-map/metrics.json?gate');
    const snaps: number[] = [];
    el.addEventListener('civic-load', () => snaps.push(el.snapshot()?.width ?? 0));
    host.append(el);
    await el.whenDrawn(); // geometry alone is a picture (all no-data)
    expect(snaps).to.deep.equal([]);
    await gate.release();
    await until(() => snaps.length === 1, 'civic-load after the metrics');
    expect(snaps[0]).to.be.greaterThan(0);
    expect(el.legend.length).to.be.greaterThan(0);
  });

  it('geometry that fails: no civic-load; whenDrawn() and toPNG() reject instead of waiting forever', async () => {
    const el = makeMap('canvas');
    let loads = 0;
    el.addEventListener('civic-load', () => loads++);
    const errors: string[] = [];
    el.addEventListener('civic-error', (e) => errors.push((e as CustomEvent<{ kind: string }>).detail.kind));
    host.append(el);
    await until(() => gate.requested === 1, 'the geometry was requested');
    let drawnError: unknown, pngError: unknown;
    const drawn = el.whenDrawn().catch((e) => (drawnError = e));
    const png = el.toPNG().catch((e) => (pngError = e));
    await gate.release(404);
    await until(() => errors.includes('http'), 'the geometry failure was reported');
    await drawn;
    await png;
    expect(String(drawnError)).to.contain('nothing drawn');
    expect(String(pngError)).to.contain('nothing drawn');
    await drain(el);
    expect(loads).to.equal(0);
  });
});

describe('honest signals: every data element fires civic-load with its picture on screen', function () {
  this.timeout(60000);
  let host: HTMLDivElement;
  beforeEach(() => {
    host = document.createElement('div');
    host.style.width = '900px';
    document.body.append(host);
  });
  afterEach(() => host.remove());

  /** Appends `el` with a civic-load listener that records `probe()` at that moment. */
  async function atLoad<T>(el: HTMLElement, probe: () => T): Promise<T> {
    const got = new Promise<T>((resolve) => el.addEventListener('civic-load', () => resolve(probe()), { once: true }));
    host.append(el);
    return got;
  }

  it('<civic-growth-chart>: the bars are drawn', async () => {
    const el = document.createElement('civic-growth-chart');
    el.style.height = '320px';
    (el as unknown as { data: unknown }).data = GROWTH;
    const bars = await atLoad(el, () => el.shadowRoot!.querySelectorAll('g.marks rect.bar').length);
    expect(bars).to.be.greaterThan(0);
  });

  it('<civic-kpi-grid>: every tile shows its figure', async () => {
    const el = document.createElement('civic-kpi-grid');
    (el as unknown as { data: unknown }).data = KPIS;
    const figures = await atLoad(el, () =>
      [...el.shadowRoot!.querySelectorAll('civic-kpi-tile')].map((t) => t.shadowRoot?.querySelector('[part~="value"]')?.textContent?.trim() ?? ''),
    );
    expect(figures.length).to.be.greaterThan(0);
    expect(figures.every((f) => f !== ''), figures.join(' | ')).to.equal(true);
  });

  it('<civic-chain-graph> (force layout, canvas): the layout is done and drawn', async () => {
    const el = document.createElement('civic-chain-graph') as HTMLElement & { computing: boolean; positionOf(id: string): unknown };
    el.setAttribute('layout', 'force');
    el.setAttribute('renderer', 'canvas');
    el.style.height = '480px';
    const data = syntheticChains(600);
    (el as unknown as { data: unknown }).data = data;
    const last = String(data.nodes[data.nodes.length - 1].id);
    const state = await atLoad(el, () => ({ computing: el.computing, placed: el.positionOf(last) !== undefined }));
    expect(state).to.deep.equal({ computing: false, placed: true });
  });
});
