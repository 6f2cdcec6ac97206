import { CivicChainGraph } from './chain-graph.js';

export const chainGraphTag = 'civic-chain-graph';
if (!customElements.get(chainGraphTag)) customElements.define(chainGraphTag, CivicChainGraph);

declare global {
  interface HTMLElementTagNameMap {
    'civic-chain-graph': CivicChainGraph;
  }
}

export { CivicChainGraph };
