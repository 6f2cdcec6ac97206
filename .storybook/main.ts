import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true },
  staticDirs: [{ from: '../demo/data', to: '/data' }],
  async viteFinal(config) {
    // maplibre-gl 6 finds its worker relative to its own module URL: do not pre-bundle it.
    config.optimizeDeps = { ...(config.optimizeDeps ?? {}), exclude: [...(config.optimizeDeps?.exclude ?? []), 'maplibre-gl'] };
    // One Lit. In `storybook dev` the renderer's `lit/directive-helpers.js` was not pre-bundled: served raw, it pulled
    // a second lit-html (development build) next to the pre-bundled one ("Multiple versions of Lit loaded" on every
    // story). Pre-bundle every Lit entry point the renderer and src/ import, so they share one chunk, and dedupe.
    config.optimizeDeps.include = [
      ...(config.optimizeDeps.include ?? []),
      'lit',
      'lit/decorators.js',
      'lit/directive.js',
      'lit/directive-helpers.js',
      'lit/directives/class-map.js',
      'lit/directives/style-map.js',
      'lit/directives/repeat.js',
      'lit/directives/if-defined.js',
      '@lit/context',
    ];
    config.resolve = { ...(config.resolve ?? {}), dedupe: [...(config.resolve?.dedupe ?? []), 'lit', 'lit-html', 'lit-element', '@lit/reactive-element'] };
    return config;
  },
};
export default config;
