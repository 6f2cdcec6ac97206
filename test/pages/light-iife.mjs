// Page check (issue 16): the light one-script file `civic-widgets.light.js` (no maplibre inside) under CSP
// `script-src 'self'` (+ `worker-src blob:` for maplibre's worker, as the all-in-one file needs):
//   [light, webgl map]  a <civic-grid-map renderer="webgl"> draws with WebGL after the light file fetched its sibling
//                       `civic-widgets.maplibre.js` from its own directory (one request), the all-in-one file is never
//                       requested, the map's PNG has ink, and no securitypolicyviolation fires;
//   [light, kpi only]   a page with KPI tiles only draws them and never requests the sibling (nor anything maplibre);
//   [light, exports]    the PNG drawing that loads on first use in the ESM builds (the rank board's toPNG(), the
//                       wall's snapshot()) is inlined in the light file: both give a picture with ink, no request for
//                       a chunk, no CSP violation.
//
// Used by run.mjs (which serves the pages): register `lightIifePages()` and run
// `checkLightIife(browser, base, { check, note, within, verbose, available })`. CIVIC_PAGES_ONLY=light runs only this.
export const CSP_LIGHT = "default-src 'self'; script-src 'self'; style-src 'self'; worker-src blob:";
const D = '/demo/data';
const LIGHT = '<script src="/dist/civic-widgets.light.js"></script>';
const page = (title, body) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<script src="/test/pages/assets/record.js"></script>
<link rel="stylesheet" href="/test/pages/assets/layout.css">
${LIGHT}
</head><body>
${body}
</body></html>`;

/** Generated pages for run.mjs's static server: path → { html, headers }. */
export function lightIifePages() {
  const headers = { 'Content-Security-Policy': CSP_LIGHT };
  return new Map([
    [
      '/test/pages/__gen/light-map.html',
      {
        html: page('light one-script file: WebGL map', `<civic-grid-map renderer="webgl" geometry-src="${D}/grids.geojson" src="${D}/grid-metrics.json" metric="households"></civic-grid-map>`),
        headers,
      },
    ],
    [
      '/test/pages/__gen/light-kpi.html',
      {
        html: page('light one-script file: KPI tiles only', `<civic-kpi-tile src="${D}/kpis.json" item-id="students"></civic-kpi-tile>\n<civic-kpi-tile label="在校学生" value="170000" unit="人"></civic-kpi-tile>`),
        headers,
      },
    ],
    [
      '/test/pages/__gen/light-exports.html',
      {
        html: page(
          'light one-script file: rank board PNG and wall snapshot',
          `<civic-rank-board id="rank" src="${D}/rank-communities.json" rows-visible="5" interval="0" motion="reduce"></civic-rank-board>
<civic-screen id="wall" heading="永川区"><civic-kpi-tile label="在校学生" value="170000" unit="人"></civic-kpi-tile></civic-screen>`,
        ),
        headers,
      },
    ],
  ]);
}

/**
 * Page side (run with page.evaluate, which the page's CSP does not govern): `window.__ink(blob)` resolves to a PNG's
 * ink — the share of its pixels differing from the top-left one by more than 48 (sum over R, G, B) — and its width.
 */
function installInk() {
  window.__ink = async (blob) => {
    const bmp = await createImageBitmap(blob);
    const c = document.createElement('canvas');
    c.width = bmp.width;
    c.height = bmp.height;
    const g = c.getContext('2d', { willReadFrequently: true });
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - d[0]) + Math.abs(d[i + 1] - d[1]) + Math.abs(d[i + 2] - d[2]) > 48) n++;
    return { ink: n / (d.length / 4), w: c.width };
  };
}

export async function checkLightIife(browser, base, { check, note, within, verbose, available }) {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  try {
    if (available.includes('grid-map')) {
      const p = await ctx.newPage();
      const requests = [];
      const errors = [];
      p.on('request', (r) => requests.push(r.url().replace(base, '')));
      p.on('pageerror', (e) => errors.push(String(e.message).slice(0, 200)));
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text().slice(0, 200)));
      await p.goto(`${base}/test/pages/__gen/light-map.html`, { waitUntil: 'load', timeout: within(15_000) });
      await p.evaluate(installInk);
      const r = await p.evaluate(
        async ({ ms }) => {
          const el = document.querySelector('civic-grid-map');
          if (!el || !customElements.get('civic-grid-map')) return { error: 'civic-grid-map not defined' };
          const deadline = new Promise((_, ko) => setTimeout(() => ko(new Error(`not drawn within ${ms} ms`)), ms));
          try {
            await Promise.race([el.whenDrawn(), deadline]);
            const blob = await Promise.race([el.toPNG({ pixelRatio: 1 }), deadline]);
            return { renderer: el.activeRenderer, map: !!el.mapInstance, ink: (await window.__ink(blob)).ink, sibling: !!window.__civicWidgetsMaplibre, violations: window.__rec.violations };
          } catch (e) {
            return { error: String(e && e.message), renderer: el.activeRenderer, violations: window.__rec.violations };
          }
        },
        { ms: within(60_000) },
      );
      const siblingReq = requests.filter((u) => /civic-widgets\.maplibre\.js$/.test(u));
      const allInOne = requests.filter((u) => /civic-widgets\.iife\.js/.test(u));
      check(!r.error && r.renderer === 'webgl' && r.map, '[light, webgl map] the grid map draws with WebGL', r.error ? `${r.error} (renderer ${r.renderer})` : `renderer ${r.renderer}, map ${r.map}`);
      check(siblingReq.length === 1 && siblingReq[0] === '/dist/civic-widgets.maplibre.js' && r.sibling, '[light, webgl map] civic-widgets.maplibre.js loaded once from beside the light file', siblingReq.join(', ') || 'not requested');
      check(allInOne.length === 0, '[light, webgl map] the all-in-one file is not requested', allInOne.join(', '));
      check(r.ink > 0.02, '[light, webgl map] the map picture has ink', `ink ${((r.ink ?? 0) * 100).toFixed(1)} %`);
      const v = (r.violations ?? []).map((x) => `${x.directive} ${x.blocked}`);
      check(v.length === 0, '[light, webgl map] zero securitypolicyviolation events', v.join(' | '));
      check(errors.length === 0, '[light, webgl map] no console errors, no page errors', errors.slice(0, 3).join(' | '));
      if (verbose) note(`light map requests: ${requests.filter((u) => u.startsWith('/dist/')).join(', ')}`);
      await p.close();
    } else note('[light] grid-map not in this build: WebGL-through-sibling check skipped');

    if (available.includes('kpi-tile')) {
      const p = await ctx.newPage();
      const requests = [];
      const errors = [];
      p.on('request', (r) => requests.push(r.url().replace(base, '')));
      p.on('pageerror', (e) => errors.push(String(e.message).slice(0, 200)));
      await p.goto(`${base}/test/pages/__gen/light-kpi.html`, { waitUntil: 'load', timeout: within(15_000) });
      // Both tiles drawn (civic-load from the src one, text in the inline one), then the page's requests are final
      // for what the tiles needed: no sibling, no maplibre.
      await p.waitForFunction(
        () => {
          const tiles = [...document.querySelectorAll('civic-kpi-tile')];
          return tiles.length === 2 && window.__rec.loads.filter((t) => t === 'civic-kpi-tile').length >= 1 && tiles.every((t) => /\d/.test(t.shadowRoot?.textContent ?? ''));
        },
        null,
        { timeout: within(15_000) },
      );
      const state = await p.evaluate(() => ({ sibling: !!window.__civicWidgetsMaplibre, violations: window.__rec.violations.length }));
      const ml = requests.filter((u) => /maplibre/i.test(u));
      check(ml.length === 0 && !state.sibling, '[light, kpi only] tiles drawn; civic-widgets.maplibre.js never requested', ml.join(', '));
      check(state.violations === 0 && errors.length === 0, '[light, kpi only] zero CSP violations, no page errors', `${state.violations} violations; ${errors.slice(0, 2).join(' | ')}`);
      await p.close();
    }

    if (available.includes('rank-board')) {
      const p = await ctx.newPage();
      const requests = [];
      const errors = [];
      p.on('request', (r) => requests.push(r.url().replace(base, '')));
      p.on('pageerror', (e) => errors.push(String(e.message).slice(0, 200)));
      await p.goto(`${base}/test/pages/__gen/light-exports.html`, { waitUntil: 'load', timeout: within(15_000) });
      await p.evaluate(installInk);
      const before = requests.length;
      const r = await p.evaluate(
        async ({ ms }) => {
          const deadline = new Promise((_, ko) => setTimeout(() => ko(new Error(`not drawn within ${ms} ms`)), ms));
          try {
            await Promise.all([customElements.whenDefined('civic-rank-board'), customElements.whenDefined('civic-screen')]);
            const rank = document.getElementById('rank');
            const wall = document.getElementById('wall');
            await Promise.race([Promise.all([rank.whenDrawn(), wall.whenDrawn()]), deadline]);
            const a = await Promise.race([rank.toPNG({ pixelRatio: 1 }), deadline]);
            const b = await Promise.race([wall.snapshot(), deadline]);
            return { rank: await window.__ink(a), wall: await window.__ink(b), violations: window.__rec.violations.length, v: window.__rec.violations.map((x) => `${x.directive} ${x.blocked} ${x.sample ?? ''}`) };
          } catch (e) {
            return { error: String(e && e.message), violations: window.__rec.violations.length };
          }
        },
        { ms: within(30_000) },
      );
      const chunks = requests.slice(before).filter((u) => u.startsWith('/dist/') && u !== '/dist/civic-widgets.light.js');
      check(!r.error && r.rank.ink > 0.02, '[light, exports] the rank board\'s toPNG() has ink', r.error ?? `ink ${(r.rank.ink * 100).toFixed(1)} %, ${r.rank.w} px wide`);
      check(!r.error && r.wall.ink > 0.02, '[light, exports] the wall\'s snapshot() has ink', r.error ?? `ink ${(r.wall.ink * 100).toFixed(1)} %, ${r.wall.w} px wide`);
      check(chunks.length === 0, '[light, exports] no chunk requested for the drawing (inlined)', chunks.join(', '));
      check(r.violations === 0 && errors.length === 0, '[light, exports] zero CSP violations, no page errors', `${r.violations} violations ${(r.v ?? []).join(', ')}; ${errors.slice(0, 2).join(' | ')}`);
      await p.close();
    }
  } finally {
    await ctx.close();
  }
}
