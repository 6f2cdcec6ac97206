/**
 * Readers of <civic-growth-chart> payloads: the series shape and its statistics (growth-chart.read.ts), long-format
 * rows (growth-chart.long.ts), and `parseGrowthPayload`, which picks one. Pure: never throws, never touches the DOM.
 */
import type { Validated } from '../../data/validate.js';
import { parseGrowthLong } from './growth-chart.long.js';
import { isLongFormat, parseGrowthData, type LongFields } from './growth-chart.read.js';
import type { GrowthData } from './growth-chart.types.js';

export * from './growth-chart.read.js';
export * from './growth-chart.single.js';
export { parseGrowthLong };

/** Reads a growth payload: long-format rows (see `parseGrowthLong`) or the series shape (`parseGrowthData`). */
export function parseGrowthPayload(raw: unknown, fields: LongFields = {}, envelope?: unknown): Validated<GrowthData> {
  return isLongFormat(raw, fields) ? parseGrowthLong(raw, fields, envelope) : parseGrowthData(raw);
}
