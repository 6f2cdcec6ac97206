/**
 * The single-file classic-script build (`civic-widgets.iife.js`): registers every element and exposes
 * the helpers as `window.CivicWidgets` (e.g. `CivicWidgets.configure({ headers })`).
 */
export * from './define.js';
