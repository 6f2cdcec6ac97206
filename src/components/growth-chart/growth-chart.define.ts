import { CivicGrowthChart } from './growth-chart.js';

export { CivicGrowthChart };

if (!customElements.get('civic-growth-chart')) customElements.define('civic-growth-chart', CivicGrowthChart);

declare global {
  interface HTMLElementTagNameMap {
    'civic-growth-chart': CivicGrowthChart;
  }
}
