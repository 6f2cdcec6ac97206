/**
 * The model of `<civic-growth-chart>` for its current inputs (split out of growth-chart.ts): rebuilt only when an
 * input changed (data and size changes arrive as bare `requestUpdate()`; focus moves do not count), with the kind's
 * builder loaded on demand (`compare`, `trend`, `basis="single"`: growth-chart.kinds.ts). While it loads, the picture
 * on screen (if any) stays; the update after the load draws. A failed load (offline) fails like a failed fetch and is
 * not tried again until the data, kind or basis change or `reload()` is called: trying again on every update would
 * loop, since the error itself requests one.
 */
import type { Lang } from '../../core/i18n/lang.js';
import type { GrowthModel } from './model/types.js';
import type { GrowthData, GrowthKind, GrowthMeasure, GrowthSort } from './growth-chart.types.js';
import { selectSeries } from './growth-chart.read.js';
import { builderOf, loadKind, singleDeriver } from './growth-chart.kinds.js';

/** The element's attributes the model is built from (read from the element at each build). */
export interface ModelSource {
  kind: GrowthKind;
  basis: 'published' | 'single';
  /** Series ids to show, in order, separated by spaces or commas (empty: all). */
  series?: string;
  region?: string;
  selected?: string;
  reference?: number;
  referenceLabel?: string;
  sort: GrowthSort;
  measure: GrowthMeasure;
}

export class GrowthModeler {
  /** The model for the last inputs; undefined without data, size or builder. */
  model?: GrowthModel;
  /** The builder of the kind is loading (compare and trend load with their first chart). */
  pending?: Promise<void>;
  private inputs?: unknown[];
  /** The inputs for which the kind's builder last failed to load. */
  private failedFor?: { data: unknown; kind: GrowthKind; basis: string };
  /** The data of the last build (a failed load is recorded against the data current when it failed). */
  private data?: GrowthData;

  /** `host`: the element (an update draws once the kind's builder has loaded); `failed`: it could not load (the message says which). */
  constructor(
    private readonly host: { requestUpdate(): void },
    private readonly failed: (message: string) => void,
  ) {}

  /**
   * Builds the model of `data` at `size` for `o`'s attributes, in `lang`, with labels of `fontSize` px and the series
   * `hidden` hidden, when one of these changed; true when a new model was built.
   */
  build(data: GrowthData | undefined, size: { width: number; height: number } | undefined, o: ModelSource, lang: Lang, fontSize: number, hidden: string[]): boolean {
    this.data = data;
    if (!data || !size) {
      this.model = undefined;
      this.inputs = undefined;
      return false;
    }
    const inputs = [data, size.width, size.height, lang, fontSize, o.kind, o.series, o.region, hidden, o.selected, o.reference, o.referenceLabel, o.sort, o.measure, o.basis];
    const old = this.inputs;
    if (this.model && old && inputs.every((v, i) => Object.is(v, old[i]))) return false;
    const build = builderOf(o.kind, o.basis);
    if (!build) {
      const f = this.failedFor;
      if (!f || f.data !== data || f.kind !== o.kind || f.basis !== o.basis) this.load(o.kind, o.basis);
      return false;
    }
    this.inputs = inputs;
    const ids = (o.series ?? '').split(/[\s,]+/).filter(Boolean);
    this.model = build(selectSeries(data.series, ids.length ? ids : undefined, o.region || undefined), {
      kind: o.kind,
      width: size.width,
      height: size.height,
      lang,
      hidden,
      selected: o.selected ?? null,
      reference: typeof o.reference === 'number' && Number.isFinite(o.reference) ? o.reference : null,
      referenceLabel: o.referenceLabel,
      sort: o.sort,
      measure: o.measure,
      basis: o.basis,
      derive: singleDeriver(),
      fontSize,
    });
    return true;
  }

  private load(kind: GrowthKind, basis: 'published' | 'single'): void {
    this.pending ??= loadKind(kind, basis).then(
      () => {
        this.pending = undefined;
        this.host.requestUpdate();
      },
      (e: unknown) => {
        // Like a failed fetch: a visible, translated error and civic-error (the last picture, if any, stays), since
        // no picture of this kind can be drawn. Tried again by the next data, kind or basis change, or reload().
        this.pending = undefined;
        this.failedFor = { data: this.data, kind, basis };
        this.failed(`the ${kind}${basis === 'single' ? ' (basis="single")' : ''} chart code could not load: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  }
}
