// Size benchmark: gzip and brotli bytes of every built output (run `npm run build` first).
// Prints a table and writes bench/results/size.json.
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
if (!existsSync(dist)) {
  console.error('bench/size: run `npm run build` first');
  process.exit(1);
}
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
writeFileSync(join(root, 'bench/results/size.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 2));
