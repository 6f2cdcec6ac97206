// A1 s18: every element's own events are typed in JSX, not only the five shared ones (README "Frameworks": the
// react-jsx import "types every tag's props and `oncivic-*` event handlers"). Before, an app in strict mode got
// TS7006 "Parameter 'e' implicitly has an 'any' type" on oncivic-region-change, oncivic-view-change, oncivic-tour,
// oncivic-series-toggle, oncivic-export, oncivic-positions-change and oncivic-renderer-change.
import type {} from '../../src/react-jsx.js';

export const elementEvents = (
  <div>
    <civic-grid-map oncivic-view-change={(e) => e.detail.level} oncivic-renderer-change={(e) => e.detail} />
    <civic-screen oncivic-tour={(e) => e.detail} oncivic-region-change={(e) => e.detail} />
    <civic-growth-chart oncivic-series-toggle={(e) => e.detail} oncivic-export={(e) => e.detail.filename} />
    <civic-chain-graph oncivic-positions-change={(e) => e.detail} oncivic-select={(e) => e.detail.id} />
    <civic-kpi-tile oncivic-load={(e) => e.detail.source} oncivic-error={(e) => e.detail.kind} oncivic-drawn={(e) => e.detail.reasons} />
  </div>
);

// @ts-expect-error — a load handler receives a CivicLoadEvent, not a string
export const badLoad = <civic-kpi-tile oncivic-load={(e: string) => e} />;
