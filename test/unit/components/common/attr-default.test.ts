import { describe, expect, it } from 'vitest';
import { orDefault } from '../../../../src/components/common/attr-default.js';

describe('orDefault', () => {
  it('a removed attribute gives the default (undefined without one)', () => {
    expect(orDefault('a').fromAttribute(null)).toBe('a');
    expect(orDefault(5, true).fromAttribute(null)).toBe(5);
    expect(orDefault().fromAttribute(null)).toBeUndefined();
  });
  it('a number attribute reads numbers, and gives the default for what is not one (never NaN)', () => {
    const c = orDefault(400, true);
    expect(c.fromAttribute('12')).toBe(12);
    expect(c.fromAttribute(' 1.5 ')).toBe(1.5);
    expect(c.fromAttribute('0')).toBe(0);
    for (const bad of ['many', '', '  ', 'NaN', '12px']) expect(c.fromAttribute(bad), bad).toBe(400);
  });
  it('a text attribute is kept as given, empty included', () => {
    expect(orDefault('x').fromAttribute('')).toBe('');
    expect(orDefault('x').fromAttribute('y')).toBe('y');
  });
});
