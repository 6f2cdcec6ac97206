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
    return config;
  },
};
export default config;
