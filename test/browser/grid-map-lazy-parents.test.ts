// Issue 16: the grid map's parent dissolve (turf union with polyclip-ts, bignumber.js, splaytree-ts) is not in the
// entry: geometry-dissolve.ts loads after the first picture, and the missing parent outlines still arrive then.
// No fixed sleeps: promises and polled conditions.
import { expect } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';

const requested = (name: string) => performance.getEntriesByType('resource').some((e) => e.name.includes(name));
const label = (el: CivicGridMap) => el.shadowRoot!.querySelector('[part~="canvas"]')!.getAttribute('aria-label') ?? '';
const unitsShown = (el: CivicGridMap) => Number(/(\d+) units/.exec(label(el))?.[1] ?? -1);

describe('grid map: missing parents dissolved after the first picture', () => {
  it('draws grids without loading geometry-dissolve, then adds the dissolved communities', async () => {
    expect(requested('geometry-dissolve'), 'nothing in this page loaded the dissolve module yet').to.equal(false);
    const grids = await (await fetch('/test/fixtures/grid-map/grids-only.geojson')).json();
    const el = document.createElement('civic-grid-map') as CivicGridMap;
    el.setAttribute('renderer', 'canvas');
    el.setAttribute('lang', 'en');
    el.level = 'community';
    el.geometry = grids;
    document.body.append(el);
    try {
      await el.whenDrawn();
      expect(requested('geometry-dissolve'), 'the first picture did not wait for the dissolve module').to.equal(false);
      expect(unitsShown(el), 'without communities the view shows the 4 grids').to.equal(4);
      await until(() => unitsShown(el) === 2, 'the 2 dissolved communities are shown');
      expect(requested('geometry-dissolve')).to.equal(true);
      expect(label(el)).to.match(/^Communities\/villages map, 2 units/);
    } finally {
      el.remove();
    }
  });
});
