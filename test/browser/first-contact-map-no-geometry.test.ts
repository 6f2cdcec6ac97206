// First contact (H-audit, session 15): a grid map given metrics but no geometry (no geometry-src, no geometry
// property, no tiles: a forgotten or misspelt attribute) was a blank box with no word, no event, and a whenDrawn()
// that never settled. It says what is missing, in the page's language, and that state is its picture.
// Reproduced first on a plain page with the one-script file (/work/notes/s15/h-audit/pages/map-nogeo.html).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import { until } from './fixtures/wait.js';
import METRICS from '../fixtures/grid-map/metrics.json';

const settled = (p: Promise<void>, ms = 10_000) =>
  Promise.race([p.then(() => 'resolved', () => 'rejected'), new Promise<string>((r) => setTimeout(() => r('pending'), ms))]); // time-under-test: a promise that must settle

describe('civic-grid-map without geometry', () => {
  for (const [lang, word] of [['zh-CN', 'geometry-src'], ['en', 'geometry-src']] as const) {
    it(`shows what is missing and counts that as its picture (${lang})`, async () => {
      const el = await fixture<CivicGridMap>(html`<civic-grid-map lang=${lang} .data=${METRICS}></civic-grid-map>`);
      expect(await settled(el.whenDrawn())).to.equal('resolved');
      const status = el.shadowRoot!.querySelector('[part~="status"]');
      expect(status, 'a status').to.exist;
      expect(status!.textContent).to.contain(word);
      expect(status!.textContent).to.match(lang === 'en' ? /No grid boundaries/ : /网格边界/);
    });
  }
});

describe('civic-grid-map given its geometry after the metrics', () => {
  it('fires civic-load once the map is drawn, not for the missing-geometry notice', async () => {
    const el = document.createElement('civic-grid-map') as CivicGridMap;
    const order: string[] = [];
    el.addEventListener('civic-load', () => order.push('load'));
    el.data = METRICS;
    await fixture(html`<div style="width: 600px">${el}</div>`);
    await el.whenDrawn();
    expect(order).to.deep.equal([]);
    el.geometry = await fetch('/test/fixtures/grid-map/small.geojson').then((r) => r.json());
    await until(() => order.length > 0, 'civic-load after the geometry');
    expect(el.shadowRoot!.querySelector('[part~="status"][data-kind="empty"]')).to.equal(null);
  });
});
