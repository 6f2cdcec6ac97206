// The tour ring frames what the viewer can see of the element it is on (session 16, A2). On the demo wall the KPI grid
// sits in a panel that scrolls (its 12 tiles are taller than the panel): the ring used to frame the whole grid, running
// 180 design px past the stage's bottom over the rank board below. It is now the element's box cut by every clipping
// or scrolling box around it (inside the screen).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/screen/screen.define.js';
import type { CivicScreen } from '../../src/components/screen/screen.js';

/** Anything with highlight() takes part in the tour. */
class A2Tall extends HTMLElement {
  highlighted: string | null = null;
  highlight(id: string | null): void {
    this.highlighted = id;
  }
}
if (!customElements.get('a2-tall')) customElements.define('a2-tall', A2Tall);

const ringOf = (el: CivicScreen) => {
  const r = el.shadowRoot!.querySelector<HTMLElement>('[part~="tour-ring"]');
  return r ? { left: parseFloat(r.style.left), top: parseFloat(r.style.top), width: parseFloat(r.style.width), height: parseFloat(r.style.height) } : null;
};

async function wall(panelStyle: string) {
  // Design 1000×600 in a 500×300 box: scale 0.5, so the ring's design pixels differ from client pixels.
  const el = await fixture<CivicScreen>(html`<civic-screen design-width="1000" design-height="600" style="display:block;width:500px;height:300px">
    <div id="panel" style=${panelStyle}>
      <div style="height:50px">above</div>
      <a2-tall tour-ids="x" style="display:block;height:600px;background:#333"></a2-tall>
    </div>
  </civic-screen>`);
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
  return el;
}

describe('tour ring on a partly hidden element (A2)', () => {
  it('is cut to the scrolling panel the element sits in', async () => {
    const el = await wall('height:200px;overflow:auto;margin-top:10px');
    const panel = el.querySelector<HTMLElement>('#panel')!;
    el.tourStep();
    await el.updateComplete;
    const ring = ringOf(el)!;
    expect(ring).to.not.equal(null);
    const p = el.toDesign(panel.getBoundingClientRect().left, panel.getBoundingClientRect().top);
    // The element starts 50 px into the panel and is 600 px tall: 150 px of it show.
    expect(ring.top).to.be.closeTo(p.y + 50, 1);
    expect(ring.top + ring.height, 'ring bottom at the panel bottom').to.be.at.most(p.y + 200 + 1);
    expect(ring.height).to.be.closeTo(150, 1);
  });

  it('follows the panel when it is scrolled', async () => {
    const el = await wall('height:200px;overflow:auto');
    const panel = el.querySelector<HTMLElement>('#panel')!;
    panel.scrollTop = 100; // the element now fills the panel
    el.tourStep();
    await el.updateComplete;
    const ring = ringOf(el)!;
    const p = el.toDesign(panel.getBoundingClientRect().left, panel.getBoundingClientRect().top);
    expect(ring.top).to.be.closeTo(p.y, 1);
    expect(ring.height).to.be.closeTo(200, 1);
  });

  it('is cut by overflow: hidden too, and by the stage when nothing of the page clips', async () => {
    const cut = await wall('height:120px;overflow:hidden');
    cut.tourStep();
    await cut.updateComplete;
    expect(ringOf(cut)!.height).to.be.closeTo(70, 1);
    const free = await wall('');
    free.tourStep();
    await free.updateComplete;
    // Nothing of the page clips it: the ring runs to the bottom of the screen's content area, never past the stage.
    const r = ringOf(free)!;
    expect(r.height).to.be.above(400);
    expect(r.top + r.height).to.be.at.most(600);
  });
});
