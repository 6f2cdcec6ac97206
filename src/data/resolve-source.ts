import type { DataSourceKind } from '../core/events/error-event.js';

/**
 * Which source an element reads, the same rule everywhere:
 *   1. the `data` property (set from JavaScript or a framework binding),
 *   2. a child `<script type="application/json">` (or `type="text/csv"`) inside the element,
 *   3. the `src` URL.
 */
export type ResolvedSource =
  | { kind: 'property'; value: unknown }
  | { kind: 'inline'; text: string; format: 'json' | 'csv' }
  | { kind: 'src'; url: string }
  | { kind: 'none' };

export interface SourceInputs {
  data?: unknown;
  src?: string | null;
  host?: Element;
}

/** The inline data script: a direct child `<script type="application/json">` or `<script type="text/csv">`. */
export function inlineScript(host: Element): HTMLScriptElement | null {
  for (const c of Array.from(host.children)) {
    if (c instanceof HTMLScriptElement) {
      const t = (c.type || '').toLowerCase();
      if (t === 'application/json' || t === 'text/csv') return c;
    }
  }
  return null;
}

export function resolveSource(i: SourceInputs): ResolvedSource {
  if (i.data !== undefined && i.data !== null) return { kind: 'property', value: i.data };
  if (i.host) {
    const s = inlineScript(i.host);
    if (s) {
      const csv = s.type.toLowerCase() === 'text/csv';
      // An inline CSV usually starts with a line break after the tag and ends with the closing tag's indentation:
      // blank lines before its header and after its last row are dropped.
      const text = s.textContent ?? '';
      return { kind: 'inline', text: csv ? text.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/(?:\r?\n[ \t]*)+$/, '\n') : text, format: csv ? 'csv' : 'json' };
    }
  }
  if (typeof i.src === 'string' && i.src.trim() !== '') return { kind: 'src', url: i.src.trim() };
  return { kind: 'none' };
}

export function sourceKind(s: ResolvedSource): DataSourceKind {
  return s.kind;
}
