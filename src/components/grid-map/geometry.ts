/**
 * Pure geometry intake for <civic-grid-map>: GeoJSON or TopoJSON in, validated units out.
 *
 * Every problem is reported as an Issue with a path (`features[12].geometry`) and the rest still draws:
 * - null / missing geometry, non-polygon geometry, bad coordinates, rings with < 4 positions → dropped (error)
 * - unclosed rings → closed and drawn (error: the input is invalid GeoJSON)
 * - self-intersections (turf `kinks`) → drawn as given (error)
 * - clockwise exterior rings (RFC 7946 wants counter-clockwise), counter-clockwise holes → reversed (warning)
 * - missing / duplicate codes → dropped (error); unknown level → inferred from the code length (warning)
 */
import { feature as topoFeature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import { issue, isRecord, readString, describe, type Issue, type Validated } from '../../data/validate.js';
import { convertGeometry } from './crs.js';
import { antimeridianCut, shiftWest, unwrapFeature } from './antimeridian.js';
import { countKinks, geometryBbox, interiorPoint, ringArea } from './geometry-planar.js';
import {
  DEFAULT_FIELDS,
  LEVELS,
  LEVEL_RANK,
  type Crs,
  type FieldMap,
  type GridFeature,
  type GridGeometry,
  type GridLevel,
  type GridPolygon,
} from './grid-map.types.js';

export interface GeometryOptions {
  fields?: Partial<FieldMap>;
  /** CRS of the input coordinates (default wgs84). */
  crs?: Crs;
  /** CRS to convert to for display (default: same as `crs`). */
  displayCrs?: Crs;
  /** TopoJSON object name; default: the first object. */
  topoObject?: string;
  /** Skip the self-intersection test on rings longer than this (O(n²)); default 4000 positions. */
  kinksLimit?: number;
}

/** Infers a level from a Chinese division-style code: 9 digits street/town, 12 community/village, longer = grid. */
export function levelFromCode(code: string): GridLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  if (code.length <= 9) return 'street';
  if (code.length <= 12) return 'community';
  return 'grid';
}

/** Parent code implied by a hierarchical code (grid 15 → community 12 → street 9), or undefined. */
export function parentFromCode(code: string): string | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  if (code.length > 12) return code.slice(0, 12);
  if (code.length > 9) return code.slice(0, 9);
  return undefined;
}

/** True for a clockwise ring (negative signed area; a closed ring, as after checkPolygon). */
const clockwise = (ring: Position[]) => ringArea(ring) < 0;

function validPosition(p: unknown): p is Position {
  return Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90;
}

/** Checks and repairs rings; returns the polygon rings or undefined when unusable. */
function checkPolygon(rings: unknown, path: string, issues: Issue[], state: { unclosed: boolean }): Position[][] | undefined {
  if (!Array.isArray(rings) || rings.length === 0) {
    issues.push(issue(path, 'geometry-empty', 'polygon has no rings'));
    return undefined;
  }
  const out: Position[][] = [];
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    const rp = () => `${path}[${r}]`; // only built for a message
    // One pass: check each position and copy it as [lon, lat] (50,000 grids × 7 positions; was every() + map()).
    let copy: Position[] | undefined = Array.isArray(ring) ? new Array<Position>(ring.length) : undefined;
    if (copy)
      for (let i = 0; i < ring.length; i++) {
        const p: unknown = ring[i];
        if (!validPosition(p)) {
          copy = undefined;
          break;
        }
        copy[i] = [p[0], p[1]];
      }
    if (!copy) {
      issues.push(issue(rp(), 'bad-coordinate', 'ring has a position that is not a finite [lon, lat] pair in range'));
      return undefined;
    }
    const first = copy[0], last = copy[copy.length - 1];
    if (copy.length > 0 && (first[0] !== last[0] || first[1] !== last[1])) {
      state.unclosed = true;
      copy = copy.concat([[first[0], first[1]]]);
    }
    if (copy.length < 4) {
      if (r === 0) {
        issues.push(issue(rp(), 'ring-too-short', `a ring needs at least 4 positions, got ${ring.length}`));
        return undefined;
      }
      continue; // a degenerate hole is ignored
    }
    out.push(copy);
  }
  return out;
}

function countPositions(g: GridPolygon): number {
  let n = 0;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const p of polys) for (const r of p) n += r.length;
  return n;
}

/** Reads the input as a list of GeoJSON features (FeatureCollection, single Feature, or TopoJSON Topology). */
export function readFeatures(raw: unknown, issues: Issue[], topoObject?: string): { features: unknown[]; illustrative: boolean } | undefined {
  if (!isRecord(raw)) {
    issues.push(issue('$', 'type', `expected GeoJSON or TopoJSON, got ${describe(raw)}`));
    return undefined;
  }
  const illustrative = raw.illustrative === true || (typeof raw.illustrative === 'string' && raw.illustrative !== '');
  if (raw.type === 'Topology') {
    const objects = raw.objects;
    if (!isRecord(objects) || Object.keys(objects).length === 0) {
      issues.push(issue('objects', 'required', 'TopoJSON has no objects'));
      return undefined;
    }
    const name = topoObject && topoObject in objects ? topoObject : Object.keys(objects)[0];
    if (topoObject && !(topoObject in objects)) issues.push(issue('objects', 'unknown-object', `no TopoJSON object "${topoObject}"; used "${name}"`, 'warning'));
    try {
      const fc = topoFeature(raw as unknown as Topology, (objects as Record<string, never>)[name]) as unknown as FeatureCollection | Feature;
      return { features: fc.type === 'FeatureCollection' ? fc.features : [fc], illustrative };
    } catch (e) {
      issues.push(issue(`objects.${name}`, 'topojson', `TopoJSON could not be decoded: ${(e as Error).message}`));
      return undefined;
    }
  }
  if (raw.type === 'FeatureCollection') {
    if (!Array.isArray(raw.features)) {
      issues.push(issue('features', 'required', 'expected an array of features'));
      return undefined;
    }
    return { features: raw.features, illustrative };
  }
  if (raw.type === 'Feature') return { features: [raw], illustrative };
  issues.push(issue('type', 'type', `expected FeatureCollection, Feature or Topology, got ${describe(raw.type)}`));
  return undefined;
}

/**
 * Reads a feature field: `id` is the GeoJSON / TopoJSON feature id (us-atlas keeps county codes there; a feature
 * without one falls back to `properties.id`); anything else is a property name, or a dotted path into nested
 * properties (`meta.code`) when no property has that exact name. Returns the value and the path for messages.
 */
export function readFeatureField(f: Record<string, unknown>, props: Record<string, unknown>, field: string, path: string): { value: unknown; at: string } {
  if (field === 'id' && f.id !== undefined && f.id !== null) return { value: f.id, at: `${path}.id` };
  if (field in props || !field.includes('.')) return { value: props[field], at: `${path}.properties.${field}` };
  let v: unknown = props;
  for (const k of field.split('.')) v = isRecord(v) ? v[k] : undefined;
  return { value: v, at: `${path}.properties.${field}` };
}

/**
 * Validates features and builds the hierarchy. Never throws. Parents named but absent stay absent here: they are
 * dissolved from their children by geometry-dissolve.ts (turf union), which the element loads after its first picture.
 */
export function parseGeometry(raw: unknown, opts: GeometryOptions = {}): Validated<GridGeometry> {
  const issues: Issue[] = [];
  const fields = { ...DEFAULT_FIELDS, ...(opts.fields ?? {}) };
  const read = readFeatures(raw, issues, opts.topoObject);
  if (!read) return { value: undefined, issues };
  const kinksLimit = opts.kinksLimit ?? 4000;
  const features: GridFeature[] = [];
  const byCode = new Map<string, GridFeature>();
  const inferParent = new Set<string>();

  read.features.forEach((f, i) => {
    const path = `features[${i}]`;
    if (!isRecord(f)) {
      issues.push(issue(path, 'type', `expected a feature, got ${describe(f)}`));
      return;
    }
    const props = isRecord(f.properties) ? f.properties : {};
    // Numeric ids become string codes as given (a number has no leading zeros to keep; a string keeps them).
    const codeField = readFeatureField(f, props, fields.code, path);
    const code = readString(codeField.value, codeField.at, issues, { required: true, coerceNumber: true });
    if (code === undefined) return;
    if (byCode.has(code)) {
      issues.push(issue(codeField.at, 'duplicate', `code ${describe(code)} appears twice; the later feature is ignored`));
      return;
    }
    const g = f.geometry;
    if (!isRecord(g)) {
      issues.push(issue(`${path}.geometry`, 'null-geometry', `feature ${code} has no geometry`));
      return;
    }
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      issues.push(issue(`${path}.geometry.type`, 'geometry-type', `feature ${code}: expected Polygon or MultiPolygon, got ${describe(g.type)}`));
      return;
    }
    const state = { unclosed: false };
    let geometry: GridPolygon;
    if (g.type === 'Polygon') {
      const rings = checkPolygon(g.coordinates, `${path}.geometry.coordinates`, issues, state);
      if (!rings) return;
      geometry = { type: 'Polygon', coordinates: rings };
    } else {
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
        issues.push(issue(`${path}.geometry.coordinates`, 'geometry-empty', `feature ${code}: multipolygon has no polygons`));
        return;
      }
      const polys: Position[][][] = [];
      for (let p = 0; p < g.coordinates.length; p++) {
        const rings = checkPolygon(g.coordinates[p], `${path}.geometry.coordinates[${p}]`, issues, state);
        if (!rings) return;
        polys.push(rings);
      }
      geometry = { type: 'MultiPolygon', coordinates: polys };
    }
    if (state.unclosed) issues.push(issue(`${path}.geometry`, 'unclosed-ring', `feature ${code}: a ring was not closed; it was closed for drawing`));

    // Winding (RFC 7946: exterior counter-clockwise, holes clockwise).
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const wrong = polys.some((poly) => poly.some((ring, r) => clockwise(ring) !== (r > 0)));
    if (wrong) {
      const fix = (poly: Position[][]) => poly.map((ring, r) => (clockwise(ring) !== (r > 0) ? ring.slice().reverse() : ring));
      geometry = geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: fix(geometry.coordinates) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
      issues.push(issue(`${path}.geometry`, 'winding', `feature ${code}: rings had the wrong winding order; rewound to RFC 7946`, 'warning'));
    }
    // Self-intersections.
    if (countPositions(geometry) <= kinksLimit) {
      const k = countKinks(geometry);
      if (k > 0) issues.push(issue(`${path}.geometry`, 'self-intersection', `feature ${code}: ring crosses itself (${k} point${k > 1 ? 's' : ''}); drawn as given`));
    }
    if (opts.crs && opts.displayCrs) geometry = convertGeometry(geometry, opts.crs, opts.displayCrs);
    geometry = unwrapFeature(geometry);

    const levelRaw = readFeatureField(f, props, fields.level, path).value;
    let level: GridLevel | undefined;
    if (typeof levelRaw === 'string' && (LEVELS as readonly string[]).includes(levelRaw)) level = levelRaw as GridLevel;
    else {
      level = levelFromCode(code) ?? 'grid';
      if (levelRaw !== undefined && levelRaw !== null)
        issues.push(issue(`${path}.properties.${fields.level}`, 'enum', `unknown level ${describe(levelRaw)}; used "${level}"`, 'warning'));
    }
    const parentRaw = readFeatureField(f, props, fields.parent, path).value;
    const parent = typeof parentRaw === 'string' && parentRaw !== '' ? parentRaw : typeof parentRaw === 'number' ? String(parentRaw) : null;
    // An explicit null parent means "top level"; an absent one may be inferred from a hierarchical code.
    if (parentRaw === undefined) inferParent.add(code);
    const nameField = readFeatureField(f, props, fields.name, path);
    const name = readString(nameField.value, nameField.at, issues, { coerceNumber: true }) ?? code;
    const gf: GridFeature = {
      index: features.length,
      code,
      name,
      level,
      rank: LEVEL_RANK[level],
      parent,
      geometry,
      bbox: geometryBbox(geometry),
      labelPoint: interiorPoint(geometry),
      illustrative: read.illustrative || props.illustrative === true,
      properties: props,
    };
    features.push(gf);
    byCode.set(code, gf);
  });

  // A set across the antimeridian (the Aleutians): one continuous longitude range, so fits do not span the globe.
  const cut = antimeridianCut(features.map((f) => [f.bbox[0], f.bbox[2]]));
  if (cut !== undefined)
    for (const f of features) {
      const g = shiftWest(f.geometry, cut);
      if (g === f.geometry) continue;
      f.geometry = g;
      f.bbox = geometryBbox(g);
      f.labelPoint = [f.labelPoint[0] + 360, f.labelPoint[1]];
    }

  // Parents implied by hierarchical codes when the parent field is missing.
  for (const f of features) {
    if (f.parent === null && f.rank > 0 && inferParent.has(f.code)) {
      const p = parentFromCode(f.code);
      if (p && byCode.has(p)) f.parent = p;
      else if (p) f.inferredParent = p;
    }
  }
  const geo = buildHierarchy(features, byCode, read.illustrative);
  return { value: features.length || read.features.length === 0 ? geo : geo, issues };
}

function unionBbox(features: GridFeature[]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const f of features) {
    x0 = Math.min(x0, f.bbox[0]);
    y0 = Math.min(y0, f.bbox[1]);
    x1 = Math.max(x1, f.bbox[2]);
    y1 = Math.max(y1, f.bbox[3]);
  }
  return features.length ? [x0, y0, x1, y1] : [0, 0, 0, 0];
}

export function buildHierarchy(features: GridFeature[], byCode: Map<string, GridFeature>, illustrative: boolean): GridGeometry {
  const children = new Map<string, number[]>();
  for (const f of features) {
    const key = f.parent && byCode.has(f.parent) ? f.parent : '';
    let list = children.get(key);
    if (!list) children.set(key, (list = []));
    list.push(f.index);
  }
  return { features, byCode, children, illustrative: illustrative || features.some((f) => f.illustrative), bbox: unionBbox(features) };
}

/** True when some unit names (or implies) a parent that is not in the data, i.e. dissolving would add outlines. */
export function hasMissingParents(geo: GridGeometry): boolean {
  return geo.features.some((f) => f.rank > 0 && ((f.parent !== null && !geo.byCode.has(f.parent)) || (f.parent === null && f.inferredParent !== undefined)));
}
