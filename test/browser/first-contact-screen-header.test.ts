// First contact (H-audit, session 15): a wall laid out at a laptop's width with a long note in the title bar.
// The title bar's buttons keep their words on one line (the full-screen button read 全 / 屏 in two lines at 1366 px).
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/screen/screen.define.js';
import type { CivicScreen } from '../../src/components/screen/screen.js';

const lines = (el: Element): number => {
  const range = document.createRange();
  range.selectNodeContents(el);
  const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
  return tops.size;
};

describe('civic-screen title bar at a narrow design width', () => {
  for (const lang of ['zh-CN', 'en']) {
    it(`keeps the full-screen and export buttons on one line (${lang})`, async () => {
      const el = await fixture<CivicScreen>(html`
        <div style="width: 1366px; height: 768px">
          <civic-screen lang=${lang} design-width="1366" design-height="768" export-button
            heading="永川区 · 党建引领基层治理与产业发展" data-time="2022年1—9月">
            <p slot="header-end" style="flex: 0 1 430px; margin: 0; font-size: 14px">
              示例数据 网格边界与数值、配套企业、排行榜及较早期数据为生成的示例；其余数字来自 2022 年报道。返回演示页
            </p>
          </civic-screen>
        </div>`);
      const screen = el.querySelector('civic-screen') as CivicScreen;
      await screen.updateComplete;
      const buttons = [...screen.shadowRoot!.querySelectorAll('[part~="fullscreen"], [part~="export"]')];
      expect(buttons.length).to.be.greaterThan(0);
      for (const b of buttons) expect(lines(b), `${b.getAttribute('part')} "${b.textContent?.trim()}"`).to.equal(1);
    });
  }
});
