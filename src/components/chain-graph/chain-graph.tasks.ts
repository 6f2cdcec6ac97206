/**
 * Yields to the event loop, then runs `fn`: a message-channel task, so there is no 4 ms timer clamping between the
 * slices of a long job (the layout controller's label measuring and main-thread force steps, the painter's sliced
 * bitmap); a timer where there is no MessageChannel.
 */
export function yieldThen(fn: () => void): void {
  if (typeof MessageChannel !== 'undefined') {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      fn();
    };
    ch.port2.postMessage(0);
  } else setTimeout(fn, 0);
}
