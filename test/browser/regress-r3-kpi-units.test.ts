// R3 s17 (failing at HEAD; patch /work/notes/s17/r3/05, lead): 万人次 (tourism's usual unit, named in the README's
// floor work) is not a scaled unit: 98765.4 万人次 shows "9.88万万人次" (万 twice) and a delta "-133.3万万人次";
// as 万人 does, it should read at scale: 9.88亿人次 / 988M visits.
import { expect, fixture } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

const text = (el: Element) => el.shadowRoot!.querySelector('[part~="value"]')!.textContent!.replace(/\s+/g, '');

describe('R3: KPI tile with 万人次', () => {
  it('reads 万人次 at scale, never 万万', async () => {
    const zh = await fixture<CivicKpiTile>('<civic-kpi-tile motion="reduce" style="display:block;width:480px" label="接待游客" value="98765.4" unit="万人次" previous="90000" delta-format="both"></civic-kpi-tile>');
    await zh.whenDrawn();
    expect(zh.shadowRoot!.textContent).to.not.contain('万万');
    expect(text(zh)).to.contain('亿人次');
  });
});
