// PNG export under a strict CSP (issue 7, "Export" + "Strict CSP"): every element's toPNG() and the wall's
// snapshot() on pages served with `default-src 'self'; script-src 'self'; style-src 'self'; worker-src blob:`
// (no img-src, so blob: and data: images are refused). Each call must resolve to an image/png Blob with drawn
// pixels, and no `securitypolicyviolation` event may fire. A control then shows the policy is in force: a
// blob: <img> on the same page is refused (and reported) — so "zero violations" means the export needed none.
//
// Used by run.mjs (which serves the pages): register the generated pages with `pngCspPages()` and run
// `checkPngCsp(browser, base, { check, note, within, verbose, available })`. Pages:
//   /test/pages/__gen/csp-iife.html        run.mjs's strict-CSP IIFE page, one of each element (check 1)
//   /test/pages/__gen/csp-bundle-nomap.html  run.mjs's module-bundle page (worker-src 'self'), all but the map (check 2)
//   /test/pages/__gen/png-csp-screen.html  a <civic-screen> wall (1920×1080 design scaled to 1280×720) holding the
//                                          elements, under the same policy (generated here, layout in assets/png-csp.css)
// CIVIC_PNG_OUT=<dir> writes every exported PNG there, to look at.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CSP_IIFE = "default-src 'self'; script-src 'self'; style-src 'self'; worker-src blob:";
const D = '/demo/data';
const ALL = ['kpi-tile', 'kpi-grid', 'rank-board', 'chain-graph', 'growth-chart', 'grid-map'];

/** The wall's panels: [element name, markup]. */
const WALL = [
  ['kpi-grid', `<civic-kpi-grid class="area-kpi" src="${D}/kpis.json" columns="2"></civic-kpi-grid>`],
  ['grid-map', `<civic-grid-map class="area-map" geometry-src="${D}/grids.geojson" src="${D}/grid-metrics.json" metric="households"></civic-grid-map>`],
  ['chain-graph', `<civic-chain-graph class="area-chain" src="${D}/chains.json" chain="auto"></civic-chain-graph>`],
  ['rank-board', `<civic-rank-board class="area-rank" src="${D}/rank-communities.json" rows-visible="4" interval="0"></civic-rank-board>`],
  ['growth-chart', `<civic-growth-chart class="area-growth" src="${D}/growth.json" kind="value-growth" series="gdp"></civic-growth-chart>`],
  ['growth-chart', `<civic-growth-chart class="area-compare" src="${D}/growth.json" kind="compare"></civic-growth-chart>`],
];

/** Generated pages for run.mjs's static server: path → { html, headers }. `available`: the built element names. */
export function pngCspPages(available = ALL) {
  const panels = WALL.filter(([n]) => available.includes(n)).map(([, h]) => h).join('\n');
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>civic-widgets PNG export under CSP</title>
<script src="/test/pages/assets/record.js"></script>
<link rel="stylesheet" href="/test/pages/assets/png-csp.css">
<script src="/dist/civic-widgets.iife.js"></script>
</head><body>
<civic-screen heading="永川区数据大屏 · PNG 导出" data-time="2022年1—9月" tour="0" idle-cursor="0">
${panels}
</civic-screen>
</body></html>`;
  return new Map([['/test/pages/__gen/png-csp-screen.html', { html, headers: { 'Content-Security-Policy': CSP_IIFE } }]]);
}

/**
 * In the page: runs `toPNG()` on every civic element present (all instances) and `snapshot()` on each civic-screen,
 * decodes each Blob with createImageBitmap and measures it. Returns one row per call.
 */
function exportAll(opts) {
  const measure = async (blob) => {
    if (!(blob instanceof Blob)) return { error: `resolved to ${Object.prototype.toString.call(blob)}, not a Blob` };
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const bmp = await createImageBitmap(blob);
    const c = document.createElement('canvas');
    c.width = bmp.width;
    c.height = bmp.height;
    const g = c.getContext('2d', { willReadFrequently: true });
    g.drawImage(bmp, 0, 0);
    bmp.close();
    const d = g.getImageData(0, 0, c.width, c.height).data;
    // Background: the colour of the top-left pixel (each export fills its surface colour first).
    const bg = [d[0], d[1], d[2]];
    let ink = 0;
    const colours = new Set();
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - bg[0]) > 24 || Math.abs(d[i + 1] - bg[1]) > 24 || Math.abs(d[i + 2] - bg[2]) > 24) ink++;
      colours.add(((d[i] >> 4) << 8) | ((d[i + 1] >> 4) << 4) | (d[i + 2] >> 4));
    }
    let b64 = '';
    if (opts.keep) {
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      b64 = btoa(s);
    }
    const sig = Array.from(bytes.slice(0, 8)).join(',') === '137,80,78,71,13,10,26,10';
    return { type: blob.type, sig, width: c.width, height: c.height, ink: ink / Math.max(1, d.length / 4), colours: colours.size, b64 };
  };
  const timeout = (p, ms, what) => Promise.race([p, new Promise((_, ko) => setTimeout(() => ko(new Error(`${what}: no answer within ${ms} ms`)), ms))]);
  return (async () => {
    const rows = [];
    const before = window.__rec.violations.length;
    const els = [...document.querySelectorAll(opts.tags.join(','))];
    const count = {};
    for (const el of els) {
      const tag = el.localName;
      const n = (count[tag] = (count[tag] || 0) + 1);
      const name = n > 1 ? `${tag}#${n}` : tag;
      const method = tag === 'civic-screen' ? 'snapshot' : 'toPNG';
      const v0 = window.__rec.violations.length;
      try {
        if (typeof el[method] !== 'function') throw new Error(`no ${method}() method`);
        const r = await measure(await timeout(el[method](), opts.ms, `${name}.${method}()`));
        rows.push({ name, method, ...r, violations: window.__rec.violations.length - v0 });
      } catch (e) {
        rows.push({ name, method, error: String((e && e.message) || e).slice(0, 200), violations: window.__rec.violations.length - v0 });
      }
    }
    // The export must not have needed createObjectURL-fed images either: count violations after a tick.
    await new Promise((r) => setTimeout(r, 50)); // time-under-test: a CSP violation report (an asynchronous event) would arrive within this
    return { rows, violations: window.__rec.violations.slice(before) };
  })();
}

/**
 * In the page: the toolbar entry of each element (its `export` button; the growth chart's PNG menu item; the wall's
 * `export-button`) is clicked; the download it starts is recorded instead of followed (anchor clicks intercepted).
 * Returns per element the `civic-export` detail seen (format, blob type/size) and the download (file name, URL scheme).
 */
function clickExports(opts) {
  return (async () => {
    const downloads = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (this.download) downloads.push({ download: this.download, scheme: String(this.href).split(':')[0] });
      else click.call(this);
    };
    const rows = [];
    try {
      const count = {};
      for (const el of document.querySelectorAll(opts.tags.join(','))) {
        const tag = el.localName;
        const n = (count[tag] = (count[tag] || 0) + 1);
        const name = n > 1 ? `${tag}#${n}` : tag;
        if (tag === 'civic-screen') el.exportButton = true;
        else if (tag !== 'civic-growth-chart') el.export = true;
        await el.updateComplete;
        const root = el.shadowRoot;
        const btn = root && root.querySelector('[part~="export-button"], [part~="toolbar"] button[data-format="png"], button[part~="export"]');
        if (!btn) {
          rows.push({ name, error: 'no export button in the shadow root' });
          continue;
        }
        let event = null;
        const onExport = (e) => {
          const d = e.detail || {};
          event = { format: d.format, type: d.blob && d.blob.type, size: d.blob && d.blob.size, filename: d.filename };
        };
        el.addEventListener('civic-export', onExport);
        const before = downloads.length;
        btn.click();
        const end = Date.now() + opts.ms;
        while (downloads.length === before && Date.now() < end) await new Promise((r) => requestAnimationFrame(r)); // polled once a frame, with a deadline
        el.removeEventListener('civic-export', onExport);
        rows.push({ name, event, download: downloads[before] || null });
      }
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    return rows;
  })();
}

/** In the page: a blob: <img> must be refused here (the policy is in force); returns what happened. */
function blobImageControl() {
  return new Promise((resolve) => {
    const before = window.__rec.violations.length;
    const c = document.createElement('canvas');
    c.width = c.height = 4;
    c.toBlob((b) => {
      const url = URL.createObjectURL(b);
      const img = new Image();
      // time-under-test: the violation report is an asynchronous event that would arrive within 50 ms of the load/error
      const done = (loaded) => setTimeout(() => resolve({ loaded, violations: window.__rec.violations.slice(before).map((v) => v.directive) }), 50);
      img.onload = () => done(true);
      img.onerror = () => done(false);
      img.src = url;
    }, 'image/png');
  });
}

/** Waits until the elements of `tags` loaded their data (civic-load or civic-error) and maps are drawn. */
async function waitReady(p, tags, ms) {
  await p
    .waitForFunction(
      (tags) => {
        const els = [...document.querySelectorAll(tags.join(','))];
        return els.length > 0 && els.every((el) => window.__rec.loads.includes(el.localName) || window.__rec.errors.some((e) => e.tag === el.localName));
      },
      tags,
      { timeout: ms },
    )
    .catch(() => {});
  await p
    .evaluate(
      (ms) => Promise.race([Promise.all([...document.querySelectorAll('civic-grid-map')].map((m) => (m.whenDrawn ? m.whenDrawn() : null))), new Promise((_, ko) => setTimeout(() => ko(new Error('not drawn')), ms))]),
      ms,
    )
    .catch(() => {});
  // one more frame for layout-driven elements (chain graph settling, growth chart sizing)
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).catch(() => {});
}

/**
 * The checks. `check(ok, name, detail)` and `note(text)` report as run.mjs does; `within(ms)` bounds a wait by the
 * run's deadline; `available`: the built element names (others are not expected on the pages).
 */
export async function checkPngCsp(browser, base, { check, note = () => {}, within = (ms) => ms, verbose = false, available = ALL } = {}) {
  const out = process.env.CIVIC_PNG_OUT;
  if (out) mkdirSync(out, { recursive: true });
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 1140 }, reducedMotion: 'reduce', deviceScaleFactor: 1 });
  const pages = [
    { label: '[png-csp, elements]', path: '/test/pages/__gen/csp-iife.html', tags: ALL.filter((n) => available.includes(n)).map((n) => `civic-${n}`) },
    // run.mjs's module-bundle page (worker-src 'self'), all elements but the map.
    { label: '[png-csp, module bundle]', path: '/test/pages/__gen/csp-bundle-nomap.html', tags: ALL.filter((n) => n !== 'grid-map' && available.includes(n)).map((n) => `civic-${n}`) },
    { label: '[png-csp, wall]', path: '/test/pages/__gen/png-csp-screen.html', tags: ['civic-screen', ...new Set(WALL.map(([n]) => n).filter((n) => available.includes(n)).map((n) => `civic-${n}`))] },
  ];
  try {
    for (const pg of pages) {
      const p = await ctx.newPage();
      const errors = [];
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text().slice(0, 200)));
      p.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} ${r.url().replace(base, '')}`));
      p.on('pageerror', (e) => errors.push(`pageerror: ${String(e.message || e).slice(0, 200)}`));
      try {
        const res = await p.goto(base + pg.path, { waitUntil: 'load', timeout: within(15_000) });
        const csp = res?.headers()['content-security-policy'] ?? '';
        if (!check(/default-src 'self'/.test(csp) && !/img-src/.test(csp), `${pg.label} page served with a strict CSP and no img-src`, csp || 'no CSP header')) continue;
        const elements = pg.tags.filter((t) => t !== 'civic-screen');
        await waitReady(p, elements, within(15_000));
        const missing = await p.evaluate((tags) => tags.filter((t) => !document.querySelector(t) || !customElements.get(t)), pg.tags);
        check(missing.length === 0, `${pg.label} every element present and defined (${pg.tags.length})`, missing.join(', '));
        const t0 = Date.now();
        const { rows, violations } = await p.evaluate(exportAll, { tags: pg.tags, ms: within(20_000), keep: !!out });
        if (verbose) note(`${pg.label} ${rows.length} exports in ${Date.now() - t0} ms`);
        for (const r of rows) {
          const what = `${pg.label} ${r.name}.${r.method}()`;
          if (r.error) {
            check(false, `${what} resolves to a drawn image/png`, r.error);
            continue;
          }
          const ok = r.type === 'image/png' && r.sig && r.width > 0 && r.height > 0 && r.ink > 0.005 && r.colours > 2;
          check(ok, `${what} resolves to a drawn image/png`, `${r.type} ${r.width}×${r.height}, ${(r.ink * 100).toFixed(1)}% drawn, ${r.colours} colours${r.violations ? `, ${r.violations} violation(s)` : ''}`);
          if (out && r.b64) writeFileSync(join(out, `${pg.path.split('/').pop().replace('.html', '')}-${r.name.replace('#', '-')}.png`), Buffer.from(r.b64, 'base64'));
        }
        for (const t of pg.tags) if (!rows.some((r) => r.name === t || r.name.startsWith(`${t}#`))) check(false, `${pg.label} ${t} exported`, 'not on the page');
        const clicks = await p.evaluate(clickExports, { tags: pg.tags, ms: within(15_000) });
        for (const c of clicks) {
          const d = c.download;
          const ev = c.event;
          const ok = !c.error && d && /\.png$/.test(d.download) && d.scheme === 'blob' && (c.name.startsWith('civic-screen') || (ev && ev.format === 'png' && ev.type === 'image/png' && ev.size > 0));
          check(!!ok, `${pg.label} ${c.name} toolbar entry downloads a PNG`, c.error || `${d ? `${d.download} (${d.scheme}: URL)` : 'no download'}${ev ? `, civic-export ${ev.format} ${ev.type} ${ev.size} B` : ''}`);
        }
        const all = await p.evaluate(() => window.__rec.violations);
        const v = all.map((x) => `${x.directive} ${x.blocked} ${x.source}`);
        check(violations.length === 0 && all.length === 0, `${pg.label} zero securitypolicyviolation events (page, exports, toolbar downloads)`, v.length ? `${v.length}: ${[...new Set(v)].slice(0, 3).join(' | ')}` : '');
        check(errors.length === 0, `${pg.label} no console errors, no page errors`, errors.slice(0, 3).join(' | '));
        // Control: the same page refuses a blob: image, so the exports above really avoided one.
        const ctl = await p.evaluate(blobImageControl);
        check(!ctl.loaded && ctl.violations.includes('img-src'), `${pg.label} control: a blob: <img> is refused here (img-src falls back to default-src 'self')`, `loaded=${ctl.loaded}, violations: ${ctl.violations.join(', ') || 'none'}`);
      } finally {
        await p.close();
      }
    }
  } finally {
    await ctx.close();
  }
}
