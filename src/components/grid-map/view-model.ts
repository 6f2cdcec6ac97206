/**
 * One view model for <civic-grid-map>'s legend, table twin and tooltip, in both modes. In-memory geometry and vector
 * tiles differ only in where units, names and values come from (a `UnitsSource`); the texts shown are made here, once.
 * Pure (no DOM): tested in Node, including "both modes give the same legend, rows and tooltip for the same data".
 */
import { formatAmount, formatNumber, NO_VALUE, UNITS } from '../../core/format/number.js';
import { classRangeLabel, legendPrecision, type Classifier, type LegendModel, type RangeWords } from './classify.js';
import { type JoinedMetrics } from './grid-map.model.js';
import { pageOf } from './unit-view.js';
import type { GridGeometry, GridMetric } from './grid-map.types.js';
import type { Lang } from '../../core/i18n/lang.js';
import { valueOf, type TileValues } from './tiles.js';

/** The texts the view model needs (a subset of gridMapTerms). */
export interface ViewTerms extends RangeWords {
  noData: string;
  /** A parent's value from n of its m grids: short (table twin) and as a tooltip line. */
  coverage(n: number, m: number): string;
  covers(n: number, m: number): string;
}

/** Where one level's units and values come from. */
export interface UnitsSource {
  /** Codes of the units on the level shown (table rows, in this order). */
  codes: readonly string[];
  /** The metric's value of a unit, or undefined. */
  value(code: string): number | undefined;
  /** Display name, or undefined when unknown (tiles before the index loaded). */
  name(code: string): string | undefined;
  /** Parent display name (or code), or undefined. */
  parentName(code: string): string | undefined;
  /** Extra feature properties by name (tooltip-fields). */
  property(code: string, key: string): unknown;
  /** True when the unit's own row says it is real data (illustrative: false). */
  real(code: string): boolean;
  /** Where the unit's row says its value comes from. */
  source?(code: string): string | undefined;
  /** [n, m] when the unit's (aggregated) value covers only n of its m grids. */
  coverage?(code: string): [number, number] | undefined;
  /** Known up front: every value is a whole number (else found by reading every unit's value). */
  integer?: boolean;
}

export interface ViewModelInput {
  lang: Lang;
  terms: ViewTerms;
  metric?: GridMetric;
  /** Classifier and legend of the level shown (undefined while there is nothing to classify). */
  classifier?: Classifier;
  legend?: LegendModel;
  units: UnitsSource;
  hidden: ReadonlySet<number>;
}

export interface LegendItem {
  index: number;
  label: string;
  color: string;
  count: number;
  /** False when the class is toggled off. */
  shown: boolean;
}

export interface TableRow {
  code: string;
  name: string;
  value: string;
  klass: string;
}

export interface TooltipModel {
  name: string;
  code: string;
  parent?: string;
  /** "Metric: value" (undefined without metric). */
  value?: string;
  klass?: string;
  extra: string[];
  illustrative: boolean;
  source?: string;
}

export class GridViewModel {
  private readonly integer: boolean;

  constructor(private readonly i: ViewModelInput) {
    const m = i.metric;
    // Whole numbers get whole-number ranges ("5–8" rather than "5.0–8.0").
    this.integer = !!m && (i.units.integer ?? i.units.codes.every((c) => {
      const v = i.units.value(c);
      return v === undefined || Number.isInteger(v);
    }));
  }

  get metric(): GridMetric | undefined {
    return this.i.metric;
  }

  metricLabel(): string | undefined {
    const m = this.i.metric;
    return m ? (this.i.lang === 'en' && m.labelEn ? m.labelEn : m.label) : undefined;
  }

  unitText(): string {
    const m = this.i.metric;
    if (!m?.unit) return '';
    return this.i.lang === 'en' ? UNITS[m.unit]?.en || m.unit : m.unit;
  }

  formatValue(v: number | undefined): string {
    const m = this.i.metric;
    if (v === undefined) return NO_VALUE;
    return m?.unit ? formatAmount(v, m.unit, { lang: this.i.lang }) : formatNumber(v, { lang: this.i.lang });
  }

  classText(index: number): string {
    const c = this.i.legend?.entries[index];
    if (!c) return '';
    const range = classRangeLabel(c, this.integer, (v) => formatNumber(v, { lang: this.i.lang, precision: legendPrecision(v) }), this.i.terms);
    return c.label ? `${range} ${c.label}` : range;
  }

  classOf(code: string): number {
    return this.i.classifier ? this.i.classifier.classOf(this.i.units.value(code)) : -1;
  }

  legendItems(): LegendItem[] {
    return (this.i.legend?.entries ?? []).map((e) => ({ index: e.index, label: this.classText(e.index), color: e.color, count: e.count, shown: !this.i.hidden.has(e.index) }));
  }

  get noDataCount(): number {
    return this.i.legend?.noData ?? 0;
  }

  /** One page of the table twin, rows in the units' order (never all rows: a national set has 10⁶). */
  table(page: number, size: number): { rows: TableRow[]; page: number; pages: number; total: number } {
    const p = pageOf(this.i.units.codes, page, Math.max(1, size));
    const noData = this.i.terms.noData;
    return {
      ...p,
      rows: p.rows.map((code) => {
        const c = this.classOf(code);
        const v = this.i.units.value(code);
        const cov = v !== undefined ? this.i.units.coverage?.(code) : undefined;
        const value = this.formatValue(v) + (cov ? (this.i.lang === 'en' ? ` (${this.i.terms.coverage(...cov)})` : `（${this.i.terms.coverage(...cov)}）`) : '');
        return { code, name: this.i.units.name(code) ?? NO_VALUE, value, klass: c >= 0 ? this.classText(c) : noData };
      }),
    };
  }

  tooltip(code: string, fields: readonly string[] = []): TooltipModel {
    const u = this.i.units;
    const m = this.i.metric;
    const c = this.classOf(code);
    const cov = m && u.value(code) !== undefined ? u.coverage?.(code) : undefined;
    return {
      name: u.name(code) ?? code,
      code,
      parent: u.parentName(code),
      value: m ? `${this.metricLabel()}: ${this.formatValue(u.value(code))}` : undefined,
      klass: c >= 0 ? this.classText(c) : m ? this.i.terms.noData : undefined,
      extra: [
        ...(cov ? [this.i.terms.covers(...cov)] : []),
        ...fields.filter((k) => k && u.property(code, k) !== undefined && u.property(code, k) !== null).map((k) => `${k}: ${String(u.property(code, k))}`),
      ],
      illustrative: !!m && m.illustrative && !u.real(code),
      source: u.source?.(code),
    };
  }
}

// ── the two places units come from ──

/** In-memory mode: the units of the view, their names and parents from the geometry, values from the join. */
export function memoryUnits(geo: GridGeometry, shown: readonly number[], joined: JoinedMetrics | undefined, metricKey: string | undefined): UnitsSource {
  const vm = metricKey ? joined?.values.get(metricKey) : undefined;
  const f = (code: string) => geo.byCode.get(code);
  const codes = shown.map((i) => geo.features[i].code).sort((a, b) => a.localeCompare(b));
  return {
    codes,
    value: (code) => {
      const u = f(code);
      return u ? vm?.get(u.index) : undefined;
    },
    name: (code) => f(code)?.name,
    parentName: (code) => {
      const p = f(code)?.parent;
      return p ? geo.byCode.get(p)?.name ?? p : undefined;
    },
    property: (code, key) => f(code)?.properties[key],
    real: (code) => {
      const i = f(code)?.index ?? -1;
      return !!joined?.realRows.has(i) && !(metricKey && joined.rowByIndex.get(i)?.illustrativeKeys?.includes(metricKey));
    },
    source: (code) => joined?.rowByIndex.get(f(code)?.index ?? -1)?.source,
    coverage: (code) => (metricKey ? joined?.coverage.get(metricKey)?.get(f(code)?.index ?? -1) : undefined),
  };
}

/**
 * Tiles mode: the units of the level with the most units on screen are the metric rows' codes of that level (the
 * table twin lists metric rows); names, parents and properties come from the tile set's index or from picked
 * features, values from the columnar store.
 */
export function tileUnits(
  tv: TileValues | undefined,
  rank: number,
  metricKey: string | undefined,
  known: { name(code: string): string | undefined; parent(code: string): string | undefined; properties(code: string): Record<string, unknown> | undefined },
): UnitsSource {
  const codes = tv ? tv.codes[rank].slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : [];
  return {
    codes,
    value: (code) => (tv && metricKey ? valueOf(tv, metricKey, code) ?? numberProperty(known.properties(code), metricKey) : undefined),
    name: (code) => known.name(code),
    parentName: (code) => {
      const p = known.parent(code);
      return p ? known.name(p) ?? p : undefined;
    },
    property: (code, key) => known.properties(code)?.[key],
    real: (code) => !!tv?.real.has(code),
    coverage: (code) => (metricKey ? tv?.coverage?.(metricKey, code) : undefined),
  };
}

function numberProperty(p: Record<string, unknown> | undefined, key: string): number | undefined {
  const v = p?.[key];
  return typeof v === 'number' ? v : undefined;
}

/**
 * What the reader set on the views, kept across renders: legend classes hidden by a click, the class emphasised by
 * hover or focus, the table's page. Hidden classes return when the metric, classification or view changes; a new
 * view starts the table at its first page.
 */
export class ViewState {
  hidden: ReadonlySet<number> = new Set();
  emphasis: number | 'none' | null = null;
  page = 0;
  private toggled = false;

  constructor(private readonly host: { requestUpdate(): void }) {}

  /** From the element's willUpdate(). */
  propertiesChanged(changed: ReadonlyMap<PropertyKey, unknown>): void {
    if (['metric', 'classification', 'thresholds', 'level', 'focusCode'].some((k) => changed.has(k))) {
      if (!this.toggled) this.hidden = new Set();
      if (changed.has('level') || changed.has('focusCode')) this.page = 0;
    }
    this.toggled = false;
  }

  toggle(i: number): void {
    const next = new Set(this.hidden);
    if (next.has(i)) next.delete(i);
    else next.add(i);
    this.hidden = next;
    this.toggled = true;
    this.host.requestUpdate();
  }

  emphasise(c: number | 'none' | null): void {
    this.emphasis = c;
    this.host.requestUpdate();
  }

  setPage(p: number): void {
    this.page = p;
    this.host.requestUpdate();
  }
}
