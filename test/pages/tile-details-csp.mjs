// Page check (issue 16): a KPI tile's details (status word, progress bar, sparkline, period: kpi-tile.details.ts) load
// with the first item that has one. Under CSP `script-src 'self'; style-src 'self'`, from the built files:
//   [tile details, bundle]  dist/bundle/kpi-tile.js: the details chunk is requested once; the picture (whenDrawn) has
//                           the status word, the sparkline, the period, and the progress fill at its share of the
//                           track — its width is set through the CSSOM, never as a style attribute, which the policy
//                           refuses — with the chunk's own styles adopted (the track's rounded ends); zero CSP
//                           violations, no page errors;
//   [tile details, light]   the same in the light one-script file (the chunk is inlined there).
//
// Used by run.mjs (which serves the pages): register `tileDetailsCspPages()` and run
// `checkTileDetailsCsp(browser, base, { check, note, within })`.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const TILE = '<civic-kpi-tile id="t" label="实训基地" value="1300" unit="个" target="1500" sparkline="900 1100 1300" period="2022" motion="reduce"></civic-kpi-tile>';
const page = (title, head) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<script src="/test/pages/assets/record.js"></script>
<link rel="stylesheet" href="/test/pages/assets/layout.css">
${head}
</head><body>
${TILE}
</body></html>`;

/** Generated pages for run.mjs's static server: path → { html, headers }. */
export function tileDetailsCspPages() {
  const headers = { 'Content-Security-Policy': CSP };
  return new Map([
    ['/test/pages/__gen/tile-details-bundle.html', { html: page('KPI tile details (bundle)', '<script type="module" src="/dist/bundle/kpi-tile.js"></script>'), headers }],
    ['/test/pages/__gen/tile-details-light.html', { html: page('KPI tile details (light file)', '<script src="/dist/civic-widgets.light.js"></script>'), headers }],
  ]);
}

const CHUNK = /kpi-tile\.details[^/]*\.js$/;

export async function checkTileDetailsCsp(browser, base, { check, note, within }) {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  try {
    for (const [label, path, chunk] of [
      ['[tile details, bundle]', 'tile-details-bundle', true],
      ['[tile details, light]', 'tile-details-light', false],
    ]) {
      const p = await ctx.newPage();
      const requests = [];
      const errors = [];
      p.on('request', (r) => requests.push(r.url().replace(base, '')));
      p.on('pageerror', (e) => errors.push(String(e.message).slice(0, 200)));
      await p.goto(`${base}/test/pages/__gen/${path}.html`, { waitUntil: 'load', timeout: within(15_000) });
      const r = await p.evaluate(
        async ({ ms }) => {
          await customElements.whenDefined('civic-kpi-tile');
          const el = document.getElementById('t');
          const deadline = new Promise((_, ko) => setTimeout(() => ko(new Error(`not drawn within ${ms} ms`)), ms));
          try {
            await Promise.race([el.whenDrawn(), deadline]);
            const q = (part) => el.shadowRoot.querySelector(`[part~="${part}"]`);
            const track = q('progress');
            const fill = track && track.querySelector('.fill');
            return {
              share: track && fill ? fill.getBoundingClientRect().width / track.getBoundingClientRect().width : null,
              radius: track ? getComputedStyle(track).borderRadius : '',
              status: q('threshold')?.textContent ?? '',
              spark: !!q('sparkline'),
              period: q('period')?.textContent ?? '',
              violations: window.__rec.violations,
            };
          } catch (e) {
            return { error: String(e && e.message), violations: window.__rec.violations };
          }
        },
        { ms: within(30_000) },
      );
      const asked = requests.filter((u) => CHUNK.test(u));
      const share = r.share == null ? 'no fill' : r.share.toFixed(3);
      check(!r.error && Math.abs((r.share ?? 0) - 1300 / 1500) < 0.01, `${label} the progress fill is at its share of the track`, r.error ?? `${share} (want 0.867)`);
      check(r.status === '未达目标' && r.spark && r.period === '2022年', `${label} status word, sparkline and period drawn`, `status ${r.status}, sparkline ${r.spark}, period ${r.period}`);
      check(r.radius === '999px', `${label} the details' own styles are adopted`, `track border-radius ${r.radius}`);
      if (chunk) check(asked.length === 1, `${label} the details chunk requested once`, asked.join(', ') || 'not requested');
      const v = (r.violations ?? []).map((x) => `${x.directive} ${x.blocked}`);
      check(v.length === 0 && errors.length === 0, `${label} zero CSP violations, no page errors`, [...v, ...errors].slice(0, 3).join(' | '));
      await p.close();
    }
    note('KPI tile details: load with the first item that has one, under strict CSP (bundle chunk, light file inlined)');
  } finally {
    await ctx.close();
  }
}
