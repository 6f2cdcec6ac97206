/**
 * What `renderer="auto"` draws with, decided from measured capability rather than a feature count alone.
 *
 * Measured in one run (bench/grid-map, headless Chromium): on software WebGL (SwiftShader) a d3 canvas draws 50,000
 * grids in ~1.3 s where maplibre needs ~4.6 s, and its pan/zoom frames are no worse; on a real GPU maplibre draws
 * large sets faster and pans them smoothly, while a canvas redraws every unit per frame. So:
 *
 * - no WebGL 2 at all → canvas (`no-webgl`)
 * - a basemap → WebGL (the canvas renderer cannot draw one) (`basemap`)
 * - up to `canvasLimit` units (default 5,000) → canvas, whatever the GPU: it is first on the screen (`small`)
 * - software WebGL (SwiftShader, llvmpipe, softpipe, lavapipe, "Software", Microsoft Basic Render) and up to
 *   `softwareCanvasLimit` units (default 250,000) → canvas (`software-webgl`)
 * - otherwise → WebGL (`large`)
 *
 * `chooseAutoRenderer` is pure (unit-tested in Node); `probeWebgl` measures the browser once per page.
 */

export interface WebglCapability {
  /** A WebGL 2 context could be created. */
  webgl2: boolean;
  /** The context is software-rendered (unmasked renderer string, or refused with failIfMajorPerformanceCaveat). */
  software: boolean;
  /** The (unmasked when allowed) renderer string, for messages. */
  renderer?: string;
}

export type AutoReason = 'no-webgl' | 'basemap' | 'small' | 'software-webgl' | 'large';

export interface AutoInput {
  featureCount: number;
  basemap: boolean;
  /** Up to this many units canvas draws whatever the GPU (the `canvas-limit` attribute). */
  canvasLimit: number;
  /** Up to this many units canvas draws when WebGL is software-rendered. */
  softwareCanvasLimit?: number;
  /** Measured capability; undefined = not measured (treated as a hardware WebGL 2). */
  capability?: WebglCapability;
}

export const SOFTWARE_CANVAS_LIMIT = 250_000;

/** Renderer strings of software rasterisers (Chrome's SwiftShader, Mesa's llvmpipe/softpipe/lavapipe, Windows WARP). */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|software|microsoft basic render/i;

export function isSoftwareRenderer(name: string | undefined | null): boolean {
  return !!name && SOFTWARE.test(name);
}

/** The renderer `auto` picks, and why (the reason is reported in `civic-renderer-change`). */
export function chooseAutoRenderer(i: AutoInput): { renderer: 'canvas' | 'webgl'; reason: AutoReason } {
  const cap = i.capability;
  if (cap && !cap.webgl2) return { renderer: 'canvas', reason: 'no-webgl' };
  if (i.basemap) return { renderer: 'webgl', reason: 'basemap' };
  if (i.featureCount <= i.canvasLimit) return { renderer: 'canvas', reason: 'small' };
  if (cap?.software && i.featureCount <= (i.softwareCanvasLimit ?? SOFTWARE_CANVAS_LIMIT)) return { renderer: 'canvas', reason: 'software-webgl' };
  return { renderer: 'webgl', reason: 'large' };
}

/** Reads a probe context's renderer string: unmasked when the browser allows it, else the masked RENDERER. */
export function rendererString(gl: WebGL2RenderingContext | WebGLRenderingContext): string | undefined {
  try {
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const s = ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    return typeof s === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}

let probed: WebglCapability | undefined;

/**
 * Measures WebGL 2 once per page: a throw-away 1×1 context (released at once), its renderer string, and whether the
 * browser refuses a context with `failIfMajorPerformanceCaveat` (Chrome does for SwiftShader even where the
 * renderer string is masked). Never throws.
 */
export function probeWebgl(): WebglCapability {
  if (probed) return probed;
  const make = (caveat: boolean): WebGL2RenderingContext | null => {
    try {
      const c = document.createElement('canvas');
      c.width = c.height = 1;
      return c.getContext('webgl2', { failIfMajorPerformanceCaveat: caveat, antialias: false, depth: false, stencil: false });
    } catch {
      return null;
    }
  };
  const release = (gl: WebGL2RenderingContext | null) => gl?.getExtension('WEBGL_lose_context')?.loseContext();
  const gl = make(false);
  if (!gl) return (probed = { webgl2: false, software: false });
  const renderer = rendererString(gl);
  release(gl);
  let software = isSoftwareRenderer(renderer);
  if (!software) {
    const strict = make(true);
    software = !strict;
    release(strict);
  }
  return (probed = { webgl2: true, software, renderer });
}

/** Forget the measured capability (tests). */
export function resetWebglProbe(): void {
  probed = undefined;
}
