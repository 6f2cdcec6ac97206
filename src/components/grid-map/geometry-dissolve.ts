/**
 * Parent outlines that the geometry names but does not contain (a grid file without its communities), dissolved
 * from their children with turf `union` (falling back to `dissolve`). The polygon clipping behind it (polyclip-ts,
 * bignumber.js, splaytree-ts) is about a sixth of the map's code, and the first picture does not need it: the element
 * loads this module with a dynamic import after that picture (GeometrySource.dissolveLater). Node tools and tests
 * that want the whole hierarchy at once call `parseGeometryWithParents`.
 */
// Per-function turf packages (see geometry.ts).
import { dissolve } from '@turf/dissolve';
import { featureCollection } from '@turf/helpers';
import { union } from '@turf/union';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { issue, type Issue, type Validated } from '../../data/validate.js';
import { buildHierarchy, parentFromCode, parseGeometry, type GeometryOptions } from './geometry.js';
import { geometryBbox, interiorPoint } from './geometry-planar.js';
import { LEVEL_RANK, type GridFeature, type GridGeometry, type GridLevel, type GridPolygon } from './grid-map.types.js';

/** parseGeometry, then missing parents dissolved into the result (issues of both). */
export function parseGeometryWithParents(raw: unknown, opts: GeometryOptions = {}): Validated<GridGeometry> {
  const res = parseGeometry(raw, opts);
  if (res.value) dissolveMissingParents(res.value, res.issues);
  return res;
}

const PARENT_LEVEL: Record<GridLevel, GridLevel> = { grid: 'community', community: 'street', village: 'town', street: 'street', town: 'town' };

/**
 * Parents referenced by `parent` but absent from the data are dissolved from their children with turf
 * (`union`, falling back to `dissolve`), once; then the same one level up (by code prefix). Mutates `geo`.
 */
export function dissolveMissingParents(geo: GridGeometry, issues: Issue[]): number {
  let made = 0;
  for (let pass = 0; pass < 2; pass++) {
    const missing = new Map<string, GridFeature[]>();
    for (const f of geo.features) {
      let p = f.parent;
      if (p === null && f.rank > 0) p = f.inferredParent ?? (pass > 0 && f.dissolved ? parentFromCode(f.code) ?? null : null);
      // Top-level units (streets/towns) may name a parent outside the data (the district): nothing to dissolve.
      if (p === null || f.rank === 0 || geo.byCode.has(p)) continue;
      if (p !== f.parent) f.parent = p;
      let list = missing.get(p);
      if (!list) missing.set(p, (list = []));
      list.push(f);
    }
    if (missing.size === 0) continue;
    for (const [code, kids] of missing) {
      const g = dissolveGeometries(kids.map((k) => k.geometry));
      if (!g) {
        issues.push(issue(`parent:${code}`, 'dissolve-failed', `the outline of ${code} could not be dissolved from its ${kids.length} children`, 'warning'));
        continue;
      }
      const level = PARENT_LEVEL[kids[0].level];
      const f: GridFeature = {
        index: geo.features.length,
        code,
        name: code,
        level,
        rank: LEVEL_RANK[level],
        parent: null,
        geometry: g,
        bbox: geometryBbox(g),
        labelPoint: interiorPoint(g),
        illustrative: kids.some((k) => k.illustrative),
        dissolved: true,
        properties: { code },
      };
      geo.features.push(f);
      geo.byCode.set(code, f);
      made++;
    }
  }
  if (made) {
    const rebuilt = buildHierarchy(geo.features, geo.byCode, geo.illustrative);
    geo.children = rebuilt.children;
    geo.bbox = rebuilt.bbox;
  }
  return made;
}

/** Union of polygons (turf `union`; turf `dissolve` as a fallback). Undefined when both fail. */
export function dissolveGeometries(geoms: GridPolygon[]): GridPolygon | undefined {
  if (geoms.length === 1) return geoms[0];
  const fc = featureCollection(geoms.map((g) => ({ type: 'Feature' as const, properties: {}, geometry: g })));
  try {
    const u = union(fc as FeatureCollection<Polygon | MultiPolygon>);
    if (u) return u.geometry as GridPolygon;
  } catch {
    /* fall through */
  }
  try {
    const polys = featureCollection(
      geoms.flatMap((g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)).map((c) => ({ type: 'Feature' as const, properties: { k: 1 }, geometry: { type: 'Polygon' as const, coordinates: c } })),
    );
    const d = dissolve(polys as FeatureCollection<Polygon>, { propertyName: 'k' });
    if (d.features.length === 1) return d.features[0].geometry as GridPolygon;
    if (d.features.length > 1) return { type: 'MultiPolygon', coordinates: d.features.map((x) => x.geometry.coordinates) };
  } catch {
    /* give up */
  }
  return undefined;
}
