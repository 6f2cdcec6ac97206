import '../kpi-tile/kpi-tile.define.js';
import { CivicKpiGrid } from './kpi-grid.js';

export const KPI_GRID_TAG = 'civic-kpi-grid';
if (!customElements.get(KPI_GRID_TAG)) customElements.define(KPI_GRID_TAG, CivicKpiGrid);

export { CivicKpiGrid };

declare global {
  interface HTMLElementTagNameMap {
    'civic-kpi-grid': CivicKpiGrid;
  }
}
