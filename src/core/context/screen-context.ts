import { createContext } from '@lit/context';

/**
 * Provided by `<civic-screen>`: the CSS scale applied to the design-size canvas. Canvas and WebGL
 * elements multiply their device pixel ratio by it to stay crisp, and convert pointer positions
 * (which arrive in scaled page pixels) back to their own unscaled coordinates.
 */
export interface ScreenInfo {
  /** Current CSS scale factor of the screen's stage (1 = unscaled). */
  scale: number;
  /** True inside a big-screen container. */
  inScreen: boolean;
}

export const screenContext = createContext<ScreenInfo>(Symbol.for('civic-screen'));

export const NO_SCREEN: ScreenInfo = { scale: 1, inScreen: false };
