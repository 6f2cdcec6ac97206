/** Const arrays and union types for <civic-chain-graph> (feed validation and Storybook options). */

export const NODE_TYPES = ['leader', 'member', 'party-branch', 'park', 'project', 'service-team'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const TIERS = ['upstream', 'core', 'downstream'] as const;
export type Tier = (typeof TIERS)[number];

export const LINK_KINDS = ['supply', 'alliance', 'party-link', 'service', 'located-in'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const LAYOUTS = ['tiers', 'force', 'radial'] as const;
export type ChainLayout = (typeof LAYOUTS)[number];

export const RENDERERS = ['auto', 'svg', 'canvas'] as const;
export type ChainRenderer = (typeof RENDERERS)[number];

/** One alliance: its id, display names and the id of its leader node. */
export interface ChainDef {
  id: string;
  name: string;
  nameEn?: string;
  leader: string;
}

/** One organisation (firm, party branch, park, project or service team). */
export interface ChainNode {
  id: string;
  name: string;
  nameEn?: string;
  type: NodeType;
  /** Chain id; `undefined` when the node is shared (e.g. a park) — then `home` says where it is drawn. */
  chain?: string;
  /** Every chain the node belongs to, when the payload lists more than one (`chain: ["auto", "equip"]`); `chain` is the first. */
  chains?: string[];
  /** Chain the node is drawn in (its own chain, else the chain of most of its neighbours, else the first chain). */
  home: string;
  tier: Tier;
  /** True when the tier was not given and was derived. */
  tierDerived?: boolean;
  flags: string[];
  attrs: Record<string, number>;
  illustrative: boolean;
  /** Index in the input `nodes` array (for issue paths and stable ordering). */
  index: number;
}

export interface ChainLink {
  source: string;
  target: string;
  kind: LinkKind;
  weight: number;
  /** Index in the input `links` array. */
  index: number;
  /** True for a supply link that closes a cycle (ignored when ordering tiers). */
  cyclic?: boolean;
}

/** Validated payload. */
export interface ChainData {
  chains: ChainDef[];
  nodes: ChainNode[];
  links: ChainLink[];
  /** True when the whole file is marked illustrative (a string note also counts). */
  illustrative: boolean;
  note?: string;
}

/** Field names in the incoming JSON, for APIs that spell them differently. */
export interface ChainFieldMap {
  id?: string;
  name?: string;
  type?: string;
  chain?: string;
  tier?: string;
  source?: string;
  target?: string;
  kind?: string;
  weight?: string;
  leader?: string;
}

export interface Point {
  x: number;
  y: number;
}

/** Saved (pinned) positions keyed by node id. */
export type ChainPositions = Record<string, Point>;
