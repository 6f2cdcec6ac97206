// `npm start` serves the demo through Vite's dev server, which resolves Lit's development build; it announces itself
// with a console warning ("Lit is in dev mode") on every page. That one notice is known and expected here (as in
// .storybook/preview-head.html); every other Lit warning still shows. demo.ts and screen.ts import this module first,
// so it runs before Lit is evaluated (imports are evaluated in order).
((globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ??= new Set()).add('dev-mode');
export {};
