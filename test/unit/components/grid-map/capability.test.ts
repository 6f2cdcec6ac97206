import { describe, expect, it } from 'vitest';
import { chooseAutoRenderer, isSoftwareRenderer, SOFTWARE_CANVAS_LIMIT } from '../../../../src/components/grid-map/capability.js';

const gpu = { webgl2: true, software: false, renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)' };
const swiftshader = { webgl2: true, software: true, renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)' };
const none = { webgl2: false, software: false };

describe('isSoftwareRenderer', () => {
  it('knows the software rasterisers', () => {
    for (const s of [swiftshader.renderer, 'llvmpipe (LLVM 15.0.7, 256 bits)', 'softpipe', 'Mesa lavapipe', 'Google SwiftShader', 'Microsoft Basic Render Driver', 'ANGLE (Software Adapter)'])
      expect(isSoftwareRenderer(s), s).toBe(true);
  });
  it('does not take a GPU for software', () => {
    for (const s of [gpu.renderer, 'Apple M2', 'Mali-G78', 'Intel(R) UHD Graphics 620', 'WebKit WebGL', '', undefined])
      expect(isSoftwareRenderer(s), String(s)).toBe(false);
  });
});

describe('chooseAutoRenderer', () => {
  const base = { basemap: false, canvasLimit: 5000 };
  it('draws small sets with canvas whatever the GPU', () => {
    expect(chooseAutoRenderer({ ...base, featureCount: 410, capability: gpu })).toEqual({ renderer: 'canvas', reason: 'small' });
    expect(chooseAutoRenderer({ ...base, featureCount: 5000, capability: swiftshader })).toEqual({ renderer: 'canvas', reason: 'small' });
  });
  it('draws large sets with WebGL on a GPU and with canvas on software WebGL', () => {
    expect(chooseAutoRenderer({ ...base, featureCount: 50_000, capability: gpu })).toEqual({ renderer: 'webgl', reason: 'large' });
    expect(chooseAutoRenderer({ ...base, featureCount: 50_000, capability: swiftshader })).toEqual({ renderer: 'canvas', reason: 'software-webgl' });
  });
  it('goes back to WebGL on software beyond the software canvas limit', () => {
    expect(chooseAutoRenderer({ ...base, featureCount: SOFTWARE_CANVAS_LIMIT + 1, capability: swiftshader }).renderer).toBe('webgl');
    expect(chooseAutoRenderer({ ...base, featureCount: 60_000, softwareCanvasLimit: 50_000, capability: swiftshader }).renderer).toBe('webgl');
  });
  it('uses WebGL for a basemap (canvas cannot draw one), canvas without WebGL 2', () => {
    expect(chooseAutoRenderer({ ...base, basemap: true, featureCount: 10, capability: swiftshader })).toEqual({ renderer: 'webgl', reason: 'basemap' });
    expect(chooseAutoRenderer({ ...base, basemap: true, featureCount: 10, capability: none })).toEqual({ renderer: 'canvas', reason: 'no-webgl' });
    expect(chooseAutoRenderer({ ...base, featureCount: 50_000, capability: none })).toEqual({ renderer: 'canvas', reason: 'no-webgl' });
  });
  it('treats an unmeasured capability as a GPU (the count rule alone)', () => {
    expect(chooseAutoRenderer({ ...base, featureCount: 5001 }).renderer).toBe('webgl');
    expect(chooseAutoRenderer({ ...base, featureCount: 5000 }).renderer).toBe('canvas');
  });
});
