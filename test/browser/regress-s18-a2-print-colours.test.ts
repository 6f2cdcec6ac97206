// Ctrl+P with the browser's default "Background graphics" off (A2, session 18). Browsers drop background colours in
// print unless the element asks for `print-color-adjust: exact`. Legend swatches, ranking bars and progress fills are
// drawn as background colours, so a printed choropleth lost its key (every swatch an empty box: printed with
// page.pdf({ printBackground: false }) and rasterised, /work/notes/s18/a2/README.md) and the ranking its bars.
// wtr cannot print; this checks, under print media, that every background that carries data asks to be kept.
import { expect, html } from '@open-wc/testing';
import { DEADLINE, frames, until as poll } from './fixtures/wait.js';
import { emulateMedia } from '@web/test-runner-commands';
import { render } from 'lit';
import '../../src/define.js';
import type { CivicGridMap } from '../../src/components/grid-map/grid-map.js';
import RANK from '../../demo/data/rank-communities.json';
import GROWTH from '../../demo/data/growth.json';
import METRICS from '../../demo/data/grid-metrics.json';

const D = '/demo/data';
const until = (cond: () => boolean, what: string) => poll(cond, `timed out waiting for ${what}`, DEADLINE);
const frame = () => frames(3);

let page: HTMLElement;
const $ = (tag: string) => page.querySelector(tag) as HTMLElement;
const inside = (tag: string, sel: string) => [...$(tag).shadowRoot!.querySelectorAll<HTMLElement>(sel)];

/** Elements whose background colour carries data, per element. */
const DATA_BACKGROUNDS: [string, string][] = [
  ['civic-grid-map', '[part~="legend"] .swatch'],
  ['civic-growth-chart', '[part~="legend"] .swatch'],
  ['civic-rank-board', '[part~="bar-fill"]'],
  ['civic-kpi-tile', '[part~="progress"] .fill'],
];

const transparent = (c: string) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
const keeps = (el: HTMLElement) => {
  const cs = getComputedStyle(el) as CSSStyleDeclaration & { printColorAdjust?: string; webkitPrintColorAdjust?: string };
  return (cs.printColorAdjust || cs.webkitPrintColorAdjust) === 'exact';
};

describe('print: data drawn as background colours survives "Background graphics" off', function () {
  this.timeout(120000);
  before(async () => {
    const loads = new Set<string>();
    page = document.createElement('div');
    page.style.width = '900px';
    document.body.append(page);
    render(
      html`<div @civic-load=${(e: Event) => loads.add((e.target as Element).localName)}>
        <civic-grid-map geometry-src="${D}/grids.geojson" .data=${METRICS} metric="households" renderer="canvas"></civic-grid-map>
        <civic-growth-chart .data=${GROWTH} kind="compare"></civic-growth-chart>
        <civic-rank-board .data=${RANK} rows-visible="4" interval="0"></civic-rank-board>
        <civic-kpi-tile label="地区生产总值" value="860.9" unit="亿元" target="1000" duration="0" motion="reduce"></civic-kpi-tile>
      </div>`,
      page,
    );
    const need = ['civic-grid-map', 'civic-growth-chart', 'civic-rank-board'];
    await until(() => need.every((n) => loads.has(n)), `civic-load from ${need.filter((n) => !loads.has(n)).join(', ')}`);
    const map = $('civic-grid-map') as unknown as CivicGridMap;
    await map.whenDrawn();
    await until(() => DATA_BACKGROUNDS.every(([tag, sel]) => inside(tag, sel).length > 0), 'legends, bars and progress');
    await emulateMedia({ media: 'print' });
    await frame();
  });
  after(async () => {
    await emulateMedia({ media: 'screen' });
    page.remove();
  });

  it('the backgrounds checked carry a colour in print (so the check below means something)', () => {
    expect(matchMedia('print').matches, 'print media emulated').to.equal(true);
    const blank = DATA_BACKGROUNDS.flatMap(([tag, sel]) => inside(tag, sel).filter((el) => transparent(getComputedStyle(el).backgroundColor) && getComputedStyle(el).backgroundImage === 'none').map(() => `${tag} ${sel}`));
    expect(blank, 'no background colour (renamed part or class?)').to.deep.equal([]);
  });

  for (const [tag, sel] of DATA_BACKGROUNDS)
    it(`<${tag}>: ${sel} asks the printer to keep its colour (print-color-adjust: exact)`, () => {
      const els = inside(tag, sel);
      expect(els.length).to.be.greaterThan(0);
      expect(els.filter((el) => !keeps(el)).length, `${els.length} elements, printed blank with background graphics off`).to.equal(0);
    });
});
