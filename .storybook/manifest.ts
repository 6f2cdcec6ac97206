// Turns dist/custom-elements.json into Storybook argTypes and component descriptions, replacing
// @storybook/web-components' own extractor, which (Storybook 10.6):
//   - keys every row by its bare name, so the part `value` overwrote the property `value` (its control became a
//     "void" part row: typing into the tile's value control did nothing) — here each kind has its own key space:
//     properties by property name (what the stories' args use), the rest as `event:…`, `slot:…`, `part:…`,
//     `css:…`, `method:…`;
//   - listed private and protected members as controls — here only public members appear (the manifest is already
//     filtered by custom-elements-manifest.config.mjs; this filters again for a manifest made without it);
//   - showed attributes and properties twice (`delta-label` and `deltaLabel`) — here one row per property, named by
//     its attribute when it has one, with the property name in the description;
//   - gave events no detail type — here the row's type is the event class and its expandable detail the
//     `detail` type with its fields (from `detailType`, added by the analyzer config).

import type { ArgTypes, InputType, StrictArgTypes } from 'storybook/internal/types';

export interface CemType {
  text?: string;
}
export interface CemMember {
  kind: 'field' | 'method';
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  type?: CemType;
  parsedType?: CemType;
  default?: string;
  description?: string;
  attribute?: string;
  parameters?: { name: string; type?: CemType; optional?: boolean; description?: string }[];
  return?: { type?: CemType };
}
export interface CemNamed {
  name: string;
  description?: string;
  default?: string;
  type?: CemType;
  fieldName?: string;
}
export interface CemEvent extends CemNamed {
  detailType?: { text: string; expandedText?: string };
}
export interface CemElement {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  members?: CemMember[];
  attributes?: CemNamed[];
  events?: CemEvent[];
  slots?: CemNamed[];
  cssParts?: CemNamed[];
  cssProperties?: CemNamed[];
}
export interface Cem {
  modules?: { declarations?: CemElement[] }[];
}

let manifest: Cem | undefined;
export function useManifest(m: Cem | undefined): void {
  manifest = m;
}

export function elementDoc(tag: string): CemElement | undefined {
  for (const mod of manifest?.modules ?? []) {
    for (const d of mod.declarations ?? []) if (d.customElement && d.tagName === tag) return d;
  }
  return undefined;
}

/** Public: not private/protected, not `#private`, not `_underscored`, not marked `@internal` / `@ignore`. */
export function isPublic(m: { name: string; privacy?: string; description?: string }): boolean {
  if (m.privacy === 'private' || m.privacy === 'protected') return false;
  if (m.name.startsWith('#') || m.name.startsWith('_')) return false;
  return !/@(internal|ignore)\b/.test(m.description ?? '');
}

const STRIP = /\s*\|\s*(undefined|null)\b/g;

/** Storybook type and control for a member's TypeScript type text. */
function typeAndControl(text: string | undefined, hasAttribute: boolean): Pick<InputType, 'type' | 'control' | 'options'> {
  const t = (text ?? '').replace(STRIP, '').trim();
  const parts = t.split('|').map((p) => p.trim());
  if (t === 'boolean') return { type: { name: 'boolean' }, control: { type: 'boolean' } };
  if (t === 'number') return { type: { name: 'number' }, control: { type: 'number' } };
  if (parts.length > 1 && parts.every((p) => /^'[^']*'$/.test(p))) {
    const options = parts.map((p) => p.slice(1, -1));
    return { type: { name: 'enum', value: options }, control: { type: options.length <= 4 ? 'inline-radio' : 'select' }, options };
  }
  // Everything else an attribute carries is text (numbers-or-strings, lists, field paths); property-only members
  // take JavaScript values.
  if (t === 'string' || hasAttribute) return { type: { name: 'string' }, control: { type: 'text' } };
  return { type: { name: 'other', value: t }, control: { type: 'object' } };
}

const code = (s: string) => `\`${s}\``;

function memberRow(m: CemMember): InputType {
  const shown = m.parsedType?.text ?? m.type?.text;
  const { type, control, options } = typeAndControl(shown, !!m.attribute);
  const notes: string[] = [];
  if (m.attribute && m.attribute !== m.name) notes.push(`Property: ${code(m.name)}.`);
  else if (m.attribute) notes.push(`Attribute and property.`);
  else notes.push(`Property only (no attribute)${m.readonly ? ', read-only' : ''}.`);
  return {
    name: m.attribute ?? m.name,
    description: [m.description ?? '', notes.join(' ')].filter(Boolean).join('\n\n'),
    type: { ...(type as object), required: false } as InputType['type'],
    ...(m.readonly ? { control: false } : { control }),
    ...(options && !m.readonly ? { options } : {}),
    table: {
      category: m.attribute ? 'attributes' : 'properties',
      type: { summary: (shown ?? '').replace(STRIP, '') || 'unknown' },
      defaultValue: m.default !== undefined ? { summary: m.default } : undefined,
    },
  };
}

function methodRow(m: CemMember): InputType {
  const params = (m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.type?.text ?? 'unknown'}`).join(', ');
  const ret = m.return?.type?.text ?? 'void';
  const paramDocs = (m.parameters ?? []).filter((p) => p.description).map((p) => `- ${code(p.name)}: ${p.description}`);
  return {
    name: `${m.name}()`,
    description: [m.description ?? '', ...paramDocs].filter(Boolean).join('\n\n'),
    control: false,
    table: { category: 'methods', type: { summary: `(${params}) => ${ret}` } },
  };
}

function simpleRow(item: CemNamed, category: string, name = item.name): InputType {
  return {
    name,
    description: item.description ?? '',
    control: false,
    table: {
      category,
      ...(item.type?.text ? { type: { summary: item.type.text } } : {}),
      defaultValue: item.default !== undefined ? { summary: item.default } : undefined,
    },
  };
}

function eventRow(e: CemEvent): InputType {
  const row = simpleRow(e, 'events');
  const detail = e.detailType;
  row.table = {
    ...row.table,
    type: {
      summary: e.type?.text ?? 'CustomEvent',
      ...(detail ? { detail: `detail: ${detail.text}${detail.expandedText ? ` = ${detail.expandedText}` : ''}` } : {}),
    },
  };
  if (detail) row.description = `${row.description}\n\n${code('detail')}: ${code(detail.text)}`;
  return row;
}

/** argTypes for one element, keyed without clashes (see the header). */
export function argTypesFor(tag: string): ArgTypes | null {
  const d = elementDoc(tag);
  if (!d) return null;
  const out: ArgTypes = {};
  const members = (d.members ?? []).filter(isPublic);
  for (const m of members) {
    if (m.static) continue;
    if (m.kind === 'field') out[m.name] = memberRow(m);
  }
  // Attributes whose property the manifest does not list (should not happen with Lit; kept visible if it does).
  const fields = new Set(members.map((m) => m.name));
  for (const a of d.attributes ?? []) {
    if (!a.fieldName || !fields.has(a.fieldName)) {
      if (a.fieldName && (d.members ?? []).some((m) => m.name === a.fieldName)) continue; // a non-public field
      out[`attr:${a.name}`] = { ...simpleRow(a, 'attributes'), control: { type: 'text' } };
    }
  }
  for (const m of members) if (m.kind === 'method' && !m.static) out[`method:${m.name}`] = methodRow(m);
  for (const e of d.events ?? []) if (e.name) out[`event:${e.name}`] = eventRow(e);
  for (const s of d.slots ?? []) out[`slot:${s.name || 'default'}`] = simpleRow(s, 'slots', s.name || '(default)');
  for (const p of d.cssParts ?? []) out[`part:${p.name}`] = simpleRow(p, 'css shadow parts');
  for (const p of d.cssProperties ?? []) out[`css:${p.name}`] = simpleRow(p, 'css custom properties');
  return out;
}

/**
 * argTypes enhancer (runs after the extractor has been merged with a story's own argTypes): Storybook names every
 * argType a story declares after its key, so `deltaColors: { control: 'inline-radio' }` would rename the row
 * `delta-colors` back to `deltaColors` and the attribute would vanish from the table. The manifest's name wins.
 */
export function keepManifestNames(context: { component?: unknown; argTypes: StrictArgTypes }): StrictArgTypes {
  const extracted = typeof context.component === 'string' ? argTypesFor(context.component) : null;
  if (!extracted) return context.argTypes;
  const out: StrictArgTypes = { ...context.argTypes };
  for (const [key, argType] of Object.entries(out)) {
    const name = extracted[key]?.name;
    if (name && argType.name !== name) out[key] = { ...argType, name };
  }
  return out;
}

/** Summary, then description (both from the class JSDoc). */
export function descriptionFor(tag: string): string {
  const d = elementDoc(tag);
  return [d?.summary, d?.description].filter(Boolean).join('\n\n');
}
