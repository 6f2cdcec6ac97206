// Tiles mode's drill-down and Escape fire civic-view-change (F, session 16): README, grid map Events:
// `civic-view-change` `{ level, focus, trigger }` when the map drills down or goes up. In memory mode Enter, a click
// and Escape fire it; in tiles mode they moved the camera and fired nothing, and `focus` stayed as it was. Now the same
// event with the same detail, and `focus` / `level` follow, as in memory mode. Tiles: demo/data/tiles (illustrative).
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/grid-map/grid-map.define.js';
import { mapOf, part } from './fixtures/grid-map.js';
import { until } from './fixtures/wait.js';
import type { CivicViewChangeDetail } from '../../src/components/grid-map/grid-map.events.js';
import type { CivicSelectEvent } from '../../src/core/events/select-event.js';
import METRICS_JSON from '../../demo/data/grid-metrics.json';

const TILES = (window as unknown as { __TILES__?: string }).__TILES__ ?? '/demo/data/tiles';
const BOUNDS = '105.74,29.26,105.97,29.39';

describe('<civic-grid-map tiles> Enter and Escape', function () {
  this.timeout(90000);

  it('fire civic-view-change { level, focus, trigger } and set focus, as in memory mode', async () => {
    const el = await mapOf(html`<civic-grid-map tiles="${TILES}/{z}/{x}/{y}.pbf" tiles-max-zoom="13" bounds=${BOUNDS} .data=${METRICS_JSON} metric="households"></civic-grid-map>`);
    const map = el.mapInstance!;
    // Communities and villages are the tile set's layer at zooms 10-11.
    map.jumpTo({ center: [105.86, 29.33], zoom: 10.5 });
    // The level on screen follows the camera at its next idle: the community button is then the pressed one.
    const pressed = () => el.shadowRoot!.querySelector('[part~="level-button"][aria-pressed="true"]')?.textContent;
    await until(() => pressed() === '社区/村', 'communities on screen');
    const views: CivicViewChangeDetail[] = [];
    el.addEventListener('civic-view-change', (e) => views.push((e as CustomEvent<CivicViewChangeDetail>).detail));
    const selected: string[] = [];
    el.addEventListener('civic-select', (e) => selected.push(String((e as CivicSelectEvent).detail.id)));
    part(el, 'canvas')!.focus();
    // An arrow loads the unit index and puts the keyboard cursor on a community (its tooltip shows).
    await sendKeys({ press: 'ArrowRight' });
    await until(() => part(el, 'tooltip')?.textContent?.trim(), 'the keyboard cursor on a unit');
    await sendKeys({ press: 'Enter' });
    await until(() => views.length === 1, 'civic-view-change after Enter');
    const community = selected[0];
    expect(community, 'a community or village was chosen').to.match(/^\d{12}$/);
    expect(views[0]).to.deep.equal({ level: 'grid', focus: community, trigger: 'keyboard' });
    expect(el.focusCode).to.equal(community);
    await el.whenDrawn();
    // Up: the community's level inside its street (the unit index knows the parent), then the streets of the whole set.
    await sendKeys({ press: 'Escape' });
    await until(() => views.length === 2, 'civic-view-change after Escape');
    expect(views[1]).to.deep.equal({ level: 'community', focus: community.slice(0, 9), trigger: 'keyboard' });
    expect(el.focusCode).to.equal(community.slice(0, 9));
    await el.whenDrawn();
    await sendKeys({ press: 'Escape' });
    await until(() => views.length === 3, 'civic-view-change after the second Escape');
    expect(views[2]).to.deep.equal({ level: 'street', focus: '', trigger: 'keyboard' });
    expect(el.focusCode).to.equal('');
  });
});
