// whenDrawn() right after a switch to English (F, session 16): the English strings load on first use, and until they
// are there the element keeps its Chinese picture with nothing due, so a whenDrawn() asked meanwhile resolved on the
// Chinese picture (drawn-signal's KPI tile lang step failed under load, when the chunk took more than two frames).
// README (Events): whenDrawn() "waits while a redraw is due". Now the language change is due as soon as it is seen.
// Each test file runs in a page of its own: the English strings are not loaded before this switch.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

describe('whenDrawn() after a switch to a language whose strings still load', () => {
  it('resolves with the picture in the new language, with one civic-drawn for it', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div lang="zh-CN" style="width: 400px"></div>`);
    const el = document.createElement('civic-kpi-tile') as CivicKpiTile;
    el.setAttribute('motion', 'reduce');
    el.data = { label: '地区生产总值', labelEn: 'GDP', value: 860.9, unit: '亿元' };
    wrap.append(el);
    await el.whenDrawn();
    expect(el.shadowRoot!.textContent).to.contain('地区生产总值');
    const reasons: string[][] = [];
    el.addEventListener('civic-drawn', (e) => reasons.push((e as CustomEvent<{ reasons: string[] }>).detail.reasons));
    wrap.setAttribute('lang', 'en');
    await Promise.resolve(); // the attribute observer has told the element (a microtask); the strings are loading
    await el.whenDrawn();
    expect(el.shadowRoot!.textContent, 'the picture whenDrawn() resolved on').to.contain('GDP');
    expect(reasons).to.deep.equal([['lang']]);
  });
});
