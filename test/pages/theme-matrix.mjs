// Every theme readable on every page (issue 11): axe-core (open shadow roots included) over one of each element in
// three combinations, in both builds (the IIFE and the module bundle):
//
//   light page + theme="dark"                 a light government page embedding a dark element
//   dark page  + theme="light"                a dark page (#0b1220 background, light page text) embedding a light one
//   light page + theme="auto", OS in dark     Playwright's emulated prefers-color-scheme: dark
//
// Each element must resolve the expected theme (data-theme) and report its data (civic-load / civic-error, the
// grid map's whenDrawn()); then axe runs over the document and every violation is attributed to the element whose
// shadow tree (or host) holds the node: 0 violations per element, and none on the page outside them. One line per
// combination and build lists every element's count.
//
// Used by run.mjs: register the pages with `themeMatrixPages(elementsHtml, available)` and run
// `checkThemeMatrix(browser, base, h)` with h = { check, note, within, verbose, available, waitLoads }.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const AXE = join(root, 'node_modules/axe-core/axe.min.js');

export const COMBOS = [
  { id: 'light-page-dark', label: 'light page + theme="dark"', theme: 'dark', page: 'light', expect: 'dark' },
  { id: 'dark-page-light', label: 'dark page + theme="light"', theme: 'light', page: 'dark', expect: 'light' },
  { id: 'auto-os-dark', label: 'light page + theme="auto", OS dark', theme: 'auto', page: 'light', expect: 'dark', colorScheme: 'dark' },
];
const BUILDS = {
  iife: '<script src="/dist/civic-widgets.iife.js"></script>',
  bundle: '<script type="module" src="/dist/bundle/civic-widgets.js"></script>',
};
const PAGE_CSS = {
  light: 'h1 { position: absolute; left: 640px; top: 1180px; margin: 0; font-size: 20px; color: #1f2933; }',
  dark: 'html, body { background: #0b1220; color: #e8f0fa; color-scheme: dark; } h1 { position: absolute; left: 640px; top: 1180px; margin: 0; font-size: 20px; }',
};
const path = (build, combo) => `/test/pages/__gen/theme-${build}-${combo}.html`;

/** Generated pages for run.mjs's static server: path → { html, headers }. */
export function themeMatrixPages(elementsHtml, available) {
  const out = new Map();
  for (const [build, script] of Object.entries(BUILDS))
    for (const c of COMBOS) {
      // theme on each element (not an ancestor): the element's own attribute is what users write.
      const body = elementsHtml(available).replace(/<(civic-[a-z-]+)/g, `<$1 theme="${c.theme}"`);
      const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>civic-widgets theme matrix ${c.id}</title>
<script src="/test/pages/assets/record.js"></script>
<link rel="stylesheet" href="/test/pages/assets/layout.css">
<style>${PAGE_CSS[c.page]}</style>
${script}
</head><body><main>
<h1>${c.label}</h1>
${body}
</main></body></html>`;
      out.set(path(build, c.id), { html, headers: {} });
    }
  return out;
}

/** In the page: axe over the document; each violation node attributed to the civic element holding it. */
async function runAxe(p) {
  return p.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    const rows = [];
    for (const v of r.violations)
      for (const n of v.nodes) {
        const first = Array.isArray(n.target) ? n.target[0] : n.target;
        let owner = 'page';
        try {
          const el = document.querySelector(first);
          const host = el && el.closest('[theme]');
          if (host && host.localName.startsWith('civic-')) owner = host.localName;
        } catch {
          /* an unusual selector: counted on the page */
        }
        rows.push({ owner, id: v.id, impact: v.impact, target: JSON.stringify(n.target).slice(0, 160), summary: (n.failureSummary || '').split('\n').slice(1, 2).join(' ').trim().slice(0, 140) });
      }
    return rows;
  });
}

/** The checks (see the header). Returns { [build]: { [combo]: { [tag|'page']: count } } } for reports. */
export async function checkThemeMatrix(browser, base, h) {
  if (!existsSync(AXE)) return h.check(false, '[9 theme matrix] axe-core installed', AXE);
  const axeSource = readFileSync(AXE, 'utf8');
  const tags = h.available.map((n) => `civic-${n}`);
  const figures = {};
  for (const build of Object.keys(BUILDS)) {
    figures[build] = {};
    for (const c of COMBOS) {
      const label = `[9 theme matrix, ${build}] ${c.label}`;
      const ctx = await browser.newContext({ viewport: { width: 1600, height: 1140 }, reducedMotion: 'reduce', deviceScaleFactor: 1, colorScheme: c.colorScheme ?? 'light' });
      try {
        const p = await ctx.newPage();
        const errors = [];
        p.on('pageerror', (e) => errors.push(`pageerror: ${String(e.message || e).slice(0, 200)}`));
        p.on('console', (m) => m.type() === 'error' && errors.push(m.text().slice(0, 200)));
        await p.goto(`${base}${path(build, c.id)}`, { waitUntil: 'load', timeout: h.within(15_000) });
        await p.waitForFunction((tags) => tags.every((t) => customElements.get(t)), tags, { timeout: h.within(10_000) }).catch(() => {});
        const rec = await h.waitLoads(p, tags, h.within(15_000));
        await p.evaluate(() => Promise.all([...document.querySelectorAll('civic-grid-map')].map((m) => m.whenDrawn?.()))).catch(() => {});
        await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const resolved = await p.evaluate((tags) => tags.map((t) => [t, document.querySelector(t)?.getAttribute('data-theme') ?? null]), tags);
        const wrong = resolved.filter(([, v]) => v !== c.expect);
        const pending = tags.filter((t) => !rec.loads.includes(t) && !rec.errors.some((e) => e.tag === t));
        h.check(wrong.length === 0 && pending.length === 0, `${label}: every element resolved ${c.expect} and reported its data`, [...wrong.map(([t, v]) => `${t} data-theme=${v}`), ...pending.map((t) => `${t}: no civic-load/civic-error`)].join(', '));
        await p.addScriptTag({ content: axeSource });
        const rows = await runAxe(p);
        const counts = Object.fromEntries([...tags, 'page'].map((t) => [t, rows.filter((r) => r.owner === t).length]));
        figures[build][c.id] = counts;
        const byRule = {};
        for (const r of rows) (byRule[`${r.owner.replace('civic-', '')} ${r.id} (${r.impact})`] ??= []).push(r);
        const detail = Object.entries(byRule).map(([k, rs]) => `${k} ${rs.length}×: ${rs[0].target}${rs[0].summary ? ` — ${rs[0].summary}` : ''}`);
        h.check(
          rows.length === 0,
          `${label}: 0 axe-core violations on every element`,
          tags.map((t) => `${t.slice(6)} ${counts[t]}`).join(', ') + (counts.page ? `, page ${counts.page}` : '') + (detail.length ? ` — ${detail.slice(0, 6).join('; ')}` : ''),
        );
        h.check(errors.length === 0, `${label}: no console errors, no page errors`, errors.slice(0, 3).join(' | '));
        await p.close();
      } finally {
        await ctx.close();
      }
    }
  }
  return figures;
}
