// A1 s18 (first contact): <civic-screen>'s README table gives `theme` the default `dark` and `density` the default
// `screen`. A page that set `theme="light"` (a day/night toggle) and then removed it to go back to the default got a
// light wall, and a removed `density` dropped the big-screen type scale: the screen and every element inside it
// inherited the page's light theme and default density. Removing either now gives the wall's default back, as a wall
// created without it has.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/screen/screen.define.js';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicScreen } from '../../src/components/screen/screen.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';

describe('A1 s18: <civic-screen> theme and density removed', function () {
  this.timeout(60_000);
  for (const [attr, value, fallback] of [['theme', 'light', 'dark'], ['density', 'default', 'screen']] as const) {
    it(`${attr}="${value}" then removed: ${fallback} again, on the wall and on the tile inside`, async () => {
      const screen = await fixture<CivicScreen>(html`<civic-screen style="width:960px;height:540px" heading="永川区">
        <civic-kpi-tile label="在校学生" value="170000" unit="人" qualifier="over"></civic-kpi-tile></civic-screen>`);
      const tile = screen.querySelector<CivicKpiTile>('civic-kpi-tile')!;
      await screen.whenDrawn();
      expect(tile.getAttribute(`data-${attr}`)).to.equal(fallback);
      screen.setAttribute(attr, value);
      await screen.whenDrawn();
      await tile.whenDrawn();
      expect(tile.getAttribute(`data-${attr}`)).to.equal(value);
      screen.removeAttribute(attr);
      await screen.updateComplete;
      await screen.whenDrawn();
      await tile.updateComplete;
      await tile.whenDrawn();
      expect(screen.getAttribute(`data-${attr}`), 'wall').to.equal(fallback);
      expect(tile.getAttribute(`data-${attr}`), 'tile inside').to.equal(fallback);
    });
  }
});
