// A wall of tiles updating each second (issue 16, bench/kpi): when a tile's change flips direction (up ↔ down, or to
// flat and back) its delta is updated in place — its part names, the arrow's path and the text — never re-created
// (session 18: the closing note of session 17 listed it as re-created; at 754c0bc it was already in place, and this
// keeps it so: a template per direction, or lit's keyed() on the direction, fails here).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/kpi-grid/kpi-grid.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import type { CivicKpiGrid } from '../../src/components/kpi-grid/kpi-grid.js';

const delta = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="delta"]')!;

describe('civic-kpi-tile: a delta that flips direction updates in place', () => {
  it('up → down → flat → up: the same delta node, its part, arrow and text follow', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" label="x" value="110" previous="100"></civic-kpi-tile>`);
    await el.whenDrawn();
    const node = delta(el);
    const arrow = node.querySelector('svg path')!;
    expect(node.getAttribute('part')).to.equal('delta delta-up');
    const paths = new Set([arrow.getAttribute('d')]);
    const added: Node[] = [];
    const mo = new MutationObserver((rs) => rs.forEach((r) => added.push(...r.addedNodes)));
    mo.observe(node.parentElement!, { childList: true, subtree: true });
    for (const [value, dir, text] of [['90', 'down', '-10%'], ['100', 'flat', ''], ['120', 'up', '+20%']] as const) {
      el.value = value;
      await el.updateComplete;
      await el.whenDrawn();
      expect(delta(el), `the delta node after the flip to ${dir}`).to.equal(node);
      expect(node.getAttribute('part')).to.equal(`delta delta-${dir}`);
      expect(node.querySelector('svg path'), 'the arrow node').to.equal(arrow);
      paths.add(arrow.getAttribute('d'));
      if (text) expect(node.textContent).to.contain(text);
    }
    expect(paths.size, 'three arrows drawn in one path').to.equal(3);
    mo.takeRecords().forEach((r) => added.push(...r.addedNodes));
    mo.disconnect();
    expect(added.filter((n) => n.nodeType === Node.ELEMENT_NODE).map((n) => (n as Element).outerHTML), 'elements created in the delta row').to.deep.equal([]);
  });

  it('on a wall: tiles whose change flips keep their delta nodes', async () => {
    const payload = (flip: boolean) => ({ items: Array.from({ length: 40 }, (_, i) => ({ id: `k${i}`, label: `指标${i}`, value: 1000 + i, previous: (i % 2 === 0) === flip ? 900 : 1100, unit: '个', deltaLabel: '同比' })) });
    const grid = await fixture<CivicKpiGrid>(html`<civic-kpi-grid motion="reduce" style="display:block;width:1200px" .data=${payload(false)}></civic-kpi-grid>`);
    await grid.whenDrawn();
    const tiles = () => [...grid.shadowRoot!.querySelectorAll<CivicKpiTile>('civic-kpi-tile')];
    const parts = () => tiles().map((t) => delta(t).getAttribute('part'));
    const before = tiles().map(delta);
    const partsBefore = parts();
    grid.data = payload(true);
    await grid.whenDrawn();
    await Promise.all(tiles().map((t) => t.updateComplete));
    expect(parts().filter((p, i) => p !== partsBefore[i]), 'every tile flipped').to.have.length(40);
    expect(tiles().map(delta).filter((d, i) => d !== before[i]), 'delta nodes re-created').to.have.length(0);
  });
});
