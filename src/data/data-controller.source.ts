import type { ResolvedSource } from './resolve-source.js';
import { why } from './data-controller.errors.js';
import type { DataController } from './data-controller.js';
import type { SrcPath } from './src-path.js';

// Which source a DataController reads and how it starts reading it (data-controller.ts keeps the state and the parse):
// the key that tells a new source from the same one, the start of a property / inline / `src` source, and the `src`
// path loaded on first use.

// The `src` path — fetching, polling, push sources, the persistent cache (src-path.ts) — loads with an element's
// first `src` (issue 16: an element given its data as a property or an inline script never needs it); one module
// shared by every element. The states it leads to (error, stale) are drawn by the eager code.
const srcPath = () => import('./src-path.js');

/** Identifies `s`: a different key is a new source (the old one stops, the new one loads). */
export function sourceKey<T>(dc: DataController<T>, s: ResolvedSource): string {
  switch (s.kind) {
    case 'property':
      // Identity, not content: assigning a new object reloads; mutating in place does not (call reload()).
      // Object.is: NaN is the same value as NaN (one civic-error for `data = NaN`, not one per update).
      if (!Object.is(s.value, dc.propertyRef)) {
        dc.propertyRef = s.value;
        dc.propertyGen++;
      }
      return `p:${dc.propertyGen}`;
    case 'inline':
      return `i:${s.format}:${s.text}`;
    case 'src': {
      const p = dc.props;
      return `s:${s.url}|${p.credentials ?? ''}|${p.format ?? ''}|${p.adapter ?? ''}|${p.transport ?? ''}${dc.o.offThread?.() ? '|off' : ''}`;
    }
    default:
      return 'n';
  }
}

/** Starts reading a new source (the old one's `src` work stops). */
export function startSource<T>(dc: DataController<T>, src: ResolvedSource): void {
  dc.path?.stop();
  if (src.kind !== 'none') dc.started = true;
  switch (src.kind) {
    case 'property':
    case 'inline': {
      // Text is JSON, else CSV: a `data` string (the CSV reader reports text that is neither) or an inline text/csv
      // script. Inline JSON must be JSON, and so must a `data` string for an element whose data has no CSV form
      // (options.jsonText: the chain graph's nodes and links).
      const inline = src.kind === 'inline';
      let v = inline ? src.text : src.value;
      if (typeof v === 'string' && !(inline && src.format === 'csv'))
        try {
          v = JSON.parse(v);
        } catch (e) {
          if (inline || dc.o.jsonText) {
            dc.fail('json', src.kind, `expected an object or JSON text: ${why(e)}`);
            break;
          }
        }
      dc.accept(v, src.kind, undefined, false);
      break;
    }
    case 'src': {
      if (dc.value === undefined) dc.status = 'loading';
      void withPath(dc, (p) => p.start(src.url));
      break;
    }
    default:
      if (dc.value === undefined) dc.status = 'idle';
  }
}

/**
 * The `src` path, loaded once (src-path.ts onPath creates it for `dc`); `then` runs when it is there, unless the source
 * changed meanwhile. A path that cannot load fails like the network (the error state needs no lazy code). Resolves
 * when `then`'s promise does (or once it was skipped).
 */
export function withPath<T>(dc: DataController<T>, then: (p: SrcPath<T>) => unknown): Promise<void> {
  const key = dc.sourceKey;
  return (dc.pathLoading ??= srcPath()).then(
    (m) => m.onPath(dc, key, then),
    (e: unknown) => {
      dc.pathLoading = undefined;
      const src = dc.currentSource();
      if (dc.sourceKey === key && src.kind === 'src') dc.fail('network', 'src', `the network code could not load: ${why(e)}`, undefined, src.url);
    },
  );
}
