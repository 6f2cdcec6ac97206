// The PMTiles v3 writer used by scripts/make-grid-tiles.mjs, read back with the `pmtiles` package (the reader the
// element uses): tile ids, de-duplicated contents, runs of identical tiles, leaf directories, metadata, header.
import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PMTiles, zxyToTileId as readerTileId } from 'pmtiles';
// @ts-expect-error plain ESM script without types
import { createPMTilesWriter, zxyToTileId } from '../../../scripts/lib/pmtiles-writer.mjs';

const reader = (file: Buffer) =>
  new PMTiles({ getKey: () => 'k', getBytes: async (o: number, l: number) => ({ data: file.buffer.slice(file.byteOffset + o, file.byteOffset + o + l) as ArrayBuffer }) });

describe('pmtiles-writer', () => {
  it('numbers tiles along the Hilbert curve like the reader', () => {
    let s = 7;
    const rnd = (n: number) => ((s = (s * 1664525 + 1013904223) >>> 0) % n);
    for (let i = 0; i < 2000; i++) {
      const z = rnd(20), x = rnd(2 ** z), y = rnd(2 ** z);
      expect(zxyToTileId(z, x, y)).toBe(readerTileId(z, x, y));
    }
  });

  it('writes an archive the pmtiles reader returns byte for byte, with leaf directories, duplicates and runs', async () => {
    const path = join(tmpdir(), `civic-pmtiles-test-${process.pid}.pmtiles`);
    const w = createPMTilesWriter(path, { tileCompression: 'none' });
    const tiles: [number, number, number, Buffer][] = [];
    let s = 1;
    const rnd = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const seen = new Set<number>();
    for (let i = 0; i < 20000; i++) {
      const x = Math.floor(rnd() * 16384), y = Math.floor(rnd() * 16384);
      if (seen.has(x * 16384 + y)) continue;
      seen.add(x * 16384 + y);
      const b = i % 10 === 0 ? Buffer.from('dup') : Buffer.from(`tile ${i} ${'x'.repeat(Math.floor(rnd() * 50))}`);
      tiles.push([14, x, y, b]);
    }
    // the writer takes tiles in any order; a run of identical tiles at z5
    for (let x = 0; x < 32; x++) w.add(5, x, 0, Buffer.from('ocean'));
    for (const [z, x, y, b] of tiles) w.add(z, x, y, b);
    const info = w.finish({ bounds: [105.7, 29.2, 106, 29.4], metadata: { vector_layers: [{ id: 'grids' }], illustrative: true } });
    const file = readFileSync(path);
    rmSync(path, { force: true });
    expect(info.leaves).toBeGreaterThan(0); // big enough to need leaf directories
    const p = reader(file);
    const h = await p.getHeader();
    expect([h.minZoom, h.maxZoom, h.numAddressedTiles]).toEqual([5, 14, tiles.length + 32]);
    expect(h.numTileContents).toBeLessThan(tiles.length); // identical contents stored once
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual([105.7, 29.2, 106, 29.4]);
    expect(await p.getMetadata()).toEqual({ vector_layers: [{ id: 'grids' }], illustrative: true });
    for (let i = 0; i < tiles.length; i += 13) {
      const [z, x, y, b] = tiles[i];
      const got = await p.getZxy(z, x, y);
      expect(Buffer.from(got!.data).equals(b), `tile ${z}/${x}/${y}`).toBe(true);
    }
    for (const x of [0, 17, 31]) expect(Buffer.from((await p.getZxy(5, x, 0))!.data).toString()).toBe('ocean');
    expect(await p.getZxy(5, 0, 1)).toBeUndefined();
  });
});
