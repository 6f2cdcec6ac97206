/**
 * The public attributes and properties of <civic-chain-graph>, documented once (the custom-elements manifest lists them
 * on the element through this base), and the data hooks of the data element (parse with the field map, counts). The
 * element (chain-graph.ts) wires them to its controllers.
 */
import type { PropertyDeclarations } from 'lit';
import { CivicDataElement } from '../../data/civic-data-element.js';
import type { ParseContext } from '../../data/data-controller.js';
import type { Validated } from '../../data/validate.js';
import { parseChainData, parseChainSteps, parseFieldMap } from './chain-graph.model.js';
import { isRecord } from '../../core/issues/issue.js';
import { orDefault } from '../common/attr-default.js';
import { yieldThen } from './chain-graph.tasks.js';
import { prewarmLayoutWorker } from './chain-graph.layout-controller.js';
import type { ChainData, ChainLayout, ChainPositions, ChainRenderer } from './chain-graph.types.js';

/** `export` is on unless the attribute says `false`/`off`; removing the attribute turns it off too. */
const EXPORT_CONVERTER = {
  fromAttribute: (v: string | null): boolean => v !== null && v !== 'false' && v !== 'off',
  toAttribute: (v: boolean): string => (v ? '' : 'false'),
};

/**
 * Payloads with more nodes than this are validated in time slices (the task that set the data does not also parse
 * thousands of nodes; no main-thread task over 50 ms). Smaller ones at once, as before.
 */
export const LATER_PARSE_FROM = 1000;
/** One parse slice stays under this many milliseconds. */
const PARSE_SLICE_MS = 8;

/**
 * Runs `parseChainSteps` in slices of at most PARSE_SLICE_MS, each in a task of its own; same result as
 * `parseChainData`. It resolves from a task of its own too: the update that draws the parsed graph (the shown graph,
 * the first render of the picture's DOM) does not share a task with the last slice.
 */
export function parseSliced(raw: unknown, fields: ReturnType<typeof parseFieldMap>): Promise<Validated<ChainData>> {
  const steps = parseChainSteps(raw, { fields });
  return new Promise((resolve, reject) => {
    const slice = () => {
      try {
        const t0 = performance.now();
        for (;;) {
          const r = steps.next();
          if (r.done) return yieldThen(() => resolve(r.value));
          if (performance.now() - t0 >= PARSE_SLICE_MS) return yieldThen(slice);
        }
      } catch (e) {
        reject(e);
      }
    };
    yieldThen(slice);
  });
}

/** @internal */
export abstract class ChainGraphProps extends CivicDataElement<ChainData> {
  /**
   * The reactive properties, in one table rather than as property decorators (issue 16: esbuild's decorator helper
   * and calls cost every page that loads the graph); each field below keeps its type and its documentation. A removed
   * attribute gives the README's default back (the shared converter, as the KPI grid and the rank board do), and an
   * attribute with no default (`—`) gives undefined, as before it was set, never null.
   */
  static override properties: PropertyDeclarations = {
    layout: { reflect: true, converter: orDefault('tiers') }, chain: { converter: orDefault('') }, selected: { reflect: true, converter: orDefault() },
    focusId: { attribute: 'focus', converter: orDefault() }, sizeBy: { attribute: 'size-by', converter: orDefault() },
    renderer: { converter: orDefault('auto') }, canvasThreshold: { attribute: 'canvas-threshold', converter: orDefault(400, true) }, tour: { type: Boolean, reflect: true },
    tourInterval: { attribute: 'tour-interval', converter: orDefault(4, true) }, seed: { converter: orDefault(1, true) }, fields: { converter: orDefault() }, search: { converter: orDefault('') },
    positions: { attribute: false }, export: { reflect: true, converter: EXPORT_CONVERTER }, fileName: { attribute: 'file-name', converter: orDefault() },
  };
  /** Layout: `tiers` (upstream → leader → downstream columns), `force` (clusters per chain) or `radial` (leader at the centre, rings by hops). */
  layout: ChainLayout = 'tiers';
  /** Chain id to show alone; empty or `all` shows every chain side by side. */
  chain = '';
  /** Id of the selected node (reflected). Setting it from outside (after the first render) fires `civic-select` once with trigger `api`. */
  selected?: string;
  /** Id of a node to focus: its neighbourhood is emphasised and the view centres on it. */
  focusId?: string;
  /** Numeric attribute (`attrs.<name>`) that sizes nodes, e.g. `employees` or `output`. */
  sizeBy?: string;
  /** `auto` (SVG, canvas above `canvas-threshold` nodes), `svg` or `canvas`. Interaction is the same. */
  renderer: ChainRenderer = 'auto';
  /** Node count above which `renderer="auto"` draws on canvas. */
  canvasThreshold = 400;
  /** Cycles the highlight through leaders and members (big screens). */
  tour = false;
  /** Seconds per tour step. */
  tourInterval = 4;
  /** Seed of the force layout: the same seed gives the same picture after every reload. */
  seed = 1;
  /** Field mapping for payloads that name fields differently, e.g. `id=code, name=title, type=category`. */
  fields?: string;
  /** Text to search for in node names; matches are ringed and the first one is centred. */
  search = '';
  /** Pinned node positions (graph coordinates) keyed by id; dragging a node adds to it and fires `civic-positions-change`. */
  positions: ChainPositions = {};
  /**
   * Shows the export button (part `export-button`) in the toolbar, which downloads the graph as a PNG.
   * On by default, unlike the KPI tiles and the rank board: the graph already has a toolbar (search, reset
   * view), it is explored rather than glanced at, and a picture of the arrangement the user has panned, zoomed,
   * filtered and dragged cannot be rebuilt elsewhere — the same reasoning as `<civic-growth-chart>`'s always-
   * present export menu. `export="false"` hides it (an HTML boolean attribute cannot be switched off otherwise).
   */
  export = true;
  /** Base name of the exported file (sanitised; `.png` is added); default: the tag, `civic-chain-graph`. */
  fileName?: string;

  constructor() {
    super();
    // Nodes and links have no CSV form: a `data` string must be JSON text (DataControllerOptions.jsonText).
    this.feed.o.jsonText = true;
  }

  protected override parse(raw: unknown, _ctx: ParseContext): Validated<ChainData> {
    return parseChainData(raw, { fields: parseFieldMap(this.fields) });
  }

  protected override parseLater(raw: unknown, _ctx: ParseContext): Promise<Validated<ChainData>> | undefined {
    const nodes = isRecord(raw) ? raw.nodes : undefined;
    if (!Array.isArray(nodes) || nodes.length <= LATER_PARSE_FROM) return undefined;
    // A graph this large is laid out in the worker: it starts now and loads its module while the payload is parsed,
    // so creating it is not part of the task that draws the parsed graph.
    prewarmLayoutWorker();
    return parseSliced(raw, parseFieldMap(this.fields));
  }

  protected override parseDeps(): readonly unknown[] {
    return [this.fields];
  }

  protected override count(v: ChainData): number {
    return v.nodes.length;
  }

  protected override isEmpty(v: ChainData): boolean {
    return v.nodes.length === 0;
  }
}
