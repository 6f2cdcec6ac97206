// First contact (H-audit2, session 15): after a language switch the map's live region does not keep a sentence in
// the other language ("已选择 …" under lang="en"). Reproduced first on a plain page with the one-script file
// (/work/notes/s15/h-audit2/pages/interact.html).
import { expect, fixture, html } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';

const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code, name: 'Grid ' + code.slice(-1), level: 'grid', parent: '500118001001' }, geometry: { type: 'Polygon', coordinates: [[[x, 29], [x + 0.01, 29], [x + 0.01, 29.01], [x, 29.01], [x, 29]]] } });
const GEO = { type: 'FeatureCollection', features: [{ ...sq('500118001001', 105), properties: { code: '500118001001', name: 'C', level: 'community' } }, sq('500118001001001', 105), sq('500118001001002', 105.01)] };
const DATA = { metrics: [{ key: 'h', label: 'H' }], rows: [{ code: '500118001001001', h: 1 }, { code: '500118001001002', h: 2 }] };

describe('<civic-grid-map> live region and a language switch', function () {
  this.timeout(60_000);
  it('the zh sentence of a keyboard selection is gone after lang="en"', async () => {
    const el = await fixture<CivicGridMap>(html`<civic-grid-map lang="zh-CN" renderer="canvas" style="width:500px" .geometry=${GEO} .data=${DATA}></civic-grid-map>`);
    await el.whenDrawn();
    const stage = el.shadowRoot!.querySelector<HTMLElement>('[part~="canvas"]')!;
    const live = () => el.shadowRoot!.querySelector('.live[aria-live]')?.textContent ?? '';
    stage.focus();
    stage.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    stage.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await until(() => live().includes('已选择'), 'the zh selection sentence');
    el.setAttribute('lang', 'en');
    // English strings load on first use: wait for the English chrome, then for that picture
    await until(() => el.shadowRoot!.textContent!.includes('Show data table'), 'the English chrome');
    await el.whenDrawn();
    expect(live()).not.to.contain('已选择');
  });
});
