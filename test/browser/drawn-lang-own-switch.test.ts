// `el.lang = 'en'` then `await el.whenDrawn()` in the same task, nothing else changed (R1 s17): `lang` is the native
// HTMLElement property, no Lit property, so no update was pending and the language watcher (one MutationObserver for
// the page, ancestor.ts) had not run yet: whenDrawn() resolved at once with the Chinese picture. drawn-lang-first-switch
// set a theme in the same task, which made an update pending and hid this. Same for a `lang` set on an ancestor.
// Each test file is its own page: nothing loaded the English strings before this test.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { deepText } from './fixtures/deep-text.js';

const HAN = /[\u4e00-\u9fff]/;

describe('whenDrawn() right after a lang set in the same task', function () {
  this.timeout(60_000);
  it('resolves with the English picture: the element\'s own lang, and an ancestor\'s', async () => {
    const root = await fixture<HTMLDivElement>(html`<div>
      <civic-kpi-tile id="own" style="width:320px" label="GDP" src="/nowhere-r1-s17-own.json" timeout="1"></civic-kpi-tile>
      <section><civic-kpi-tile id="inherits" style="width:320px" label="GDP" src="/nowhere-r1-s17-up.json" timeout="1"></civic-kpi-tile></section>
    </div>`);
    const own = root.querySelector<CivicKpiTile>('#own')!;
    const inherits = root.querySelector<CivicKpiTile>('#inherits')!;
    await own.whenDrawn();
    await inherits.whenDrawn();
    expect(deepText(own)).to.match(HAN);
    expect(deepText(inherits)).to.match(HAN);
    own.lang = 'en';
    root.querySelector('section')!.lang = 'en';
    const drawn = [own.whenDrawn(), inherits.whenDrawn()];
    await drawn[0];
    expect(deepText(own)).not.to.match(HAN);
    await drawn[1];
    expect(deepText(inherits)).not.to.match(HAN);
  });
});
