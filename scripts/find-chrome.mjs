// `npm test` starts here: fail at once, in one line, when no Chromium is installed.
import { findChrome, MISSING_MESSAGE } from './chrome.mjs';

const p = findChrome();
if (!p) {
  console.error(MISSING_MESSAGE);
  process.exit(1);
}
console.log(`civic-widgets: using Chromium at ${p}`);
