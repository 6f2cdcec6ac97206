// Finds a Chromium/Chrome binary: $CHROME_PATH, then the usual install paths. Never downloads one.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChrome() {
  const env = process.env.CHROME_PATH;
  if (env) return existsSync(env) ? env : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/** Flags for headless Chromium on a closed network, as root, with WebGL on SwiftShader (see README "Testing"). */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--lang=zh-CN',
  '--font-render-hinting=none',
];

export const MISSING_MESSAGE =
  'civic-widgets: no Chromium found. Install one (Debian/Ubuntu: sudo apt-get install -y chromium fonts-noto-cjk) or set CHROME_PATH=/path/to/chrome.';

