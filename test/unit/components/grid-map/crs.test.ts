import { describe, expect, it } from 'vitest';
import { convertPosition, needsConversion, canonicalCrs, convertGeometry } from '../../../../src/components/grid-map/crs.js';

/**
 * Control-point pairs published with independent implementations of the GCJ-02 / BD-09 transforms (not gcoord):
 * - wandergis/coordtransform, test/app.js (JavaScript): input (116.404, 39.915)
 *     wgs84togcj02 → (116.41024449916938, 39.91640428150164)
 *     gcj02towgs84 → (116.39775550083061, 39.91359571849836)
 *     gcj02tobd09  → (116.41036949371029, 39.92133699351021)
 *     bd09togcj02  → (116.39762729119315, 39.90865673957631)
 * - a Python geoToolbox test (wgs84_to_gcj02): WGS84 (40.0 N, 116.0 E) → GCJ-02 (40.001213650174, 116.006141221789)
 * - a Rust `geotool` CLI test: WGS84 (121.0917077, 30.6107779) → GCJ-02 (121.09626935575027, 30.608604331756705)
 *     → BD-09 (121.10271732371203, 30.61484572185035)
 * Tolerance 1e-5° (about 1 m): the pairs agree with each other to that level, and a wrongly skipped conversion
 * is off by 1e-3°–1e-2° (hundreds of metres).
 */
const TOL = 1e-5;
const close = (a: [number, number], b: [number, number]) => {
  expect(Math.abs(a[0] - b[0])).toBeLessThan(TOL);
  expect(Math.abs(a[1] - b[1])).toBeLessThan(TOL);
};

describe('crs', () => {
  it('WGS84 → GCJ-02 matches published pairs', () => {
    close(convertPosition([116.404, 39.915], 'wgs84', 'gcj02'), [116.41024449916938, 39.91640428150164]);
    close(convertPosition([116.0, 40.0], 'wgs84', 'gcj02'), [116.006141221789, 40.001213650174]);
    close(convertPosition([121.0917077, 30.6107779], 'wgs84', 'gcj02'), [121.09626935575027, 30.608604331756705]);
  });

  it('GCJ-02 → WGS84 matches the published inverse within a metre or two', () => {
    const r = convertPosition([116.404, 39.915], 'gcj02', 'wgs84');
    // The published inverse is the one-step approximation; an iterative inverse may differ by < 2e-5°.
    expect(Math.abs(r[0] - 116.39775550083061)).toBeLessThan(2e-5);
    expect(Math.abs(r[1] - 39.91359571849836)).toBeLessThan(2e-5);
  });

  it('GCJ-02 ↔ BD-09 matches published pairs', () => {
    close(convertPosition([116.404, 39.915], 'gcj02', 'bd09'), [116.41036949371029, 39.92133699351021]);
    close(convertPosition([116.404, 39.915], 'bd09', 'gcj02'), [116.39762729119315, 39.90865673957631]);
    close(convertPosition([121.09626935575027, 30.608604331756705], 'gcj02', 'bd09'), [121.10271732371203, 30.61484572185035]);
  });

  it('WGS84 → BD-09 goes through GCJ-02', () => {
    close(convertPosition([121.0917077, 30.6107779], 'wgs84', 'bd09'), [121.10271732371203, 30.61484572185035]);
  });

  it('treats CGCS2000 as WGS84 and never shifts it', () => {
    expect(canonicalCrs('cgcs2000')).toBe('wgs84');
    expect(needsConversion('cgcs2000', 'wgs84')).toBe(false);
    expect(needsConversion('wgs84', 'gcj02')).toBe(true);
    expect(convertPosition([105.93, 29.36], 'cgcs2000', 'wgs84')).toEqual([105.93, 29.36]);
  });

  it('round-trips Yongchuan within a metre and shifts it by hundreds of metres', () => {
    const p: [number, number] = [105.93, 29.36];
    const g = convertPosition(p, 'wgs84', 'gcj02');
    const shiftM = Math.hypot((g[0] - p[0]) * 111320 * Math.cos((29.36 * Math.PI) / 180), (g[1] - p[1]) * 110540);
    expect(shiftM).toBeGreaterThan(200);
    expect(shiftM).toBeLessThan(1000);
    close(convertPosition(g, 'gcj02', 'wgs84'), p);
  });

  it('converts whole geometries without touching the input', () => {
    const poly = { type: 'Polygon' as const, coordinates: [[[116.404, 39.915], [116.5, 39.915], [116.5, 40], [116.404, 39.915]]] };
    const out = convertGeometry(poly, 'wgs84', 'gcj02');
    expect(poly.coordinates[0][0]).toEqual([116.404, 39.915]);
    close(out.coordinates[0][0] as [number, number], [116.41024449916938, 39.91640428150164]);
    expect(convertGeometry(poly, 'wgs84', 'cgcs2000')).toBe(poly);
  });
});
