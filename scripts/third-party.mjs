// Writes THIRD-PARTY-NOTICES.md: every runtime dependency (the packages the module bundle and the IIFE
// include), with version, licence and licence text, read from node_modules. Run after changing dependencies:
//   node scripts/third-party.mjs
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const seen = new Map();

function visit(name) {
  if (seen.has(name)) return;
  const dir = join(root, 'node_modules', name);
  if (!existsSync(join(dir, 'package.json'))) return;
  const p = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f));
  seen.set(name, { version: p.version, license: typeof p.license === 'string' ? p.license : p.license?.type ?? 'UNKNOWN', text: file ? readFileSync(join(dir, file), 'utf8').trim() : '' });
  for (const d of Object.keys(p.dependencies ?? {})) visit(d);
}
for (const d of Object.keys(pkg.dependencies)) visit(d);
// Data, not code: the grid map ships ColorBrewer's and viridis' published colour lists
// (src/components/grid-map/color-schemes.ts, generated from d3-scale-chromatic, now a development dependency). Their
// licence and attribution travel in d3-scale-chromatic's licence file, so it stays listed.
const DATA_SOURCES = ['d3-scale-chromatic'];
for (const d of DATA_SOURCES) visit(d);

const rows = [...seen.entries()].sort(([a], [b]) => a.localeCompare(b));
let out = `# Third-party notices\n\ncivic-widgets' self-hosted bundle (\`dist/bundle/\`) and single-file script (\`dist/civic-widgets.iife.js\`) include code from the packages below (only what the elements use ends up in a bundle, but every runtime dependency is listed), and the colour lists of ColorBrewer and viridis as data (their licence is d3-scale-chromatic's, listed below). The ESM entries import them as regular dependencies instead.\n\n| package | version | licence |\n| --- | --- | --- |\n`;
for (const [n, r] of rows) out += `| ${n} | ${r.version} | ${r.license} |\n`;
out += '\n## Licence texts\n';
const byText = new Map();
for (const [n, r] of rows) {
  const key = r.text || `(no licence file shipped; licence: ${r.license})`;
  if (!byText.has(key)) byText.set(key, []);
  byText.get(key).push(`${n}@${r.version}`);
}
for (const [text, names] of byText) out += `\n### ${names.join(', ')}\n\n\`\`\`text\n${text}\n\`\`\`\n`;
writeFileSync(join(root, 'THIRD-PARTY-NOTICES.md'), out);
console.log(`THIRD-PARTY-NOTICES.md: ${rows.length} packages`);
