// The elements and their define modules: one ESM entry each (dist/<name>.define.js).
// Only elements whose define file exists are built. CIVIC_ELEMENTS=a,b limits the list (used while an element is in progress).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ALL = process.env.CIVIC_ELEMENTS !== undefined ? process.env.CIVIC_ELEMENTS.split(',').filter(Boolean) : ['kpi-tile', 'kpi-grid', 'rank-board', 'growth-chart', 'chain-graph', 'grid-map', 'screen'];
const root = fileURLToPath(new URL('..', import.meta.url));

export const ENTRIES = ALL.map((name) => ({ name, define: `src/components/${name}/${name}.define.ts` })).filter((e) => existsSync(root + e.define));
