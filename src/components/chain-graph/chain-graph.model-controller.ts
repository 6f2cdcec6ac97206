/**
 * The model side of <civic-chain-graph>: the graph shown (the payload after the chain choice, legend filters and size
 * measure), when it needs a new layout and the request the layout controller gets then, the pins a drag sets, label
 * widths in the element's font, and the scene each picture is painted from. Knows nothing of the element class (no
 * import of chain-graph.ts): the element passes its inputs in each update.
 */
import { shownGraph } from './chain-graph.parts.js';
import { createTextMeasure, round1, type Scene, type Shown } from './chain-graph.scene.js';
import { searchNodes } from './chain-graph.model.js';
import type { LayoutRequest } from './chain-graph.layout-controller.js';
import type { LayoutResult } from './chain-graph.layout.js';
import type { LabelSide } from './chain-graph.geometry.js';
import type { ViewTransform } from './chain-graph.transform.js';
import type { ChainData, ChainLayout, ChainNode, ChainPositions, Point } from './chain-graph.types.js';

/** Label scale per density, as the tokens' --_type-scale (screen 1.25, elder 1.5 so the smallest text is 18 px). */
export const DENSITY_SCALE: Record<string, number> = { default: 1, screen: 1.25, elder: 1.5 };

/** What the shown graph and its layout depend on (the element's properties and state in one update). */
export interface ModelInputs {
  data?: ChainData;
  chain?: string;
  hiddenTypes: ReadonlySet<string>;
  hiddenKinds: ReadonlySet<string>;
  sizeBy?: string;
  layout: ChainLayout;
  seed: number;
  lang: string;
  density: string;
  /** Stage width / height (tiers stretch to it); 0 while unknown. */
  aspect: number;
  positions?: ChainPositions;
  /** `positions` changed in this update. */
  positionsChanged: boolean;
  label: (n: ChainNode) => string;
  /** The element's font token (`--_font-family`); read only when a layout starts. */
  font: () => string;
}

/** What a picture shows besides the graph: view, emphasis and text sizes. */
export interface SceneInputs {
  display: ReadonlyMap<string, Point>;
  zt: ViewTransform;
  width: number;
  height: number;
  layout: ChainLayout;
  emphasis: string | null;
  selected?: string;
  active: string | null;
  search: string;
  label: (n: ChainNode) => string;
  chainName: Scene['chainName'];
  density: string;
  /** A design text size raised to the legibility floor (CivicElement.legibleTextPx). */
  legible: (px: number) => number;
  font: () => string;
}

export class ChainModelController {
  /** The graph being shown, or undefined before data. */
  shown?: Shown;
  /** Where the current layout puts labels (`right` of nodes for tiers, below otherwise). */
  labelSide: LabelSide = 'right';
  /** Bumped when `positions` is set from outside (a new layout); not for the pins the element set after a drag. */
  pinsGen = 0;
  /** The aspect the current layout was computed for. */
  layoutAspect = 0;
  /** Label text → width at the design size, in the element's font. */
  readonly measure: (text: string) => number;
  private fontFamily = '';
  private shownInputs: unknown[] = [];
  private shownGen = 0;
  private layoutKey = '';
  /** The pins object the element assigned itself after a drag (no re-layout for those). */
  private ownPins?: ChainPositions;
  private readonly run: (req: LayoutRequest) => void;

  /** `run` starts a layout job (the layout controller's); `density` is the theme's (default, screen, elder). */
  constructor(run: (req: LayoutRequest) => void, density: () => string) {
    this.run = run;
    this.measure = createTextMeasure(() => ({ family: this.fontFamily, scale: DENSITY_SCALE[density()] ?? 1 }));
  }

  /**
   * From the element's willUpdate: the shown graph for these inputs (derived again only when one of them changed) and
   * a new layout when what it depends on changed. True when a layout started.
   */
  update(i: ModelInputs): boolean {
    if (!i.data) {
      this.shown = undefined;
      return false;
    }
    const inputs = [i.data, i.chain, i.hiddenTypes, i.hiddenKinds, i.sizeBy];
    if (!this.shown || !inputs.every((v, k) => v === this.shownInputs[k])) {
      this.shownInputs = inputs;
      this.shownGen++;
      this.shown = shownGraph(i.data, { chain: i.chain, hiddenTypes: i.hiddenTypes, hiddenKinds: i.hiddenKinds }, i.sizeBy);
    }
    if (i.positionsChanged && i.positions !== this.ownPins) this.pinsGen++;
    const key = [i.layout, i.seed, i.lang, i.sizeBy ?? '', i.density, this.shownGen, this.pinsGen, i.layout === 'tiers' ? i.aspect : ''].join('|');
    if (key === this.layoutKey) return false;
    this.layoutKey = key;
    const s = this.shown;
    this.fontFamily = i.font();
    this.layoutAspect = i.aspect;
    const label = i.label;
    const opts = { measureText: this.measure, radius: s.radius, label, pins: i.positions, seed: i.seed, aspect: i.aspect || undefined };
    this.run({
      kind: i.layout,
      data: s.data,
      opts,
      seed: i.seed,
      pins: i.positions ?? {},
      sizeBy: i.sizeBy,
      lang: i.lang,
      widths: () => Object.fromEntries(s.data.nodes.map((n) => [label(n), this.measure(label(n))])),
    });
    return true;
  }

  /** The next update lays out again (a layout abandoned on disconnect). */
  relayout(): void {
    this.layoutKey = '';
  }

  /** A new layout result arrived. */
  result(r: LayoutResult): void {
    this.labelSide = r.labelSide;
  }

  /**
   * A dragged node stays where it was dropped: `positions` plus the node's position (rounded), which the element
   * assigns to itself without a new layout.
   */
  pin(id: string, p: Point, positions: ChainPositions | undefined): ChainPositions {
    const next = { ...positions, [id]: { x: round1(p.x), y: round1(p.y) } };
    this.ownPins = next;
    return next;
  }

  /** Everything the painter needs for one picture, or undefined before data. */
  scene(v: SceneInputs): Scene | undefined {
    const shown = this.shown;
    if (!shown) return undefined;
    const density = DENSITY_SCALE[v.density] ?? 1;
    const { display, zt, width, height, layout, emphasis, selected, active, search, label, chainName } = v;
    return {
      shown, display, zt, width, height, layout, emphasis, selected, active, search, label, chainName, density,
      labelSide: this.labelSide,
      matches: new Set(searchNodes(shown.data.nodes, search)),
      measure: this.measure,
      size: v.legible(12 * density),
      chainSize: v.legible(14 * density),
      fontFamily: this.fontFamily || v.font(),
    };
  }
}
