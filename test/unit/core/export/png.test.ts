import { describe, expect, it } from 'vitest';
import { isTransparent, MAX_CANVAS_AREA, MAX_CANVAS_SIDE, resolvePixelRatio, sanitizeFilename, truncateText, wrapText } from '../../../../src/core/export/png.js';

/** Fixed-width measure: every character 10 px (CJK included), like a monospace font. */
const mono = (s: string) => Array.from(s).length * 10;

describe('sanitizeFilename', () => {
  it('keeps CJK, letters and digits, and adds the extension', () => {
    expect(sanitizeFilename('永川区职业教育', 'png')).toBe('永川区职业教育.png');
    expect(sanitizeFilename('civic-rank-board', '.png')).toBe('civic-rank-board.png');
  });
  it('replaces path separators, reserved and control characters, and whitespace runs with one dash', () => {
    expect(sanitizeFilename('a/b\\c:d*e?f"g<h>i|j', 'png')).toBe('a-b-c-d-e-f-g-h-i-j.png');
    expect(sanitizeFilename('学校  数量\t2024\n', 'png')).toBe('学校-数量-2024.png');
    expect(sanitizeFilename('x\u0000y\u001fz', '')).toBe('x-y-z');
  });
  it('strips leading dots and dashes and trailing dots and spaces (no hidden or invalid names)', () => {
    expect(sanitizeFilename('../../etc/passwd', 'png')).toBe('etc-passwd.png');
    expect(sanitizeFilename('report. . ', 'png')).toBe('report.png');
  });
  it('does not double the extension', () => {
    expect(sanitizeFilename('chart.png', 'png')).toBe('chart.png');
    expect(sanitizeFilename('chart.PNG', 'png')).toBe('chart.png');
  });
  it('avoids Windows device names', () => {
    expect(sanitizeFilename('CON', 'png')).toBe('CON-.png');
    expect(sanitizeFilename('lpt1', 'png')).toBe('lpt1-.png');
  });
  it('falls back when nothing is left, and caps the length', () => {
    expect(sanitizeFilename('', 'png', 'civic-kpi-tile')).toBe('civic-kpi-tile.png');
    expect(sanitizeFilename('///', 'png', 'civic-kpi-tile')).toBe('civic-kpi-tile.png');
    expect(sanitizeFilename(undefined, 'png')).toBe('civic-export.png');
    expect(sanitizeFilename('a'.repeat(300), 'png')).toBe('a'.repeat(120) + '.png');
  });
});

describe('resolvePixelRatio', () => {
  it('uses the requested ratio, else the element ratio with a floor of 2', () => {
    expect(resolvePixelRatio(3, 1, 100, 100)).toBe(3);
    expect(resolvePixelRatio(undefined, 1, 100, 100)).toBe(2);
    expect(resolvePixelRatio(undefined, 3, 100, 100)).toBe(3);
    expect(resolvePixelRatio(Number.NaN, 1, 100, 100)).toBe(2);
    expect(resolvePixelRatio(-1, 1, 100, 100)).toBe(2);
  });
  it('clamps to 0.5–4', () => {
    expect(resolvePixelRatio(10, 1, 100, 100)).toBe(4);
    expect(resolvePixelRatio(0.1, 1, 100, 100)).toBe(0.5);
  });
  it('lowers the ratio so the canvas stays within the side and area limits', () => {
    const side = resolvePixelRatio(4, 1, 8000, 100);
    expect(8000 * side).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    const area = resolvePixelRatio(4, 1, 3840, 2160);
    expect(3840 * area * 2160 * area).toBeLessThanOrEqual(MAX_CANVAS_AREA + 1);
    expect(area).toBeGreaterThan(1);
  });
});

describe('truncateText', () => {
  it('returns text that fits unchanged', () => {
    expect(truncateText('abc', 30, mono)).toBe('abc');
  });
  it('cuts with an ellipsis to the longest fitting prefix', () => {
    expect(truncateText('abcdefgh', 50, mono)).toBe('abcd…');
    expect(truncateText('永川区职业教育', 40, mono)).toBe('永川区…');
  });
  it('returns an empty string when not even one character fits', () => {
    expect(truncateText('abc', 5, mono)).toBe('');
  });
});

describe('wrapText', () => {
  it('breaks at spaces', () => {
    expect(wrapText('aa bb cc', 50, mono)).toEqual(['aa bb', 'cc']);
  });
  it('breaks CJK between characters', () => {
    expect(wrapText('永川区职业教育', 30, mono)).toEqual(['永川区', '职业教', '育']);
  });
  it('breaks a word longer than the line', () => {
    expect(wrapText('abcdefg hi', 30, mono)).toEqual(['abc', 'def', 'g', 'hi']);
  });
  it('truncates the last allowed line', () => {
    expect(wrapText('永川区职业教育', 30, mono, 2)).toEqual(['永川区', '职业…']);
  });
  it('returns no lines for empty text', () => {
    expect(wrapText('', 30, mono)).toEqual([]);
  });
});

describe('isTransparent', () => {
  it('recognises transparent colours', () => {
    expect(isTransparent('transparent')).toBe(true);
    expect(isTransparent('rgba(0, 0, 0, 0)')).toBe(true);
    expect(isTransparent('')).toBe(true);
    expect(isTransparent(undefined)).toBe(true);
    expect(isTransparent('none')).toBe(true);
  });
  it('keeps painted colours', () => {
    expect(isTransparent('rgb(0, 0, 0)')).toBe(false);
    expect(isTransparent('rgba(0, 0, 0, 0.5)')).toBe(false);
    expect(isTransparent('#fff')).toBe(false);
  });
});
