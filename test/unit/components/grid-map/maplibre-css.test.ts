import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { maplibreCssText, MAPLIBRE_VERSION } from '../../../../src/components/grid-map/maplibre-css.generated.js';

const require = createRequire(import.meta.url);

describe('maplibre-css.generated.ts', () => {
  it('matches the installed maplibre-gl CSS (run `node scripts/gen-maplibre-css.mjs` after upgrading)', () => {
    const installed = readFileSync(require.resolve('maplibre-gl/dist/maplibre-gl.css'), 'utf8');
    expect(maplibreCssText).toBe(installed);
    expect(MAPLIBRE_VERSION).toBe(JSON.parse(readFileSync(require.resolve('maplibre-gl/package.json'), 'utf8')).version);
    expect(maplibreCssText).toContain('.maplibregl-canvas');
  });
});
