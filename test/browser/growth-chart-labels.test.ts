// Growth chart x labels (issue 16, first render): a one-line label is a <text> with its own x/y and a text node — no
// <tspan> (fewer nodes to style and lay out); labels of two lines (quarter + year) keep one <tspan> per line. Redraws
// that change a label's shape (one line ↔ two lines ↔ rotated) leave the picture a fresh chart draws for the same data.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';

const series = (periods: string[]) => ({
  series: [{ id: 'gdp', name: '地区生产总值（示例）', unit: '亿元', points: periods.map((period, i) => ({ period, value: 100 + i * 7, growth: (i % 4) - 1, illustrative: true })) }],
});
const years = (n: number) => Array.from({ length: n }, (_, i) => `${2015 + i}`);
const quarters = (n: number) => Array.from({ length: n }, (_, i) => `${2015 + Math.floor(i / 4)}Q${(i % 4) + 1}`);

const ticks = (el: CivicGrowthChart) => [...el.shadowRoot!.querySelectorAll<SVGTextElement>('.x-axis text.tick')];

/** Every element of the plot: tag, sorted attributes and own text, in document order. */
function picture(el: CivicGrowthChart): string[] {
  const svg = el.shadowRoot!.querySelector('svg[part~="plot"]')!;
  return [...svg.querySelectorAll('*')].map((n) => {
    const attrs = [...n.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
    const own = [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('');
    return `${n.localName} ${attrs} ${own}`;
  });
}

async function draw(data: unknown): Promise<CivicGrowthChart> {
  const el = await fixture<CivicGrowthChart>(html`<civic-growth-chart style="width:720px" .data=${data}></civic-growth-chart>`);
  await el.whenDrawn();
  return el;
}

describe('civic-growth-chart x labels', () => {
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('one-line labels are a positioned <text> without <tspan>', async () => {
    const el = await draw(series(years(6)));
    const t = ticks(el);
    expect(t).to.have.length(6);
    for (const tick of t) {
      expect(tick.querySelectorAll('tspan').length, `tspans in ${tick.textContent}`).to.equal(0);
      expect(Number(tick.getAttribute('x'))).to.be.greaterThan(0);
      expect(Number(tick.getAttribute('y'))).to.be.greaterThan(0);
      expect(tick.getAttribute('text-anchor')).to.equal('middle');
    }
    expect(t[0].textContent).to.contain('2015');
    // Drawn where the label belongs: under the plot, at its period's centre.
    const bar = el.shadowRoot!.querySelector<SVGRectElement>('g.marks rect.bar[data-key="2015"]')!;
    const centre = Number(bar.getAttribute('x')) + Number(bar.getAttribute('width')) / 2;
    expect(Math.abs(Number(t[0].getAttribute('x')) - centre)).to.be.lessThan(1);
    const box = t[0].getBBox();
    expect(box.width).to.be.greaterThan(0);
    expect(box.y).to.be.greaterThan(Number(bar.getAttribute('y')) + Number(bar.getAttribute('height')) - 1);
  });

  it('two-line labels keep a <tspan> per line', async () => {
    const el = await draw(series(quarters(6)));
    const two = ticks(el).filter((t) => t.querySelectorAll('tspan').length === 2);
    expect(two.length, 'labels with the year as a second line').to.be.greaterThan(0);
    for (const t of two) expect(t.hasAttribute('x') || t.hasAttribute('y'), 'position on the tspans').to.equal(false);
  });

  it('redraws between one-line, two-line and rotated labels give the picture of a fresh chart', async () => {
    const el = await draw(series(years(6)));
    for (const next of [series(quarters(6)), series(years(5)), series(quarters(40)), series(quarters(7)), series(years(30)), series(years(4))]) {
      el.data = next;
      await el.whenDrawn();
      const fresh = await draw(next);
      expect(picture(el)).to.deep.equal(picture(fresh));
      fresh.remove();
    }
  });
});
