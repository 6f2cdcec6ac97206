// A wall of tiles updating each second (issue 16, bench/kpi): a figure of a new shape is fitted from text measured on
// a canvas with the tile's fonts read once, not by reading computed styles again (each such read is a forced style
// recalculation of every tile updated in that frame). The fit itself stays right: the figure fits, and the fonts are
// read again when what they depend on (the width, theme, density, language) changes.
import { expect, fixture, html } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

function part(el: Element, name: string): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
}

/** Records reads of the computed style the fit uses (the tile's base, the figure's and unit's fonts), until `stop()`. */
function spyStyleReads(el: CivicKpiTile): { read: Element[]; stop: () => void } {
  const read: Element[] = [];
  const real = window.getComputedStyle;
  window.getComputedStyle = function (this: Window, elt: Element, pseudo?: string | null) {
    if (el.shadowRoot!.contains(elt) && elt.matches('.measure *, [part~="base"]')) read.push(elt);
    return real.call(this, elt, pseudo);
  } as typeof window.getComputedStyle;
  return { read, stop: () => (window.getComputedStyle = real) };
}

describe('civic-kpi-tile: fitting a wall of changing figures', () => {
  it('fits a figure of a new shape without reading the styles again', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" style="width:240px; --civic-kpi-tile-value-font-size: 48px" label="x" value="17" unit="所"></civic-kpi-tile>`);
    await el.whenDrawn();
    expect(parseFloat(getComputedStyle(part(el, 'value')).fontSize)).to.equal(48);
    const spy = spyStyleReads(el);
    try {
      el.value = '123456.789';
      el.precision = 3;
      el.unit = '亿元';
      await el.updateComplete;
      await el.whenDrawn();
    } finally {
      spy.stop();
    }
    expect(spy.read).to.have.length(0);
    const v = part(el, 'value');
    expect(parseFloat(getComputedStyle(v).fontSize)).to.be.below(48);
    expect(v.scrollWidth).to.be.at.most(v.clientWidth + 1);
  });

  it('reads the fonts again when the tile is resized, and fits the new width', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" style="width:600px; --civic-kpi-tile-value-font-size: 48px" label="x" value="123456.789" precision="3" unit="亿元"></civic-kpi-tile>`);
    await el.whenDrawn();
    const wide = parseFloat(getComputedStyle(part(el, 'value')).fontSize);
    const spy = spyStyleReads(el);
    try {
      el.style.width = '200px';
      await until(() => spy.read.length > 0 && parseFloat(getComputedStyle(part(el, 'value')).fontSize) < wide, 'the figure shrinks to the narrower tile');
      await el.whenDrawn();
    } finally {
      spy.stop();
    }
    const v = part(el, 'value');
    expect(v.scrollWidth).to.be.at.most(v.clientWidth + 1);
  });
});
