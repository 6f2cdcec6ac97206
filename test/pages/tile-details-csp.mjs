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
import { STRICT_CSP, recordedPage, openRecorded, checkClean } from './csp-kit.mjs';

const TILE = '<civic-kpi-tile id="t" label="实训基地" value="1300" unit="个" target="1500" sparkline="900 1100 1300" period="2022" motion="reduce"></civic-kpi-tile>';
const page = (title, head) => recordedPage(title, head, TILE);

/** Generated pages for run.mjs's static server: path → { html, headers }. */
export function tileDetailsCspPages() {
  const headers = { 'Content-Security-Policy': STRICT_CSP };
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
      const { p, requests, errors } = await openRecorded(ctx, base, path, within);
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
      checkClean(check, label, r.violations, errors);
      await p.close();
    }
    note('KPI tile details: load with the first item that has one, under strict CSP (bundle chunk, light file inlined)');
  } finally {
    await ctx.close();
  }
}
