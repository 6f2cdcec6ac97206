// Loaded first, as an external classic script (the strict-CSP pages allow no inline script).
// Records CSP violations, civic-load / civic-error events and whether each element got defined.
(function () {
  var rec = (window.__rec = { violations: [], loads: [], errors: [] });
  document.addEventListener('securitypolicyviolation', function (e) {
    rec.violations.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      source: (e.sourceFile || '') + ':' + e.lineNumber,
      sample: e.sample,
    });
  });
  document.addEventListener('civic-load', function (e) {
    rec.loads.push(e.target && e.target.localName);
  });
  document.addEventListener('civic-error', function (e) {
    rec.errors.push({ tag: e.target && e.target.localName, detail: JSON.stringify(e.detail && (e.detail.issues || e.detail.message || e.detail)).slice(0, 300) });
  });
})();
