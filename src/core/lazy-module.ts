/**
 * A chunk loaded on first use (issue 16: what the first picture does not need stays out of the first load).
 * `load()` starts the dynamic import once and later calls share its promise; a failed load is forgotten, so the next
 * call tries again (a chunk request fails offline and may succeed later). `loaded` is the module once it has
 * arrived, for code that must stay synchronous (render, parse).
 */
export interface LazyModule<T> {
  load(): Promise<T>;
  readonly loaded: T | undefined;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load: () =>
      (pending ??= importer().then(
        (m) => (loaded = m),
        (e: unknown) => {
          pending = undefined;
          throw e;
        },
      )),
    get loaded() {
      return loaded;
    },
  };
}

/**
 * A synchronous reader run by a parse (field paths: data/adapters/field-map.ts) whose chunk has not arrived puts its
 * load here and gives no value; the DataController running the parse clears `p` before it, waits for it after it and
 * then parses the payload again. @internal
 */
export const asked: { p?: Promise<unknown> } = {};
