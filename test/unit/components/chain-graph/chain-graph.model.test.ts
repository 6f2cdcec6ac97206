import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { adjacency, filterChainData, hasIllustrative, hopDistances, neighbourhood, parseChainData, parseFieldMap, searchNodes, tourOrder } from '../../../../src/components/chain-graph/chain-graph.model.js';

const demo = JSON.parse(readFileSync(new URL('../../../fixtures/chain-graph/chains.json', import.meta.url), 'utf8'));

describe('parseChainData', () => {
  it('accepts the demo shape without issues', () => {
    const { value, issues } = parseChainData(demo);
    expect(issues).toEqual([]);
    expect(value!.chains.map((c) => c.id)).toEqual(['auto', 'equip']);
    expect(value!.nodes.length).toBe(demo.nodes.length);
    expect(value!.links.length).toBe(demo.links.length);
    const gwm = value!.nodes.find((n) => n.id === 'gwm')!;
    expect(gwm).toMatchObject({ type: 'leader', tier: 'core', home: 'auto', illustrative: false, attrs: { capacity: 250000 } });
  });

  it('rejects a payload that is not an object or has no nodes', () => {
    expect(parseChainData(null).value).toBeUndefined();
    expect(parseChainData([]).issues[0].path).toBe('$');
    const r = parseChainData({ chains: [] });
    expect(r.value).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ path: 'nodes', code: 'required' });
  });

  it('reports links to unknown nodes with their path and keeps the rest', () => {
    const raw = structuredCloneish(demo);
    raw.links.push({ source: 'gwm', target: 'ghost', kind: 'supply' });
    raw.links.push({ source: 'nobody', target: 'gwm', kind: 'alliance' });
    const { value, issues } = parseChainData(raw);
    const n = demo.links.length;
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      [`links[${n}].target`, 'unknown-node'],
      [`links[${n + 1}].source`, 'unknown-node'],
    ]);
    expect(value!.links.length).toBe(n);
  });

  it('reports duplicate ids and keeps the first node', () => {
    const { value, issues } = parseChainData({ chains: [{ id: 'a', name: 'A', leader: 'x' }], nodes: [{ id: 'x', name: 'X', type: 'leader', chain: 'a' }, { id: 'x', name: 'X2', type: 'member', chain: 'a' }], links: [] });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'nodes[1].id', code: 'duplicate', severity: 'error' });
    expect(value!.nodes.map((n) => n.name)).toEqual(['X']);
  });

  it('reports chains and nodes that are not objects, lack an id or repeat one, with their messages; names fall back to the id', () => {
    const { value, issues } = parseChainData({
      chains: [{ id: 'a', leader: '7' }, 'b', { name: 'no id' }, { id: 'a', name: 'again' }],
      nodes: [{ id: 7, nameEn: 'Seven', type: 'leader', chain: 'a' }, 3, { id: 7, name: 'twice', type: 'member', chain: 'a' }],
      links: [],
    });
    expect(issues.filter((i) => i.code !== 'required').map((i) => [i.path, i.code, i.message])).toEqual([
      ['chains[1]', 'type', 'expected an object, got "b"'],
      ['chains[3].id', 'duplicate', 'chain id "a" is used twice; the later one is ignored'],
      ['nodes[1]', 'type', 'expected an object, got 3'],
      ['nodes[2].id', 'duplicate', 'node id "7" is used twice; the later node is ignored'],
    ]);
    expect(issues.filter((i) => i.code === 'required').map((i) => i.path)).toEqual(['chains[2].id']);
    expect(value!.chains.map((c) => [c.id, c.name])).toEqual([['a', 'a']]);
    expect(value!.nodes.map((n) => [n.id, n.name, n.nameEn])).toEqual([['7', '7', 'Seven']]);
  });

  it('reports a missing or unknown leader and falls back to a leader node of the chain', () => {
    const r1 = parseChainData({ chains: [{ id: 'a', name: 'A' }], nodes: [{ id: 'x', name: 'X', type: 'leader', chain: 'a' }], links: [] });
    expect(r1.issues[0]).toMatchObject({ path: 'chains[0].leader', code: 'required' });
    expect(r1.value!.chains[0].leader).toBe('x');
    const r2 = parseChainData({ chains: [{ id: 'a', name: 'A', leader: 'zzz' }], nodes: [{ id: 'y', name: 'Y', type: 'member', chain: 'a' }], links: [] });
    expect(r2.issues[0]).toMatchObject({ path: 'chains[0].leader', code: 'unknown-node' });
    expect(r2.value!.chains[0].leader).toBe('');
  });

  it('reports unknown types, tiers, kinds and chains with paths and draws with fallbacks', () => {
    const { value, issues } = parseChainData({
      chains: [{ id: 'a', name: 'A', leader: 'x' }],
      nodes: [
        { id: 'x', name: 'X', type: 'leader', chain: 'a' },
        { id: 'y', name: 'Y', type: 'robot', chain: 'a', tier: 'sideways' },
        { id: 'z', name: 'Z', type: 'member', chain: 'nope' },
      ],
      links: [{ source: 'y', target: 'x', kind: 'friendship' }, { source: 'z', target: 'x', kind: 'supply', weight: -1 }],
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['nodes[1].type', 'enum'],
      ['nodes[1].tier', 'enum'],
      ['nodes[2].chain', 'unknown-chain'],
      ['links[0].kind', 'enum'],
      ['links[1].weight', 'out-of-range'],
    ]);
    const y = value!.nodes.find((n) => n.id === 'y')!;
    expect(y.type).toBe('member');
    expect(y.tier).toBe('core');
    expect(value!.nodes.find((n) => n.id === 'z')!.home).toBe('a');
    expect(value!.links.map((l) => [l.kind, l.weight])).toEqual([['alliance', 1], ['supply', 1]]);
  });

  it('reports supply cycles at the closing link, keeps the link and marks it cyclic', () => {
    const { value, issues } = parseChainData({
      chains: [{ id: 'a', name: 'A', leader: 'x' }],
      nodes: ['x', 'p', 'q', 'r'].map((id) => ({ id, name: id, type: id === 'x' ? 'leader' : 'member', chain: 'a', tier: id === 'x' ? 'core' : 'upstream' })),
      links: [
        { source: 'p', target: 'x', kind: 'supply' },
        { source: 'q', target: 'p', kind: 'supply' },
        { source: 'r', target: 'q', kind: 'supply' },
        { source: 'p', target: 'r', kind: 'supply' },
        { source: 'x', target: 'p', kind: 'alliance' },
      ],
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual([['links[3]', 'cycle']]);
    expect(value!.links.filter((l) => l.cyclic).map((l) => l.index)).toEqual([3]);
    expect(value!.links).toHaveLength(5);
  });

  it('maps field names', () => {
    const { value, issues } = parseChainData(
      { chains: [{ code: 'a', title: 'A', head: 'x' }], nodes: [{ code: 'x', title: 'X', category: 'leader', chain: 'a' }, { code: 'y', title: 'Y', category: 'member', chain: 'a' }], links: [{ from: 'y', to: 'x', rel: 'supply' }] },
      { fields: { id: 'code', name: 'title', type: 'category', leader: 'head', source: 'from', target: 'to', kind: 'rel' } },
    );
    expect(issues).toEqual([]);
    expect(value!.nodes.map((n) => [n.id, n.name, n.type])).toEqual([['x', 'X', 'leader'], ['y', 'Y', 'member']]);
    expect(value!.chains[0].leader).toBe('x');
    expect(value!.links[0]).toMatchObject({ source: 'y', target: 'x', kind: 'supply' });
  });

  it('parses field maps from attribute text', () => {
    expect(parseFieldMap('id=code, name:title')).toEqual({ id: 'code', name: 'title' });
    expect(parseFieldMap('{"type":"kind","bogus":"x"}')).toEqual({ type: 'kind' });
    expect(parseFieldMap('')).toBeUndefined();
    expect(parseFieldMap('{broken')).toBeUndefined();
  });

  it('collects numeric attributes given at the top level and flags given as text', () => {
    const { value } = parseChainData({ nodes: [{ id: 'x', name: 'X', type: 'leader', chain: 'a', output: 3.5, flags: '专精特新、高新' }], links: [] });
    expect(value!.nodes[0].attrs).toEqual({ output: 3.5 });
    expect(value!.nodes[0].flags).toEqual(['专精特新', '高新']);
    expect(value!.chains).toEqual([{ id: 'a', name: 'a', leader: 'x' }]);
  });

  it('assigns shared nodes to the chain of their neighbours and derives party-branch tiers', () => {
    const { value } = parseChainData(demo);
    expect(value!.nodes.find((n) => n.id === 'park-fhh')!.home).toBe('auto');
    const b = value!.nodes.find((n) => n.id === 'b-auto-1')!;
    expect(b.tier).toBe('upstream');
    expect(b.tierDerived).toBe(true);
  });
});

describe('graph queries', () => {
  const data = parseChainData(demo).value!;
  const adj = adjacency(data.links);

  it('neighbourhood and hop distances', () => {
    expect(neighbourhood('b-auto-1', adj)).toEqual(new Set(['b-auto-1', 'm-auto-1', 'gwm']));
    const d = hopDistances('gwm', adj);
    expect(d.get('gwm')).toBe(0);
    expect(d.get('m-auto-1')).toBe(1);
    expect(d.get('pacific')).toBe(2); // via 凤凰湖 park
  });

  it('adjacency lists each neighbour once, in link order, for short and long (hub) lists', () => {
    const link = (source: string, target: string) => ({ source, target, kind: 'supply' as const, weight: 1, index: 0 });
    // A hub with 40 neighbours, every link given twice (once each way), and a short list with a repeat.
    const links = [link('a', 'b'), link('b', 'a'), link('a', 'c'), link('a', 'b')];
    for (let i = 0; i < 40; i++) links.push(link('hub', `n${i}`), link(`n${i}`, 'hub'));
    for (let i = 0; i < 40; i += 7) links.push(link('hub', `n${i}`));
    const adj = adjacency(links);
    expect(adj.get('a')).toEqual(['b', 'c']);
    expect(adj.get('b')).toEqual(['a']);
    expect(adj.get('hub')).toEqual(Array.from({ length: 40 }, (_, i) => `n${i}`));
    expect(adj.get('n7')).toEqual(['hub']);
  });

  it('filters by chain, type and kind', () => {
    const auto = filterChainData(data, { chain: 'auto' });
    expect(auto.chains.map((c) => c.id)).toEqual(['auto']);
    expect(auto.nodes.every((n) => n.home === 'auto' || n.chain === 'auto')).toBe(true);
    const noBranches = filterChainData(data, { hiddenTypes: new Set(['party-branch']) });
    expect(noBranches.nodes.some((n) => n.type === 'party-branch')).toBe(false);
    expect(noBranches.links.some((l) => l.kind === 'party-link')).toBe(false);
    const noSupply = filterChainData(data, { hiddenKinds: new Set(['supply']) });
    expect(noSupply.nodes.length).toBe(data.nodes.length);
    expect(noSupply.links.some((l) => l.kind === 'supply')).toBe(false);
  });

  it('search, tour order and illustrative flag', () => {
    expect(searchNodes(data.nodes, '长城')).toEqual(['gwm']);
    expect(searchNodes(data.nodes, 'pacific precision')).toEqual(['pacific']);
    const tour = tourOrder(data);
    expect(tour[0]).toBe('gwm');
    expect(tour).toContain('pacific');
    expect(tour.indexOf('pacific')).toBeGreaterThan(tour.indexOf('m-auto-1'));
    expect(hasIllustrative(data)).toBe(true);
    expect(hasIllustrative(filterChainData(data, { hiddenTypes: new Set(['member', 'party-branch']) }))).toBe(false);
  });
});

function structuredCloneish<T>(v: T): T {
  return JSON.parse(JSON.stringify(v));
}
