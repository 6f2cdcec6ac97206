// G2 s18: style + layout of the growth chart's first picture by part (g2-parts-page.ts), variants interleaved (order
// rotating, reversed every other block), main-thread CPU from traced marks, medians.
//   node bench/growth-chart/g2-parts.mjs [--reps 200]
import { join } from 'node:path';
import { tmpdir, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from '../lib/harness.mjs';
import { openBenchPage, traced, cpuByMark } from '../lib/bench-page.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const reps = Number(args.includes('--reps') ? args[args.indexOf('--reps') + 1] : 200);
const load0 = loadavg()[0];
const { context, page, close } = await openBenchPage({ ready: 'runParts', entry: join(here, 'g2-parts-page.ts'), html: join(here, 'index.html'), outDir: join(tmpdir(), `g2-parts-${process.pid}`) });
try {
  const names = await page.evaluate(() => window.prepare());
  await page.evaluate((o) => window.runParts(3, o, false), names);
  const rounds = 2 * names.length;
  const per = Math.ceil(reps / rounds);
  const { events } = await traced(context, page, 'blink.user_timing', async () => {
    for (let r = 0; r < rounds; r++) {
      const k = r % names.length;
      const rot = [...names.slice(k), ...names.slice(0, k)];
      const order = Math.floor(r / names.length) % 2 ? rot.reverse() : rot;
      await page.evaluate(([n, o]) => window.runParts(n, o, true), [per, order]);
    }
  });
  const cpu = cpuByMark(events, 'g2p');
  const base = median(cpu.base.first);
  console.log(`style + layout of the first picture's markup, ${per * rounds} per variant; load ${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
  console.log('| variant | CPU median ms | − base |');
  console.log('| --- | ---: | ---: |');
  for (const n of names) console.log(`| ${n} | ${median(cpu[n].first).toFixed(3)} | ${(median(cpu[n].first) - base).toFixed(3)} |`);
} finally {
  await close();
}
