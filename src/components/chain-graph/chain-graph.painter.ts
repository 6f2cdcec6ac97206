/**
 * Painter of <civic-chain-graph>: the SVG template of links, nodes, rings and labels at the current zoom, and which
 * labels are drawn (placed by priority in screen pixels at a size that reaches the
 * legibility floor; the others are dropped, never shrunk — chain-graph.labels.ts decides). Knows nothing of the
 * element class (no import of chain-graph.ts). Not part of the element's first load: the draw controller loads it
 * when the element connects (while the data and the layouts load; a picture needs a layout first). The canvas
 * picture (graphs above `canvas-threshold`) is chain-graph.painter-canvas.ts, a subclass loaded on first use.
 *
 * Frames during a pan or zoom gesture stay cheap at thousands of nodes: off-screen links and nodes are skipped, each
 * node type is one path and one fill, label priorities are computed once per emphasis (not per frame), and the
 * label placement of a pan is reused while the zoom stays the same.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { symbol } from './chain-graph.symbols.js';
import { cspStyle } from '../../core/render/csp-style.js';
import { labelPriority, labelSpots, rightSpots, placeLabelSteps, symbolReach, LABEL_PRIORITY, MAX_LABELS, PLACE_STEP, type LabelCandidate, type LabelObstacle } from './chain-graph.labels.js';
import { calloutLine, type CalloutBox } from './chain-graph.callout.js';
import { radialLinkGeometry, type LabelSide } from './chain-graph.geometry.js';
import type { ChainLink, Point } from './chain-graph.types.js';
import { SHAPES, round1, type Gesture, type Placement, type Scene, type Shown } from './chain-graph.scene.js';

export { SHAPES, createTextMeasure, nodeAt, round1, type Gesture, type Placement, type Scene, type Shown } from './chain-graph.scene.js';

/** A label's box height in em (the content area of CJK fonts) and its baseline from the top of that box. */
export const LINE = 1.45;
export const BASELINE = 1.1;


interface ChainLabel {
  id: string;
  x: number;
  y: number;
  y0: number;
  text: string;
}

export class ChainPainter {
  protected readonly token: (name: string, fallback: string) => string;
  // Caches (each keyed by the objects it was computed from).
  private prioKey: unknown[] = [];
  private prio = new Map<string, number>();
  private chainKey: unknown[] = [];
  private chainCache: ChainLabel[] = [];
  protected placeKey: unknown[] = [];
  protected placed?: Placement;

  constructor(token: (name: string, fallback: string) => string) {
    this.token = token;
  }

  /** Colours are read from the theme tokens again on the next paint (the canvas painter caches them). */
  themeChanged(): void {}

  /** Positions changed in place (a drag): chain label positions are computed again. */
  moved(): void {
    this.chainKey = [];
    this.placeKey = [];
    this.centreKey = [];
  }

  /**
   * Which labels to draw at the current zoom, by priority, none overlapping another or cut at the edge of the
   * stage. A pan at the same zoom moves the kept labels with the picture (placement is not redone per frame).
   */
  place(s: Scene, gesture: Gesture = 'none'): Placement {
    const key = placeKeyOf(s);
    const same = this.placed && key.every((v, i) => v === this.placeKey[i]);
    if (gesture === 'none') this.gestureKept = undefined;
    if (same && (gesture === 'pan' || (s.zt.x === (this.placeKey[key.length] as number) && s.zt.y === (this.placeKey[key.length + 1] as number)))) return this.placed!;
    this.placeKey = [...key, s.zt.x, s.zt.y];
    // While a zoom gesture runs, only the labels shown when it started compete (no new ones, none overlapping): a
    // few hundred candidates per frame instead of every node.
    if (gesture === 'zoom' && !this.gestureKept && this.placed) this.gestureKept = this.placed.kept;
    this.placed = this.computePlacement(s, gesture === 'zoom' ? this.gestureKept : undefined);
    return this.placed;
  }
  private gestureKept?: ReadonlySet<string>;

  private computePlacement(s: Scene, only?: ReadonlySet<string>): Placement {
    const steps = this.placementSteps(s, only);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /** `computePlacement` in steps (see placeLabelSteps), for the sliced bitmap job of a large picture. */
  protected *placementSteps(s: Scene, only?: ReadonlySet<string>): Generator<void, Placement, void> {
    const { shown, width, height, zt: t, size, chainSize } = s;
    const prio = this.priorities(s);
    const widthAt = (text: string, px: number): number => (s.measure(text) * px) / (12 * s.density);
    const cands: LabelCandidate[] = [];
    // Node discs in view: no label may cover another node (placeLabels skips a label's own node).
    const discs: LabelObstacle[] = [];
    const below = s.labelSide !== 'right';
    if (showChainLabels(s))
      for (const c of this.chainLabels(s)) {
        const [cx, cy] = t.apply([c.x, c.y0]);
        const w = widthAt(c.text, chainSize) * 1.1; // bold
        cands.push({ id: 'chain:' + c.id, x: cx - w / 2, y: cy - chainSize * LINE - 2, width: w, height: chainSize * LINE, priority: LABEL_PRIORITY.emphasis * 2, fixed: true });
      }
    let inView = 0;
    const h = size * LINE;
    let i = 0;
    for (const n of shown.data.nodes) {
      if (++i % PLACE_STEP === 0) yield;
      const p = s.display.get(n.id);
      if (!p) continue;
      const sx = t.applyX(p.x), sy = t.applyY(p.y);
      if (sx < 0 || sy < 0 || sx > width || sy > height) continue;
      inView++;
      const r = shown.radius(n) * t.k;
      // The symbol's reach (a star's points, a diamond's tips), not just its disc (issue 15).
      discs.push({ id: n.id, x: sx, y: sy, r: r * symbolReach(SHAPES[n.type]) });
      if (only && !only.has(n.id)) continue;
      const w = widthAt(s.label(n), size);
      const priority = prio.get(n.id) ?? 0;
      // Below the node first, then above, right, left and the corners (tiers: right, a little higher or lower, left):
      // a crowded picture keeps more names without overlaps.
      const [first, ...alts] = (below ? labelSpots : rightSpots)(sx, sy, r, w, h);
      cands.push({ id: n.id, ...first, alts, width: w, height: h, priority });
    }
    // The bottom strip is kept free for the note that says how many names are not shown.
    const noteH = Math.max(size, 14 * s.density) * 1.6;
    const at = new Map<string, { x: number; y: number }>();
    const callouts = new Set<string>();
    // Leaders, the selected and the emphasised node (and chain names) are always labelled; the others give way.
    const kept = width > 0 && height > 0 ? yield* placeLabelSteps(cands, { x0: 0, y0: 0, x1: width, y1: height - noteH }, 2, MAX_LABELS, discs, { must: LABEL_PRIORITY.leader, at, callouts }) : new Set<string>();
    const offset = new Map<string, { x: number; y: number }>();
    const boxes = new Map<string, CalloutBox>();
    let keptNodes = 0;
    for (const c of cands) {
      const p = at.get(c.id);
      if (!p || c.id.startsWith('chain:')) continue;
      keptNodes++;
      // Where the label went, relative to its node (screen px): its centre when labels sit below (text centred), its
      // left edge and middle when they sit right. A leader's label may have moved off its first spot to stay inside.
      const q = s.display.get(c.id)!;
      const nx = t.applyX(q.x), ny = t.applyY(q.y);
      offset.set(c.id, below ? { x: p.x + c.width / 2 - nx, y: p.y + c.height / 2 - ny } : { x: p.x - nx, y: p.y + c.height / 2 - ny });
      // A leader's label put away from its node (a callout): its box, for the line drawn to it.
      if (callouts.has(c.id)) boxes.set(c.id, { x: p.x - nx, y: p.y - ny, width: c.width, height: c.height, r: discs.find((d) => d.id === c.id)?.r ?? 0 });
    }
    return { kept, dropped: Math.max(0, inView - keptNodes), size, chainSize, offset, callouts: boxes };
  }

  private centreKey: unknown[] = [];
  private centreCache?: Map<string, Point>;

  /** Radial layout: each chain's centre (its leader's position), towards which its links bend; undefined otherwise. */
  centres(s: Scene): Map<string, Point> | undefined {
    if (s.layout !== 'radial') return undefined;
    const key = [s.shown, s.display];
    if (this.centreCache && key.every((v, i) => v === this.centreKey[i])) return this.centreCache;
    this.centreKey = key;
    const out = new Map<string, Point>();
    for (const c of s.shown.data.chains) {
      const p = s.display.get(c.leader);
      if (p) out.set(c.id, p);
    }
    return (this.centreCache = out);
  }

  /** Label priority per node: computed once per graph and emphasis, not per frame. */
  protected priorities(s: Scene): Map<string, number> {
    const key = [s.shown, s.emphasis, s.selected, s.active];
    if (key.every((v, i) => v === this.prioKey[i])) return this.prio;
    this.prioKey = key;
    const hood = s.emphasis ? new Set([s.emphasis, ...(s.shown.adj.get(s.emphasis) ?? [])]) : undefined;
    const out = new Map<string, number>();
    for (const n of s.shown.data.nodes) {
      let value = 0;
      for (const v of Object.values(n.attrs)) if (Number.isFinite(v) && v > value) value = v;
      out.set(
        n.id,
        labelPriority({ type: n.type, degree: (s.shown.adj.get(n.id) ?? []).length, value, emphasis: s.emphasis === n.id, selected: s.selected === n.id || s.active === n.id, neighbour: !!hood && hood.has(n.id) }),
      );
    }
    this.prio = out;
    return out;
  }

  /** Chain names above each chain's nodes (graph coordinates). */
  chainLabels(s: Scene): ChainLabel[] {
    const key = [s.shown, s.display, s.chainName];
    if (key.every((v, i) => v === this.chainKey[i])) return this.chainCache;
    this.chainKey = key;
    const box = new Map<string, { x0: number; x1: number; y0: number }>();
    for (const n of s.shown.data.nodes) {
      const p = s.display.get(n.id);
      if (!p) continue;
      const b = box.get(n.home) ?? box.set(n.home, { x0: Infinity, x1: -Infinity, y0: Infinity }).get(n.home)!;
      b.x0 = Math.min(b.x0, p.x);
      b.x1 = Math.max(b.x1, p.x);
      b.y0 = Math.min(b.y0, p.y - s.shown.radius(n) * symbolReach(SHAPES[n.type]));
    }
    this.chainCache = [];
    for (const c of s.shown.data.chains) {
      const b = box.get(c.id);
      if (b) this.chainCache.push({ id: c.id, x: (b.x0 + b.x1) / 2, y: b.y0 - 18, y0: b.y0, text: s.chainName(c) });
    }
    return this.chainCache;
  }

  /** The SVG picture (SVG renderer): links with arrowheads, node symbols, rings and the placed labels. */
  svg(s: Scene): { template: TemplateResult; placed: Placement } {
    const { shown, display: pos, zt } = s;
    const emph = s.emphasis;
    const hood = emph ? new Set([emph, ...(shown.adj.get(emph) ?? [])]) : undefined;
    const placed = this.place(s);
    const k = zt.k;
    const fs = placed.size;
    const chains = showChainLabels(s) ? this.chainLabels(s) : [];
    const centres = this.centres(s);
    const template = html`<svg part="plot" aria-hidden="true" width="100%" height="100%" style=${cspStyle({ '--_label-px': `${fs}px`, '--_chain-label-px': `${placed.chainSize}px` })}>
      <defs>
        <marker id="arrow" viewBox="0 -4 8 8" refX="8" refY="0" markerWidth="7" markerHeight="7" orient="auto"><path class="arrow" d="M0,-4L8,0L0,4Z"></path></marker>
      </defs>
      <g class="viewport" transform=${zt.toString()}>
        ${chains.map((c) =>
          placed.kept.has('chain:' + c.id)
            ? svg`<g transform="translate(${round1(c.x)},${round1(c.y0)}) scale(${1 / k})"><text class="chain-label" y=${round1(-placed.chainSize * (LINE - BASELINE) - 2)}>${c.text}</text></g>`
            : nothing,
        )}
        <g class="links">
          ${shown.data.links.map((l) => {
            const a = pos.get(l.source), b = pos.get(l.target);
            if (!a || !b) return nothing;
            const hot = hood && (l.source === emph || l.target === emph);
            return svg`<path class="link" data-kind=${l.kind} data-source=${l.source} data-target=${l.target} ?data-dim=${!!hood && !hot} ?data-hot=${!!hot} d=${linkPath(shown, s.labelSide, l, a, b, centres && linkCentre(shown, centres, l))}></path>`;
          })}
        </g>
        <g class="nodes">
          ${shown.data.nodes.map((n) => {
            const p = pos.get(n.id);
            if (!p) return nothing;
            const r = shown.radius(n);
            const text = s.label(n);
            const ringed = s.selected === n.id || s.active === n.id;
            const o = placed.offset.get(n.id);
            return svg`<g class="node" data-id=${n.id} data-type=${n.type} ?data-dim=${!!hood && !hood.has(n.id)} ?data-match=${s.matches.has(n.id)} ?data-selected=${s.selected === n.id} ?data-active=${s.active === n.id} transform="translate(${round1(p.x)},${round1(p.y)})">
              ${ringed ? svg`<circle class="ring" r=${r + 4}></circle>` : nothing}
              ${s.matches.has(n.id) ? svg`<circle class="match" r=${r + 7}></circle>` : nothing}
              <path d=${symbol(SHAPES[n.type], Math.PI * r * r)() ?? ''}></path>
              ${!placed.kept.has(n.id)
                ? nothing
                : svg`<g class="label" transform="scale(${1 / k})">${calloutSvg(placed.callouts?.get(n.id))}${s.labelSide === 'right'
                    ? svg`<text x=${round1(o ? o.x : r * k + 4)} y=${round1(o ? o.y : 0)} dy="0.35em">${text}</text>`
                    : svg`<text x=${round1(o ? o.x : 0)} y=${round1(o ? o.y + fs * (BASELINE - LINE / 2) : r * k + 2 + fs * BASELINE)} text-anchor="middle">${text}</text>`}</g>`}
            </g>`;
          })}
        </g>
      </g>
    </svg>`;
    return { template, placed };
  }
}


/** The thin line from a node to its label put away from it (a callout), in the label's screen-px group. */
function calloutSvg(b: CalloutBox | undefined): TemplateResult | typeof nothing {
  const l = b && calloutLine(b);
  return l ? svg`<line class="callout" part="callout" x1=${round1(l.x1)} y1=${round1(l.y1)} x2=${round1(l.x2)} y2=${round1(l.y2)}></line>` : nothing;
}

/** What a label placement depends on besides the pan offset. */
export function placeKeyOf(s: Scene): unknown[] {
  return [s.shown, s.display, s.zt.k, s.width, s.height, s.emphasis, s.selected, s.active, s.labelSide, s.size, s.chainSize, s.measure];
}

export function showChainLabels(s: Scene): boolean {
  return s.layout === 'tiers' || s.shown.data.chains.length > 1;
}

/** The centre a radial link bends towards: its chain's, when both ends are in the same chain. */
export function linkCentre(shown: Shown, centres: ReadonlyMap<string, Point>, l: ChainLink): Point | undefined {
  const a = shown.byId.get(l.source), b = shown.byId.get(l.target);
  return a && b && a.home === b.home ? centres.get(a.home) : undefined;
}

/**
 * SVG path of a link: S-curves between tier columns, a bow within a column, straight lines in force; in radial,
 * curves towards the chain's centre (`centre`) for links inside a chain, straight between chains.
 */
export function linkPath(shown: Shown, side: LabelSide, l: ChainLink, a: Point, b: Point, centre?: Point): string {
  const rt = shown.radius(shown.byId.get(l.target)!) + 2;
  if (side === 'right' && Math.abs(b.x - a.x) > 1) {
    const mx = (a.x + b.x) / 2;
    const dx = b.x > a.x ? -rt : rt;
    return `M${round1(a.x)},${round1(a.y)}C${round1(mx)},${round1(a.y)} ${round1(mx)},${round1(b.y)} ${round1(b.x + dx)},${round1(b.y)}`;
  }
  if (side === 'right') {
    // Same column: bow to the left so the link does not run through the nodes between.
    const bow = Math.min(90, 12 + Math.abs(b.y - a.y) / 4);
    const ey = b.y + (b.y > a.y ? -rt : rt);
    return `M${round1(a.x)},${round1(a.y)}C${round1(a.x - bow)},${round1(a.y)} ${round1(b.x - bow)},${round1(b.y)} ${round1(b.x)},${round1(ey)}`;
  }
  if (centre) return radialLinkGeometry(a, b, centre, rt).d;
  const d = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const ex = b.x - ((b.x - a.x) / d) * rt, ey = b.y - ((b.y - a.y) / d) * rt;
  return `M${round1(a.x)},${round1(a.y)}L${round1(ex)},${round1(ey)}`;
}
