// Issue 16 (weight): the warning for a `data` given as an attribute (React 19 and Vue set it so on an element that is
// not defined yet, and the object is lost as "[object Object]") loads its words when it happens
// (src/data/data-attribute-warning.ts). The page still gets the whole warning, once, prefixed with the tag.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import { requestedPaths } from './fixtures/requests.js';
import { until } from './fixtures/wait.js';

const WORDS = /\/src\/data\/data-attribute-warning\.[jt]s$/;

describe('data given as an attribute (issue 16)', () => {
  let warn: typeof console.warn;
  let warnings: string[];
  beforeEach(() => {
    warn = console.warn;
    warnings = [];
    console.warn = (...a: unknown[]) => void warnings.push(a.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = warn;
  });

  it('a tile given its data as a property loads no warning words and warns nothing', async () => {
    const el = await fixture(html`<civic-kpi-tile motion="reduce" .data=${{ label: '学校', value: 18 }}></civic-kpi-tile>`);
    await (el as unknown as { whenDrawn(): Promise<void> }).whenDrawn();
    expect(requestedPaths(WORDS)).to.deep.equal([]);
    // The warning comes one module load after the check, so "none yet" proves nothing: a second tile that must warn
    // imports the same module after this one, and its warning comes after any of this tile's.
    await fixture(html`<civic-kpi-tile id="sentinel" motion="reduce" data="[object Object]"></civic-kpi-tile>`);
    await until(() => warnings.length > 0, "the second tile's warning");
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('got data="[object Object]"');
  });

  it('data="[object Object]" warns once, with the whole explanation', async () => {
    await fixture(html`<civic-kpi-tile motion="reduce" data="[object Object]"></civic-kpi-tile>`);
    await until(() => warnings.length > 0, 'the data-attribute warning');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('[civic-kpi-tile] got data="[object Object]" as an attribute');
    expect(warnings[0]).to.contain("customElements.whenDefined('civic-kpi-tile')");
  });
});
