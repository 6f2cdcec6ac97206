// Conventions of the data people have (issue 11): us-atlas-style TopoJSON with codes in feature.id, and a fit across
// the antimeridian (the Aleutians) that stays near 180° instead of spanning the globe.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';

const TOPO_URL = '/test/fixtures/grid-map/us-counties.illustrative.topojson';
const METRICS = {
  illustrative: true,
  metrics: [{ key: 'pop', label: '人口', labelEn: 'Population', unit: '人', illustrative: true }],
  rows: [
    { code: '02016', pop: 5232 },
    { code: '02013', pop: 3389 },
    { code: '02060', pop: 844 },
    { code: '2164', pop: 1476 },
  ],
};

async function mapOf(renderer: 'canvas' | 'webgl'): Promise<CivicGridMap> {
  const topo = await (await fetch(TOPO_URL)).json();
  const el = await fixture<CivicGridMap>(html`<civic-grid-map lang="en" style="width:640px" renderer=${renderer} code-field="id" classification="quantize" classes="2" table
    .geometry=${topo} .data=${METRICS}></civic-grid-map>`);
  await el.whenDrawn();
  return el;
}

describe('<civic-grid-map>: us-atlas conventions', function () {
  this.timeout(60000);

  for (const renderer of ['canvas', 'webgl'] as const) {
    it(`${renderer}: code-field="id" draws TopoJSON whose codes are feature ids, leading zeros kept`, async () => {
      const el = await mapOf(renderer);
      expect(el.dataStatus).to.equal('complete');
      expect(el.legend.reduce((n, c) => n + c.count, 0), 'all four counties joined and classified').to.equal(4);
      const codes = [...el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr td:nth-child(2)')].map((td) => td.textContent!.trim());
      expect(codes.sort()).to.deep.equal(['02013', '02016', '02060', '2164']);
      expect(el.joinIssues.filter((i) => i.severity === 'error')).to.deep.equal([]);
    });

    it(`${renderer}: the fit across the antimeridian is centred near 180°, not 0°`, async () => {
      const el = await mapOf(renderer);
      const stage = el.shadowRoot!.querySelector<HTMLElement>('[part~="canvas"]')!;
      const w = stage.clientWidth;
      // The set runs from 172.4° E to 153.3° W (206.7° unwrapped); its middle is near 189.5° (= 170.5° W).
      const mid = el.pixelOf([189.5, 57])!;
      expect(Math.abs(mid[0] - w / 2), `189.5° at x=${mid[0]} of ${w}`).to.be.lessThan(w * 0.15);
      // A fit spanning the globe (−180…180) would put 0° in the middle.
      const zero = el.pixelOf([0, 57])!;
      expect(Math.abs(zero[0] - w / 2), `0° at x=${zero[0]}`).to.be.greaterThan(w);
      // Both halves of Aleutians West are on screen (172.4° E and 176° W), not at the two ends of the world.
      const west = el.pixelOf([172.4, 52])!, east = el.pixelOf([184, 52])!;
      for (const p of [west, east]) expect(p[0]).to.be.within(0, w);
      if (renderer === 'webgl') {
        const lng = el.mapInstance!.getCenter().wrap().lng;
        expect(Math.abs(lng), `map centre ${lng}`).to.be.greaterThan(160);
        // Picking reads unwrapped longitudes too: the pixel of Aleutians East's label point is Aleutians East.
        const hovered: (string | null)[] = [];
        el.addEventListener('civic-hover', (e) => hovered.push((e as CustomEvent<{ id: string | null }>).detail.id));
        const p = el.pixelOf([196.8, 55.1])!;
        const r = stage.getBoundingClientRect();
        stage.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + p[0], clientY: r.top + p[1], bubbles: true, composed: true }));
        expect(hovered).to.deep.equal(['02013']);
      }
    });
  }
});
