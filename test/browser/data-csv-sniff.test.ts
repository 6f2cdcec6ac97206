// A CSV file served as application/octet-stream (a static host or object store that does not know .csv) to an element
// with no `format`: read as CSV by its extension; at a URL without one, the error banner and civic-error say the body
// looks like CSV and name format="csv" (fetch-json.ts parseBody), in either language.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/rank-board/rank-board.define.js';
import type { CivicRankBoard } from '../../src/components/rank-board/rank-board.js';
import type { CivicErrorDetail } from '../../src/core/events/error-event.js';
import { FakeServer } from './fixtures/server.js';

const CSV = 'name,value\n红河路社区,1850\n南大街社区,1200\n';
const status = (el: Element) => el.shadowRoot!.querySelector<HTMLElement>('[part~="status"]');

describe('CSV served without a CSV type', () => {
  const server = new FakeServer();
  beforeEach(() => {
    server.routes.clear();
    server.install();
  });
  afterEach(() => server.uninstall());

  it('x.csv as application/octet-stream is drawn as CSV', async () => {
    server.routes.set('/s18/board.csv', { body: CSV, contentType: 'application/octet-stream' });
    const settled = Promise.race([oneEvent(document, 'civic-load'), oneEvent(document, 'civic-error')]);
    const el = await fixture<CivicRankBoard>(html`<civic-rank-board src="/s18/board.csv"></civic-rank-board>`);
    expect((await settled).type).to.equal('civic-load');
    await el.whenDrawn();
    expect(el.shadowRoot!.textContent).to.contain('红河路社区');
  });

  for (const lang of ['zh-CN', 'en'] as const)
    it(`a CSV body at a URL with no extension: the ${lang} banner names format="csv"`, async () => {
      server.routes.set('/s18/rows', { body: CSV, contentType: 'application/octet-stream' });
      const failed = oneEvent(document, 'civic-error') as Promise<CustomEvent<CivicErrorDetail>>;
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board lang=${lang} src="/s18/rows"></civic-rank-board>`);
      const { detail } = await failed;
      expect(detail.kind).to.equal('json');
      expect(detail.issues[0].code).to.equal('looks-like-csv');
      expect(detail.issueCounts).to.deep.equal({ 'looks-like-csv': 1 });
      expect(detail.message).to.contain('format="csv"');
      await waitUntil(() => status(el)?.textContent?.includes('format="csv"'), 'the banner names format="csv"', { timeout: 20000 });
      expect(status(el)!.textContent).to.contain(lang === 'en' ? 'JSON; it looks like CSV: add format="csv"' : '看起来是 CSV：请给元素加上 format="csv"');
      el.setAttribute('format', 'csv');
      await oneEvent(el, 'civic-load');
    });

  it('format="CSV" (any case) or "tsv" reads CSV at a URL with no extension', async () => {
    server.routes.set('/s18/upper', { body: CSV, contentType: 'application/octet-stream' });
    server.routes.set('/s18/tabs', { body: CSV.replace(/,/g, '\t'), contentType: 'application/octet-stream' });
    for (const [format, url] of [['CSV', '/s18/upper'], ['TSV', '/s18/tabs']]) {
      const settled = Promise.race([oneEvent(document, 'civic-load'), oneEvent(document, 'civic-error')]);
      const el = await fixture<CivicRankBoard>(html`<civic-rank-board format=${format} src=${url}></civic-rank-board>`);
      expect((await settled).type, format).to.equal('civic-load');
      await el.whenDrawn();
      expect(el.shadowRoot!.textContent).to.contain('南大街社区');
    }
  });
});
