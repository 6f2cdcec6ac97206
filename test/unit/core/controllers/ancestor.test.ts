// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closestAttribute, inheritedAttributeSubscribers, watchInheritedAttributes } from '../../../../src/core/controllers/ancestor.js';

afterEach(() => {
  document.body.innerHTML = '';
  document.documentElement.removeAttribute('lang');
});

describe('closestAttribute', () => {
  it('the element itself first, then ancestors', () => {
    document.body.innerHTML = '<section lang="en" theme="dark"><div lang="zh-CN"><span id="s"></span></div></section>';
    const s = document.getElementById('s')!;
    expect(closestAttribute(s, 'lang')).toBe('zh-CN');
    expect(closestAttribute(s, 'theme')).toBe('dark');
    s.setAttribute('lang', 'fr');
    expect(closestAttribute(s, 'lang')).toBe('fr');
  });
  it('skips empty values', () => {
    document.body.innerHTML = '<div lang="en"><span lang="" id="s"></span></div>';
    expect(closestAttribute(document.getElementById('s')!, 'lang')).toBe('en');
  });
  it('reaches <html>', () => {
    document.documentElement.setAttribute('lang', 'zh-Hans');
    document.body.innerHTML = '<p id="p"></p>';
    expect(closestAttribute(document.getElementById('p')!, 'lang')).toBe('zh-Hans');
  });
  it('null when nothing is found', () => {
    document.body.innerHTML = '<p id="p"></p>';
    expect(closestAttribute(document.getElementById('p')!, 'density')).toBeNull();
    expect(closestAttribute(document.createElement('div'), 'lang')).toBeNull();
  });
  it('crosses shadow roots to the host', () => {
    document.body.innerHTML = '<div theme="dark"><x-host id="h"></x-host></div>';
    const h = document.getElementById('h')!;
    const root = h.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    const wrap = document.createElement('div');
    wrap.append(inner);
    root.append(wrap);
    expect(closestAttribute(inner, 'theme')).toBe('dark');
    wrap.setAttribute('theme', 'light');
    expect(closestAttribute(inner, 'theme')).toBe('light');
  });
});

describe('watchInheritedAttributes', () => {
  it('notifies on lang/theme/density changes anywhere, until unsubscribed', async () => {
    document.body.innerHTML = '<div id="d"></div>';
    const d = document.getElementById('d')!;
    const fn = vi.fn();
    const before = inheritedAttributeSubscribers();
    const off = watchInheritedAttributes(fn);
    expect(inheritedAttributeSubscribers()).toBe(before + 1);
    d.setAttribute('lang', 'en');
    await Promise.resolve();
    expect(fn).toHaveBeenCalledTimes(1);
    d.setAttribute('title', 'x');
    await Promise.resolve();
    expect(fn).toHaveBeenCalledTimes(1);
    document.documentElement.setAttribute('theme', 'dark');
    await Promise.resolve();
    expect(fn).toHaveBeenCalledTimes(2);
    off();
    expect(inheritedAttributeSubscribers()).toBe(before);
    d.setAttribute('density', 'screen');
    await Promise.resolve();
    expect(fn).toHaveBeenCalledTimes(2);
    document.documentElement.removeAttribute('theme');
  });
  it('several subscribers share one observer', async () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = watchInheritedAttributes(a);
    const offB = watchInheritedAttributes(b);
    document.body.setAttribute('lang', 'en');
    await Promise.resolve();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    offA();
    document.body.setAttribute('lang', 'zh');
    await Promise.resolve();
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    offB();
    expect(inheritedAttributeSubscribers()).toBe(0);
    document.body.removeAttribute('lang');
  });
});
