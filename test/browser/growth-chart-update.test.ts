// Growth chart redraws without animation (issue 16, speed): the frame (grid, axes, x labels, annotations) and the
// marks are updated in place — the same nodes, keyed by series and period, with the new values — and what left the
// data leaves the DOM. The picture matches what a fresh chart draws for the same data.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';

const points = (n: number, k: number) =>
  Array.from({ length: n }, (_, i) => ({ period: `${2015 + i}`, value: 100 + i * 10 * k, growth: ((i % 5) - 1) * k, illustrative: true }));
const payload = (n: number, k: number) => ({ series: [{ id: 'gdp', name: '地区生产总值（示例）', unit: '亿元', points: points(n, k) }] });

/** What a reader sees of the plot: every element's tag, class and geometry attributes, and its text, in order. */
function picture(el: CivicGrowthChart): string[] {
  const svg = el.shadowRoot!.querySelector('svg[part~="plot"]')!;
  return [...svg.querySelectorAll('*')].map((n) => {
    const attrs = [...n.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
    const text = n.children.length === 0 ? n.textContent : '';
    return `${n.localName} ${attrs} ${text}`;
  });
}

describe('civic-growth-chart: redraws in place', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('keeps the nodes of bars, dots and tick labels and writes the new values; the picture equals a fresh draw', async () => {
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:640px" .data=${payload(8, 1)}></civic-growth-chart>`);
    await el.whenDrawn();
    const root = el.shadowRoot!;
    const bar = root.querySelector<SVGRectElement>('g.marks rect.bar[data-key="2018"]')!;
    const dot = root.querySelector<SVGCircleElement>('g.marks circle.dot[data-key="2018"]')!;
    const tick = root.querySelector<SVGTextElement>('.axis-left text.tick')!;
    const oldHeight = bar.getAttribute('height');
    el.data = payload(8, 3);
    await el.whenDrawn();
    expect(root.querySelector('g.marks rect.bar[data-key="2018"]'), 'same bar node').to.equal(bar);
    expect(root.querySelector('g.marks circle.dot[data-key="2018"]'), 'same dot node').to.equal(dot);
    expect(root.querySelector('.axis-left text.tick'), 'same tick node').to.equal(tick);
    expect(bar.getAttribute('height')).to.not.equal(oldHeight);
    const fresh = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:640px" .data=${payload(8, 3)}></civic-growth-chart>`);
    await fresh.whenDrawn();
    expect(picture(el)).to.deep.equal(picture(fresh));
  });

  it('moves no node when only values change: the frame groups stay where they are, only attributes and texts are written', async () => {
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:640px" .data=${payload(8, 1)}></civic-growth-chart>`);
    await el.whenDrawn();
    const svg = el.shadowRoot!.querySelector('svg[part~="plot"]')!;
    expect(svg.querySelector('g.x-axis'), 'a part after the marks').to.not.equal(null);
    const moved: string[] = [];
    const mo = new MutationObserver((recs) => {
      for (const r of recs) if (r.type === 'childList') for (const n of [...r.addedNodes, ...r.removedNodes]) moved.push((n as Element).getAttribute?.('class') ?? n.nodeName);
    });
    mo.observe(svg, { childList: true, subtree: true });
    const next = payload(8, 1);
    for (const p of next.series[0].points) p.value += 3; // new bar heights, the same ticks
    el.data = next;
    await el.whenDrawn();
    expect(el.shadowRoot!.querySelector('g.marks rect.bar')!.getAttribute('height'), 'redrawn').to.not.equal(null);
    moved.push(...mo.takeRecords().flatMap((r) => [...r.addedNodes, ...r.removedNodes].map((n) => (n as Element).getAttribute?.('class') ?? n.nodeName)));
    mo.disconnect();
    expect(moved, 'nodes added or removed by a values-only update').to.deep.equal([]);
  });

  it('drops the bars, dots and labels of periods that left the data, and adds new ones', async () => {
    const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:640px" .data=${payload(8, 1)}></civic-growth-chart>`);
    await el.whenDrawn();
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('g.marks rect.bar')).to.have.length(8);
    el.data = payload(5, 1);
    await el.whenDrawn();
    expect(root.querySelectorAll('g.marks rect.bar')).to.have.length(5);
    expect(root.querySelectorAll('g.marks circle.dot')).to.have.length(5);
    expect(root.querySelector('g.marks rect.bar[data-key="2022"]')).to.equal(null);
    el.data = payload(10, 2);
    await el.whenDrawn();
    expect(root.querySelectorAll('g.marks rect.bar')).to.have.length(10);
    const fresh = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:640px" .data=${payload(10, 2)}></civic-growth-chart>`);
    await fresh.whenDrawn();
    expect(picture(el)).to.deep.equal(picture(fresh));
  });
});
