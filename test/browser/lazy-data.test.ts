// Issue 16 (weight): the network path (src/data/fetch-json.ts) and the persistent cache (src/data/cache.ts) load on an
// element's first `src` load; an element given its data as a property or an inline script never requests them.
// This file imports only a define module and the test's fetch stand-in (which goes through configure.ts), so a
// request for either module before a `src` came from element code.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { FakeServer } from './fixtures/server.js';
import { until } from './fixtures/wait.js';
import { requestedPaths } from './fixtures/requests.js';

const LAZY = /\/src\/data\/(fetch-json|cache)\.[jt]s$/;
const lazyRequests = () =>
  requestedPaths(LAZY).map((n) => n.replace(/^.*\/src\/data\/(\w[\w-]*)\.[jt]s$/, '$1'));

describe('data layer network path loads with the first src (issue 16)', () => {
  const server = new FakeServer();
  beforeEach(() => server.install());
  afterEach(() => server.uninstall());

  it('data by property or inline script: no fetch or cache module requested; src: both load and the tile shows the data', async () => {
    const byProp = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" .data=${{ label: '学校', value: 18, unit: '所' }}></civic-kpi-tile>`);
    const inline = await fixture<CivicKpiTile>(
      html`<civic-kpi-tile motion="reduce"><script type="application/json">{"label":"医院","value":7,"unit":"家"}</script></civic-kpi-tile>`,
    );
    await byProp.whenDrawn();
    await inline.whenDrawn();
    expect(byProp.shadowRoot!.textContent).to.contain('18');
    expect(inline.shadowRoot!.textContent).to.contain('7');
    expect(lazyRequests(), 'fetch-json / cache requested without any src').to.deep.equal([]);

    server.routes.set('/lazy-tile.json', { body: JSON.stringify({ label: '公园', value: 42, unit: '个' }) });
    const el = document.createElement('civic-kpi-tile') as CivicKpiTile;
    el.setAttribute('motion', 'reduce');
    el.setAttribute('cache', 'lazy-test');
    el.setAttribute('src', '/lazy-tile.json');
    const loaded = oneEvent(el, 'civic-load');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await loaded;
    await el.whenDrawn();
    expect(server.calls).to.deep.equal(['/lazy-tile.json']);
    expect(el.shadowRoot!.textContent).to.contain('42');
    await until(() => lazyRequests().length >= 2, 'fetch-json and cache requested for the src load');
    expect(lazyRequests().sort(), 'the src load brought the fetch and cache modules').to.deep.equal(['cache', 'fetch-json']);
  });
});
