import { CivicEvent } from '../../core/events/civic-event.js';
import type { ChainPositions } from './chain-graph.types.js';

export interface CivicPositionsChangeDetail {
  /** Every pinned node's position (graph coordinates), keyed by node id; save it and assign it back to `positions`. */
  positions: ChainPositions;
  /** The node that was dragged. */
  id: string;
}

/** A node was dragged and pinned; `detail.positions` holds all pinned positions. */
export class CivicPositionsChangeEvent extends CivicEvent<CivicPositionsChangeDetail> {
  static readonly eventName = 'civic-positions-change';
  constructor(detail: CivicPositionsChangeDetail) {
    super(CivicPositionsChangeEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-positions-change': CivicPositionsChangeEvent;
  }
}
