/**
 * What `<civic-kpi-tile>` draws for its current items (split out of kpi-tile.ts): the item picked by `item-id` and
 * `region` (the region filter loads with the details chunk), and its view model. An item with a status, progress, sparkline or period is drawn once the details chunk
 * (kpi-tile.details.ts) has loaded: meanwhile `waiting` is true and the picture on screen (if any) stays, so the
 * first picture of such an item is whole (nothing pops in, nothing moves). A failed load (offline) is a partial
 * problem (the data is fresh and drawn, part of the picture is missing: DataController.partFailed); the data it failed
 * for is then drawn without the details, until new data or `reload()` tries again — trying on every update would
 * loop, since the error itself requests one.
 */
import type { Lang } from '../../core/i18n/lang.js';
import type { KpiTileTerms } from './kpi-tile.i18n.js';
import { buildTileView, needsDetails, type TileView } from './kpi-tile.model.js';
import type { ParsedKpi } from './kpi-tile.parse.js';
import type { DeltaFormat } from './kpi-tile.types.js';
import { tileDetails } from './kpi-tile.view.js';
import { why } from '../../data/data-controller.errors.js';

/** The tile's attributes and language the view is built with. */
export interface TileSource {
  itemId?: string;
  region?: string | null;
  label?: string;
  lang: Lang;
  terms: KpiTileTerms;
  deltaFormat?: DeltaFormat;
}

export class TileModeler {
  /** The view drawn; undefined without an item to show. */
  view?: TileView;
  /** The item picked (undefined when the region filter excludes every item). */
  item?: ParsedKpi;
  /** The region filter excludes every item. */
  outside?: boolean;
  /** The item to draw needs the details chunk, which is loading: the picture on screen stays. */
  waiting?: boolean;
  private loading?: boolean;
  /** The data for which the details chunk last failed to load. */
  private failedFor?: { data: unknown };

  /**
   * `host`: the element (an update draws once the chunk has loaded); `failed`: it could not load (the message says
   * why; `url`: the chunk's, when the browser's error names it).
   */
  constructor(
    private readonly host: { requestUpdate(): void },
    private readonly failed: (message: string, url?: string) => void,
  ) {}

  /** Forgets a failed load (`reload()`): the next update tries again. */
  retry(): void {
    this.failedFor = undefined;
  }

  /** Picks the item of `items` to show and builds its view; `data`: the payload they came from (for a failed load). */
  build(items: readonly ParsedKpi[] | undefined, data: unknown, o: TileSource): void {
    this.waiting = false;
    const id = o.itemId;
    if (items && id) items = items.filter((i) => i.id === id);
    if (!items || items.length === 0) {
      this.view = this.item = undefined;
      this.outside = false;
      return;
    }
    const x = tileDetails.loaded;
    // A region filter over items that carry division codes is applied by the details chunk (kpi-tile.region.ts); if
    // it cannot load, only an item of exactly that code is shown.
    const regional = !!o.region && items.some((i) => i.region);
    const item = regional ? (x ? x.pickRegionItem(items, o.region).item : items.find((i) => i.region === o.region)) : items[0];
    const shown: ParsedKpi = item ?? { label: o.label ?? items[0].label, labelEn: items[0].labelEn, unit: items[0].unit, value: null };
    // Not when the chunk failed for this data: it is drawn without the details.
    if (!x && (!this.failedFor || this.failedFor.data !== data) && (regional || needsDetails(shown))) {
      this.waiting = true;
      this.load(data);
      return;
    }
    this.item = item;
    this.outside = !item;
    this.view = buildTileView(shown, { lang: o.lang, terms: o.terms, deltaFormat: o.deltaFormat, details: x?.addDetails });
  }

  private load(data: unknown): void {
    if (this.loading) return;
    this.loading = true;
    tileDetails.load().then(
      () => {
        this.loading = false;
        this.host.requestUpdate();
      },
      (e: unknown) => {
        // A visible, translated banner and civic-error; the figure and delta are drawn without the details (a status
        // word or bar missing silently would mislead).
        this.loading = false;
        this.failedFor = { data };
        const m = why(e);
        this.failed(`status, progress, sparkline and period could not be shown: ${m}`, /https?:\/\/\S+/.exec(m)?.[0]);
      },
    );
  }
}
