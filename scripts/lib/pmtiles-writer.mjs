// A minimal PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md), no dependencies.
//
//   const w = createPMTilesWriter(path, { tileCompression: 'gzip' });
//   for (const { z, x, y, bytes } of tilesInAnyOrder) w.add(z, x, y, bytes);   // raw (uncompressed) MVT bytes
//   await w.finish({ minzoom, maxzoom, bounds, center, metadata });
//
// Layout: 127-byte header | root directory | JSON metadata | leaf directories | tile data. Directories and the
// metadata are gzip-compressed (internal compression 2); tiles are gzip (2) or left as they are (1, 'none').
// Tiles are written clustered (in Hilbert tile-id order), identical tile contents are stored once, and runs of
// consecutive tile ids with identical contents share one run-length entry. The root directory plus the header
// fit into the first 16 KiB, as readers fetch that much first; otherwise the entries go into leaf directories.
// Deterministic: the same tiles give the same bytes (zlib is called with fixed settings; no clock is read).
//
// Tile bytes are kept in memory until finish() only as gzip'd, de-duplicated blobs; for very large sets pass
// { spill: true } so that each distinct blob goes to a temporary file instead.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

/** Hilbert tile id of z/x/y, as in the spec (and the `pmtiles` package's zxyToTileId). Exact up to z 26. */
export function zxyToTileId(z, x, y) {
  if (z > 26) throw new Error('zoom > 26');
  const n = 2 ** z;
  if (x < 0 || y < 0 || x >= n || y >= n) throw new Error(`tile ${z}/${x}/${y} out of range`);
  let acc = (n * n - 1) / 3; // number of tiles on all lower zooms
  let tx = x;
  let ty = y;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (tx & s) > 0 ? 1 : 0;
    const ry = (ty & s) > 0 ? 1 : 0;
    acc += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        tx = s - 1 - tx;
        ty = s - 1 - ty;
      }
      const t = tx;
      tx = ty;
      ty = t;
    }
  }
  return acc;
}

const gzip = (buf) => gzipSync(buf, { level: 9 });

function varint(out, n) {
  // n: a non-negative integer below 2^53
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** Serialises directory entries [{tileId, offset, length, runLength}] (sorted by tileId), uncompressed. */
export function serializeDirectory(entries) {
  const out = [];
  varint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    varint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) varint(out, e.runLength);
  for (const e of entries) varint(out, e.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const p = entries[i - 1];
    if (i > 0 && e.offset === p.offset + p.length) varint(out, 0);
    else varint(out, e.offset + 1);
  }
  return Uint8Array.from(out);
}

function u64(view, at, n) {
  view.setUint32(at, n % 2 ** 32, true);
  view.setUint32(at + 4, Math.floor(n / 2 ** 32), true);
}

const COMPRESSION = { none: 1, gzip: 2 };

export function createPMTilesWriter(path, { tileCompression = 'gzip', spill = false } = {}) {
  const tiles = []; // {tileId, hash}
  const blobs = new Map(); // hash -> Buffer (stored bytes) or {file offset, length} when spilling
  let spillFd = null;
  let spillAt = 0;
  const spillPath = `${path}.tmp`;
  if (spill) spillFd = openSync(spillPath, 'w+');
  let minZ = 99, maxZ = -1;

  return {
    add(z, x, y, bytes) {
      const hash = createHash('sha1').update(bytes).digest('hex');
      if (!blobs.has(hash)) {
        const stored = tileCompression === 'gzip' ? gzip(bytes) : Buffer.from(bytes);
        if (spillFd !== null) {
          writeSync(spillFd, stored, 0, stored.length, spillAt);
          blobs.set(hash, { at: spillAt, length: stored.length });
          spillAt += stored.length;
        } else blobs.set(hash, stored);
      }
      tiles.push({ tileId: zxyToTileId(z, x, y), hash });
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    },

    /**
     * @param {{minzoom?: number, maxzoom?: number, bounds: number[], center?: number[], metadata: object}} info
     * @returns {{bytes: number, tiles: number, contents: number, entries: number, leaves: number}}
     */
    finish(info) {
      tiles.sort((a, b) => a.tileId - b.tileId);
      for (let i = 1; i < tiles.length; i++) if (tiles[i].tileId === tiles[i - 1].tileId) throw new Error('duplicate tile');
      // Lay the tile data out in tile-id order (clustered); a repeated content points back to its first copy.
      const placed = new Map(); // hash -> {offset, length}
      const order = [];
      let dataLength = 0;
      const entries = [];
      for (const t of tiles) {
        let p = placed.get(t.hash);
        if (!p) {
          const b = blobs.get(t.hash);
          p = { offset: dataLength, length: b.length };
          placed.set(t.hash, p);
          order.push(t.hash);
          dataLength += b.length;
        }
        const last = entries[entries.length - 1];
        if (last && last.offset === p.offset && last.tileId + last.runLength === t.tileId) last.runLength++;
        else entries.push({ tileId: t.tileId, offset: p.offset, length: p.length, runLength: 1 });
      }

      const metadata = gzip(Buffer.from(JSON.stringify(info.metadata ?? {})));
      // Root directory: all entries if they fit in the first 16 KiB, else leaves of `per` entries each.
      let root = gzip(serializeDirectory(entries));
      let leaves = Buffer.alloc(0);
      let leafCount = 0;
      if (127 + root.length > 16384) {
        for (let per = 4096; ; per *= 2) {
          const rootEntries = [];
          const parts = [];
          let at = 0;
          for (let i = 0; i < entries.length; i += per) {
            const chunk = entries.slice(i, i + per);
            const leaf = gzip(serializeDirectory(chunk));
            rootEntries.push({ tileId: chunk[0].tileId, offset: at, length: leaf.length, runLength: 0 });
            parts.push(leaf);
            at += leaf.length;
          }
          root = gzip(serializeDirectory(rootEntries));
          if (127 + root.length <= 16384) {
            leaves = Buffer.concat(parts);
            leafCount = parts.length;
            break;
          }
        }
      }

      const rootOffset = 127;
      const metaOffset = rootOffset + root.length;
      const leafOffset = metaOffset + metadata.length;
      const dataOffset = leafOffset + leaves.length;
      const header = Buffer.alloc(127);
      const v = new DataView(header.buffer, header.byteOffset, 127);
      header.write('PMTiles', 0, 'ascii');
      v.setUint8(7, 3);
      u64(v, 8, rootOffset);
      u64(v, 16, root.length);
      u64(v, 24, metaOffset);
      u64(v, 32, metadata.length);
      u64(v, 40, leafOffset);
      u64(v, 48, leaves.length);
      u64(v, 56, dataOffset);
      u64(v, 64, dataLength);
      u64(v, 72, tiles.length); // addressed tiles
      u64(v, 80, entries.length); // tile entries
      u64(v, 88, order.length); // tile contents
      v.setUint8(96, 1); // clustered
      v.setUint8(97, 2); // internal compression: gzip
      v.setUint8(98, COMPRESSION[tileCompression]);
      v.setUint8(99, 1); // tile type: MVT
      v.setUint8(100, info.minzoom ?? minZ);
      v.setUint8(101, info.maxzoom ?? maxZ);
      const [w, s, e, n] = info.bounds;
      const e7 = (d) => Math.round(d * 1e7);
      v.setInt32(102, e7(w), true);
      v.setInt32(106, e7(s), true);
      v.setInt32(110, e7(e), true);
      v.setInt32(114, e7(n), true);
      const [clon, clat, cz] = info.center ?? [(w + e) / 2, (s + n) / 2, info.minzoom ?? minZ];
      v.setUint8(118, cz);
      v.setInt32(119, e7(clon), true);
      v.setInt32(123, e7(clat), true);

      const fd = openSync(path, 'w');
      let at = 0;
      const put = (b) => {
        writeSync(fd, b, 0, b.length, at);
        at += b.length;
      };
      put(header);
      put(root);
      put(metadata);
      put(leaves);
      for (const h of order) {
        const b = blobs.get(h);
        if (Buffer.isBuffer(b)) put(b);
        else {
          const buf = Buffer.alloc(b.length);
          readSync(spillFd, buf, 0, b.length, b.at);
          put(buf);
        }
      }
      closeSync(fd);
      if (spillFd !== null) {
        closeSync(spillFd);
        rmSync(spillPath, { force: true });
      }
      return { bytes: at, tiles: tiles.length, contents: order.length, entries: entries.length, leaves: leafCount };
    },
  };
}
