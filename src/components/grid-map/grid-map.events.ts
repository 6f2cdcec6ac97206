import { CivicEvent } from '../../core/events/civic-event.js';
import type { ActiveRenderer, ViewLevel } from './grid-map.types.js';

export interface CivicViewChangeDetail {
  /** Level of the units now shown. */
  level: ViewLevel;
  /** Code of the unit zoomed into ('' = everything). */
  focus: string;
  trigger: 'pointer' | 'keyboard' | 'api' | 'breadcrumb' | 'search';
}

/** The map drilled down or went up (click, Enter, Escape, breadcrumb, search). */
export class CivicViewChangeEvent extends CivicEvent<CivicViewChangeDetail> {
  static readonly eventName = 'civic-view-change';
  constructor(detail: CivicViewChangeDetail) {
    super(CivicViewChangeEvent.eventName, detail);
  }
}

export interface CivicRendererChangeDetail {
  /** The renderer now drawing. */
  renderer: ActiveRenderer;
  /** Why: `initial`, `no-webgl2`, `context-lost`, `webgl-failed`, `attribute`. */
  reason: string;
}

/** The active renderer was chosen or changed (e.g. the automatic canvas fallback after a lost WebGL context). */
export class CivicRendererChangeEvent extends CivicEvent<CivicRendererChangeDetail> {
  static readonly eventName = 'civic-renderer-change';
  constructor(detail: CivicRendererChangeDetail) {
    super(CivicRendererChangeEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'civic-view-change': CivicViewChangeEvent;
    'civic-renderer-change': CivicRendererChangeEvent;
  }
}
