// Layering of src/ (issue 16, "core stands alone"): every import (static, `import type`, `export … from`, dynamic
// `import()`) is resolved and checked against the layers
//   src/core  ←  src/data  ←  src/components/common  ←  src/components/<element>
// - src/core imports nothing from src/data or src/components (it is what everything else stands on);
// - src/data imports nothing from src/components;
// - an element folder imports no other element's folder: pieces used by several elements live in
//   src/components/common/, which imports no element folder itself.
// One composition is allowed by name: <civic-kpi-grid> is a grid of <civic-kpi-tile> elements — it defines them,
// renders them and parses its items as the tile does — so kpi-grid may import kpi-tile.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const SRC = join(ROOT, 'src');

/** Element folder → element folders it may import (composition, not shared pieces). */
export const ALLOWED: Record<string, readonly string[]> = { 'kpi-grid': ['kpi-tile'] };

const SPEC = /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?|\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;

/** Relative import specifiers of a source text (comments stripped first). */
export function importsOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(SPEC)].map((m) => m[1]).filter((s) => s.startsWith('.'));
}

/** The layer of a path relative to src/: `core`, `data`, `shared`, `el:<name>` or `other` (index.ts, define.ts…). */
export function layerOf(rel: string): string {
  const parts = rel.split('/');
  if (parts[0] === 'core' || parts[0] === 'data') return parts[0];
  if (parts[0] === 'components' && parts.length > 2) return parts[1] === 'common' ? 'shared' : `el:${parts[1]}`;
  return 'other';
}

/** Why importing `to` from `from` (both relative to src/) breaks the layering, or undefined. */
export function violation(from: string, to: string): string | undefined {
  const a = layerOf(from);
  const b = layerOf(to);
  if (a === 'core' && b !== 'core') return 'src/core imports only from src/core';
  if (a === 'data' && b !== 'core' && b !== 'data') return 'src/data imports only from src/core and src/data';
  if (a === 'shared' && b.startsWith('el:')) return 'the shared module imports no element folder';
  if (a.startsWith('el:') && b.startsWith('el:') && a !== b && !(ALLOWED[a.slice(3)] ?? []).includes(b.slice(3)))
    return `an element folder imports another element's folder (move the piece to src/components/common/)`;
  return undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|js|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function scan(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = relative(SRC, file).split('\\').join('/');
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const to = relative(SRC, resolve(dirname(file), spec)).split('\\').join('/');
      if (to.startsWith('..')) continue; // outside src/ (none expected; not a layer question)
      const why = violation(from, to);
      if (why) found.push(`src/${from} → ${spec}: ${why}`);
    }
  }
  return found;
}

describe('src/ layering', () => {
  it('core stands alone, data does not reach into elements, elements share only through src/components/common', () => {
    expect(scan()).to.deep.equal([]);
  });

  it('the scan sees every import form and every kind of violation', () => {
    const text = `import { a } from '../../data/validate.js';
import type { B } from "../components/x/y.js";
export { c } from './c.js';
export * from '../d.js';
const m = () => import('../../components/kpi-tile/ticker.js');
import '../side-effect.js';
// import { no } from '../commented.js';
/* import { no2 } from '../commented2.js'; */`;
    expect(importsOf(text)).to.deep.equal(['../../data/validate.js', '../components/x/y.js', './c.js', '../d.js', '../../components/kpi-tile/ticker.js', '../side-effect.js']);
    expect(violation('core/render/states.ts', 'data/validate.js')).to.be.a('string');
    expect(violation('core/events/error-event.ts', 'components/kpi-tile/region.js')).to.be.a('string');
    expect(violation('data/civic-data-element.ts', 'components/kpi-tile/kpi-tile.js')).to.be.a('string');
    expect(violation('components/rank-board/rank-board.ts', 'components/kpi-tile/ticker.js')).to.be.a('string');
    expect(violation('components/common/region.ts', 'components/kpi-tile/kpi-tile.types.js')).to.be.a('string');
    expect(violation('components/rank-board/rank-board.ts', 'components/common/ticker.js')).to.equal(undefined);
    expect(violation('components/kpi-grid/kpi-grid.ts', 'components/kpi-tile/kpi-tile.js')).to.equal(undefined);
    expect(violation('components/kpi-tile/kpi-tile.ts', 'components/kpi-grid/kpi-grid.js')).to.be.a('string');
    expect(violation('data/data-controller.ts', 'core/events/load-event.js')).to.equal(undefined);
    expect(violation('index.ts', 'components/kpi-tile/kpi-tile.js')).to.equal(undefined);
  });
});
