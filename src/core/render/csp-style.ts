import { noChange } from 'lit';
import { Directive, directive, PartType, type PartInfo, type AttributePart } from 'lit/directive.js';

export type StyleInfo = Readonly<Record<string, string | number | undefined | null>>;

/**
 * Like Lit's `styleMap`, but never writes the `style` attribute: it sets properties through the CSSOM only.
 * Under a strict CSP (`style-src 'self'` without 'unsafe-inline') a `style="…"` attribute is refused, and
 * `styleMap` writes the attribute on its first render (lit/lit#4719). Keys are CSS property names
 * (`width`, `--_bar`), values strings or numbers; null/undefined removes a property.
 *
 *   html`<span part="bar" style=${cspStyle({ width: `${pct}%` })}></span>`
 */
class CspStyleDirective extends Directive {
  private prev = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style' || (info.strings?.length ?? 0) > 2) {
      throw new Error('cspStyle() must be the only binding of a style attribute');
    }
  }

  render(_styles: StyleInfo): unknown {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [StyleInfo]): unknown {
    const st = (part.element as HTMLElement).style;
    for (const k of [...this.prev]) {
      if (styles[k] === undefined || styles[k] === null) {
        st.removeProperty(k);
        this.prev.delete(k);
      }
    }
    for (const k of Object.keys(styles)) {
      const v = styles[k];
      if (v !== undefined && v !== null) {
        st.setProperty(k, String(v));
        this.prev.add(k);
      }
    }
    return noChange;
  }
}

export const cspStyle = directive(CspStyleDirective);
