/**
 * Module worker for <civic-chain-graph>: runs layouts off the main thread for large graphs.
 * Message in: `LayoutJob`; messages out: `{ job, type: 'progress', value }` and `{ job, type: 'done', ids, xs, ys }`.
 * Label widths are measured by the element (DOM fonts) and passed in.
 */
import { createForceLayout, estimateTextWidth, radialLayout, radiusByAttribute, tiersLayout, type LayoutResult } from './chain-graph.layout.js';
import type { ChainData, ChainLayout, ChainPositions } from './chain-graph.types.js';

export interface LayoutJob {
  job: number;
  kind: ChainLayout;
  aspect?: number;
  data: ChainData;
  seed: number;
  pins: ChainPositions;
  sizeBy?: string;
  lang: string;
  widths: Record<string, number>;
}

/** The worker's answer: positions by id, the bounds of nodes and labels, and the label side. */
export interface LayoutDone {
  job: number;
  type: 'done';
  ids: string[];
  xs: Float64Array;
  ys: Float64Array;
  bounds: LayoutResult['bounds'];
  labelSide: LayoutResult['labelSide'];
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<LayoutJob>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const m = e.data;
  const label = m.lang === 'en' ? (n: ChainData['nodes'][number]) => n.nameEn ?? n.name : (n: ChainData['nodes'][number]) => n.name;
  const opts = {
    seed: m.seed,
    pins: m.pins,
    aspect: m.aspect,
    radius: radiusByAttribute(m.data.nodes, m.sizeBy),
    label,
    measureText: (t: string) => m.widths[t] ?? estimateTextWidth(t),
  };
  if (m.kind !== 'force') {
    post(m.job, m.kind === 'radial' ? radialLayout(m.data, opts) : tiersLayout(m.data, opts));
    return;
  }
  const run = createForceLayout(m.data, opts);
  let last = performance.now();
  while (!run.step(1)) {
    const now = performance.now();
    if (now - last > 100) {
      last = now;
      scope.postMessage({ job: m.job, type: 'progress', value: 1 - run.remaining / run.total });
    }
  }
  post(m.job, run.result());
};

function post(job: number, r: LayoutResult): void {
  const ids = [...r.positions.keys()];
  const xs = new Float64Array(ids.length);
  const ys = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    const p = r.positions.get(id)!;
    xs[i] = p.x;
    ys[i] = p.y;
  });
  const done: LayoutDone = { job, type: 'done', ids, xs, ys, bounds: r.bounds, labelSide: r.labelSide };
  scope.postMessage(done, [xs.buffer, ys.buffer]);
}
