/**
 * Keyboard, pointer, tour and selection for <civic-chain-graph>: which node is hovered, highlighted (tour,
 * `highlight()`), active (keyboard) and selected; the arrow-key walk along links (`neighbourInDirection` in the model),
 * Enter/Escape, search Enter, clicks, the tour timer, the screen-reader announcement, and the `civic-select` /
 * `civic-hover` events (with `trigger: 'api'` once when `selected` is set from outside). Knows nothing of the element
 * class (no import of chain-graph.ts); the element passes what it needs.
 */
import type { PropertyValues, ReactiveController, ReactiveControllerHost } from 'lit';
import { CivicSelectEvent } from '../../core/events/select-event.js';
import { CivicHoverEvent } from '../../core/events/hover-event.js';
import { neighbourInDirection, searchNodes, tourOrder } from './chain-graph.model.js';
import type { ChainViewController } from './chain-graph.view.js';
import type { Shown } from './chain-graph.scene.js';
import type { Terms } from './chain-graph.parts.js';
import type { ChainNode, Point } from './chain-graph.types.js';

/** The element's public properties the navigation reads and writes. */
export interface NavHost extends ReactiveControllerHost, HTMLElement {
  selected?: string;
  focusId?: string;
  search: string;
  tour: boolean;
  tourInterval: number;
  readonly hasUpdated: boolean;
}

export interface NavDeps {
  shown(): Shown | undefined;
  /** Node positions on screen now (graph coordinates). */
  positions(): ReadonlyMap<string, Point>;
  view: ChainViewController;
  /** Node under a stage point. */
  hit(x: number, y: number, target: EventTarget | null | undefined): string | null;
  label(): (n: ChainNode) => string;
  terms(): Terms;
  /** Any node of the data by id (also one filtered out), for event details. */
  node(id: string): ChainNode | undefined;
  centreOn(id: string): void;
}

const ARROWS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

export class ChainNavController implements ReactiveController {
  hovered: string | null = null;
  highlighted: string | null = null;
  active: string | null = null;
  /** Text of the polite live region. */
  announcement = '';
  private readonly host: NavHost;
  private readonly d: NavDeps;
  /** Set while the element changes `selected` itself (click, Enter, Escape): no `api` event for those. */
  private ownSelect = false;
  private lastHover: string | null = null;
  private tourTimer?: ReturnType<typeof setInterval>;
  private tourIndex = -1;

  constructor(host: NavHost, deps: NavDeps) {
    this.host = host;
    this.d = deps;
    host.addController(this);
  }

  hostConnected(): void {
    this.syncTour();
  }

  hostDisconnected(): void {
    this.stopTour();
  }

  /** From the element's willUpdate: the `api` select event and the tour timer follow their properties. */
  willUpdate(changed: PropertyValues): void {
    if (changed.has('selected')) {
      const own = this.ownSelect;
      this.ownSelect = false;
      if (!own && this.host.hasUpdated) {
        const id = this.host.selected || null;
        this.host.dispatchEvent(new CivicSelectEvent({ id, item: id ? this.plainNode(id) : undefined, trigger: 'api' }));
      }
    }
    if (changed.has('tour') || changed.has('tourInterval')) this.syncTour();
  }

  /** The node whose neighbourhood is emphasised: hover wins, then highlight (tour), keyboard, focus attribute. */
  get emphasis(): string | null {
    const s = this.d.shown();
    if (!s) return null;
    for (const id of [this.hovered, this.highlighted, this.active, this.host.focusId ?? null]) if (id && s.byId.has(id)) return id;
    return null;
  }

  /** Node ids in the order the tour visits them. */
  get tourIds(): string[] {
    const s = this.d.shown();
    return s ? tourOrder(s.data) : [];
  }

  highlight(id: string | null): void {
    this.highlighted = id && this.d.shown()?.byId.has(id) ? id : null;
    if (this.highlighted) this.announcement = this.describe(this.highlighted);
    this.host.requestUpdate();
  }

  /** One tour step (skipped while the pointer is on a node). */
  tourStep(): void {
    if (this.hovered) return;
    const ids = this.tourIds;
    if (!ids.length) return;
    this.tourIndex = (this.tourIndex + 1) % ids.length;
    this.highlight(ids[this.tourIndex]);
  }

  plainNode(id: string): Record<string, unknown> | undefined {
    const n = this.d.shown()?.byId.get(id) ?? this.d.node(id);
    if (!n) return undefined;
    return { id: n.id, name: n.name, nameEn: n.nameEn, type: n.type, chain: n.chain ?? n.home, ...(n.chains ? { chains: [...n.chains] } : {}), tier: n.tier, flags: [...n.flags], attrs: { ...n.attrs }, illustrative: n.illustrative };
  }

  // ── handlers (bound in the element's template) ──
  onPointerMove = (e: PointerEvent): void => {
    if (this.d.view.gesturing) return; // no hit-testing while a pan or zoom runs
    const [x, y] = this.d.view.stagePoint(e);
    const id = this.d.hit(x, y, e.composedPath()[0]);
    if (id !== this.hovered) {
      this.hovered = id;
      this.host.requestUpdate();
      this.emitHover(id);
    }
  };

  onPointerLeave = (): void => {
    if (this.hovered === null) return;
    this.hovered = null;
    this.host.requestUpdate();
    this.emitHover(null);
  };

  onBlur = (): void => {
    this.active = null;
    this.host.requestUpdate();
  };

  onClick = (e: MouseEvent): void => {
    const [x, y] = this.d.view.stagePoint(e);
    const id = this.d.hit(x, y, e.composedPath()[0]);
    if (!id) return;
    this.active = id;
    this.choose(id, 'pointer');
  };

  onSearchKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter') return;
    const id = searchNodes(this.d.shown()?.data.nodes ?? [], this.host.search)[0];
    if (!id) return;
    this.active = id;
    this.d.centreOn(id);
    this.announcement = this.describe(id);
    this.host.requestUpdate();
  };

  onKey = (e: KeyboardEvent): void => {
    const s = this.d.shown();
    if (!s || e.composedPath()[0] !== this.d.view.stageEl) return;
    if (this.d.view.key(e)) return; // + / - zoom, Shift+arrows pan
    if (e.key in ARROWS) {
      e.preventDefault();
      const cur = this.active && s.byId.has(this.active) ? this.active : null;
      const next = cur ? neighbourInDirection(cur, ARROWS[e.key], s.adj, this.d.positions()) : this.startNode(s);
      if (next) this.moveActive(next);
      return;
    }
    if ((e.key === 'Enter' || e.key === ' ') && this.active && s.byId.has(this.active)) {
      e.preventDefault();
      this.choose(this.active, 'keyboard');
      return;
    }
    if (e.key !== 'Escape') return;
    const had = !!this.host.selected;
    this.active = this.hovered = this.highlighted = null;
    this.host.requestUpdate();
    if (had) {
      this.ownSelect = true;
      this.host.selected = undefined;
      this.announcement = this.d.terms().cleared;
      this.host.dispatchEvent(new CivicSelectEvent({ id: null, trigger: 'keyboard' }));
    }
    this.emitHover(null);
  };

  // ── helpers ──
  private startNode(s: Shown): string | null {
    for (const id of [this.host.selected, this.host.focusId, ...s.data.chains.map((c) => c.leader)]) if (id && s.byId.has(id)) return id;
    return s.data.nodes[0]?.id ?? null;
  }

  /** Keyboard focus moves to `id`: announced, hovered for listeners, centred when it is near the stage's edge. */
  private moveActive(id: string): void {
    this.active = id;
    this.announcement = this.describe(id);
    this.host.requestUpdate();
    this.emitHover(id);
    const p = this.d.positions().get(id);
    const { width, height } = this.d.view.stageSize;
    if (!p || width <= 0) return;
    const [x, y] = this.d.view.zt.apply([p.x, p.y]);
    if (x < 20 || y < 20 || x > width - 20 || y > height - 20) this.d.centreOn(id);
  }

  private choose(id: string, trigger: 'pointer' | 'keyboard'): void {
    if (this.host.selected !== id) this.ownSelect = true;
    this.host.selected = id;
    this.announcement = this.d.terms().selectedNode(this.d.label()(this.d.shown()!.byId.get(id)!));
    this.host.requestUpdate();
    this.host.dispatchEvent(new CivicSelectEvent({ id, item: this.plainNode(id), trigger }));
  }

  private emitHover(id: string | null): void {
    if (id === this.lastHover) return;
    this.lastHover = id;
    this.host.dispatchEvent(new CivicHoverEvent({ id, item: id ? this.plainNode(id) : undefined }));
  }

  private describe(id: string): string {
    const s = this.d.shown();
    const n = s?.byId.get(id);
    if (!s || !n) return '';
    const tt = this.d.terms();
    return tt.current(this.d.label()(n), tt['type-' + n.type], (s.adj.get(id) ?? []).length);
  }

  private syncTour(): void {
    this.stopTour();
    if (!this.host.tour || !this.host.isConnected) return;
    this.tourTimer = setInterval(() => this.tourStep(), Math.max(1, this.host.tourInterval || 4) * 1000);
  }

  private stopTour(): void {
    if (this.tourTimer !== undefined) clearInterval(this.tourTimer);
    this.tourTimer = undefined;
  }
}
