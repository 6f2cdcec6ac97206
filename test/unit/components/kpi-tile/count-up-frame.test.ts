import { describe, expect, it } from 'vitest';
import { countUpFrame } from '../../../../src/components/kpi-tile/kpi-tile.model.js';
import type { AmountParts } from '../../../../src/core/format/number.js';

const parts = (number: string, suffix = '', prefix = ''): AmountParts => ({ number, suffix, prefix, postfix: '', unit: '元', text: `${prefix}${number}${suffix}元` }) as AmountParts;

describe('countUpFrame: a count-up frame is never wider than the final figure', () => {
  it('keeps a frame with as many characters or fewer', () => {
    expect(countUpFrame(parts('462', '亿'), parts('633', '亿')).number).toBe('462');
    expect(countUpFrame(parts('80'), parts('110')).number).toBe('80');
  });
  it('shows the final figure for a wider frame', () => {
    expect(countUpFrame(parts('1,179.4', '亿'), parts('447.7', '亿')).number).toBe('447.7');
  });
  it('shows the final figure when the scale suffix or qualifier differs', () => {
    expect(countUpFrame(parts('9,800'), parts('1.2', '万')).number).toBe('1.2');
    expect(countUpFrame(parts('16', '万', ''), parts('17', '万', '超')).number).toBe('17');
  });
});
