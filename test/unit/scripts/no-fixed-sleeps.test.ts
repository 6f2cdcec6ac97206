// No test synchronises by sleeping: every file under test/ (browser, pages, storybook, unit, build) is scanned for fixed
// sleeps: aTimeout, page.waitForTimeout, sleep/delay-style helpers called with a fixed time, a `new Promise` whose
// executor is resolved by a setTimeout, and calls of helpers defined that way. A sleep is allowed only where time
// itself is under test (nothing may happen within a time, a throttle, simulated latency), marked `time-under-test` on
// its line or the line above. Tests wait on events, promises or polled conditions with a deadline instead (see
// test/browser/fixtures/wait.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const TEST_DIR = join(ROOT, 'test');
const EXTENSIONS = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const MARK = 'time-under-test';

export interface Sleep {
  line: number;
  text: string;
  why: string;
}

/** Direct sleep calls, one line at a time (the patterns are assembled so that this file does not match itself). */
const CALLS: [RegExp, string][] = [
  [new RegExp('\\ba' + 'Timeout\\s*\\('), 'an open-wc fixed timeout'],
  [new RegExp('\\bwaitFor' + 'Timeout\\s*\\('), 'a playwright fixed timeout'],
  [new RegExp('\\b(sleep|delay|pause|wait)\\s*\\(\\s*[\\d_]+\\s*\\)'), 'a sleep helper called with a fixed time'],
  [new RegExp('\\bsle' + 'ep\\s*\\('), 'a sleep helper'],
];

/** The text of a balanced (...) group starting at `open` (which is '('), or the rest of the text if unbalanced. */
function group(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

/**
 * Finds fixed sleeps in one file's text. Exported for the fixture tests below.
 * A `new Promise(executor)` is a sleep when a setTimeout inside the executor resolves it: `setTimeout(resolve, …)`,
 * `setTimeout(() => resolve(…), …)` — a timer that rejects, or one raced against other work, is a deadline, not a
 * sleep. A helper defined as such a promise (`const tick = () => new Promise(…)`, `function nap() { return new
 * Promise(…) }`) makes its calls sleeps too.
 */
export function findSleeps(text: string): Sleep[] {
  const lines = text.split('\n');
  const marked = (line: number) => lines[line - 1]?.includes(MARK) || lines[line - 2]?.includes(MARK);
  const found = new Map<number, Sleep>();
  const add = (line: number, why: string) => {
    if (!marked(line) && !found.has(line)) found.set(line, { line, text: lines[line - 1].trim(), why });
  };
  lines.forEach((l, i) => {
    for (const [re, why] of CALLS) if (re.test(l)) return add(i + 1, why);
  });
  const helpers = new Set<string>();
  // A timer racing other work (`Promise.race([work, timer])`) bounds a wait on that work; it is a deadline, not a sleep.
  const races: [number, number][] = [];
  const race = /Promise\.race\s*\(/g;
  for (let m = race.exec(text); m; m = race.exec(text)) {
    const open = m.index + m[0].length - 1;
    races.push([open, open + group(text, open).length]);
  }
  const promise = /new\s+Promise\s*(<[^>]*>)?\s*\(/g;
  for (let m = promise.exec(text); m; m = promise.exec(text)) {
    if (races.some(([a, b]) => m!.index > a && m!.index < b)) continue;
    const open = m.index + m[0].length - 1;
    const body = group(text, open);
    const param = /^\(\s*(?:\(\s*)?([A-Za-z_$][\w$]*)/.exec(body)?.[1];
    if (!param) continue;
    const p = param.replace(/\$/g, '\\$');
    const resolving = new RegExp(`set${'Timeout'}\\s*\\(\\s*(?:${p}\\s*[,)]|\\([^)]*\\)\\s*=>\\s*\\{?\\s*(?:void\\s+)?${p}\\s*\\()`, 'g');
    for (let t = resolving.exec(body); t; t = resolving.exec(body)) add(lineOf(text, open + t.index), 'a promise resolved by setTimeout');
    if (!new RegExp(`setTimeout\\s*\\(\\s*(?:${p}\\b|\\([^)]*\\)\\s*=>\\s*\\{?\\s*(?:void\\s+)?${p}\\s*\\()`).test(body)) continue;
    // The helper this promise defines, if any: `const name = (…) => new Promise` or `function name(…) { return new Promise`.
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    const def = /(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s*)?(?:\([^()]*\)|[A-Za-z_$][\w$]*)\s*(?::[^=]*)?=>\s*\{?\s*(?:return\s+)?$/.exec(before) ??
      /function\s+([A-Za-z_$][\w$]*)\s*\([^)]*\)[^{]*\{\s*(?:return\s+)?$/.exec(before);
    if (def) helpers.add(def[1]);
  }
  for (const name of helpers) {
    const call = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, '\\$')}\\s*\\(`);
    const definition = new RegExp(`(?:const|let|var|function)\\s+${name.replace(/\$/g, '\\$')}\\b`);
    lines.forEach((l, i) => {
      if (call.test(l) && !definition.test(l)) add(i + 1, `${name}() sleeps (defined with setTimeout)`);
    });
  }
  return [...found.values()].sort((a, b) => a.line - b.line);
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (EXTENSIONS.test(name)) out.push(p);
  }
  return out;
}

// Fixture text is assembled from pieces so that this file itself contains no sleep.
const T = 'set' + 'Timeout';
const A = 'aTime' + 'out';
const W = 'waitFor' + 'Timeout';
const S = 'sle' + 'ep';
const D = 'del' + 'ay';

describe('no fixed sleeps in tests', () => {
  it('finds each kind of sleep in a fixture', () => {
    const src = [
      `await ${A}(100);`, // 1
      `await page.${W}(400);`, // 2
      `await new Promise((r) => ${T}(r, 50));`, // 3
      `await new Promise<void>((resolve) => requestAnimationFrame(() => ${T}(resolve, 30)));`, // 4
      `const tick = () => new Promise((r) => ${T}(r, 5));`, // 5
      `await tick();`, // 6
      `function nap(ms) {`, // 7
      `  return new Promise((done) => {`, // 8
      `    ${T}(() => done(), ms);`, // 9
      `  });`, // 10
      `}`, // 11
      `await nap(10);`, // 12
      `await ${S}(250);`, // 13
      `await ${D}(100);`, // 14
    ].join('\n');
    expect(findSleeps(src).map((s) => s.line)).toEqual([1, 2, 3, 4, 5, 6, 9, 12, 13, 14]);
  });

  it('accepts marked sleeps and waits that are not sleeps', () => {
    const src = [
      `await ${A}(1200); // ${MARK}: nothing may happen after disconnect`, // marked on its line
      `// ${MARK}: past the 250 ms throttle`,
      `await ${A}(300);`, // marked on the line above
      `await waitUntil(() => el.ready, 'ready', { timeout: 20000 });`,
      `await oneEvent(el, 'civic-load');`,
      `${T}(() => btn.click());`, // a deferred action, not a wait
      `const deadline = new Promise((_, reject) => ${T}(() => reject(new Error('late')), 5000));`, // a deadline
      `await Promise.race([el.whenDrawn(), new Promise((r) => ${T}(r, 8000))]);`, // a bound on a wait for work
      `const watchdog = ${T}(() => process.exit(1), 60000);`,
      `import { expect, ${A} } from '@open-wc/testing';`, // an import is not a call
    ].join('\n');
    expect(findSleeps(src)).toEqual([]);
  });

  it('finds none under test/ (mark real time under test with `time-under-test`)', () => {
    const files = walk(TEST_DIR);
    expect(files.length).toBeGreaterThan(20);
    const report = files.flatMap((f) => findSleeps(readFileSync(f, 'utf8')).map((s) => `${relative(ROOT, f)}:${s.line}: ${s.why}: ${s.text}`));
    expect(report, report.join('\n')).toEqual([]);
  });
});
