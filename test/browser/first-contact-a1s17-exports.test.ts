// First contact (A1, session 17): the README's "Exported helper for elements drawing on canvas/WebGL inside a screen"
// — clientToLocal(el, clientX, clientY) — is exported by the package (and so by window.CivicWidgets, which the
// one-script files build from the same module). Before, it lived only in screen.model.ts, which no package entry
// point exports: `import { clientToLocal } from 'civic-widgets'` failed.
import { expect } from '@open-wc/testing';
import * as lib from '../../src/index.js';

describe('package exports named by the README', () => {
  it('clientToLocal maps a client point into the element\'s unscaled CSS pixels', () => {
    const f = (lib as Record<string, unknown>).clientToLocal as ((el: unknown, x: number, y: number) => { x: number; y: number }) | undefined;
    expect(f, 'clientToLocal exported').to.be.a('function');
    const el = { getBoundingClientRect: () => ({ left: 10, top: 20, width: 200, height: 100 }), offsetWidth: 400, offsetHeight: 200 };
    expect(f!(el, 110, 70)).to.deep.equal({ x: 200, y: 100 });
  });
});
