// The demo's live feed (scripts/push-server-plugin.mjs) moves only invented values: the figures from the 2022 report
// stay exact, the ranking stays the sum of its grids, and its messages are valid push-protocol patches.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { createLiveFeed } from '../../../scripts/push-server-plugin.mjs';
import { applyPatch, decodeMessage } from '../../../src/data/push/patch.js';

type Row = Record<string, unknown> & { code: string };
type RankRow = Record<string, unknown> & { id: string; value: number };
const read = (f: string) => JSON.parse(readFileSync(new URL(`../../../demo/data/${f}`, import.meta.url), 'utf8'));

describe('demo live feed', () => {
  const grid = read('grid-metrics.json') as { rows: Row[] };
  const rank = read('rank-communities.json') as { rows: RankRow[] };

  it('moves only illustrative values; the sourced row keeps its reported figures', () => {
    const feed = createLiveFeed(grid, rank, 7);
    for (let i = 0; i < 300; i++) feed.tick(6);
    const after = feed.grid().rows as Row[];
    const moved = new Set<string>();
    grid.rows.forEach((before, i) => {
      for (const k of Object.keys(before)) {
        if (JSON.stringify(before[k]) === JSON.stringify(after[i][k])) continue;
        moved.add(before.code);
        const allowed = before.illustrative === true || (Array.isArray(before.illustrativeKeys) && before.illustrativeKeys.includes(k));
        expect(allowed, `${before.code}.${k} moved`).toBe(true);
        expect(['issuesReported', 'issuesResolved', 'resolutionRate']).toContain(k);
      }
    });
    expect(moved.size).toBeGreaterThan(50);
    const sourced = after.find((r) => r.code === '500118002007003')!;
    expect(sourced).toMatchObject({ households: 287, partyMembers: 24, gridStaff: 5 });
    for (const r of after) if (typeof r.issuesResolved === 'number') expect(r.issuesResolved).toBeLessThanOrEqual(r.issuesReported as number);
  });

  it('keeps the ranking equal to the sum of each community’s grids, through patches a client applies', () => {
    const feed = createLiveFeed(grid, rank, 11);
    let clientGrid: unknown = feed.grid();
    let clientRank: unknown = feed.rank();
    for (let i = 0; i < 50; i++) {
      const p = feed.tick();
      for (const [which, msg] of [['grid', p.grid], ['rank', p.rank]] as const) {
        const d = decodeMessage(JSON.stringify(msg));
        expect(d?.ok).toBe(true);
        if (!d?.ok || d.message.type !== 'patch') throw new Error('not a patch');
        const r = applyPatch(which === 'grid' ? clientGrid : clientRank, d.message);
        if ('error' in r) throw new Error(r.error);
        if (which === 'grid') clientGrid = r.value;
        else clientRank = r.value;
      }
    }
    expect(clientGrid).toEqual(feed.grid());
    expect(clientRank).toEqual(feed.rank());
    const sums = new Map<string, number>();
    for (const r of (clientGrid as { rows: Row[] }).rows) if (typeof r.issuesResolved === 'number') sums.set(r.code.slice(0, 12), (sums.get(r.code.slice(0, 12)) ?? 0) + r.issuesResolved);
    for (const r of (clientRank as { rows: RankRow[] }).rows) expect(r.value, r.id).toBe(sums.get(r.id));
  });
});
