import { CivicRankBoard } from './rank-board.js';

export const RANK_BOARD_TAG = 'civic-rank-board';
if (!customElements.get(RANK_BOARD_TAG)) customElements.define(RANK_BOARD_TAG, CivicRankBoard);

export { CivicRankBoard };

declare global {
  interface HTMLElementTagNameMap {
    'civic-rank-board': CivicRankBoard;
  }
}
