import { CivicKpiTile } from './kpi-tile.js';

export const KPI_TILE_TAG = 'civic-kpi-tile';
if (!customElements.get(KPI_TILE_TAG)) customElements.define(KPI_TILE_TAG, CivicKpiTile);

export { CivicKpiTile };

declare global {
  interface HTMLElementTagNameMap {
    'civic-kpi-tile': CivicKpiTile;
  }
}
