// Issue 16: the dark theme's colours load with the host styles' other lazy rules (core/theme/media.ts). An element in
// the dark theme waits for them before its first picture, so that picture is already dark. A page of its own: the
// chunk is not loaded when it starts.
import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import '../../src/components/kpi-tile/kpi-tile.define.js';

describe('the dark theme, loaded on first use', () => {
  it("a dark element's first picture already has the dark colours", async () => {
    const box = document.createElement('div');
    box.setAttribute('theme', 'dark');
    document.body.append(box);
    const first = new Promise<string>((resolve) => {
      const onDrawn = (e: Event) => resolve(getComputedStyle(e.target as Element).getPropertyValue('--_d-color-surface').trim());
      // Listening before the element exists: its first civic-drawn cannot be missed.
      render(html`<civic-kpi-tile label="GDP" value="860.9" unit="亿元" duration="0" @civic-drawn=${{ handleEvent: onDrawn, once: true }}></civic-kpi-tile>`, box);
    });
    expect(await first).to.equal('#0a1a2f');
    box.remove();
  });
});
