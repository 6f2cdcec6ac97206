import { describe, expect, it } from 'vitest';
import { categoryDefaults, hostStyles, sequentialDefaults, tokenDefaults } from '../../../../src/core/theme/tokens.js';

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const TEXT_ROLES = ['text', 'text-muted', 'accent', 'positive', 'negative', 'warning', 'illustrative', 'focus'] as const;
const SURFACES = ['surface', 'surface-raised'] as const;
const THEMES = ['light', 'dark'] as const;

describe('contrast helper', () => {
  it('matches known WCAG values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('theme tokens', () => {
  it('both themes define the same roles', () => {
    expect(Object.keys(tokenDefaults.dark).sort()).toEqual(Object.keys(tokenDefaults.light).sort());
  });
  it('every value is a #rrggbb colour', () => {
    for (const theme of THEMES) for (const [k, v] of Object.entries(tokenDefaults[theme])) expect(v, `${theme} ${k}`).toMatch(/^#[0-9a-f]{6}$/i);
  });
  const pairs = THEMES.flatMap((theme) => TEXT_ROLES.flatMap((role) => SURFACES.map((surface) => [theme, role, surface] as const)));
  it.each(pairs)('%s: %s on %s ≥ 4.5:1', (theme, role, surface) => {
    const t = tokenDefaults[theme];
    const ratio = contrast(t[role], t[surface]);
    expect(ratio, `${theme} ${role} ${t[role]} on ${surface} ${t[surface]}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
  });
  it('palettes: 8 categories, 5 sequential steps per theme', () => {
    for (const theme of THEMES) {
      expect(categoryDefaults[theme]).toHaveLength(8);
      expect(sequentialDefaults[theme]).toHaveLength(5);
      expect(new Set(categoryDefaults[theme]).size).toBe(8);
    }
  });
  it('the sequential scheme runs light → dark in the light theme and dark → light in the dark theme', () => {
    const l = sequentialDefaults.light.map(luminance);
    const d = sequentialDefaults.dark.map(luminance);
    for (let i = 1; i < 5; i++) {
      expect(l[i]).toBeLessThan(l[i - 1]);
      expect(d[i]).toBeGreaterThan(d[i - 1]);
    }
  });
  it('the host styles carry every default and map every public token', () => {
    const css = hostStyles.cssText;
    for (const theme of THEMES) for (const [k, v] of Object.entries(tokenDefaults[theme])) expect(css).toContain(`--_d-color-${k}:${v};`);
    for (const k of Object.keys(tokenDefaults.light)) expect(css).toContain(`--_color-${k}:var(--civic-color-${k},var(--_d-color-${k}));`);
    categoryDefaults.dark.forEach((c, i) => expect(css).toContain(`--_d-category-${i + 1}:${c};`));
    sequentialDefaults.light.forEach((c, i) => expect(css).toContain(`--_d-sequential-${i + 1}:${c};`));
    expect(css).toContain('--_category-8:var(--civic-scheme-category-8,var(--_d-category-8));');
    expect(css).toContain('--_sequential-5:var(--civic-scheme-sequential-5,var(--_d-sequential-5));');
    expect(css).toContain(":host([data-theme='dark'])");
  });
  it('the font stack is CJK-first', () => {
    const css = hostStyles.cssText;
    const stack = css.slice(css.indexOf('--_font-family: var('));
    expect(stack.indexOf("'PingFang SC'")).toBeGreaterThan(0);
    expect(stack.indexOf("'PingFang SC'")).toBeLessThan(stack.indexOf('system-ui'));
    expect(stack.indexOf("'Noto Sans CJK SC'")).toBeLessThan(stack.indexOf('sans-serif'));
  });
});
