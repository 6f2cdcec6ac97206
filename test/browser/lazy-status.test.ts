// Issue 16 (weight): the full data-status banner (core/render/status-view.ts: details list, Retry and dismiss buttons,
// compact badge) loads with the first status an element shows. A page whose data is good never requests it; the first
// error draws the plain banner at once (same translated headline), and the picture — `civic-drawn`, `whenDrawn()` —
// and `civic-error` wait for the full banner. (The banner that cannot load, offline: test/unit/data/status-view-offline.test.ts.)
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { requestedPaths } from './fixtures/requests.js';

const VIEW = /\/src\/core\/render\/status-view\.[jt]s$/;
const status = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="status"]');

describe('the status banner loads on first use (issue 16)', () => {
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    console.warn = () => {};
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('good data requests no status banner; the first error draws it, and the picture waits for it', async () => {
    const ok = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" lang="zh-CN" .data=${{ label: '学校', value: 18, unit: '所' }}></civic-kpi-tile>`);
    await ok.whenDrawn();
    expect(ok.shadowRoot!.textContent).to.contain('18');
    expect(status(ok), 'no status on a picture of good data').to.equal(null);
    expect(requestedPaths(VIEW), 'status banner requested by a page of good data').to.deep.equal([]);

    // Nothing valid to draw: the error state. Whatever the picture shows when civic-drawn fires is recorded then.
    const bad = document.createElement('civic-kpi-tile') as CivicKpiTile;
    bad.lang = 'zh-CN';
    bad.data = { label: '医院', value: 'abc' };
    let atDrawn: { details: boolean; text: string } | undefined;
    bad.addEventListener('civic-drawn', () => {
      const s = status(bad);
      atDrawn ??= { details: !!s?.querySelector('details'), text: s?.textContent ?? '' };
    });
    const failed = oneEvent(bad, 'civic-error');
    (await fixture<HTMLDivElement>(html`<div style="width:400px"></div>`)).append(bad);
    const e = await failed;
    expect(e.detail.kind).to.equal('validation');
    // civic-error leaves once the error state is drawn in full (the listener finds the banner with its issue list).
    await bad.updateComplete;
    expect(status(bad)?.textContent).to.contain('加载失败');
    expect(status(bad)?.querySelector('details'), 'the full banner when civic-error fires').to.exist;

    await bad.whenDrawn();
    expect(atDrawn, 'civic-drawn fired').to.exist;
    expect(atDrawn!.details, 'the picture completed with the full banner (its issue list), not the plain one').to.equal(true);
    expect(requestedPaths(VIEW).length, 'the first error requested the status banner').to.be.greaterThan(0);
    expect(atDrawn!.text).to.contain('加载失败');
    const s = status(bad)!;
    expect(s.getAttribute('data-kind')).to.equal('error');
    expect(s.querySelector('details li')?.textContent).to.contain('value');
    // The banner's own styles were adopted with it: its issue list is monospace.
    s.querySelector('details')!.open = true;
    expect(getComputedStyle(s.querySelector('ul')!).fontFamily).to.contain('monospace');
  });
});
