/**
 * The parts of <civic-chain-graph> around the picture, as plain functions: the graph being shown (after the chain
 * choice and legend filters), legend (filter toggles), table twin, tooltip and its lines. No state of their own; the
 * element passes what they show and the callbacks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { symbol } from './chain-graph.symbols.js';
import { formatNumber } from '../../core/format/number.js';
import { confineTooltip } from '../../core/render/tooltip-confine.js';
import type { chainGraphTerms } from './chain-graph.i18n.js';
import { adjacency, filterChainData, hasIllustrative, type ChainFilter } from './chain-graph.model.js';
import { radiusByAttribute } from './chain-graph.geometry.js';
import { SHAPES, type Shown } from './chain-graph.scene.js';
import { LINK_KINDS, NODE_TYPES, type ChainData, type ChainLink, type ChainNode } from './chain-graph.types.js';

/** The chain graph's terms in one language, indexable by `type-…`, `kind-…`, `tier-…`, `attr-…` keys. */
export type Terms = Record<string, string> & typeof chainGraphTerms.en;

/** The legend: node types and link kinds, each a toggle button that filters (aria-pressed = shown). */
export function renderLegend(tt: Terms, shown: Shown, hiddenTypes: ReadonlySet<string>, hiddenKinds: ReadonlySet<string>, toggle: { type: (t: string) => void; kind: (k: string) => void }): TemplateResult {
  const { types, kinds } = shown;
  return html`<ul part="legend" aria-label=${tt.legend}>
    <li class="legend-heading" aria-hidden="true">${tt.nodeTypes}</li>
    ${types.map(
      (t) => html`<li>
        <button type="button" aria-pressed=${hiddenTypes.has(t) ? 'false' : 'true'} data-type=${t} @click=${() => toggle.type(t)}>
          <svg class="swatch" viewBox="-10 -7 20 14" aria-hidden="true"><path class="sw" data-type=${t} d=${symbol(SHAPES[t], 90)() ?? ''}></path></svg>${tt['type-' + t]}
        </button>
      </li>`,
    )}
    <li class="legend-heading" aria-hidden="true">${tt.linkKinds}</li>
    ${kinds.map(
      (k) => html`<li>
        <button type="button" aria-pressed=${hiddenKinds.has(k) ? 'false' : 'true'} data-kind=${k} @click=${() => toggle.kind(k)}>
          <svg class="swatch" viewBox="0 -5 24 10" aria-hidden="true"><line class="ls" data-kind=${k} x1="0" y1="0" x2="24" y2="0"></line></svg>${tt['kind-' + k]}
        </button>
      </li>`,
    )}
  </ul>`;
}

/** The table twin (in a disclosure): every node with its type, chain, tier, flags and relations; rows of large graphs only when open. */
export function renderTable(
  tt: Terms,
  caption: string,
  s: Shown,
  label: (n: ChainNode) => string,
  chainNameOf: (c: ChainData['chains'][number]) => string,
  open: boolean,
  toggled: (open: boolean) => void,
): TemplateResult {
  const big = s.data.nodes.length > 500;
  const chainName = new Map(s.data.chains.map((c) => [c.id, chainNameOf(c)]));
  const showRows = !big || open;
  const out = new Map<string, ChainLink[]>();
  const inc = new Map<string, ChainLink[]>();
  if (showRows)
    for (const l of s.data.links) {
      (out.get(l.source) ?? out.set(l.source, []).get(l.source)!).push(l);
      (inc.get(l.target) ?? inc.set(l.target, []).get(l.target)!).push(l);
    }
  return html`<details part="table-details" @toggle=${(e: Event) => toggled((e.target as HTMLDetailsElement).open)}>
    <summary>${caption} (${tt.nNodes(s.data.nodes.length)})</summary>
    <table part="table">
      <thead>
        <tr>
          <th scope="col">${tt.name}</th>
          <th scope="col">${tt.type}</th>
          <th scope="col">${tt.chain}</th>
          <th scope="col">${tt.tier}</th>
          <th scope="col">${tt.flags}</th>
          <th scope="col">${tt.relations}</th>
        </tr>
      </thead>
      <tbody>
        ${showRows
          ? s.data.nodes.map(
              (n) => html`<tr data-id=${n.id}>
                <th scope="row">${label(n)}${n.illustrative ? html` <small>(${tt.illustrativeNode})</small>` : nothing}</th>
                <td>${tt['type-' + n.type]}</td>
                <td>${(n.chains ?? [n.home]).map((c) => chainName.get(c)).filter(Boolean).join('、')}</td>
                <td>${tt['tier-' + n.tier]}</td>
                <td>${n.flags.join('、')}</td>
                <td>
                  ${[
                    ...(out.get(n.id) ?? []).map((l) => tt.outgoing(tt['kind-' + l.kind], label(s.byId.get(l.target)!))),
                    ...(inc.get(n.id) ?? []).map((l) => tt.incoming(tt['kind-' + l.kind], label(s.byId.get(l.source)!))),
                  ].join('；')}
                </td>
              </tr>`,
            )
          : nothing}
      </tbody>
    </table>
  </details>`;
}

/** Tooltip lines of a node: name, type · tier, flags, attributes, number of links, the illustrative marker. */
export function tooltipLines(tt: Terms, s: Shown, id: string, label: (n: ChainNode) => string, lang: 'zh-CN' | 'en', illustrative: string): string[] | undefined {
  const n = s.byId.get(id);
  if (!n) return undefined;
  const lines = [label(n)];
  lines.push(`${tt['type-' + n.type]} · ${tt['tier-' + n.tier]}`);
  if (n.flags.length) lines.push(n.flags.join('、'));
  for (const [k, v] of Object.entries(n.attrs)) lines.push(`${tt['attr-' + k] ?? k}${lang === 'en' ? ': ' : '：'}${formatNumber(v, { lang })}`);
  lines.push(tt.nLinks((s.adj.get(id) ?? []).length));
  if (n.illustrative) lines.push(illustrative);
  return lines;
}

/** The graph shown for a chain choice and legend filters, with its lookups (legend entries: every type/kind in `data`). */
export function shownGraph(data: ChainData, filter: ChainFilter, sizeBy: string | undefined): Shown {
  const visible = filterChainData(data, filter);
  return {
    data: visible,
    byId: new Map(visible.nodes.map((n) => [n.id, n])),
    adj: adjacency(visible.links),
    radius: radiusByAttribute(visible.nodes, sizeBy),
    illustrative: hasIllustrative(visible),
    types: NODE_TYPES.filter((t) => data.nodes.some((n) => n.type === t)),
    kinds: LINK_KINDS.filter((k) => data.links.some((l) => l.kind === k)),
  };
}

/**
 * The tooltip at stage point (x, y): below-right of the node, flipped above / to the left and kept inside the stage,
 * reshaped to show whole on a stage shorter than it (confineTooltip measures it once rendered).
 */
export function renderTooltip(lines: string[], x: number, y: number): TemplateResult {
  // No white space around the lines: the tooltip keeps line breaks (white-space: pre-line), a new line before
  // <strong> was an empty first line.
  return html`<div part="tooltip" role="tooltip" ${confineTooltip(x, y)}><strong>${lines[0]}</strong>${lines.slice(1).join('\n')}</div>`;
}

/** `set` with `v` added, or removed when it was there (the legend's filter toggles). */
export function toggle(set: ReadonlySet<string>, v: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(v)) next.delete(v);
  else next.add(v);
  return next;
}
