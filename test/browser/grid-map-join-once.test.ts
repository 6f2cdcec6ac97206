// First contact (H-audit2, session 15): a metrics row whose code matches no grid, on a geometry of grids whose parents
// are dissolved after the first picture. The join is redone with the dissolved parents, with the same problems: one
// civic-error and one console warning for the data (README: one civic-error), not one per join. Reproduced first on
// a plain page with the one-script file (/work/notes/s15/h-audit2/pages/dissolve-twice.html).
import { expect, fixture, html } from '@open-wc/testing';
import { frames, until } from './fixtures/wait.js';
import '../../src/components/grid-map/grid-map.define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';

const sq = (code: string, x: number) => ({ type: 'Feature', properties: { code, name: 'N' + code, level: 'grid' }, geometry: { type: 'Polygon', coordinates: [[[x, 29], [x + 0.01, 29], [x + 0.01, 29.01], [x, 29.01], [x, 29]]] } });
const GEO = { type: 'FeatureCollection', features: [sq('500118001001001', 105), sq('500118001001002', 105.01)] };
const DATA = { metrics: [{ key: 'h', label: 'H' }], rows: [{ code: '500118001001001', h: 1 }, { code: '500118001001002', h: 2 }, { code: '999', h: 3 }] };

describe('<civic-grid-map> join problems reported once', function () {
  this.timeout(60_000);
  it('one civic-error and one warning although the parents are dissolved and the join redone', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
    const errors: unknown[] = [];
    const drawn: unknown[] = [];
    const onError = (e: Event) => errors.push((e as CustomEvent).detail);
    const onDrawn = (e: Event) => drawn.push((e as CustomEvent).detail);
    document.addEventListener('civic-error', onError);
    document.addEventListener('civic-drawn', onDrawn);
    try {
      const el = await fixture<CivicGridMap>(html`<civic-grid-map lang="en" renderer="canvas" style="width:500px" .geometry=${GEO} .data=${DATA}></civic-grid-map>`);
      await el.whenDrawn();
      // the dissolved parents arrive after the first picture: a second picture
      await until(() => drawn.length >= 2, 'the picture with the dissolved parents');
      await el.whenDrawn();
      await frames(3);
      expect(el.joinIssues.filter((i) => i.severity === 'error').length).to.equal(1);
      expect(errors.length, 'civic-error events').to.equal(1);
      expect(warnings.filter((w) => w.includes('join')).length, 'join warnings').to.equal(1);
    } finally {
      console.warn = warn;
      document.removeEventListener('civic-error', onError);
      document.removeEventListener('civic-drawn', onDrawn);
    }
  });
});
