/**
 * How `<civic-growth-chart>` reads a payload (split out of growth-chart.ts): the series shape at once
 * (growth-chart.read.ts, in the first load); long-format rows (one per series × period) with their reader
 * (growth-chart.long.ts), which comes with growth-chart.more.ts: the first long-format payload waits for it to load,
 * and `pending` lets `updateComplete` wait for the update that shows the outcome.
 */
import type { ParseContext } from '../../data/data-controller.js';
import type { Validated } from '../../data/validate.js';
import { issue } from '../../core/issues/issue.js';
import { isLongFormat, parseGrowthData, type LongFields } from './growth-chart.read.js';
import { moreChunk } from './growth-chart.chunks.js';
import type { GrowthData } from './growth-chart.types.js';

export class PayloadReader {
  /** A long-format payload waits for its reader (parseLater); resolved by the update that shows the outcome. */
  pending?: Promise<void>;
  private done?: () => void;

  /** `fields`: the element's long-format field attributes. */
  constructor(private readonly fields: () => LongFields) {}

  /** The element's parse(): the series shape, or long-format rows once their reader has loaded. */
  parse(raw: unknown, ctx: ParseContext): Validated<GrowthData> {
    const fields = this.fields();
    if (!isLongFormat(raw, fields)) return parseGrowthData(raw);
    // parseLater loads the long-format reader before a long-format payload comes here.
    const more = moreChunk.loaded;
    return more ? more.parseGrowthLong(raw, fields, ctx.envelope) : { value: undefined, issues: [issue('$', 'internal', 'the long-format reader is not loaded')] };
  }

  /** The element's parseLater(): a long-format payload (the first one) waits for its reader, then is read like parse() does. */
  parseLater(raw: unknown, ctx: ParseContext): Promise<Validated<GrowthData>> | undefined {
    const fields = this.fields();
    if (moreChunk.loaded || !isLongFormat(raw, fields)) return undefined;
    const read = moreChunk.load().then(
      (m) => m.parseGrowthLong(raw, fields, ctx.envelope),
      (e: unknown): Validated<GrowthData> => {
        const message = `the long-format reader could not load: ${e instanceof Error ? e.message : String(e)}`;
        return { value: undefined, issues: [issue('$', 'network', message)] };
      },
    );
    this.pending ??= new Promise<void>((res) => (this.done = res));
    return read;
  }

  /** After each update: once the payload is no longer being read (read, replaced or failed), this update shows the outcome. */
  updated(parsing: boolean): void {
    if (this.pending && !parsing) {
      this.pending = undefined;
      this.done!();
    }
  }
}
