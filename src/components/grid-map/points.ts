/**
 * Optional point layer for <civic-grid-map> (parks, projects, service stations): a GeoJSON FeatureCollection of
 * Point features with properties `{ id, name, nameEn?, kind, illustrative? }`. Pure; never throws.
 */
import { issue, isRecord, readString, describe, type Issue, type Validated } from '../../data/validate.js';
import { convertPosition } from './crs.js';
import type { Crs } from './grid-map.types.js';

export const POINT_KINDS = ['park', 'project', 'service-station'] as const;
export type PointKind = (typeof POINT_KINDS)[number] | string;

export interface GridPoint {
  id: string;
  name: string;
  nameEn?: string;
  kind: PointKind;
  at: [number, number];
  illustrative: boolean;
}

export function parsePoints(raw: unknown, opts: { crs?: Crs; displayCrs?: Crs } = {}): Validated<GridPoint[]> {
  const issues: Issue[] = [];
  if (!isRecord(raw) || !Array.isArray(raw.features)) {
    issues.push(issue('$', 'type', `expected a FeatureCollection of points, got ${describe(raw)}`));
    return { value: undefined, issues };
  }
  const all = raw.illustrative === true || (typeof raw.illustrative === 'string' && raw.illustrative !== '');
  const out: GridPoint[] = [];
  raw.features.forEach((f, i) => {
    const p = `features[${i}]`;
    if (!isRecord(f) || !isRecord(f.geometry) || f.geometry.type !== 'Point') {
      issues.push(issue(`${p}.geometry`, 'geometry-type', 'expected a Point feature'));
      return;
    }
    const c = f.geometry.coordinates;
    if (!Array.isArray(c) || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
      issues.push(issue(`${p}.geometry.coordinates`, 'bad-coordinate', `expected [lon, lat], got ${describe(c)}`));
      return;
    }
    const props = isRecord(f.properties) ? f.properties : {};
    const name = readString(props.name, `${p}.properties.name`, issues, { required: true, coerceNumber: true });
    if (name === undefined) return;
    let at: [number, number] = [c[0] as number, c[1] as number];
    if (opts.crs && opts.displayCrs) at = convertPosition(at, opts.crs, opts.displayCrs);
    out.push({
      id: readString(props.id, `${p}.properties.id`, issues, { coerceNumber: true }) ?? String(i),
      name,
      nameEn: readString(props.nameEn, `${p}.properties.nameEn`, issues),
      kind: readString(props.kind, `${p}.properties.kind`, issues) ?? 'point',
      at,
      illustrative: all || props.illustrative === true,
    });
  });
  return { value: out, issues };
}
