/**
 * Pure model for <civic-chain-graph>: validation of `{ chains, nodes, links }`, field mapping, homes, tiers and
 * supply-cycle detection. The graph queries (neighbourhoods, hop distances, filtering, search, tour, arrow-key
 * neighbour) are in chain-graph.graph.ts, re-exported here. No DOM.
 */
import { describe, isRecord, issue, joinPath, readArray, readBoolean, readNumber, readString, type Issue, type Validated } from '../../data/validate.js';
import {
  LINK_KINDS,
  NODE_TYPES,
  TIERS,
  type ChainData,
  type ChainDef,
  type ChainFieldMap,
  type ChainLink,
  type ChainNode,
  type LinkKind,
  type NodeType,
  type Tier,
} from './chain-graph.types.js';
import { adjacency } from './chain-graph.graph.js';
import { inChain, markSupplyCycles, readChains, reportLeaders } from './chain-graph.checks.js';

export { adjacency, filterChainData, hasIllustrative, hopDistances, neighbourhood, neighbourInDirection, searchNodes, tourOrder, type ChainFilter } from './chain-graph.graph.js';

export interface ParseChainOptions {
  /** Field names in the payload (defaults: id, name, type, chain, tier, source, target, kind, weight, leader). */
  fields?: ChainFieldMap;
}

const KNOWN_NODE_KEYS = new Set(['id', 'name', 'nameEn', 'type', 'chain', 'tier', 'flags', 'attrs', 'illustrative', 'source', 'note']);

/** Parses `"id=code, name=title"` or a JSON object into a field map; unknown keys are ignored. */
export function parseFieldMap(text: string | null | undefined): ChainFieldMap | undefined {
  if (!text) return undefined;
  const t = text.trim();
  if (t === '') return undefined;
  const out: Record<string, string> = {};
  const allowed = ['id', 'name', 'type', 'chain', 'tier', 'source', 'target', 'kind', 'weight', 'leader'];
  if (t.startsWith('{')) {
    try {
      const o: unknown = JSON.parse(t);
      if (isRecord(o)) for (const k of allowed) if (typeof o[k] === 'string') out[k] = o[k] as string;
    } catch {
      return undefined;
    }
  } else {
    for (const part of t.split(/[,;]/)) {
      const m = /^\s*([\w-]+)\s*[=:]\s*([^\s]+)\s*$/.exec(part);
      if (m && allowed.includes(m[1])) out[m[1]] = m[2];
    }
  }
  return Object.keys(out).length ? (out as ChainFieldMap) : undefined;
}

function field(o: Record<string, unknown>, fields: ChainFieldMap | undefined, key: keyof ChainFieldMap): [unknown, string] {
  const name = fields?.[key] ?? key;
  return [o[name], name];
}

/**
 * Validates a chain payload. Never throws. Keeps every valid chain, node and link; reports every problem
 * with a path (`links[7].target`, `nodes[3].type`, `chains[0].leader`).
 */
export function parseChainData(raw: unknown, options: ParseChainOptions = {}): Validated<ChainData> {
  const steps = parseChainSteps(raw, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Nodes or links validated between two yields of `parseChainSteps`. */
export const PARSE_STEP = 250;

/**
 * `parseChainData` in steps: yields after every PARSE_STEP nodes or links and between the whole-graph passes, so a
 * caller can spread a large payload over several tasks (the element does from LATER_PARSE_FROM nodes). The result is
 * the same as `parseChainData`'s, which runs these steps in one go.
 */
export function* parseChainSteps(raw: unknown, options: ParseChainOptions = {}): Generator<void, Validated<ChainData>, void> {
  const issues: Issue[] = [];
  const f = options.fields;
  if (!isRecord(raw)) {
    issues.push(issue('$', 'type', `expected an object with chains, nodes and links, got ${describe(raw)}`));
    return { value: undefined, issues };
  }
  const rawNodes = readArray(raw.nodes, 'nodes', issues);
  if (!rawNodes) return { value: undefined, issues };
  const rawLinks = readArray(raw.links ?? raw.edges, raw.links === undefined && raw.edges !== undefined ? 'edges' : 'links', issues, false) ?? [];
  const linksPath = raw.links === undefined && raw.edges !== undefined ? 'edges' : 'links';
  const rawChains = readArray(raw.chains, 'chains', issues, false) ?? [];

  // ── chains ──
  const chains: ChainDef[] = [];
  const chainIds = new Set<string>();
  const chainLeaderPath: string[] = [];
  for (let i = 0; i < rawChains.length; i++) {
    const c = rawChains[i];
    const p = joinPath('chains', i);
    if (!isRecord(c)) {
      issues.push(issue(p, 'type', `expected an object, got ${describe(c)}`));
      continue;
    }
    const [idV, idK] = field(c, f, 'id');
    const id = readString(idV, joinPath(p, idK), issues, { required: true, coerceNumber: true });
    if (id === undefined) continue;
    if (chainIds.has(id)) {
      issues.push(issue(joinPath(p, idK), 'duplicate', `chain id ${describe(id)} is used twice; the later one is ignored`));
      continue;
    }
    const [nameV, nameK] = field(c, f, 'name');
    const name = readString(nameV, joinPath(p, nameK), issues) || id;
    const nameEn = readString(c.nameEn, joinPath(p, 'nameEn'), issues) || undefined;
    const [leaderV, leaderK] = field(c, f, 'leader');
    const leader = readString(leaderV, joinPath(p, leaderK), issues, { coerceNumber: true }) ?? '';
    chainIds.add(id);
    chains.push({ id, name, nameEn, leader });
    chainLeaderPath.push(joinPath(p, leaderK));
  }

  // ── nodes ──
  const nodes: ChainNode[] = [];
  const byId = new Map<string, ChainNode>();
  const tierGiven = new Set<string>();
  const mapped = new Set(Object.values(f ?? {}));
  for (let i = 0; i < rawNodes.length; i++) {
    if (i % PARSE_STEP === PARSE_STEP - 1) yield;
    const n = rawNodes[i];
    const p = joinPath('nodes', i);
    if (!isRecord(n)) {
      issues.push(issue(p, 'type', `expected an object, got ${describe(n)}`));
      continue;
    }
    const [idV, idK] = field(n, f, 'id');
    const id = readString(idV, joinPath(p, idK), issues, { required: true, coerceNumber: true });
    if (id === undefined) continue;
    if (byId.has(id)) {
      issues.push(issue(joinPath(p, idK), 'duplicate', `node id ${describe(id)} is used twice; the later node is ignored`));
      continue;
    }
    const [nameV, nameK] = field(n, f, 'name');
    const name = readString(nameV, joinPath(p, nameK), issues) || id;
    const nameEn = readString(n.nameEn, joinPath(p, 'nameEn'), issues) || undefined;
    const [typeV, typeK] = field(n, f, 'type');
    let type: NodeType = 'member';
    if (typeV === undefined || typeV === null) {
      issues.push(issue(joinPath(p, typeK), 'required', `node ${describe(id)} has no type; drawn as a member`, 'warning'));
    } else {
      const t = readString(typeV, joinPath(p, typeK), issues, { oneOf: NODE_TYPES });
      if (t === undefined) issues[issues.length - 1].message += '; drawn as a member';
      else type = t as NodeType;
    }
    const [chainV, chainK] = field(n, f, 'chain');
    // A firm in two alliances lists both: drawn in the first, and shown in each listed chain's picture.
    const inChains = readChains(chainV, joinPath(p, chainK), chainIds, issues);
    const chain = inChains[0];
    const [tierV, tierK] = field(n, f, 'tier');
    let tier: Tier = 'core';
    if (tierV !== undefined && tierV !== null && tierV !== '') {
      const t = readString(tierV, joinPath(p, tierK), issues, { oneOf: TIERS });
      if (t !== undefined) {
        tier = t as Tier;
        tierGiven.add(id);
      }
    }
    let flags: string[] = [];
    if (Array.isArray(n.flags)) {
      n.flags.forEach((fl, j) => {
        const s = readString(fl, joinPath(joinPath(p, 'flags'), j), issues, { coerceNumber: true });
        if (s) flags.push(s);
      });
    } else if (typeof n.flags === 'string' && n.flags.trim() !== '') flags = n.flags.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
    else if (n.flags !== undefined && n.flags !== null) issues.push(issue(joinPath(p, 'flags'), 'type', `expected an array of strings, got ${describe(n.flags)}`));
    const attrs: Record<string, number> = {};
    if (isRecord(n.attrs)) {
      for (const [k, v] of Object.entries(n.attrs)) {
        const num = readNumber(v, joinPath(joinPath(p, 'attrs'), k), issues, { coerce: true });
        if (num !== undefined) attrs[k] = num;
      }
    } else if (n.attrs !== undefined && n.attrs !== null) issues.push(issue(joinPath(p, 'attrs'), 'type', `expected an object of numbers, got ${describe(n.attrs)}`));
    // Loose APIs put numeric attributes at the top level: keep those too.
    for (const k in n) {
      if (!Object.prototype.hasOwnProperty.call(n, k) || KNOWN_NODE_KEYS.has(k) || mapped.has(k) || attrs[k] !== undefined) continue;
      const v = n[k];
      if (typeof v === 'number' && Number.isFinite(v)) attrs[k] = v;
    }
    const illustrative = readBoolean(n.illustrative, joinPath(p, 'illustrative'), issues) ?? false;
    const node: ChainNode = { id, name, nameEn, type, chain, home: chain ?? '', tier, flags, attrs, illustrative, index: i };
    if (inChains.length > 1) node.chains = inChains;
    byId.set(id, node);
    nodes.push(node);
  }

  // ── links ──
  const links: ChainLink[] = [];
  // source → target → bit mask of the kinds already linked (no string key per link: see adjacency()).
  const linked = new Map<string, Map<string, number>>();
  for (let i = 0; i < rawLinks.length; i++) {
    if (i % PARSE_STEP === PARSE_STEP - 1) yield;
    const l = rawLinks[i];
    const p = joinPath(linksPath, i);
    if (!isRecord(l)) {
      issues.push(issue(p, 'type', `expected an object, got ${describe(l)}`));
      continue;
    }
    const [sV, sK] = field(l, f, 'source');
    const [tV, tK] = field(l, f, 'target');
    const source = readString(sV, joinPath(p, sK), issues, { required: true, coerceNumber: true });
    const target = readString(tV, joinPath(p, tK), issues, { required: true, coerceNumber: true });
    if (source === undefined || target === undefined) continue;
    let bad = false;
    if (!byId.has(source)) {
      issues.push(issue(joinPath(p, sK), 'unknown-node', `no node has id ${describe(source)}; the link is not drawn`));
      bad = true;
    }
    if (!byId.has(target)) {
      issues.push(issue(joinPath(p, tK), 'unknown-node', `no node has id ${describe(target)}; the link is not drawn`));
      bad = true;
    }
    if (bad) continue;
    if (source === target) {
      issues.push(issue(joinPath(p, tK), 'self-link', `a link from ${describe(source)} to itself is not drawn`));
      continue;
    }
    const [kV, kK] = field(l, f, 'kind');
    let kind: LinkKind = 'alliance';
    if (kV === undefined || kV === null || kV === '') {
      issues.push(issue(joinPath(p, kK), 'required', 'link has no kind; drawn as an alliance link', 'warning'));
    } else {
      const k = readString(kV, joinPath(p, kK), issues, { oneOf: LINK_KINDS });
      if (k === undefined) issues[issues.length - 1].message += '; drawn as an alliance link';
      else kind = k as LinkKind;
    }
    const [wV, wK] = field(l, f, 'weight');
    const weight = readNumber(wV, joinPath(p, wK), issues, { min: 0, coerce: true }) ?? 1;
    const bit = 1 << LINK_KINDS.indexOf(kind);
    let to = linked.get(source);
    if (!to) linked.set(source, (to = new Map()));
    const mask = to.get(target) ?? 0;
    if (mask & bit) {
      const first = links.find((o) => o.source === source && o.target === target && o.kind === kind)!;
      issues.push(
        issue(p, 'duplicate', `link ${describe(source)} → ${describe(target)} (${kind}) is already given at ${joinPath(linksPath, first.index)}; it is drawn once`, 'warning'),
      );
      continue;
    }
    to.set(target, mask | bit);
    links.push({ source, target, kind, weight, index: i });
  }
  yield;

  // ── leaders ──
  chains.forEach((c, ci) => {
    const lp = chainLeaderPath[ci];
    const leader = c.leader ? byId.get(c.leader) : undefined;
    if (!leader) {
      const fallback = nodes.find((n) => n.type === 'leader' && inChain(n, c.id));
      issues.push(
        issue(
          lp,
          c.leader ? 'unknown-node' : 'required',
          (c.leader ? `no node has id ${describe(c.leader)}` : `chain ${describe(c.id)} names no leader`) +
            (fallback ? `; using ${describe(fallback.id)}` : '; the chain is drawn without a leader'),
        ),
      );
      c.leader = fallback ? fallback.id : '';
    } else if (leader.chain === undefined) {
      leader.chain = c.id;
      leader.home = c.id;
    }
  });
  reportLeaders(nodes, issues, f);
  // Chains implied by nodes when the payload has no `chains` array.
  if (chains.length === 0) {
    const seen = new Set<string>();
    for (const n of nodes) {
      for (const c of n.chains ?? (n.chain ? [n.chain] : [])) {
        if (seen.has(c)) continue;
        seen.add(c);
        const leader = nodes.find((m) => inChain(m, c) && m.type === 'leader');
        chains.push({ id: c, name: c, leader: leader?.id ?? '' });
      }
    }
    if (chains.length === 0) chains.push({ id: 'default', name: '', leader: nodes.find((m) => m.type === 'leader')?.id ?? '' });
  }

  const adj = adjacency(links);
  yield;
  assignHomes(nodes, adj, chains, byId);
  deriveTiers(nodes, adj, byId, tierGiven);
  yield;
  markSupplyCycles(nodes, links, issues, linksPath);

  // A string `illustrative` is a note ("members other than … are illustrative"); only `true` marks the whole file.
  const illustrativeRaw = raw.illustrative;
  const note = typeof raw.note === 'string' ? raw.note : typeof illustrativeRaw === 'string' ? illustrativeRaw : undefined;
  return { value: { chains, nodes, links, illustrative: illustrativeRaw === true, note }, issues };
}

/** Nodes without a chain are drawn in the chain most of their neighbours belong to (ties: chain order). */
function assignHomes(nodes: ChainNode[], adj: Map<string, string[]>, chains: ChainDef[], byId: Map<string, ChainNode>): void {
  const order = new Map(chains.map((c, i) => [c.id, i]));
  // Two passes so chains propagate one hop through shared nodes (branch → park → chain).
  for (let pass = 0; pass < 3; pass++) {
    for (const n of nodes) {
      if (n.home) continue;
      const votes = new Map<string, number>();
      for (const m of adj.get(n.id) ?? []) {
        const h = byId.get(m)?.home;
        if (h) votes.set(h, (votes.get(h) ?? 0) + 1);
      }
      let best = '';
      let bestVotes = 0;
      for (const [h, v] of votes) {
        if (v > bestVotes || (v === bestVotes && (order.get(h) ?? 99) < (order.get(best) ?? 99))) {
          best = h;
          bestVotes = v;
        }
      }
      if (best) n.home = best;
    }
  }
  for (const n of nodes) if (!n.home) n.home = chains[0].id;
}

/** A node without a tier takes the tier of its linked firm (party branches) or stays `core`. */
function deriveTiers(nodes: ChainNode[], adj: Map<string, string[]>, byId: Map<string, ChainNode>, given: Set<string>): void {
  for (const n of nodes) {
    if (given.has(n.id) || n.type === 'leader') continue;
    n.tierDerived = true;
    if (n.type !== 'party-branch') continue;
    for (const m of adj.get(n.id) ?? []) {
      const o = byId.get(m);
      if (o && given.has(o.id) && (o.type === 'member' || o.type === 'leader')) {
        n.tier = o.tier;
        break;
      }
    }
  }
}
