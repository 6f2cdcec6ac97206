/**
 * The growth chart's lazy chunks (issue 16: not in the first load), one loader each for every module that uses them.
 * - growth-chart.more.ts: the export menu and table twin, the SVG writer, the long-format reader, the compare and
 *   trend builders and the keyed update of the marks; loaded by the first picture (see the element's `extrasShown`),
 *   by a first long-format payload or by a first compare or trend chart.
 * - growth-chart.marks.ts: the d3 joins for animated redraws (d3-selection, d3-transition), loaded by the first one.
 * A failed load is tried again by the next one.
 */
import { lazyModule } from '../../core/lazy-module.js';

export const moreChunk = lazyModule(() => import('./growth-chart.more.js'));
export const marksChunk = lazyModule(() => import('./growth-chart.marks.js'));
