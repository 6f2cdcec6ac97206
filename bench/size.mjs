// Size benchmark (run `npm run build` first):
//  1. entry weights as a user's bundler sees them, against their budgets — the same table test/build/check-dist.mjs
//     enforces (scripts/lib/entry-weight.mjs): esbuild bundle + minify + gzip -9 of each dist/*.define.js with its
//     dependencies, maplibre-gl external; "before use" is the entry and its static chunks, "lazy" what import() loads;
//  2. gzip and brotli bytes of every built file.
// Prints both tables and writes bench/results/size.json.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { ENTRIES } from '../scripts/entries.mjs';
import { budgetOf, goalOf, judge, measureDist } from '../scripts/lib/entry-weight.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
if (!existsSync(dist)) {
  console.error('bench/size: run `npm run build` first');
  process.exit(1);
}
const weights = await measureDist(dist, ENTRIES.map((e) => e.name));
const k1 = (n) => (n / 1000).toFixed(1).padStart(9);
console.log('entry (esbuild bundle, min, gzip -9)'.padEnd(38), 'before use', '     lazy', '   budget', '     goal', '  verdict');
for (const [label, r] of Object.entries(weights)) {
  const b = budgetOf(label);
  const g = goalOf(label);
  console.log(label.padEnd(38), ` ${k1(r.initial)}`, k1(r.lazy), b ? k1(b) : '        —', g ? k1(g) : '        —', b ? `  ${judge(r.initial, b)}${g && r.initial > g ? ', over goal' : ''}` : '');
}
console.log('(KB = 1000 bytes)\n');
const files = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) {
      if (f !== 'types' && f !== 'schemas') walk(p);
    } else if (/\.(m?js)$/.test(f)) files.push(p);
  }
};
walk(dist);
const rows = files
  .map((p) => {
    const raw = readFileSync(p);
    const min = Buffer.from(transformSync(raw.toString('utf8'), { minify: true, loader: 'js' }).code);
    return { file: relative(dist, p), raw: raw.length, min: min.length, gzip: gzipSync(min, { level: 9 }).length, brotli: brotliCompressSync(min).length };
  })
  .sort((a, b) => b.gzip - a.gzip);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('file'.padEnd(48), '     raw KB', '  min KB', '  gz KB', '  br KB');
for (const r of rows) console.log(r.file.padEnd(48), kb(r.raw), kb(r.min), kb(r.gzip), kb(r.brotli));
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/size.json'), JSON.stringify({ date: new Date().toISOString(), weights: Object.fromEntries(Object.entries(weights).map(([l, r]) => [l, { initial: r.initial, lazy: r.lazy, budget: budgetOf(l) ?? null, goal: goalOf(l) ?? null, top: r.top.slice(0, 12) }])), rows }, null, 2));
