// Isolation from the host page's CSS and a readable surface in every theme (issue 11, items 1 and 2).
//
// Page rules never match inside a shadow root, but universal rules (`* {}`, `.article * {}`, `main * {}`) match every
// host, and a normal page declaration beats a normal :host one. Nothing inside may inherit what the host gets from the
// page: every text-bearing node in every shadow tree (nested ones included: the tiles of a KPI grid) must compute the
// same text styles with and without the hostile rule. The pixel-level version of this, in both builds, is
// test/pages/hostile-rules.mjs; the axe version of the themes is test/pages/theme-matrix.mjs.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { settled, until } from './fixtures/wait.js';
import '../../src/define.js';
import KPIS from '../fixtures/kpi/kpis.json';
import ECONOMY from '../fixtures/kpi/kpis-economy.json';
import COMMUNITIES from '../fixtures/kpi/rank-communities.json';
import GROWTH from '../fixtures/growth-chart/growth.json';
import CHAINS from '../fixtures/chain-graph/chains.json';
import METRICS from '../fixtures/grid-map/metrics.json';

type Civic = HTMLElement & { updateComplete: Promise<unknown> };
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
let SMALL: unknown;

/** One of each element, fed inline (no network), at a fixed width. */
const ELEMENTS: Record<string, () => ReturnType<typeof html>> = {
  'kpi-tile': () => html`<civic-kpi-tile style="width:280px" label="在校学生" value="170000" unit="人" delta="3.2" sparkline="1,3,2,5"></civic-kpi-tile>`,
  'kpi-grid': () => html`<civic-kpi-grid style="width:640px" .data=${clone(KPIS)}></civic-kpi-grid>`,
  'rank-board': () => html`<civic-rank-board style="width:400px" interval="0" rows-visible="5" .data=${clone(COMMUNITIES)}></civic-rank-board>`,
  'growth-chart': () => html`<civic-growth-chart style="width:600px" .data=${clone(GROWTH)}></civic-growth-chart>`,
  'chain-graph': () => html`<civic-chain-graph style="width:600px" layout="tiers" .data=${clone(CHAINS)}></civic-chain-graph>`,
  'grid-map': () => html`<civic-grid-map style="width:600px" renderer="canvas" .geometry=${SMALL} .data=${clone(METRICS)} metric="households"></civic-grid-map>`,
};

/** Hostile page rules (each tried alone). */
const RULES: Record<string, string> = {
  '* { font-size: 13px }': '* { font-size: 13px }',
  '.article * { font-size: 22px }': '.article * { font-size: 22px }',
  'main * { font-size: 22px !important }': 'main * { font-size: 22px !important }',
  'html { font-size: 10px }': 'html { font-size: 10px }',
  '* { every inherited text property !important }': `* { font: italic small-caps 700 13px/2 "Times New Roman", serif !important;
    letter-spacing: 2px !important; word-spacing: 6px !important; text-transform: uppercase !important; text-indent: 3em !important;
    text-align: right !important; text-shadow: 2px 2px #f0f !important; white-space: pre !important; color: #b00 !important;
    -webkit-text-stroke: 1px #0a0 !important; font-feature-settings: "smcp" !important; word-break: break-all !important;
    font-stretch: condensed !important; text-wrap: balance !important; -webkit-text-fill-color: #0a0 !important; }`,
};

const PROPS = [
  'font-size', 'font-family', 'font-weight', 'font-style', 'font-variant-caps', 'font-stretch', 'font-feature-settings', 'line-height',
  'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'text-align', 'text-shadow', 'white-space-collapse', 'text-wrap-mode',
  'text-wrap-style', 'word-break', 'color', '-webkit-text-fill-color', '-webkit-text-stroke-width',
];

/** Every element with its own text (and every svg <text>) in `root` and the shadow trees below it → its text styles. */
function textStyles(root: ShadowRoot, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  [...root.querySelectorAll('*')].forEach((el, i) => {
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
    if (own || el.localName === 'text') {
      const cs = getComputedStyle(el);
      out.set(`${prefix}${i}:${el.localName}${el.getAttribute('part') ? `[${el.getAttribute('part')}]` : ''} "${el.textContent!.trim().slice(0, 12)}"`, PROPS.map((p) => `${p}=${cs.getPropertyValue(p)}`).join('; '));
    }
    if (el.shadowRoot) for (const [k, v] of textStyles(el.shadowRoot, `${prefix}${i}:${el.localName}/`)) out.set(k, v);
  });
  return out;
}

function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const diffs: string[] = [];
  for (const [k, v] of before) {
    const w = after.get(k);
    if (w === undefined) diffs.push(`${k}: gone`);
    else if (w !== v) {
      const a = v.split('; '), b = w.split('; ');
      diffs.push(`${k}: ${a.filter((x, i) => x !== b[i]).map((x) => `${x} → ${b[a.indexOf(x)].split('=')[1]}`).join(', ')}`);
    }
  }
  return diffs;
}

function addRule(css: string): HTMLStyleElement {
  const s = document.createElement('style');
  s.textContent = css;
  document.head.append(s);
  return s;
}

async function mount(name: string): Promise<Civic> {
  const wrap = await fixture<HTMLElement>(html`<main><div class="article">${ELEMENTS[name]()}</div></main>`);
  const el = wrap.querySelector<Civic>(`civic-${name}`)!;
  await settled(wrap);
  return el;
}

const luminanceOf = (rgb: string) => {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
};
const alphaOf = (rgb: string) => {
  const m = rgb.match(/[\d.]+/g) ?? [];
  return m.length === 4 ? Number(m[3]) : rgb === 'transparent' ? 0 : 1;
};
/** The background the element paints behind its text: the host's or, when that is transparent, its internal root's. */
function surfaceOf(el: Civic): string {
  const host = getComputedStyle(el).backgroundColor;
  if (alphaOf(host) === 1) return host;
  return getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor;
}

describe('isolation from host page CSS', function () {
  this.timeout(120_000);
  before(async () => {
    SMALL = await (await fetch('/test/fixtures/grid-map/small.geojson')).json();
  });

  for (const name of Object.keys(ELEMENTS)) {
    describe(`<civic-${name}>`, () => {
      for (const [label, css] of Object.entries(RULES)) {
        it(`keeps every internal text style under ${label}`, async () => {
          const el = await mount(name);
          const before = textStyles(el.shadowRoot!);
          expect(before.size, 'text nodes found').to.be.greaterThan(0);
          const s = addRule(css);
          try {
            const after = textStyles(el.shadowRoot!);
            expect(changed(before, after)).to.deep.equal([]);
          } finally {
            s.remove();
          }
        });
      }
    });
  }

  it('a rank board mounted under main * { font-size: 22px } draws its rows in its own 16 px, same row height', async () => {
    const control = await mount('rank-board');
    const nameOf = (el: Civic) => el.shadowRoot!.querySelector<HTMLElement>('[part~="row"] [part~="name"]')!;
    const controlHeight = control.getBoundingClientRect().height;
    expect(getComputedStyle(nameOf(control)).fontSize).to.equal('16px');
    const s = addRule('main * { font-size: 22px }');
    try {
      const el = await mount('rank-board');
      expect(getComputedStyle(el).fontSize, 'the host itself is matched by the page rule').to.equal('22px');
      expect(getComputedStyle(nameOf(el)).fontSize).to.equal('16px');
      expect(el.getBoundingClientRect().height).to.be.closeTo(controlHeight, 0.5);
    } finally {
      s.remove();
    }
  });

  it('a chain graph measures its labels in its own font, not the host\'s: same layout under * { font-family: serif }', async () => {
    const labels = (el: Civic) => [...el.shadowRoot!.querySelectorAll('[part="plot"] .node')].map((n) => n.getAttribute('transform') ?? '').join(' ');
    // Twice without the rule first: the layout of a first mount may be taken before the web fonts are in.
    await mount('chain-graph');
    const control = labels(await mount('chain-graph'));
    expect(control.length).to.be.greaterThan(0);
    const s = addRule('* { font-family: "Times New Roman", serif !important; letter-spacing: 4px !important }');
    try {
      expect(labels(await mount('chain-graph'))).to.equal(control);
    } finally {
      s.remove();
    }
  });

  it('slotted light-DOM content inherits the element\'s text styles, and page rules that match it still apply', async () => {
    const wrap = await fixture<HTMLElement>(html`<div class="article"><civic-growth-chart style="width:600px" .data=${clone(GROWTH)}><span slot="caption" id="cap">图注</span></civic-growth-chart></div>`);
    await settled(wrap);
    const cap = wrap.querySelector<HTMLElement>('#cap')!;
    const family = getComputedStyle(wrap.querySelector('civic-growth-chart')!.shadowRoot!.querySelector('[part~="base"]')!).fontFamily;
    expect(getComputedStyle(cap).fontFamily).to.equal(family);
    const s = addRule('.article #cap { font-size: 30px }');
    try {
      expect(getComputedStyle(cap).fontSize).to.equal('30px');
    } finally {
      s.remove();
    }
  });
});

describe('a readable surface in every theme', function () {
  this.timeout(120_000);
  before(async () => {
    SMALL ??= await (await fetch('/test/fixtures/grid-map/small.geojson')).json();
  });
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  for (const name of Object.keys(ELEMENTS)) {
    it(`<civic-${name}> paints an opaque surface of its theme in light, dark and auto with the OS dark`, async () => {
      const el = await mount(name);
      const light = surfaceOf(el);
      expect(alphaOf(light), `light surface ${light}`).to.equal(1);
      expect(luminanceOf(light), `light surface ${light}`).to.be.greaterThan(0.9);
      el.setAttribute('theme', 'dark');
      await until(() => el.dataset.theme === 'dark', 'dark theme resolved');
      const dark = surfaceOf(el);
      expect(alphaOf(dark), `dark surface ${dark}`).to.equal(1);
      expect(luminanceOf(dark), `dark surface ${dark}`).to.be.lessThan(0.2);
      await emulateMedia({ colorScheme: 'dark' });
      el.setAttribute('theme', 'auto');
      await until(() => el.dataset.theme === 'dark', 'auto resolved dark with the OS dark');
      expect(surfaceOf(el)).to.equal(dark);
    });
  }

  it('--civic-rank-board-background and --civic-kpi-grid-background: transparent let the page show through', async () => {
    for (const name of ['rank-board', 'kpi-grid']) {
      const el = await mount(name);
      el.style.setProperty(`--civic-${name}-background`, 'transparent');
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    }
  });

  it('a KPI grid with economy groups in dark: group headings and source sit on the dark surface', async () => {
    const wrap = await fixture<HTMLElement>(html`<div><civic-kpi-grid theme="dark" style="width:640px" .data=${clone(ECONOMY)}></civic-kpi-grid></div>`);
    await settled(wrap);
    const el = wrap.querySelector<Civic>('civic-kpi-grid')!;
    expect(el.dataset.theme).to.equal('dark');
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="base"]')!).backgroundColor).to.equal('rgb(10, 26, 47)');
  });
});
