// A language round trip before the English strings arrive (R1 s17): an element switched to English and back to Chinese
// while the English strings (loaded on first use) were still on their way kept 'lang' due for ever: the switch back
// found the language unchanged and asked for no picture, so whenDrawn() waited for the next redraw of something else.
// Each test file is its own page: nothing loaded the English strings before this test, and a request cannot be
// answered within the microtasks between the two switches.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { deepText } from './fixtures/deep-text.js';
import { until } from './fixtures/wait.js';
import METRICS from '../fixtures/grid-map/metrics.json';

const resolved = (p: Promise<void>) => {
  const s = { done: false };
  void p.then(() => (s.done = true));
  return s;
};

describe('whenDrawn() after a language round trip (en, back to zh) before the English strings arrive', function () {
  this.timeout(60_000);
  it('resolves with the Chinese picture, for the KPI tile and the grid map; a later switch to English still waits for English', async () => {
    const geometry = await (await fetch(new URL('../fixtures/grid-map/small.geojson', import.meta.url))).json();
    const root = await fixture<HTMLDivElement>(html`<div>
      <civic-kpi-tile style="width:320px" label="GDP" src="/nowhere-r1-s17.json" timeout="1"></civic-kpi-tile>
      <civic-grid-map renderer="canvas" style="width:480px;height:320px" metric="households" .geometry=${geometry} .data=${METRICS}></civic-grid-map>
    </div>`);
    const tile = root.querySelector<CivicKpiTile>('civic-kpi-tile')!;
    const map = root.querySelector<CivicGridMap>('civic-grid-map')!;
    await tile.whenDrawn();
    await map.whenDrawn();
    expect(deepText(map)).to.contain('显示数据表');
    for (const el of [tile, map]) el.lang = 'en';
    await 0; // the language watcher (a MutationObserver) sees 'en' in this microtask checkpoint: the hold starts
    await 0;
    for (const el of [tile, map]) el.lang = 'zh-CN';
    const t = resolved(tile.whenDrawn());
    const m = resolved(map.whenDrawn());
    await until(() => t.done && m.done, `whenDrawn() resolves after en -> zh (tile ${t.done}, map ${m.done})`);
    expect(deepText(map)).to.contain('显示数据表');
    expect(deepText(tile)).to.match(/[\u4e00-\u9fff]/);
    // The round trip left nothing behind: a real switch to English resolves with the English picture.
    for (const el of [tile, map]) el.lang = 'en';
    await tile.whenDrawn();
    await map.whenDrawn();
    expect(deepText(map)).to.contain('Show data table');
    expect(deepText(tile)).not.to.match(/[\u4e00-\u9fff]/);
  });
});
