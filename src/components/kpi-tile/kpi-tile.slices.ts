/**
 * Whether <civic-kpi-tile> updates run in the wall's time slices (update-scheduler.ts). A page with one tile has no
 * wall: its updates are Lit's own, and the scheduler is not loaded (issue 16: a page with one KPI tile carries what
 * drawing that tile needs). From the second tile connected on, the scheduler loads; until it is there (or if it cannot
 * load) updates are Lit's own. `<civic-kpi-grid>`, a wall from its first render, imports the scheduler and provides
 * it before its tiles exist.
 */
import { lazyModule } from '../../core/lazy-module.js';
import { flushFits } from './fit-scheduler.js';

type Scheduler = Pick<typeof import('./update-scheduler.js'), 'scheduleSliced' | 'slicesPending' | 'onSliceEnd'>;

// The fits of a slice's tiles are measured and written in the slice's frame.
const chunk = lazyModule(() => import('./update-scheduler.js').then((m): Scheduler => (m.onSliceEnd(flushFits), m)));
let provided: Scheduler | undefined;
let connected = 0;

/** The scheduler, once provided or loaded. */
export function slices(): Scheduler | undefined {
  return provided ?? chunk.loaded;
}

/** An element that is a wall of tiles (kpi-grid) provides the scheduler it imports. */
export function provideSlices(s: Scheduler): void {
  if (provided === s) return;
  s.onSliceEnd(flushFits);
  provided = s;
}

/** Whether tile updates wait for their slice (count-ups paint no step meanwhile). */
export function slicesPending(): boolean {
  return slices()?.slicesPending() ?? false;
}

/** A tile connected: with two or more on the page, the scheduler loads. */
export function tileConnected(): void {
  connected++;
  if (connected > 1 && !slices()) chunk.load().catch(() => undefined);
}

export function tileDisconnected(): void {
  connected--;
}
