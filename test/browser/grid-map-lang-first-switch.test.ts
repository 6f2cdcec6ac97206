// The grid map's own whenDrawn() (its renderer's picture) after a page's first switch to English (F, session 17): it
// resolved with the picture drawn while the English strings loaded, still in Chinese (全部, 显示数据表). Each test
// file is its own page: nothing loaded the English strings before this test.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { deepText } from './fixtures/deep-text.js';
import METRICS from '../fixtures/grid-map/metrics.json';

describe('<civic-grid-map> whenDrawn() after a first switch to English', function () {
  this.timeout(60_000);
  it('resolves with the English picture', async () => {
    const geometry = await (await fetch(new URL('../fixtures/grid-map/small.geojson', import.meta.url))).json();
    const el = await fixture<CivicGridMap>(html`<civic-grid-map renderer="canvas" style="width:480px;height:320px" metric="households" .geometry=${geometry} .data=${METRICS}></civic-grid-map>`);
    await el.whenDrawn();
    expect(deepText(el)).to.contain('显示数据表');
    el.lang = 'en';
    await el.whenDrawn();
    const text = deepText(el);
    expect(text).to.contain('Show data table');
    expect(text).not.to.contain('显示数据表');
  });
});
