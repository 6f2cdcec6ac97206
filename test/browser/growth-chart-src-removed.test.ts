// First contact (H-audit2, session 15): a growth chart whose `src` is removed while its first fetch is in flight shows
// the empty state ("Nothing to show"); that state is its picture, so whenDrawn() resolves and civic-drawn fires
// (README Events), as the chain graph and the grid map do. Before, whenDrawn() stayed pending for ever. Reproduced
// first on a plain page with the one-script file (/work/notes/s15/h-audit2/pages/slow.html, #gr).
import { expect, fixture, html } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import { configure } from '../../src/data/configure.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';

describe('<civic-growth-chart> src removed during its first fetch', function () {
  this.timeout(60_000);
  let asked = 0;
  before(() => configure({ fetch: () => { asked++; return new Promise<Response>(() => {}); } })); // never answers
  after(() => configure({ fetch: undefined }));

  it('shows the empty state and resolves whenDrawn() with one civic-drawn', async () => {
    const drawn: string[][] = [];
    const onDrawn = (e: Event) => drawn.push((e as CustomEvent<{ reasons: string[] }>).detail.reasons);
    document.addEventListener('civic-drawn', onDrawn);
    try {
      const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart lang="en" src="/never.json"></civic-growth-chart>`);
      await until(() => asked > 0, 'the fetch has started');
      el.removeAttribute('src');
      let resolved = false;
      void el.whenDrawn().then(() => (resolved = true));
      await until(() => resolved, 'whenDrawn() after the src was removed');
      expect(el.shadowRoot!.querySelector('[part~="status"]')?.textContent).to.contain('Nothing to show');
      expect(drawn.length).to.equal(1);
    } finally {
      document.removeEventListener('civic-drawn', onDrawn);
    }
  });
});
