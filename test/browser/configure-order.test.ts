// configure() order (issue 12): a later configure() applies to the next request. The page order itself (an element
// before the <script> that calls configure, in the initial HTML) cannot be reproduced here — wtr's test files are
// module scripts that run after parsing — so test/pages/configure-order.mjs checks it on real pages.
import { expect, fixture, html } from '@open-wc/testing';
import { until } from './fixtures/wait.js';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import { configure } from '../../src/data/configure.js';
import { documentParsed, fetchData } from '../../src/data/fetch-json.js';

const URL_ = '/api/secured-rank';
const BODY = JSON.stringify({ rows: [{ name: '中山路街道', value: 12 }] });

describe('configure(): a later call re-applies on the next request', function () {
  this.timeout(30000);
  const seen: Array<string | null> = [];
  let warn: typeof console.warn;
  beforeEach(() => {
    seen.length = 0;
    warn = console.warn;
    console.warn = () => undefined;
    // A server that answers 401 without the token, like the government gateway of the issue.
    configure({
      headers: {},
      retries: 0,
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const auth = new Headers(init?.headers).get('Authorization');
        seen.push(auth);
        if (String(input) !== URL_) return new Response('not found', { status: 404 });
        return auth === 'Bearer t0ken' ? new Response(BODY, { status: 200, headers: { 'content-type': 'application/json' } }) : new Response('', { status: 401, statusText: 'Unauthorized' });
      },
    });
  });
  afterEach(() => {
    configure({ headers: {}, fetch: undefined, retries: 2 });
    console.warn = warn;
  });

  it('a request before configure() fails with 401; after configure(), reload() carries the header and loads', async () => {
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board src=${URL_} interval="0"></civic-rank-board>`);
    await until(() => el.dataStatus === 'error', 'the first request fails');
    expect(seen).to.deep.equal([null]);
    configure({ headers: { Authorization: 'Bearer t0ken' } });
    await el.reload();
    await until(() => el.dataStatus === 'complete', 'the next request loads');
    expect(seen).to.deep.equal([null, 'Bearer t0ken']);
  });

  it('the next request (a poll, a Retry, reload()) carries headers set by a later configure()', async () => {
    configure({ headers: { Authorization: 'Bearer t0ken' } });
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board src=${URL_} interval="0"></civic-rank-board>`);
    await until(() => el.dataStatus === 'complete', 'loaded');
    configure({ headers: { Authorization: 'Bearer rotated' } });
    await el.reload();
    expect(seen).to.deep.equal(['Bearer t0ken', 'Bearer rotated']);
    // The rotated token is refused by this server: the last good rows stay, marked stale.
    expect(el.stale).to.equal(true);
  });

  it('on a parsed document requests are not held back', async () => {
    expect(document.readyState).to.equal('complete');
    let resolved = false;
    void documentParsed().then(() => (resolved = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(resolved).to.equal(true);
    configure({ headers: { Authorization: 'Bearer t0ken' } });
    expect(JSON.parse((await fetchData(URL_, { fresh: true })).text).rows).to.have.length(1);
  });
});
