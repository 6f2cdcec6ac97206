// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { inlineScript, resolveSource, sourceKind } from '../../../src/data/resolve-source.js';

function host(inner = ''): HTMLElement {
  const el = document.createElement('civic-test');
  el.innerHTML = inner;
  document.body.append(el);
  return el;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('resolveSource precedence', () => {
  it('data property > inline script > src', () => {
    const el = host('<script type="application/json">{"a":1}</script>');
    const data = { b: 2 };
    expect(resolveSource({ data, src: '/x.json', host: el })).toEqual({ kind: 'property', value: data });
    expect(resolveSource({ src: '/x.json', host: el })).toEqual({ kind: 'inline', text: '{"a":1}', format: 'json' });
    expect(resolveSource({ src: '/x.json', host: host() })).toEqual({ kind: 'src', url: '/x.json' });
    expect(resolveSource({ host: host() })).toEqual({ kind: 'none' });
  });
  it('falsy but present data values count', () => {
    expect(resolveSource({ data: 0, src: '/x' })).toEqual({ kind: 'property', value: 0 });
    expect(resolveSource({ data: '', src: '/x' })).toEqual({ kind: 'property', value: '' });
    expect(resolveSource({ data: false, src: '/x' })).toEqual({ kind: 'property', value: false });
  });
  it('null or undefined data falls through', () => {
    expect(resolveSource({ data: null, src: '/x.json' })).toEqual({ kind: 'src', url: '/x.json' });
    expect(resolveSource({ data: undefined, src: '/x.json' })).toEqual({ kind: 'src', url: '/x.json' });
  });
  it('text/csv inline, type case-insensitive', () => {
    const el = host('<script type="Text/CSV">a,b\n1,2</script>');
    expect(resolveSource({ host: el, src: '/x' })).toEqual({ kind: 'inline', text: 'a,b\n1,2', format: 'csv' });
    const json = host('<script type="APPLICATION/JSON">[1]</script>');
    expect(resolveSource({ host: json })).toEqual({ kind: 'inline', text: '[1]', format: 'json' });
  });
  it('an empty inline script still wins (its text is empty)', () => {
    expect(resolveSource({ host: host('<script type="application/json"></script>'), src: '/x' })).toEqual({ kind: 'inline', text: '', format: 'json' });
  });
  it('whitespace src is trimmed; blank src is none', () => {
    expect(resolveSource({ src: '  /api/x.json \n' })).toEqual({ kind: 'src', url: '/api/x.json' });
    expect(resolveSource({ src: '   ' })).toEqual({ kind: 'none' });
    expect(resolveSource({ src: '' })).toEqual({ kind: 'none' });
    expect(resolveSource({ src: null })).toEqual({ kind: 'none' });
  });
  it('sourceKind', () => {
    expect(sourceKind({ kind: 'src', url: 'x' })).toBe('src');
    expect(sourceKind({ kind: 'none' })).toBe('none');
  });
});

describe('inlineScript', () => {
  it('only direct children with a data type', () => {
    expect(inlineScript(host('<div><script type="application/json">1</script></div>'))).toBeNull();
    expect(inlineScript(host('<script>var x</script><script type="module">1</script>'))).toBeNull();
    expect(inlineScript(host('<span></span>'))).toBeNull();
  });
  it('only <script> elements, not other elements with a type', () => {
    const el = host('<object type="application/json"></object>');
    expect(inlineScript(el)).toBeNull();
    expect(resolveSource({ host: el, src: '/x' })).toEqual({ kind: 'src', url: '/x' });
  });
  it('the first matching child', () => {
    const el = host('<script>x</script><script type="text/csv" id="a">a</script><script type="application/json" id="b">1</script>');
    expect(inlineScript(el)?.id).toBe('a');
  });
  it('nested data scripts do not count for resolution', () => {
    const el = host('<div><script type="application/json">[1]</script></div>');
    expect(resolveSource({ host: el, src: '/x' })).toEqual({ kind: 'src', url: '/x' });
  });
});
