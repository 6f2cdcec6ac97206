/**
 * Module worker for <civic-chain-graph>: runs layouts off the main thread for large graphs.
 * Message in: `LayoutJob`; messages out: `{ job, type: 'progress', value }` and `{ job, type: 'done', ids, xs, ys }`.
 * Label widths are measured by the element (DOM fonts) and passed in.
 */
import { createForceLayout, estimateTextWidth, radialLayout, radiusByAttribute, tiersLayout } from './chain-graph.layout.js';
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
    const r = m.kind === 'radial' ? radialLayout(m.data, opts) : tiersLayout(m.data, opts);
    const ids = [...r.positions.keys()];
    const xs = new Float64Array(ids.map((id) => r.positions.get(id)!.x));
    const ys = new Float64Array(ids.map((id) => r.positions.get(id)!.y));
    scope.postMessage({ job: m.job, type: 'done', ids, xs, ys }, [xs.buffer, ys.buffer]);
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
  const ids = run.nodes.map((n) => n.id);
  const xs = new Float64Array(run.nodes.map((n) => n.x ?? 0));
  const ys = new Float64Array(run.nodes.map((n) => n.y ?? 0));
  scope.postMessage({ job: m.job, type: 'done', ids, xs, ys }, [xs.buffer, ys.buffer]);
};
