// A wall of tiles updating each second (issue 16, bench/kpi): a new figure of the same shape is written into the
// nodes already there (no node created, nothing moves); a figure of another shape re-creates the value line (new
// content, not a layout shift).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

function part(el: Element, name: string): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
}
/** Nodes added anywhere in the tile's shadow tree while `run` runs (the tile updated and drawn). */
async function addedDuring(el: CivicKpiTile, run: () => void): Promise<Node[]> {
  const added: Node[] = [];
  const mo = new MutationObserver((records) => records.forEach((r) => added.push(...r.addedNodes)));
  mo.observe(el.shadowRoot!, { childList: true, subtree: true });
  run();
  await el.updateComplete;
  await el.whenDrawn();
  mo.takeRecords().forEach((r) => added.push(...r.addedNodes));
  mo.disconnect();
  return added;
}

describe('civic-kpi-tile: updates in place', () => {
  it('writes a same-shape figure into the same nodes (no node added)', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" label="x" value="123400" unit="人" previous="120000"></civic-kpi-tile>`);
    await el.whenDrawn();
    const roll = part(el, 'value').querySelector('.roll')!;
    expect(part(el, 'number').textContent).to.equal('12.34');
    const added = await addedDuring(el, () => (el.value = '125600'));
    expect(part(el, 'number').textContent).to.equal('12.56');
    expect(part(el, 'value').querySelector('.roll'), 'the value line was re-created').to.equal(roll);
    expect(roll.querySelector('.reserve')!.shadowRoot!.textContent, 'the width reserve holds the final figure').to.equal('12.56');
    expect(added.filter((n) => n.nodeType === Node.ELEMENT_NODE).map((n) => (n as Element).outerHTML)).to.deep.equal([]);
  });

  it('re-creates the value line for a figure of another shape', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile motion="reduce" label="x" value="99000" unit="人"></civic-kpi-tile>`);
    await el.whenDrawn();
    const roll = part(el, 'value').querySelector('.roll')!;
    await addedDuring(el, () => (el.value = '101000'));
    expect(part(el, 'number').textContent + part(el, 'suffix').textContent).to.equal('10.1万');
    expect(part(el, 'value').querySelector('.roll')).to.not.equal(roll);
  });

  it('counts up in place from the old figure to a same-shape one', async () => {
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile label="x" value="1000" duration="300"></civic-kpi-tile>`);
    await el.whenDrawn();
    const number = part(el, 'number');
    el.value = '2000';
    await el.updateComplete;
    expect(part(el, 'number')).to.equal(number);
    expect(number.textContent).to.equal('1,000');
    const deadline = performance.now() + 10_000;
    while (number.textContent !== '2,000' && performance.now() < deadline) await new Promise(requestAnimationFrame);
    expect(number.textContent).to.equal('2,000');
    expect(number.isConnected).to.equal(true);
    // Once a count-up ran, the width reserve's text is written in place, not replaced by a new text node (new layout
    // objects every second on a wall).
    const reserve = () => number.parentElement!.querySelector('.reserve')!.shadowRoot!;
    const reserveText = reserve().firstChild;
    el.value = '3000';
    await el.updateComplete;
    expect(reserve().textContent).to.equal('3,000');
    expect(reserve().firstChild, 'the reserve\'s text node was replaced').to.equal(reserveText);
  });

  it('keeps the final figure\'s width while a shorter figure counts up (the unit does not move)', async () => {
    // The same final figure drawn at once: where its unit sits.
    const ref = await fixture<CivicKpiTile>(html`<civic-kpi-tile style="width: 400px" motion="reduce" label="x" value="9000" unit="人"></civic-kpi-tile>`);
    await ref.whenDrawn();
    const el = await fixture<CivicKpiTile>(html`<civic-kpi-tile style="width: 400px" label="x" value="5" unit="人" duration="60000"></civic-kpi-tile>`);
    await el.whenDrawn();
    el.value = '9000';
    await el.updateComplete;
    const number = part(el, 'number');
    expect(number.textContent, 'a count-up frame, shorter than the final figure').to.equal('5');
    const x = (t: CivicKpiTile) => part(t, 'unit').getBoundingClientRect().left - t.getBoundingClientRect().left;
    expect(Math.abs(x(el) - x(ref))).to.be.below(0.5);
  });
});
