/**
 * The vector source of the tiles renderer (tiles-renderer.ts) for the element's `tiles`: an MVT {z}/{x}/{y} template,
 * a PMTiles archive (`pmtiles://`, with the `pmtiles` package's maplibre protocol, registered once per page), or a
 * TileJSON, read here so that its relative tile URLs resolve against the TileJSON rather than the page.
 */
import type { SourceSpecification } from 'maplibre-gl';
import { fetchJson } from '../../../data/fetch-json.js';
import type { TileSourceRef } from '../tiles.js';

type Bounds = [number, number, number, number];

let pmtilesProtocol: Promise<void> | undefined;
/** Registers the `pmtiles://` protocol with maplibre once per page. */
export function ensurePmtiles(ml: typeof import('maplibre-gl')): Promise<void> {
  pmtilesProtocol ??= import('pmtiles').then(({ Protocol }) => {
    const p = new Protocol({ metadata: true });
    ml.addProtocol('pmtiles', p.tile);
  });
  return pmtilesProtocol;
}

/**
 * The source for `ref`, with features' ids promoted from `promoteId`; template sources take their zooms and bounds
 * from `o`. A TileJSON's own bounds come back as `bounds` (the first view fits them when the element gave none).
 * Throws 'destroyed' when `destroyed()` turns true while the TileJSON loads.
 */
export async function tilesSource(
  ref: TileSourceRef,
  o: { promoteId: string; minzoom?: number; maxzoom?: number; bounds?: Bounds; credentials?: RequestCredentials },
  destroyed: () => boolean,
): Promise<{ source: SourceSpecification; bounds?: Bounds }> {
  if (ref.kind === 'template')
    return { source: { type: 'vector', tiles: [ref.url], minzoom: o.minzoom ?? 0, maxzoom: o.maxzoom ?? 14, promoteId: o.promoteId, ...(o.bounds ? { bounds: o.bounds } : {}) } };
  if (ref.kind === 'pmtiles') return { source: { type: 'vector', url: `pmtiles://${ref.url}`, promoteId: o.promoteId } };
  // Read the TileJSON here rather than through maplibre: its `tiles` are often relative ("tiles/{z}/{x}/{y}.pbf"),
  // meant relative to the TileJSON, and maplibre would resolve them against the page.
  const tj = (await fetchJson(ref.url, { credentials: o.credentials })) as { tiles?: unknown; minzoom?: unknown; maxzoom?: unknown; bounds?: unknown };
  if (destroyed()) throw new Error('destroyed');
  const tiles = Array.isArray(tj?.tiles) ? tj.tiles.filter((t): t is string => typeof t === 'string') : [];
  if (!tiles.length) throw new Error(`${ref.url} is not a TileJSON with "tiles"`);
  const abs = (u: string) => new URL(u, ref.url).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');
  const b = Array.isArray(tj.bounds) && tj.bounds.length === 4 && tj.bounds.every((v) => typeof v === 'number') ? (tj.bounds as Bounds) : undefined;
  const source: SourceSpecification = {
    type: 'vector',
    tiles: tiles.map(abs),
    minzoom: typeof tj.minzoom === 'number' ? tj.minzoom : 0,
    maxzoom: typeof tj.maxzoom === 'number' ? tj.maxzoom : 14,
    promoteId: o.promoteId,
    ...(b ? { bounds: b } : {}),
  };
  return { source, bounds: b };
}
