import { CivicGridMap } from './grid-map.js';

export const tagName = 'civic-grid-map';
if (!customElements.get(tagName)) customElements.define(tagName, CivicGridMap);

declare global {
  interface HTMLElementTagNameMap {
    'civic-grid-map': CivicGridMap;
  }
}
export { CivicGridMap };
