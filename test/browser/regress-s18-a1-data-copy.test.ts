// A1 s18 (first contact, React 19 app): the README's React example passes `data={{ label: '在校学生', value: 170000, … }}`,
// an object literal that React creates anew on every render and assigns again. Each copy reloaded the element and
// fired civic-load; a civic-load handler that sets state (`oncivic-load={(e) => setInfo(e.detail)}`) then re-rendered,
// re-assigned, reloaded… without end: ~50 reloads a second in a built Vite + React 19 app (/work/notes/s18/a1/README.md).
// An equal copy of the data is now the same data (README "Events": civic-load once per change); a copy with
// other content, also after changing the old object in place, still loads.
import { expect } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import '../../src/components/growth-chart/growth-chart.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import type { CivicGrowthChart } from '../../src/components/growth-chart/growth-chart.js';
import GROWTH from '../../demo/data/growth.json';

const frames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

async function mount<E extends HTMLElement & { data?: unknown; whenDrawn(): Promise<void> }>(tag: string, data: unknown) {
  const el = document.createElement(tag) as E;
  el.style.cssText = 'display:block;width:600px';
  const loads: unknown[] = [];
  el.addEventListener('civic-load', (e) => loads.push((e as CustomEvent).detail));
  el.data = data;
  document.body.append(el);
  await el.whenDrawn();
  await frames();
  return { el, loads };
}

describe('A1 s18: an equal copy of `data` is not new data', function () {
  this.timeout(60_000);

  it('a KPI tile given three equal literals loads once; a literal with another value loads again', async () => {
    const item = () => ({ label: '在校学生', value: 170000, unit: '人', qualifier: 'over' });
    const { el, loads } = await mount<CivicKpiTile>('civic-kpi-tile', item());
    for (let i = 0; i < 3; i++) {
      el.data = item();
      await el.updateComplete;
      await el.whenDrawn();
      await frames();
    }
    expect(loads.length, 'civic-load for equal copies').to.equal(1);
    el.data = { ...item(), value: 180000 };
    await el.updateComplete;
    await el.whenDrawn();
    await frames();
    expect(loads.length).to.equal(2);
    expect(el.shadowRoot!.textContent).to.contain('18万');
    el.remove();
  });

  it('changed in place and then spread into a new object: drawn with the change', async () => {
    const data = { label: '在校学生', value: 170000, unit: '人', qualifier: 'over' };
    const { el, loads } = await mount<CivicKpiTile>('civic-kpi-tile', data);
    data.value = 190000;
    el.data = { ...data };
    await el.updateComplete;
    await el.whenDrawn();
    await frames();
    expect(loads.length).to.equal(2);
    expect(el.shadowRoot!.textContent).to.contain('19万');
    el.remove();
  });

  it('a growth chart given an equal copy draws nothing again', async () => {
    const { el, loads } = await mount<CivicGrowthChart>('civic-growth-chart', structuredClone(GROWTH));
    let drawn = 0;
    el.addEventListener('civic-drawn', () => drawn++);
    el.data = structuredClone(GROWTH);
    await el.updateComplete;
    await el.whenDrawn();
    await frames();
    expect({ loads: loads.length, drawn }).to.deep.equal({ loads: 1, drawn: 0 });
    el.remove();
  });
});
