/**
 * Tiles mode's classes and colours, for the tiles controller (tiles-controller.ts): each level is classified once per
 * metric / classification, the level on screen first (the renderer's idle says which), the small ones before the first
 * picture, the others one per idle period once the camera is still; legend toggles and emphasis only recolour.
 */
import { classify, legendModel, type Classifier, type ClassifySpec, type LegendModel } from './classify.js';
import type { GridMetric } from './grid-map.types.js';
import { fillColour, fillExpression, levelValues, type TileValues } from './tiles.js';
import { isColumnValues, rankFinite, rankSlots } from './column-view.js';
import type { FillColour, TilesRenderer } from './renderers/tiles-renderer.js';
import { StillQueue } from './still-queue.js';

/** Levels with at most this many units are classified before the first idle (`styleSmallLevels`). */
const EAGER_UNITS = 50000;
/** The levels not on screen are classified once the camera has not moved for this long (ms). */
const STILL_MS = 1000;

export interface LevelStyle {
  classifier: Classifier;
  legend: LegendModel;
}

export interface TilesStylesAccess {
  r(): TilesRenderer | undefined;
  values(): TileValues | undefined;
  metric(): GridMetric | undefined;
  spec(): ClassifySpec;
  hidden(): ReadonlySet<number>;
  /** The tile set's levels (source layer and rank), the grid level first. */
  layers(): { sourceLayer: string; rank: number }[];
}

export class TilesStyles {
  private styles = new Map<number, LevelStyle>();
  private styleKey?: string;
  private fillKey?: string;
  /** Level with the most units on screen (from the renderer after each idle). */
  rank = 2;
  /**
   * False until the renderer's first idle says which level is on screen: until then no level is classified (a
   * national grid level holds 10⁶ values; the first view usually shows streets), and the legend waits.
   */
  private rankKnown = false;
  /** The first picture is complete: the other levels may be classified now (not before: it would delay it). */
  private pictured = false;
  private noData = '#e4e7eb';
  /** Levels besides the one on screen still to classify (after the next picture). */
  private restPending = false;
  /** Classifies the levels not on screen once the camera has been still for STILL_MS (`styleRest`). */
  readonly rest = new StillQueue(STILL_MS);
  /** Emphasised legend class (legend hover / focus). */
  emphasis: number | 'none' | null = null;

  constructor(private readonly x: TilesStylesAccess) {}

  /** New values: every level is classified again at the next `sync`. */
  invalidate(): void {
    this.styleKey = undefined;
  }

  /** A new renderer: the level on screen and the first picture are not known yet. */
  mounting(): void {
    this.rankKnown = false;
    this.pictured = false;
  }

  /** From the controller's sync: classifies again when the metric, classification or no-data colour changed, else recolours. */
  sync(noData: string, canRest: () => boolean): void {
    const key = JSON.stringify([this.x.metric()?.key, this.x.spec(), noData]) + (this.x.values() ? '' : '-');
    const fillKey = JSON.stringify([[...this.x.hidden()], this.emphasis]);
    if (key !== this.styleKey) {
      this.styleKey = key;
      this.fillKey = fillKey;
      this.noData = noData;
      this.styles.clear();
      this.rest.cancel();
      // The level on screen first; the others (a national grid level can hold 10⁶ values) once the picture is up
      // (the renderer's next idle), so classifying them never delays the first view.
      if (this.rankKnown) this.styleLevel(this.rank);
      else this.styleSmallLevels();
      this.restPending = true;
      if (canRest()) this.styleRest();
    } else if (fillKey !== this.fillKey) {
      // Legend toggles and emphasis change the colours, not the classes.
      this.fillKey = fillKey;
      for (const [rank, st] of this.styles) this.x.r()?.setFill(rank, this.fillOf(st));
    } else if (this.rankKnown) this.styleLevel(this.rank);
  }

  /** The renderer's idle: the level on screen; `changed` runs when it changed (the element updates). */
  idle(rank: number, changed: () => void): void {
    if (rank !== this.rank || !this.rankKnown) {
      this.rankKnown = true;
      this.rank = rank;
      this.styleLevel(rank);
      changed();
    }
    this.styleRest();
  }

  /** The first picture is complete. */
  picture(): void {
    if (!this.pictured) {
      this.pictured = true;
      this.styleRest();
    }
  }

  /** Gives a new renderer the fills classified so far. */
  apply(r: TilesRenderer): void {
    for (const [rank, st] of this.styles) r.setFill(rank, this.fillOf(st), this.colourOf(st));
  }

  /** Classifies one level (once per metric / classification) and gives the renderer its fill expression. */
  levelStyle(rank = this.rank): LevelStyle {
    if (!this.rankKnown && rank === this.rank) return { classifier: classify([], this.x.spec()), legend: legendModel(classify([], this.x.spec()), []) };
    return this.styleLevel(rank);
  }

  /** Legend hover / focus: emphasise one class (or the no-data units) on the tiles. */
  emphasise(c: number | 'none' | null): void {
    if (c === this.emphasis) return;
    this.emphasis = c;
    this.fillKey = JSON.stringify([[...this.x.hidden()], c]);
    for (const [rank, st] of this.styles) this.x.r()?.setFill(rank, this.fillOf(st));
  }

  /**
   * Classifies the levels not on screen, one per idle period (a grid level of 10⁶ values is the long one), once the
   * camera has been still for STILL_MS: a pan or zoom right after the first picture keeps its frames (the grid level's
   * classification is one task of 0.1–0.3 s). A level that comes on screen first is classified at that idle anyway.
   */
  private styleRest(): void {
    if (!this.restPending || !this.pictured) return;
    this.restPending = false;
    const todo = this.x.layers().map((l) => l.rank);
    this.rest.start(() => {
      let rank = todo.shift();
      while (rank !== undefined && this.styles.has(rank)) rank = todo.shift();
      if (rank !== undefined) this.styleLevel(rank);
      return todo.length > 0;
    });
  }

  private styleLevel(rank: number): LevelStyle {
    let st = this.styles.get(rank);
    if (st) return st;
    const tv = this.x.values();
    if (isColumnValues(tv)) {
      const { values, missing } = rankFinite(tv, this.x.metric(), rank);
      const classifier = classify(values, this.x.spec());
      st = { classifier, legend: legendModel(classifier, values, missing) };
    } else {
      const values = tv ? levelValues(tv, this.x.metric(), rank) : [];
      const classifier = classify(values, this.x.spec());
      st = { classifier, legend: legendModel(classifier, values) };
    }
    this.styles.set(rank, st);
    this.x.r()?.setFill(rank, this.fillOf(st), this.colourOf(st));
    return st;
  }

  /**
   * Before the first idle says which level is on screen: the levels small enough to classify in a few ms (streets,
   * communities), so the first picture is coloured already; without this the first idle drew them uncoloured and
   * colouring them cost one more frame. The big level (a national grid level: 10⁶ values) waits as before.
   */
  private styleSmallLevels(): void {
    const tv = this.x.values();
    if (!tv || !this.x.metric()) return;
    const size = (r: number) => (isColumnValues(tv) ? rankSlots(tv.packed, r).length : tv.codes[r].length);
    for (const l of this.x.layers()) if (size(l.rank) <= EAGER_UNITS) this.styleLevel(l.rank);
  }

  /** The level's fill as a colour per value (the renderer's colour states; the same colours as `fillOf`). */
  private colourOf(st: LevelStyle): FillColour {
    const m = this.x.metric();
    return { key: m?.key, of: m ? fillColour(st.classifier, this.noData, this.x.hidden(), this.emphasis) : () => this.noData };
  }

  /** The level's fill: classes toggled off transparent; with legend emphasis, the other classes faded. */
  private fillOf(st: LevelStyle): unknown[] {
    const m = this.x.metric();
    return m ? fillExpression(st.classifier, m.key, this.noData, this.x.hidden(), this.emphasis) : ['to-color', this.noData];
  }
}
