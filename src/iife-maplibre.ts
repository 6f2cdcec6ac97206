/**
 * `civic-widgets.maplibre.js`: maplibre-gl and its worker source as one classic script, the sibling of the light
 * one-script file (`civic-widgets.light.js`), which loads it only when a map needs WebGL (src/core/maplibre/sibling.ts).
 * Built as an IIFE named `__civicWidgetsMaplibre`; its worker source is inlined by the build (worker-source.ts swap).
 */
import * as maplibregl from 'maplibre-gl';
import { inlineWorkerSource } from './core/maplibre/worker-source.js';

export { maplibregl };
export const workerSource: string = inlineWorkerSource() ?? '';
