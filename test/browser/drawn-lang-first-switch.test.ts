// A page's first switch to English (F, session 17): the English strings load on first use, and the picture drawn
// meanwhile (still Chinese) is not "the picture": whenDrawn() asked after the switch resolved with it, so a page,
// test or benchmark waiting on the one signal read Chinese words. Each test file is its own page: nothing loaded the
// English strings before this test.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { deepText } from './fixtures/deep-text.js';

describe('whenDrawn() after a first switch to English', function () {
  this.timeout(60_000);
  it('resolves with the English picture, and civic-drawn says lang', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile style="width:320px" label="GDP" src="/nowhere-f-s17.json" timeout="1"></civic-kpi-tile>`);
    await el.whenDrawn();
    expect(deepText(el)).to.match(/[\u4e00-\u9fff]/);
    const zh = deepText(el);
    const reasons: string[][] = [];
    el.addEventListener('civic-drawn', (e) => reasons.push([...(e as CustomEvent<{ reasons: string[] }>).detail.reasons]));
    el.lang = 'en';
    el.setAttribute('theme', 'dark');
    await el.whenDrawn();
    const text = deepText(el);
    expect(text, zh).not.to.match(/[\u4e00-\u9fff]/);
    expect(reasons.flat()).to.include('lang');
  });
});
