// Issue 16: the KPI tile's details chunk (status, progress, sparkline, period: kpi-tile.details.ts) when its request
// fails (a page that lost its network). With the chunk's request answered 503 by the test server
// (fixtures/fail-server.mjs), a tile with a target says so like a failed fetch — a visible, translated error and one
// civic-error { kind: 'network' } — and still draws its figure and delta; it does not retry in a loop, and reload()
// tries again. (Its own file: a browser may keep a failed module for the page's life.)
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { requestedPaths } from './fixtures/requests.js';
import { until } from './fixtures/wait.js';

const CHUNK = 'kpi-tile.details.ts';
const control = async (query: string) => (await fetch(`/__fail/control?${query}`, { cache: 'no-store' })).json() as Promise<{ failed: string[] }>;
const part = (el: CivicKpiTile, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);

describe('the KPI tile details chunk cannot load (issue 16)', () => {
  let warn: typeof console.warn;
  before(async () => {
    warn = console.warn;
    console.warn = () => {}; // the data controller warns about the network error
    await control(`op=set&suffix=${encodeURIComponent(CHUNK)}`);
  });
  after(async () => {
    await control('op=clear');
    console.warn = warn;
  });

  it('a visible network error and civic-error once; the figure and delta are drawn; reload() tries again', async () => {
    const el = document.createElement('civic-kpi-tile') as CivicKpiTile;
    el.setAttribute('motion', 'reduce');
    el.setAttribute('lang', 'en');
    el.data = { label: '实训基地', labelEn: 'Training bases', value: 1300, unit: '个', previous: 1200, target: 1500 };
    const errors: CustomEvent[] = [];
    el.addEventListener('civic-error', (e) => errors.push(e as CustomEvent));
    (await fixture<HTMLDivElement>(html`<div style="width:280px"></div>`)).append(el);
    await el.whenDrawn();
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.kind).to.equal('network');
    expect(errors[0]!.detail.message).to.contain('progress');
    expect((await control('op=stats')).failed.some((p) => p.endsWith(CHUNK)), 'the chunk was requested and answered 503').to.equal(true);
    const status = part(el, 'status');
    expect(status, 'a visible error state').to.exist;
    expect(status!.getAttribute('data-kind')).to.equal('error');
    expect(part(el, 'number')?.textContent).to.equal('1,300');
    expect(part(el, 'delta')?.textContent).to.contain('8.3%');
    expect(part(el, 'progress'), 'no details without their code').to.equal(null);

    // More updates neither retry nor fire again (the error itself asks for an update).
    const asked = requestedPaths(/\/kpi-tile\.details\.ts$/).length;
    for (let i = 0; i < 3; i++) {
      el.requestUpdate();
      await el.updateComplete;
    }
    expect(errors).to.have.length(1);
    expect(requestedPaths(/\/kpi-tile\.details\.ts$/).length, 'no retry loop').to.equal(asked);

    // The network is back: reload() tries the chunk again. A browser that fetches a failed module again draws the
    // details and the error goes; one that keeps the failure for the page's life says so again (no hang, no throw).
    await control('op=clear');
    await el.reload();
    await until(() => errors.length > 1 || part(el, 'progress'), 'the details drawn, or a second civic-error, after reload()');
    if (part(el, 'progress')) expect(el.shadowRoot!.querySelector('[part~="status"][data-kind="error"]'), 'the error is gone').to.equal(null);
    else expect(errors[1]!.detail.kind).to.equal('network');
    expect(part(el, 'number')?.textContent).to.equal('1,300');
  });
});
