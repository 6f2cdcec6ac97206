// A KPI wall's value-only update (issue 16, bench/kpi): every tile of a grid gets a new figure and delta at once,
// the updates run in time slices, the count-ups roll, and the text nodes written in place each update (the width
// reserve, the rolling figure) are found again after a tile's value line was re-created. Every tile must end on its
// own new figure — in the painted number, the width reserve, the delta and the accessible text.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { formatAmountParts } from '../../src/core/format/number.js';
import { until } from './fixtures/wait.js';

const N = 48;
/** First half: same shape each round (1,0xx: written in place); second half: 9,9xx ↔ 12.xx万 (the line re-created). */
const payload = (round: number) => ({
  items: Array.from({ length: N }, (_, i) => ({
    id: `k${i}`,
    label: `指标${i}`,
    value: i < N / 2 ? 1000 + i + round * 7 : round % 2 ? 123000 + i * 100 : 9900 + i + round,
    previous: 1000,
    unit: '个',
    deltaLabel: '同比',
  })),
});

const tiles = (grid: CivicKpiGrid) => Array.from(grid.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile'));
const q = (t: CivicKpiTile, sel: string) => t.shadowRoot!.querySelector(sel);
const shown = (t: CivicKpiTile) => (q(t, '[part~="number"]')?.textContent ?? '') + (q(t, '[part~="suffix"]')?.textContent ?? '');
const reserved = (t: CivicKpiTile) => q(t, '.reserve')?.shadowRoot?.textContent ?? '';
/** The final figure as the shared formatter writes it (number and scale word). */
const fmt = (v: number) => {
  const p = formatAmountParts(v, '个', { lang: 'zh-CN' });
  return { number: p.number, shown: p.number + p.suffix };
};

describe('a KPI wall: value-only updates of every tile (issue 16)', () => {
  it('ends every tile on its new figure, twice over, with count-up on', async () => {
    const grid = await fixture<CivicKpiGrid>(html`<civic-kpi-grid .data=${payload(0)} .duration=${150}></civic-kpi-grid>`);
    await grid.whenDrawn();
    expect(tiles(grid)).to.have.length(N);
    for (const round of [1, 2]) {
      const p = payload(round);
      grid.data = p;
      await grid.updateComplete;
      await Promise.all(tiles(grid).map((t) => t.updateComplete));
      const want = p.items.map((it) => fmt(it.value));
      // The width reserve holds the final figure as soon as the tile has updated; the rolling figure ends on it.
      expect(tiles(grid).map(reserved), `round ${round}: the width reserves`).to.deep.equal(want.map((w) => w.number));
      await until(() => tiles(grid).every((t, i) => shown(t) === want[i]!.shown), `round ${round}: every count-up ended on its figure`);
      // A wall's tiles (live="off") write their accessible sentence a few frames after the update slices (kpi-tile.say.ts).
      await until(() => tiles(grid).every((t, i) => q(t, '.visually-hidden')!.textContent!.includes(want[i]!.shown)), `round ${round}: every accessible sentence`);
      for (const [i, t] of tiles(grid).entries()) {
        if (i >= N / 2) continue;
        // 1,0xx against 1,000: +0.x% … +3.x% (a whole percent may drop its .0)
        const pct = (i + round * 7) / 10;
        const text = q(t, '[part~="delta"]')!.textContent!.replace(/\s+/g, '');
        expect(text, `tile ${i} delta`).to.match(new RegExp(`${Math.floor(pct)}(\\.${Math.round((pct % 1) * 10)})?%`));
      }
    }
  });
});
