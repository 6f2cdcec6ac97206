/**
 * JSX typings for React 19: `import type {} from 'civic-widgets/react-jsx';` once in an app, and
 * `<civic-kpi-tile data={…} oncivic-select={…} />` is type-checked. React 19 sets props that exist on the element
 * as properties (so `data` objects arrive intact) and listens to custom events through `on<event-name>` props.
 * This module only declares types; it has no runtime code.
 */
import type * as React from 'react';
import type { CivicKpiTile } from './components/kpi-tile/kpi-tile.js';
import type { CivicKpiGrid } from './components/kpi-grid/kpi-grid.js';
import type { CivicRankBoard } from './components/rank-board/rank-board.js';
import type { CivicGrowthChart } from './components/growth-chart/growth-chart.js';
import type { CivicChainGraph } from './components/chain-graph/chain-graph.js';
import type { CivicGridMap } from './components/grid-map/grid-map.js';
import type { CivicScreen } from './components/screen/screen.js';
import type { CivicLoadEvent } from './core/events/load-event.js';
import type { CivicErrorEvent } from './core/events/error-event.js';
import type { CivicSelectEvent } from './core/events/select-event.js';
import type { CivicHoverEvent } from './core/events/hover-event.js';
import type { CivicDrawnEvent } from './core/events/drawn-event.js';
import type { CivicExportEvent } from './core/events/export-event.js';
import type { CivicViewChangeEvent, CivicRendererChangeEvent } from './components/grid-map/grid-map.events.js';
import type { CivicSeriesToggleEvent } from './components/growth-chart/growth-chart.events.js';
import type { CivicPositionsChangeEvent } from './components/chain-graph/chain-graph.events.js';
import type { CivicTourEvent, CivicRegionChangeEvent } from './components/screen/screen.events.js';

/** The element's own public fields (not HTMLElement's), all optional, as React props. */
type OwnProps<E> = Partial<{ [K in Exclude<keyof E, keyof HTMLElement>]: E[K] extends (...args: never[]) => unknown ? never : E[K] }>;

/** Every event of the library (README "Events" and each element's own) with the event class a handler receives. */
interface CivicEventMap {
  'civic-load': CivicLoadEvent;
  'civic-error': CivicErrorEvent;
  'civic-select': CivicSelectEvent;
  'civic-hover': CivicHoverEvent;
  'civic-drawn': CivicDrawnEvent;
  'civic-export': CivicExportEvent;
  'civic-view-change': CivicViewChangeEvent;
  'civic-renderer-change': CivicRendererChangeEvent;
  'civic-series-toggle': CivicSeriesToggleEvent;
  'civic-positions-change': CivicPositionsChangeEvent;
  'civic-tour': CivicTourEvent;
  'civic-region-change': CivicRegionChangeEvent;
}

/** React 19 listens to a custom element's events through `on<event-name>` props. */
type CivicEventProps = { [K in keyof CivicEventMap as `on${K}`]?: (e: CivicEventMap[K]) => void };

export type CivicJsxProps<E extends HTMLElement> = OwnProps<E> &
  CivicEventProps &
  Omit<React.HTMLAttributes<E>, 'onError' | 'onSelect'> & {
    ref?: React.Ref<E>;
    key?: React.Key;
    class?: string;
    theme?: 'light' | 'dark' | 'auto';
    density?: 'default' | 'screen' | 'elder';
  };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'civic-kpi-tile': CivicJsxProps<CivicKpiTile>;
      'civic-kpi-grid': CivicJsxProps<CivicKpiGrid>;
      'civic-rank-board': CivicJsxProps<CivicRankBoard>;
      'civic-growth-chart': CivicJsxProps<CivicGrowthChart>;
      'civic-chain-graph': CivicJsxProps<CivicChainGraph>;
      'civic-grid-map': CivicJsxProps<CivicGridMap>;
      'civic-screen': CivicJsxProps<CivicScreen>;
    }
  }
}
