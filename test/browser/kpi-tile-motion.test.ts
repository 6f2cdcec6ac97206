// Issue 16 (weight): the KPI tile's roll (kpi-tile.roll.ts) and the walls' time-sliced update scheduler
// (update-scheduler.ts) load as one chunk (kpi-tile.motion.ts) with the first value change that animates or the
// first burst of tile updates (kpi-tile.figure.ts). A tile that only shows its figure never requests them. This file
// imports only the define module, so a request for them came from element code. (A burst: kpi-tile-motion-burst.test.ts;
// offline: test/unit/components/kpi-tile/lazy-motion-offline.test.ts.)
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { until } from './fixtures/wait.js';
import { requestedPaths } from './fixtures/requests.js';

const MOTION = /\/src\/components\/kpi-tile\/(kpi-tile\.motion|kpi-tile\.roll|update-scheduler)\.[jt]s$/;
const number = (el: CivicKpiTile) => el.shadowRoot!.querySelector('[part~="number"]')!.textContent;

describe('KPI tile motion loads on first use (issue 16)', () => {
  it('one tile draws without it; its first animated change loads it and rolls to the new figure', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile label="x" value="100" duration="600" motion="reduce"></civic-kpi-tile>`);
    await el.whenDrawn();
    expect(number(el)).to.equal('100');
    el.value = '150';
    await el.whenDrawn();
    expect(number(el)).to.equal('150');
    expect(requestedPaths(MOTION), 'requested by a tile whose figures never animated').to.deep.equal([]);

    el.motion = 'auto';
    const seen = new Set<string>();
    const mo = new MutationObserver(() => seen.add(number(el) ?? ''));
    mo.observe(el.shadowRoot!.querySelector('[part~="base"]')!, { childList: true, characterData: true, subtree: true });
    el.value = '250';
    await el.updateComplete;
    expect(number(el), 'the count-up starts from the old figure').to.equal('150');
    await until(() => number(el) === '250', 'the count-up never reached 250');
    mo.disconnect();
    expect([...seen].some((s) => s !== '150' && s !== '250'), `intermediate frames: ${[...seen]}`).to.equal(true);
    expect(requestedPaths(MOTION).length).to.be.greaterThan(0);
  });
});
