/**
 * Every civic-* event bubbles and is composed, so a page listens on any ancestor (or `document`)
 * even when the element sits inside another element's shadow root. `detail` is always an object.
 */
export abstract class CivicEvent<D extends object> extends CustomEvent<D> {
  constructor(type: string, detail: D, init: { cancelable?: boolean } = {}) {
    super(type, { detail, bubbles: true, composed: true, cancelable: init.cancelable ?? false });
  }
}
