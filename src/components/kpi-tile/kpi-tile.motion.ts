/**
 * What a KPI tile needs only once figures change or many tiles update together (issue 16): the roll that paints a
 * count-up's frames (kpi-tile.roll.ts), the time-sliced update scheduler of walls (update-scheduler.ts) and the
 * deferred accessible sentences of a wall's tiles (kpi-tile.say.ts). One chunk,
 * loaded by kpi-tile.figure.ts with the first value change that animates or the first burst of tile updates; a page
 * with one tile that only shows its figure never loads it.
 */
export { TileRoll } from './kpi-tile.roll.js';
export { scheduleSliced } from './update-scheduler.js';
export { rollKit } from './kpi-tile.roll.js';
export { fits } from './update-scheduler.js';
export { sayLater } from './kpi-tile.say.js';
