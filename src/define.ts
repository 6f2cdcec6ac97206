/** Registers every civic-* element (the "all" entry). Each import below has the side effect of defining one tag. */
import './components/kpi-tile/kpi-tile.define.js';
import './components/kpi-grid/kpi-grid.define.js';
import './components/rank-board/rank-board.define.js';
import './components/growth-chart/growth-chart.define.js';
import './components/chain-graph/chain-graph.define.js';
import './components/grid-map/grid-map.define.js';
import './components/screen/screen.define.js';

export * from './index.js';
