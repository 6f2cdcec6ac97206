// @web/test-runner: component tests in real headless Chromium (Debian's, never a downloaded one),
// with real WebGL through SwiftShader. Run all: `npm run test:browser`; one file:
//   npx wtr --config test/browser/web-test-runner.config.mjs --files test/browser/kpi-tile.test.ts
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome, CHROME_ARGS, MISSING_MESSAGE } from '../../scripts/chrome.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.error(MISSING_MESSAGE);
  process.exit(1);
}
const rootDir = fileURLToPath(new URL('../../', import.meta.url));

export default {
  rootDir,
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 300000,
  plugins: [esbuildPlugin({ ts: true, json: true, target: 'es2022', tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROME_ARGS },
    }),
  ],
  testFramework: { config: { timeout: 60000, ui: 'bdd' } },
  filterBrowserLogs: ({ type, args }) => (type === 'warn' || type === 'error') && !String(args[0]).includes('Lit is in dev mode'),
};
