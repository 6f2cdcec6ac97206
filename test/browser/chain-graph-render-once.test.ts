// <civic-chain-graph> (issue 15: settle at 100 nodes): the SVG picture of a new layout and the note that says how many
// names it does not show come in one render — the note reads the count the picture's label placement just set — not
// in a second update queued after the picture's.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/chain-graph/chain-graph.define.js';
import type { CivicChainGraph } from '../../src/components/chain-graph/chain-graph.js';
import demo from '../fixtures/chain-graph/chains.json';

describe('<civic-chain-graph> picture and label note in one render', () => {
  it('the first update that shows labels already shows the note for the dropped ones', async () => {
    // A narrow stage: most of the 56 names cannot be shown without overlaps.
    const el = await fixture<CivicChainGraph>(html`<civic-chain-graph layout="radial" renderer="svg" style="width:320px;--civic-chain-graph-height:260px"></civic-chain-graph>`);
    const renders: { labels: number; note: string | null }[] = [];
    const updated = (el as unknown as { updated: (c: Map<string, unknown>) => void }).updated.bind(el);
    (el as unknown as { updated: (c: Map<string, unknown>) => void }).updated = (changed) => {
      const root = el.shadowRoot!;
      renders.push({ labels: root.querySelectorAll('[part="plot"] .label text').length, note: root.querySelector('[part="label-note"]')?.textContent ?? null });
      updated(changed);
    };
    el.data = JSON.parse(JSON.stringify(demo));
    await el.whenDrawn();
    const first = renders.find((r) => r.labels > 0);
    expect(first, 'a render with labels').to.not.equal(undefined);
    const nodes = el.visibleNodeIds.length;
    expect(first!.labels, 'some names dropped').to.be.lessThan(nodes);
    expect(first!.note, 'note in the same render').to.contain(String(nodes - first!.labels));
  });
});
