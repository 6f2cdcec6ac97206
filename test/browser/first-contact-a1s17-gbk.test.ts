// First contact (A1, session 17): a CSV that Excel saved on a Chinese Windows is GBK, not UTF-8. Served as
// `text/csv; charset=gbk`, or with no charset at all (a plain static server), the ranking board shows its names, not
// mojibake ("���·����"). Before, every body was decoded as UTF-8 whatever the server said. UTF-8 (with or without a
// byte-order mark) reads as before.
import { expect } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { configure, getConfig } from '../../src/data/configure.js';

// "name,value\n红河路社区,1850\n南大街社区,1200\n" in GBK
const GBK = new Uint8Array('6e616d652c76616c75650abaecbad3c2b7c9e7c7f82c313835300ac4cfb4f3bdd6c9e7c7f82c313230300a'.match(/../g)!.map((h) => parseInt(h, 16)));
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('name,value\n红河路社区,1850\n南大街社区,1200\n')]);

async function board(body: Uint8Array, type: string): Promise<string> {
  const before = getConfig().fetch;
  configure({ fetch: async () => new Response(new Blob([body as Uint8Array<ArrayBuffer>]), { status: 200, headers: { 'content-type': type } }) });
  const el = document.createElement('civic-rank-board') as CivicRankBoard;
  const done = new Promise((r) => {
    el.addEventListener('civic-load', r, { once: true });
    el.addEventListener('civic-error', r, { once: true });
  });
  el.setAttribute('src', `/a1s17/${Math.random()}.csv`);
  document.body.append(el);
  try {
    await done;
    await el.whenDrawn();
    return el.shadowRoot!.textContent!.replace(/\s+/g, '');
  } finally {
    el.remove();
    configure({ fetch: before });
  }
}

describe('a GBK CSV (Excel on a Chinese Windows)', () => {
  it('served as text/csv; charset=gbk: the names are read', async () => {
    const t = await board(GBK, 'text/csv; charset=gbk');
    expect(t).to.contain('红河路社区');
    expect(t).to.contain('南大街社区');
  });
  it('served without a charset: bytes that are not UTF-8 are read as GB18030', async () => {
    const t = await board(GBK, 'text/csv');
    expect(t).to.contain('红河路社区');
  });
  it('UTF-8 with a byte-order mark and a utf-8 charset reads as before', async () => {
    const t = await board(UTF8_BOM, 'text/csv; charset=utf-8');
    expect(t).to.contain('红河路社区');
    expect(t).to.contain('1,850');
  });
});
