// Type-level test of the React 19 JSX typings (checked by `npm run typecheck`, never executed):
// valid props compile, wrong ones must be errors (each @ts-expect-error fails the check if the error disappears).
import type {} from '../../src/react-jsx.js';
import type { CivicSelectEvent } from '../../src/core/events/select-event.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';

export const ok = (
  <div>
    <civic-kpi-tile label="在校学生" value="170000" unit="人" qualifier="over" theme="dark" />
    <civic-kpi-grid data={{ items: [{ label: '大中专院校', value: 17, unit: '所' }] }} columns="4" />
    <civic-grid-map metric="households" renderer="canvas" oncivic-select={(e: CivicSelectEvent) => e.detail.id} />
    <civic-growth-chart kind="compare" pollInterval={60} />
    <civic-chain-graph layout="radial" chain="auto" />
    <civic-rank-board rowsVisible={6} />
    <civic-screen heading="永川区" tour={8} />
  </div>
);

// @ts-expect-error — poll interval is a number
export const badPoll = <civic-growth-chart pollInterval="often" />;
// @ts-expect-error — not a layout
export const badLayout = <civic-chain-graph layout="spiral" />;
// @ts-expect-error — the event handler receives a CivicSelectEvent, not a string
export const badHandler = <civic-grid-map oncivic-select={(e: string) => e} />;

// `cache` is a boolean or a name (README, data attributes; A1 s17: `el.cache = true` was a type error).
export const setCache = (el: CivicRankBoard): void => {
  el.cache = true;
  el.cache = 'wall-a';
};
