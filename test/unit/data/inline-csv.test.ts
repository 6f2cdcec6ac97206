// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { resolveSource } from '../../../src/data/resolve-source.js';
import { adaptPayload } from '../../../src/data/adapters/index.js';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('inline <script type="text/csv">', () => {
  it('starts at its header and ends at its last row, as written in HTML (line breaks and indentation around the rows)', () => {
    const el = document.createElement('civic-test');
    el.innerHTML = '<script type="text/csv">\n\n  \nprovince,period,value\n甲省,2023,1\n  \n  </script>';
    document.body.append(el);
    const s = resolveSource({ host: el });
    expect(s).toEqual({ kind: 'inline', text: 'province,period,value\n甲省,2023,1\n', format: 'csv' });
    expect(adaptPayload(s.kind === 'inline' ? s.text : '').value).toEqual([{ province: '甲省', period: '2023', value: 1 }]);
  });
});
