// First contact (A1, session 17): a live push source (`src="sse+…"`) whose transport code, loaded on first use
// (data/push/push-controller.ts), cannot load — a wall that lost its network, a CDN hiccup — fails like a fetch: a
// visible, translated error state and one civic-error { kind: 'network' }, and nothing thrown into the page. Before,
// the element stayed in its loading state for ever, with no civic-error and an unhandled promise rejection
// ("Failed to fetch dynamically imported module"), seen on demo/screen-live.html when the dev server stopped.
import { expect } from '@open-wc/testing';
import '../../src/components/kpi-tile/kpi-tile.define.js';
import type { CivicKpiTile } from '../../src/components/kpi-tile/kpi-tile.js';
import { failControl as control } from './fixtures/fail-control.js';
import { until } from './fixtures/wait.js';

const CHUNK = 'push/push-controller.ts';

describe('a push source whose transport code cannot load', () => {
  const rejections: unknown[] = [];
  const onRejection = (e: PromiseRejectionEvent): void => {
    rejections.push(e.reason);
    e.preventDefault();
  };
  let warn: typeof console.warn;
  before(async () => {
    warn = console.warn;
    console.warn = () => {};
    window.addEventListener('unhandledrejection', onRejection);
    await control(`op=set&suffix=${encodeURIComponent(CHUNK)}`);
  });
  after(async () => {
    await control('op=clear');
    window.removeEventListener('unhandledrejection', onRejection);
    console.warn = warn;
  });

  it('shows the network error, fires civic-error once, throws nothing into the page', async () => {
    const el = document.createElement('civic-kpi-tile') as CivicKpiTile;
    const errors: CustomEvent[] = [];
    el.addEventListener('civic-error', (e) => errors.push(e as CustomEvent));
    el.setAttribute('src', 'sse+/__push/a1s17-never.sse');
    document.body.append(el);
    try {
      await until(() => errors.length > 0 || rejections.length > 0, 'civic-error (or an unhandled rejection)', 20000);
      expect(rejections.map(String), 'unhandled rejections').to.deep.equal([]);
      expect(errors[0]!.detail.kind).to.equal('network');
      expect(errors[0]!.detail.partial).to.equal(false);
      await el.whenDrawn();
      const status = el.shadowRoot!.querySelector<HTMLElement>('[part~="status"]');
      expect(status?.textContent ?? '').to.contain('网络');
      expect(errors).to.have.length(1);
    } finally {
      el.remove();
    }
  });
});
