// Vite plugin for `npm start`: a small live push server for demo/screen-live.html, in the dev server itself.
//
//   /__live/sse?ch=rank   Server-Sent Events: the community ranking (demo/data/rank-communities.json)
//   /__live/ws?ch=grid    WebSocket: the grid metrics (demo/data/grid-metrics.json)
//
// Each connection first gets the whole file as a `replace` message, then every few seconds a `patch` moves a few
// grids' invented issue counts (issuesReported / issuesResolved / resolutionRate) and the community sums in the
// ranking that are derived from them. Only values flagged illustrative move: rows marked `illustrative: true`, and in
// the one sourced row only its `illustrativeKeys`; the households and party members from the 2022 report never change.
// Everything here is illustrative (示例数据), as the page says. Pings every 10 s keep the heartbeat alive.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PushHub } from './lib/push-hub.mjs';

const dataDir = fileURLToPath(new URL('../demo/data/', import.meta.url));
const MOVING = ['issuesReported', 'issuesResolved', 'resolutionRate'];

/** Deterministic pseudo-random numbers, so two runs of the demo show the same sequence. */
function lcg(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** The live feed's state and one tick of illustrative change. Exported for the unit test. */
export function createLiveFeed(grid, rank, seed = 2022) {
  const random = lcg(seed);
  const rows = grid.rows.map((r) => ({ ...r }));
  const movable = rows.filter((r) => 'issuesReported' in r && 'issuesResolved' in r && (r.illustrative === true || MOVING.every((k) => r.illustrativeKeys?.includes(k))));
  const ranking = rank.rows.map((r) => ({ ...r }));
  const community = (code) => code.slice(0, 12);
  const sums = () => {
    const m = new Map();
    for (const r of rows) if (typeof r.issuesResolved === 'number') m.set(community(r.code), (m.get(community(r.code)) ?? 0) + r.issuesResolved);
    return m;
  };
  return {
    grid: () => ({ ...grid, rows: rows.map((r) => ({ ...r })) }),
    rank: () => ({ ...rank, rows: ranking.map((r) => ({ ...r })) }),
    /** Moves a few grids; returns the two patch messages (grid rows by code, ranking rows by id). */
    tick(n = 4) {
      const changed = [];
      for (let i = 0; i < n && movable.length; i++) {
        const r = movable[Math.floor(random() * movable.length)];
        r.issuesReported += 1;
        if (random() < 0.8) r.issuesResolved = Math.min(r.issuesReported, r.issuesResolved + 1 + Math.floor(random() * 2));
        r.resolutionRate = Math.round((r.issuesResolved / r.issuesReported) * 1000) / 10;
        changed.push({ code: r.code, issuesReported: r.issuesReported, issuesResolved: r.issuesResolved, resolutionRate: r.resolutionRate });
      }
      const s = sums();
      const touched = new Set(changed.map((c) => community(c.code)));
      const rankPatch = [];
      for (const r of ranking) {
        if (!touched.has(r.id) || !s.has(r.id)) continue;
        r.value = s.get(r.id);
        rankPatch.push({ id: r.id, value: r.value });
      }
      return { grid: { type: 'patch', key: 'code', data: changed }, rank: { type: 'patch', key: 'id', data: rankPatch } };
    },
  };
}

export function pushServerPlugin({ interval = 4000, ping = 10000 } = {}) {
  return {
    name: 'civic-live-push',
    // The dev server only (not the build, not vitest's internal server).
    apply: (_config, env) => env.command === 'serve' && !process.env.VITEST,
    configureServer(server) {
      const read = (f) => JSON.parse(readFileSync(dataDir + f, 'utf8'));
      const feed = createLiveFeed(read('grid-metrics.json'), read('rank-communities.json'));
      const hub = new PushHub();
      const grid = hub.channel('grid');
      const rank = hub.channel('rank');
      // Every new connection starts from the current state (a replace), as the protocol recommends.
      grid.onConnect = (client) => client.send(JSON.stringify({ type: 'replace', data: feed.grid() }));
      rank.onConnect = (client) => client.send(JSON.stringify({ type: 'replace', data: feed.rank() }));
      grid.setHeartbeat(ping);
      rank.setHeartbeat(ping);
      const timer = setInterval(() => {
        if (!grid.clients.size && !rank.clients.size) return;
        const p = feed.tick();
        grid.broadcast(JSON.stringify(p.grid));
        if (p.rank.data.length) rank.broadcast(JSON.stringify(p.rank));
      }, interval);
      timer.unref?.();
      if (server.httpServer) {
        hub.attachWs(server.httpServer, '/__live/ws');
        server.httpServer.on('close', () => {
          clearInterval(timer);
          hub.close();
        });
      }
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith('/__live/sse')) return next();
        const ch = new URL(req.url, 'http://x').searchParams.get('ch') ?? 'rank';
        hub.serveSse(ch, req, res);
      });
    },
  };
}
