import type { Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

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

// The key, as @lit/context's createContext() would return it (a context is its key): consumers and providers built on
// @lit/context (`<civic-screen>`, third-party elements) use it unchanged.
export const screenContext = Symbol.for('civic-screen') as Context<symbol, ScreenInfo>;

export const NO_SCREEN: ScreenInfo = { scale: 1, inScreen: false };

/**
 * The elements' side of the context protocol (the community `context-request` event that @lit/context's providers
 * answer), written here because every element carries it on its first load and needs only this much of it (issue 16,
 * weight): on connect it asks for the screen with a subscription; a provider calls back with the value now and on every
 * change, with an `unsubscribe` that is called on disconnect or when another provider takes over.
 * @internal
 */
export class ScreenConsumer implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onValue: (value: ScreenInfo | undefined) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
      context: screenContext,
      contextTarget: this.host,
      subscribe: true,
      callback: this.receive,
    });
    this.host.dispatchEvent(request);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private readonly receive = (value: ScreenInfo, unsubscribe?: () => void): void => {
    if (unsubscribe !== this.unsubscribe) {
      // Another provider answers now (one was added between this element and the old one): leave the old one.
      this.unsubscribe?.();
      this.unsubscribe = unsubscribe;
    }
    this.onValue(value);
  };
}
