/**
 * Pure parsing of SVG attribute and paint values for the SVG painter (draw-svg.ts): `url(#id)` references, the
 * fallback colour after a `url()` paint, and lengths in user units. No DOM; unit-tested in Node.
 */

/** The id an SVG paint or reference names: `url("#hatch")`, `url(#a) red` → `hatch`, `a`; otherwise undefined. */
export function urlRef(value: string | null | undefined): string | undefined {
  const m = /^\s*url\(\s*(['"]?)[^#'")]*#([^'")]+)\1\s*\)/.exec(value ?? '');
  return m ? m[2] : undefined;
}

/** The fallback colour after a `url(…)` paint (`url(#a) red` → `red`); undefined when there is none (or `none`). */
export function paintFallback(value: string | null | undefined): string | undefined {
  const m = /^\s*url\((?:"[^"]*"|'[^']*'|[^)]*)\)\s*(.*)$/.exec(value ?? '');
  const fb = m?.[1].trim();
  return fb && fb !== 'none' ? fb : undefined;
}

/**
 * An SVG length in user units: `12`, `12px`, `0.32em` (× `fontSize`), `50%` (× `percentBase`/100); only the first
 * value of a list (`x="1 2 3"`). Undefined when absent or not a length.
 */
export function svgLength(value: string | null | undefined, fontSize: number, percentBase = 0): number | undefined {
  const first = (value ?? '').trim().split(/[\s,]+/)[0] ?? '';
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(px|em|rem|ex|%)?$/i.exec(first);
  if (!m) return undefined;
  const n = parseFloat(m[1]);
  switch ((m[2] ?? '').toLowerCase()) {
    case 'em':
    case 'rem':
      return n * fontSize;
    case 'ex':
      return n * fontSize * 0.5;
    case '%':
      return (n * percentBase) / 100;
    default:
      return n;
  }
}
