/** The bench data: N hexagonal grids around Yongchuan (~0.6° across whatever N) and two metrics per grid (seeded). */
export function prng(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
}
export function hexGrid(n: number) {
  const cols = Math.ceil(Math.sqrt(n * 1.15));
  const r = 0.6 / cols; // the whole set spans ~0.6° whatever n
  const w = Math.sqrt(3) * r;
  const features = [];
  const rows = [];
  const rnd = prng(42);
  for (let i = 0; i < n; i++) {
    const c = i % cols, rr = Math.floor(i / cols);
    const cx = 105.63 + c * w + (rr % 2 ? w / 2 : 0);
    const cy = 29.06 + rr * 1.5 * r;
    const ring = [];
    for (let k = 0; k < 6; k++) {
      const a = (Math.PI / 180) * (60 * k - 30);
      ring.push([cx + r * Math.cos(a), cy + r * Math.sin(a) * 0.999]);
    }
    ring.push(ring[0]);
    const code = `500118${String(i).padStart(9, '0')}`;
    features.push({ type: 'Feature', properties: { code, name: `网格${i + 1}`, level: 'grid', parent: null }, geometry: { type: 'Polygon', coordinates: [ring] } });
    rows.push({ code, a: Math.round(rnd() * 500), b: Math.round(rnd() * 100) });
  }
  return {
    geojson: { type: 'FeatureCollection', illustrative: true, features },
    metrics: { illustrative: true, metrics: [{ key: 'a', label: 'A', aggregate: 'sum' }, { key: 'b', label: 'B', aggregate: 'sum' }], rows },
  };
}
