// Accessibility across the product (issue 7): canvas content is invisible to axe, so the table twins and accessible
// names carry it — and they must match what is drawn. The grid map's table twin (every unit, with its class) is
// compared with the pixels the map drew for that unit; unit counts in the accessible name, table and legend agree;
// the chain graph's table lists exactly the nodes drawn, type by type.
import { expect, html, fixture } from '@open-wc/testing';
import { DEADLINE, until as poll } from './fixtures/wait.js';
import '../../src/define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import METRICS from '../../demo/data/grid-metrics.json';
import CHAINS from '../../demo/data/chains.json';

const D = '/demo/data';
type Ring = [number, number][];

/** A polled condition with a deadline (never shorter than the shared one: a busy machine is slow). */
function until(cond: () => boolean, timeout = DEADLINE, what = 'condition'): Promise<void> {
  return poll(cond, `timed out waiting for ${what}`, Math.max(timeout, DEADLINE));
}

function rgbOf(c: string): number[] {
  const m = /^#([0-9a-f]{6})$/i.exec(c.trim());
  if (m) return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16));
  const n = c.match(/[\d.]+/g);
  if (!n) throw new Error(`colour ${c}`);
  return n.slice(0, 3).map(Number);
}
const near = (a: number[], b: number[], tol = 10) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

describe('accessibility: table twins match what is drawn', function () {
  this.timeout(120000);
  let rings: Map<string, Ring>;
  before(async () => {
    const geo = await (await fetch(`${D}/grids.geojson`)).json();
    rings = new Map(geo.features.map((f: { properties: { code: string }; geometry: { coordinates: Ring[] } }) => [f.properties.code, f.geometry.coordinates[0]]));
  });

  for (const renderer of ['canvas', 'webgl'] as const) {
    it(`grid map (${renderer}): every unit in the table twin is drawn in the colour of its class; counts agree`, async () => {
      const map = await fixture<CivicGridMap>(html`<civic-grid-map geometry-src="${D}/grids.geojson" .data=${METRICS} metric="households" renderer=${renderer} table page-size="1000" style="width:1200px; --civic-grid-map-height: 900px"></civic-grid-map>`);
      await until(() => !!map.shadowRoot?.querySelector('[part~="canvas"]'), 30000, 'geometry');
      await map.whenDrawn();
      await until(() => map.shadowRoot!.querySelectorAll('[part~="table"] tbody tr').length > 0, 10000, 'table rows');
      const root = map.shadowRoot!;
      const rows = [...root.querySelectorAll('[part~="table"] tbody tr')].map((tr) => {
        const td = [...tr.querySelectorAll('td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
        return { name: td[0], code: td[1], value: td[2], klass: td[3] };
      });
      // Counts: accessible name, table, legend.
      const label = root.querySelector('[part~="canvas"]')!.getAttribute('aria-label')!;
      const n = Number(/(\d+)/.exec(label)![1]);
      expect(rows.length, `table rows vs aria-label "${label}"`).to.equal(n);
      const legend = map.legend;
      const noDataRows = rows.filter((r) => !legend.some((e) => e.label === r.klass)).length;
      expect(legend.reduce((s, e) => s + e.count, 0) + noDataRows, 'legend counts + no-data rows').to.equal(n);
      // Colours: sample the drawn picture inside each unit (its vertex mean, and half-way to four vertices).
      const snap = map.snapshot()!;
      const ctx = snap.getContext('2d')!;
      const pr = snap.width / (root.querySelector('[part~="canvas"]') as HTMLElement).clientWidth;
      const colour = new Map(legend.map((e) => [e.label, rgbOf(e.color)]));
      const others = legend.map((e) => rgbOf(e.color));
      const wrong: string[] = [];
      let checked = 0, unverifiable = 0;
      for (const r of rows) {
        const want = colour.get(r.klass);
        const ring = rings.get(r.code);
        if (!want || !ring) continue;
        const pts = ring.slice(0, -1);
        const c: [number, number] = [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
        const samples = [c, ...pts.map((p) => [(2 * c[0] + p[0]) / 3, (2 * c[1] + p[1]) / 3] as [number, number])];
        // Each sample: the unit's class colour (hit), another class's colour (conflict) or neither (a label,
        // its halo or an outline drawn over the unit).
        let hits = 0, conflicts = 0;
        for (const s of samples) {
          const xy = map.pixelOf(s);
          if (!xy) continue;
          const px = Array.from(ctx.getImageData(Math.round(xy[0] * pr), Math.round(xy[1] * pr), 1, 1).data).slice(0, 3);
          if (near(px, want)) hits++;
          else if (others.some((o) => near(px, o))) conflicts++;
        }
        checked++;
        if (conflicts > hits) wrong.push(`${r.code} ${r.name} (${r.klass}: ${hits} samples in its colour, ${conflicts} in another class's)`);
        else if (hits === 0) unverifiable++;
      }
      expect(checked, 'units compared').to.be.greaterThan(400);
      expect(unverifiable / checked, `units whose samples all fell on labels or outlines`).to.be.lessThan(0.2);
      expect(wrong, 'units drawn in another class colour than their table row says').to.deep.equal([]);
    });
  }

  it('chain graph: the table twin lists exactly the drawn nodes, type by type, and the summary counts them', async () => {
    const g = await fixture<HTMLElement>(html`<civic-chain-graph .data=${CHAINS} chain="auto" layout="tiers"></civic-chain-graph>`);
    await until(() => (g.shadowRoot?.querySelectorAll('g.node').length ?? 0) > 0, 30000, 'drawn nodes');
    const root = g.shadowRoot!;
    const drawn = [...root.querySelectorAll('g.node')];
    const rows = [...root.querySelectorAll('[part~="table"] tbody tr')];
    expect(rows.length, 'table rows vs drawn nodes').to.equal(drawn.length);
    const summary = root.querySelector('[part~="stage"]')!.getAttribute('aria-label')!;
    expect(summary).to.contain(String(drawn.length));
    expect(rows.map((r) => r.getAttribute('data-id')).sort(), 'the same node ids').to.deep.equal(drawn.map((n) => n.getAttribute('data-id')).sort());
    // Type column (localised) vs data-type of the drawn marks, node by node: one type word per drawn type.
    const typeOf = new Map(drawn.map((n) => [n.getAttribute('data-id'), n.getAttribute('data-type')]));
    const words = new Map<string, Set<string>>();
    for (const r of rows) {
      const t = typeOf.get(r.getAttribute('data-id'))!;
      (words.get(t) ?? words.set(t, new Set()).get(t)!).add(r.querySelector('td')!.textContent!.trim());
    }
    for (const [t, w] of words) expect([...w].length, `type ${t} shown as ${[...w].join(', ')}`).to.equal(1);
    expect(new Set([...words.values()].map((w) => [...w][0])).size, 'distinct types read distinctly').to.equal(words.size);
  });
});
