// Storybook as documentation (called by test/storybook/run.mjs after the stories):
//   1. every custom element in dist/custom-elements.json has an autodocs Docs page (a stories file whose meta
//      declares `component: '<tag>'`);
//   2. that page's API table lists every public attribute of the element (by attribute name, in "attributes"),
//      every public property without an attribute ("properties"), every event, slot, CSS part and CSS custom
//      property — and no private or protected member name in the attributes / properties / methods sections
//      (private names come from a second analyzer run without the project's config, which keeps them);
//   3. the page has no console error or warning;
//   4. a control change re-renders the element: on the KPI tile's page, typing 2350000 into the `value` control
//      makes the Playground tile show 235万 (the control used to be shadowed by the CSS part `value`).
// Returns { passed, failed } and prints one line per page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const elementsOf = (manifest) =>
  (manifest.modules ?? []).flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);

/** Private/protected member names per tag, from the analyzer run with no config (nothing dropped). */
function privateNames(root) {
  const out = mkdtempSync(join(tmpdir(), 'civic-cem-raw-'));
  const emptyConfig = join(out, 'empty.config.mjs');
  // packagejson: false — the analyzer would otherwise point package.json's "customElements" at this temp dir while
  // other steps of npm test (scripts/test.mjs runs two at a time; the consumer check packs the package) read it.
  writeFileSync(emptyConfig, 'export default { packagejson: false };\n');
  // Should the analyzer still rewrite package.json's "customElements" to its --outdir: put the file back as it was.
  const pkgPath = join(root, 'package.json');
  const pkg = readFileSync(pkgPath, 'utf8');
  try {
    // --outdir is taken relative to the working directory, even when absolute.
    execFileSync(join(root, 'node_modules/.bin/custom-elements-manifest'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--outdir', relative(root, out), '--config', emptyConfig, '--quiet'], { cwd: root, stdio: 'pipe' });
    const raw = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
    return new Map(elementsOf(raw).map((d) => [d.tagName, (d.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name)]));
  } finally {
    if (readFileSync(pkgPath, 'utf8') !== pkg) writeFileSync(pkgPath, pkg);
    rmSync(out, { recursive: true, force: true });
  }
}

/** The rendered API tables of a docs page: { section → [row names] } (sections are expanded by default). */
async function readTables(page) {
  return page.evaluate(() => {
    const sections = {};
    for (const body of document.querySelectorAll('.docblock-argstable-body')) {
      let current = '(ungrouped)';
      for (const tr of body.children) {
        const title = tr.getAttribute('title');
        const m = title && /^(?:Hide|Show) (.+?) items?$/.exec(title);
        if (m) {
          current = m[1];
          continue;
        }
        const name = tr.querySelector('td:first-child span')?.textContent?.trim();
        if (name) (sections[current] ??= []).push(name);
      }
    }
    return sections;
  });
}

export async function checkDocs({ context, base, index, root, only = [], pages = 2 }) {
  const docsEntries = Object.values(index.entries).filter((e) => e.type === 'docs' && (e.tags ?? []).includes('autodocs'));
  // The manifest the build was made with (preview.ts hands it to setCustomElementsManifest), not whatever dist/
  // holds now.
  const probe = await context.newPage();
  await probe.goto(`${base}/iframe.html?id=${encodeURIComponent(docsEntries[0]?.id ?? '')}&viewMode=docs`, { waitUntil: 'load', timeout: 180_000 });
  const manifest = await probe
    .waitForFunction(() => globalThis.__STORYBOOK_CUSTOM_ELEMENTS_MANIFEST__, null, { timeout: 180_000 })
    .then((h) => h.jsonValue())
    .catch(() => ({ modules: [] }));
  await probe.close();
  if (!elementsOf(manifest).length) {
    console.log('✗ docs: the build carries no custom-elements manifest (was `npm run analyze` run before the build?)');
    return { passed: 0, failed: 1 };
  }
  const privates = privateNames(root);
  const docsFor = new Map();
  for (const e of docsEntries) {
    const src = readFileSync(join(root, e.importPath), 'utf8');
    const tag = /\bcomponent:\s*['"]([^'"]+)['"]/.exec(src)?.[1];
    if (tag) docsFor.set(tag, e);
  }
  let passed = 0;
  let failed = 0;
  // Docs pages are checked `pages` at a time (each on its own page); lines print as pages finish.
  const queue = [...elementsOf(manifest)];
  const checkOne = async (el) => {
    const tag = el.tagName;
    const entry = docsFor.get(tag);
    if (only.length && !only.some((o) => tag.includes(o) || entry?.id.includes(o))) return;
    const problems = [];
    let counts = '';
    if (!entry) problems.push(`no Docs page: no stories file with component: '${tag}' and the autodocs tag`);
    else {
      const page = await context.newPage();
      page.on('console', (m) => {
        // A docs page shows every story of the element, including its bad-input and error stories: the element's
        // own tag-prefixed diagnostic for those is expected here (the story pass holds each story to its rule).
        if (m.type() === 'warning' && /^\[civic-[a-z-]+\] /.test(m.text())) return;
        if (m.type() === 'error' && /^Failed to load resource/.test(m.text())) return;
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text().slice(0, 200)}`);
      });
      page.on('pageerror', (e) => problems.push(`uncaught: ${String(e.message).slice(0, 200)}`));
      try {
        await page.goto(`${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=docs`, { waitUntil: 'load', timeout: 120_000 });
        await page.waitForFunction(() => document.querySelector('.docblock-argstable-body tr'), null, { timeout: 120_000 });
        const tables = await readTables(page);
        const listed = (section) => new Set(tables[section] ?? []);
        const publicFields = (el.members ?? []).filter((m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static);
        const expect = {
          attributes: (el.attributes ?? []).map((a) => a.name),
          properties: publicFields.filter((m) => !m.attribute).map((m) => m.name),
          events: (el.events ?? []).filter((e) => e.name).map((e) => e.name),
          slots: (el.slots ?? []).map((s) => s.name || '(default)'),
          'css shadow parts': (el.cssParts ?? []).map((p) => p.name),
          'css custom properties': (el.cssProperties ?? []).map((p) => p.name),
        };
        for (const [section, names] of Object.entries(expect)) {
          const have = listed(section);
          const missing = names.filter((n) => !have.has(n));
          if (missing.length) problems.push(`${section} missing from the docs table: ${missing.join(', ')}`);
        }
        const memberRows = new Set([...(tables.attributes ?? []), ...(tables.properties ?? []), ...(tables.methods ?? []).map((n) => n.replace(/\(\)$/, ''))]);
        const publicNames = new Set([...publicFields.map((m) => m.name), ...(el.attributes ?? []).map((a) => a.name), ...(el.members ?? []).filter((m) => m.kind === 'method').map((m) => m.name)]);
        const leaked = (privates.get(tag) ?? []).filter((n) => memberRows.has(n) && !publicNames.has(n));
        if (leaked.length) problems.push(`private members in the docs table: ${leaked.join(', ')}`);
        if (!(privates.get(tag) ?? []).length) problems.push('no private member names found to check against (analyzer run without config failed?)');
        counts = Object.entries(tables)
          .map(([k, v]) => `${k} ${v.length}`)
          .join(', ');

        if (tag === 'civic-kpi-tile') {
          // The Playground's `value` control (row "value" in attributes: the one with a text box) drives the tile.
          const row = page.locator('.docblock-argstable-body tr', { has: page.getByText('value', { exact: true }) }).filter({ has: page.locator('textarea, input[type="text"]') });
          await row.first().locator('textarea, input[type="text"]').first().fill('2350000');
          await page
            .waitForFunction(
              () => {
                const tile = document.querySelector('.docs-story civic-kpi-tile');
                const shown = tile?.shadowRoot?.querySelector('[part~="value"]')?.textContent ?? '';
                return tile?.getAttribute('value') === '2350000' && /235万|2\.35M/.test(shown.replace(/\s+/g, ''));
              },
              null,
              { timeout: 40_000 },
            )
            .catch(async () => {
              const seen = await page.evaluate(() => {
                const tile = document.querySelector('.docs-story civic-kpi-tile');
                return `value="${tile?.getAttribute('value')}", shows "${tile?.shadowRoot?.querySelector('[part~="value"]')?.textContent?.trim()}"`;
              });
              problems.push(`typing 2350000 into the value control did not re-render the tile (${seen})`);
            });
        }
      } catch (e) {
        problems.push(`docs page failed: ${String(e.message ?? e).split('\n')[0]}`);
      }
      await page.close();
    }
    if (problems.length) {
      failed++;
      console.log(`✗ docs ${tag}${entry ? ` (${entry.id})` : ''}\n    ${problems.join('\n    ')}`);
    } else {
      passed++;
      console.log(`✓ docs ${tag} (${entry.id}): ${counts}`);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, pages) }, async () => {
      for (let el; (el = queue.shift()); ) await checkOne(el);
    }),
  );
  return { passed, failed };
}
