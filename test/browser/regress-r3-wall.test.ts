// R3 s17 regression probes: a wall of 200 tiles updated at once (4eaf6f3: smaller update slices, a 4 ms ticker).
// whenDrawn() asked right after the new data, and the civic-drawn that follows, come only once every tile shows its
// new figure (README "civic-drawn": a picture is complete on screen), with reduced motion and with count-ups.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { formatAmountParts } from '../../src/core/format/number.js';
import { until } from './fixtures/wait.js';

const N = 200;
const payload = (round: number) => ({
  items: Array.from({ length: N }, (_, i) => ({ id: `k${i}`, label: `指标${i}`, value: 1000 + i * 3 + round * 11, previous: 1000, unit: '个', deltaLabel: '同比' })),
});
const tiles = (g: CivicKpiGrid) => [...g.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile')];
const q = (t: CivicKpiTile, sel: string) => t.shadowRoot!.querySelector(sel);
const reserved = (t: CivicKpiTile) => q(t, '.reserve')?.shadowRoot?.textContent ?? q(t, '[part~="number"]')?.textContent ?? '';
const shown = (t: CivicKpiTile) => q(t, '[part~="number"]')?.textContent ?? '';

describe('R3: a 200-tile wall updated at once', function () {
  this.timeout(120_000);
  for (const motion of ['reduce', 'auto'])
    it(`whenDrawn() and civic-drawn after the update: every tile drawn with its new figure (motion ${motion})`, async () => {
      const grid = await fixture<CivicKpiGrid>(html`<civic-kpi-grid motion=${motion} .duration=${200} style="display:block;width:1200px" .data=${payload(0)}></civic-kpi-grid>`);
      await grid.whenDrawn();
      expect(tiles(grid)).to.have.length(N);
      for (const round of [1, 2]) {
        const p = payload(round);
        const want = p.items.map((it) => formatAmountParts(it.value, '个', { lang: 'zh-CN' }).number);
        let atEvent: string[] | undefined;
        grid.addEventListener('civic-drawn', () => (atEvent ??= tiles(grid).map(reserved)), { once: true });
        grid.data = p;
        await grid.whenDrawn();
        const atPromise = tiles(grid).map(reserved);
        const late = atPromise.map((s, i) => (s === want[i] ? '' : `k${i}: ${s} != ${want[i]}`)).filter(Boolean);
        expect(late.slice(0, 5), `round ${round}: ${late.length} tiles not drawn at whenDrawn()`).to.deep.equal([]);
        await until(() => atEvent, 'civic-drawn');
        expect(atEvent, `round ${round}: at civic-drawn`).to.deep.equal(want);
        if (motion === 'reduce') expect(tiles(grid).map(shown)).to.deep.equal(want);
        else await until(() => tiles(grid).every((t, i) => shown(t) === want[i]), 'count-ups end on the figure');
      }
    });
});
