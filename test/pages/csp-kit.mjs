// Shared pieces of the strict-CSP page checks that load a lazy chunk (status-csp.mjs, tile-details-csp.mjs): the
// policy, the generated page around the tags under test (with the violation recorder, assets/record.js), a page opened
// with its requests and page errors recorded, and the closing "no violation, no page error" check.
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";

/** A generated page: the recorder and the layout sheet, `head` (the script under test), then `body`. */
export const recordedPage = (title, head, body) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title>
<script src="/test/pages/assets/record.js"></script>
<link rel="stylesheet" href="/test/pages/assets/layout.css">
${head}
</head><body>
${body}
</body></html>`;

/** Opens `/test/pages/__gen/<name>.html` in a new page of `ctx`; `requests` (paths, base stripped) and `errors` fill as it runs. */
export async function openRecorded(ctx, base, name, within) {
  const p = await ctx.newPage();
  const requests = [];
  const errors = [];
  p.on('request', (r) => requests.push(r.url().replace(base, '')));
  p.on('pageerror', (e) => errors.push(String(e.message).slice(0, 200)));
  await p.goto(`${base}/test/pages/__gen/${name}.html`, { waitUntil: 'load', timeout: within(15_000) });
  return { p, requests, errors };
}

/** The CSP violations the recorder saw (`r.violations`) and the page errors: both must be none. */
export function checkClean(check, label, violations, errors) {
  const v = (violations ?? []).map((x) => `${x.directive} ${x.blocked}`);
  check(v.length === 0 && errors.length === 0, `${label} zero CSP violations, no page errors`, [...v, ...errors].slice(0, 3).join(' | '));
}
