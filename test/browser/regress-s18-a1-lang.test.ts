// A1 s18 (first contact, web-team developer): the language an element shows follows where it is on the page — an
// element moved into a part of the page with another `lang` (a tab panel, a framework re-parenting it), and a page
// that switches `<html lang>` at run time; likewise `theme` inherited from an ancestor.
import { expect } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('A1 s18: language and theme follow the element when it moves', function () {
  this.timeout(60_000);
  let zh: HTMLElement, en: HTMLElement;
  beforeEach(() => {
    zh = Object.assign(document.createElement('section'), { lang: 'zh-CN' });
    en = Object.assign(document.createElement('section'), { lang: 'en' });
    document.body.append(zh, en);
  });
  afterEach(() => {
    zh.remove();
    en.remove();
  });

  it('a tile drawn in a Chinese section and moved into an English one speaks English', async () => {
    const t = document.createElement('civic-kpi-tile') as CivicKpiTile;
    Object.assign(t, { label: 'Students', value: 170000, unit: '人', qualifier: 'over' });
    zh.append(t);
    await t.whenDrawn();
    expect(text(t)).to.contain('超17万');
    en.append(t);
    await t.updateComplete;
    await t.whenDrawn();
    expect(text(t)).to.contain('170K');
    zh.append(t);
    await t.updateComplete;
    await t.whenDrawn();
    expect(text(t)).to.contain('超17万');
  });

  it('a tile moved from a dark section into a light one paints the light surface', async () => {
    const dark = document.createElement('div');
    dark.setAttribute('theme', 'dark');
    document.body.append(dark);
    const t = document.createElement('civic-kpi-tile') as CivicKpiTile;
    Object.assign(t, { label: 'Students', value: 170000 });
    dark.append(t);
    await t.whenDrawn();
    expect(t.getAttribute('data-theme')).to.equal('dark');
    zh.append(t);
    await t.updateComplete;
    await t.whenDrawn();
    expect(t.getAttribute('data-theme')).to.equal('light');
    dark.remove();
  });
});
