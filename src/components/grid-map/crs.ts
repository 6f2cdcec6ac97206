/**
 * Coordinate-system conversion for grid geometry, through the maintained `gcoord` library.
 *
 * CGCS2000 (China's geodetic datum) and WGS84 agree to well under a metre at map scales: they are treated as one
 * system here. GCJ-02 (Chinese "encrypted" web-map coordinates, used by Amap/Tencent/Tianditu-web mirrors) differs
 * from WGS84 by ~300–700 m, BD-09 (Baidu) by another few hundred metres, so a mismatch is never ignored.
 */
import gcoord from 'gcoord';
import type { Position } from 'geojson';
import type { Crs, GridPolygon } from './grid-map.types.js';

type GcoordCrs = Parameters<typeof gcoord.transform>[1];

function toGcoord(crs: Crs): GcoordCrs {
  switch (crs) {
    case 'gcj02':
      return gcoord.GCJ02;
    case 'bd09':
      return gcoord.BD09;
    default:
      return gcoord.WGS84;
  }
}

/** cgcs2000 → wgs84; everything else unchanged. */
export function canonicalCrs(crs: Crs): Exclude<Crs, 'cgcs2000'> {
  return crs === 'cgcs2000' ? 'wgs84' : crs;
}

/** True when coordinates in `from` must be converted before display in `to`. */
export function needsConversion(from: Crs, to: Crs): boolean {
  return canonicalCrs(from) !== canonicalCrs(to);
}

/** Converts one [lon, lat] position. Returns a new array; input is untouched. */
export function convertPosition(p: Position, from: Crs, to: Crs): [number, number] {
  if (!needsConversion(from, to)) return [p[0], p[1]];
  const r = gcoord.transform([p[0], p[1]] as [number, number], toGcoord(from), toGcoord(to)) as [number, number];
  return [r[0], r[1]];
}

/** Converts a polygon or multipolygon (new object). */
export function convertGeometry<G extends GridPolygon>(g: G, from: Crs, to: Crs): G {
  if (!needsConversion(from, to)) return g;
  const ring = (r: Position[]) => r.map((p) => convertPosition(p, from, to));
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring) } as unknown as G;
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) } as unknown as G;
}
