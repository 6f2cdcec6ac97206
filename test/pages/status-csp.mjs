// Page check (issue 16): the full data-status banner (core/render/status-view.ts) loads on first use. Under CSP
// `script-src 'self'; style-src 'self'`, from the built files:
//   [status, bundle ok]     dist/bundle/kpi-tile.js with good data only: the tiles draw and no status-view chunk is
//                           requested;
//   [status, bundle error]  a tile whose `src` answers 404: the status-view chunk is requested, the picture
//                           (whenDrawn) shows the full banner — translated headline, Retry button, issue list — with
//                           its own styles adopted (its summary's pointer cursor), civic-error fired, zero CSP violations;
//   [status, light error]   the same in the light one-script file (the chunk is inlined there: no extra request).
//
// Used by run.mjs (which serves the pages): register `statusCspPages()` and run
// `checkStatusCsp(browser, base, { check, note, within })`. CIVIC_PAGES_ONLY=status runs only this.
import { STRICT_CSP, recordedPage as page, openRecorded, checkClean } from './csp-kit.mjs';

const TILE_OK = '<civic-kpi-tile label="在校学生" value="170000" unit="人"></civic-kpi-tile>\n<civic-kpi-tile src="/demo/data/kpis.json" item-id="students"></civic-kpi-tile>';
const TILE_BAD = '<civic-kpi-tile id="bad" src="/demo/data/no-such-file.json"></civic-kpi-tile>';
const BUNDLE = '<script type="module" src="/dist/bundle/kpi-tile.js"></script>';
const LIGHT = '<script src="/dist/civic-widgets.light.js"></script>';

/** Generated pages for run.mjs's static server: path → { html, headers }. */
export function statusCspPages() {
  const headers = { 'Content-Security-Policy': STRICT_CSP };
  return new Map([
    ['/test/pages/__gen/status-bundle-ok.html', { html: page('status banner: good data (bundle)', BUNDLE, TILE_OK), headers }],
    ['/test/pages/__gen/status-bundle-error.html', { html: page('status banner: a failed src (bundle)', BUNDLE, TILE_BAD), headers }],
    ['/test/pages/__gen/status-light-error.html', { html: page('status banner: a failed src (light file)', LIGHT, TILE_BAD), headers }],
  ]);
}

const VIEW = /status-view[^/]*\.js$/;

export async function checkStatusCsp(browser, base, { check, note, within }) {
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  try {
    {
      const { p, requests } = await openRecorded(ctx, base, 'status-bundle-ok', within);
      const r = await p.evaluate(
        async ({ ms }) => {
          await customElements.whenDefined('civic-kpi-tile');
          const deadline = new Promise((_, ko) => setTimeout(() => ko(new Error(`not drawn within ${ms} ms`)), ms));
          try {
            await Promise.race([Promise.all([...document.querySelectorAll('civic-kpi-tile')].map((t) => t.whenDrawn())), deadline]);
            return { status: document.querySelectorAll('civic-kpi-tile').length, banners: [...document.querySelectorAll('civic-kpi-tile')].filter((t) => t.shadowRoot.querySelector('[part~="status"]')).length };
          } catch (e) {
            return { error: String(e && e.message) };
          }
        },
        { ms: within(30_000) },
      );
      const view = requests.filter((u) => VIEW.test(u));
      check(!r.error && r.banners === 0, '[status, bundle ok] tiles of good data drawn without a status banner', r.error ?? `${r.banners} banners`);
      check(view.length === 0, '[status, bundle ok] no status-view chunk requested', view.join(', '));
      await p.close();
    }
    for (const [label, path, chunk] of [
      ['[status, bundle error]', 'status-bundle-error', true],
      ['[status, light error]', 'status-light-error', false],
    ]) {
      const { p, requests, errors } = await openRecorded(ctx, base, path, within);
      const r = await p.evaluate(
        async ({ ms }) => {
          await customElements.whenDefined('civic-kpi-tile');
          const el = document.getElementById('bad');
          const deadline = new Promise((_, ko) => setTimeout(() => ko(new Error(`not drawn within ${ms} ms`)), ms));
          try {
            await Promise.race([el.whenDrawn(), deadline]);
            const s = el.shadowRoot.querySelector('[part~="status"]');
            // A rule of the banner's own styles (status-view.ts), in its full and its compact (badge) form.
            const summary = s && s.querySelector('summary');
            return {
              kind: s && s.getAttribute('data-kind'),
              text: s ? s.textContent.replace(/\s+/g, ' ').trim().slice(0, 120) : '',
              retry: !!(s && s.querySelector('button')),
              list: !!(s && s.querySelector('details li')),
              cursor: summary ? getComputedStyle(summary).cursor : 'no summary',
              compact: !!(s && s.hasAttribute('data-compact')),
              errors: window.__rec.errors.length,
              violations: window.__rec.violations,
            };
          } catch (e) {
            return { error: String(e && e.message), violations: window.__rec.violations };
          }
        },
        { ms: within(30_000) },
      );
      const view = requests.filter((u) => VIEW.test(u));
      check(!r.error && r.kind === 'error' && /数据加载失败/.test(r.text), `${label} the error state is drawn, translated`, r.error ?? `${r.kind}: ${r.text}`);
      check(!!r.retry && !!r.list, `${label} the picture has the full banner (Retry button, issue list)`, `retry ${r.retry}, list ${r.list}`);
      check(r.cursor === 'pointer', `${label} the full banner's own styles are adopted`, `summary cursor ${r.cursor}${r.compact ? ' (compact badge)' : ''}`);
      check(r.errors >= 1, `${label} civic-error fired`, `${r.errors ?? 0} events`);
      if (chunk) check(view.length === 1, `${label} the status-view chunk requested once`, view.join(', ') || 'not requested');
      checkClean(check, label, r.violations, errors);
      await p.close();
    }
    note('status banner: loads with the first error under strict CSP (bundle chunk, light file inlined)');
  } finally {
    await ctx.close();
  }
}
