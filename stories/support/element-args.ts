import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

interface LitPropertyDeclaration {
  attribute?: boolean | string;
  type?: unknown;
  state?: boolean;
}
type LitClass = { elementProperties?: Map<PropertyKey, LitPropertyDeclaration> };

/**
 * Applies a story's args to the element it sits on, the way a page author would: every arg named after one of the
 * element's public Lit properties becomes that property's attribute (`deltaLabel` → `delta-label="…"`; booleans
 * toggle the attribute; `undefined`, `null` and `''` remove it), or, for a property without an attribute (`data`,
 * `geometry`, `positions`), is set as the property. Other args (story-only ones such as `width`) are ignored.
 *
 * So every attribute's control works — including those a story's template does not mention — and the element
 * re-renders when a control changes:
 *
 * ```ts
 * render: (a) => html`<civic-kpi-tile style="width:${a.width}px" ${elementArgs(a)}></civic-kpi-tile>`
 * ```
 */
class ElementArgs extends Directive {
  private readonly applied = new Set<string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('elementArgs() belongs in an element tag: <civic-x ${elementArgs(args)}>');
  }

  render(_args: object) {
    return noChange;
  }

  override update(part: ElementPart, [args]: [object]) {
    const el = part.element as HTMLElement & Record<string, unknown>;
    const props = (customElements.get(el.localName) as LitClass | undefined)?.elementProperties;
    if (!props) return noChange;
    const seen = new Set<string>();
    for (const [key, value] of Object.entries(args)) {
      const decl = props.get(key);
      if (!decl || decl.state) continue;
      seen.add(key);
      if (decl.attribute === false) {
        if (value !== undefined) el[key] = value;
        continue;
      }
      const name = typeof decl.attribute === 'string' ? decl.attribute : key.toLowerCase();
      if (decl.type === Boolean) el.toggleAttribute(name, !!value);
      else if (value === undefined || value === null || value === '') el.removeAttribute(name);
      else el.setAttribute(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
      this.applied.add(key);
    }
    // An arg that went away (control cleared to undefined is dropped from args) takes its attribute with it.
    for (const key of [...this.applied]) {
      if (seen.has(key)) continue;
      const decl = props.get(key);
      if (decl && decl.attribute !== false) el.removeAttribute(typeof decl.attribute === 'string' ? decl.attribute : key.toLowerCase());
      this.applied.delete(key);
    }
    return noChange;
  }
}

export const elementArgs = directive(ElementArgs);
