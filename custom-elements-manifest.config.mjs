// Config for `custom-elements-manifest analyze` (npm run analyze, scripts/build.mjs): the CLI picks this file up
// from the project root. The flags (--litelement, --globs, --outdir) stay on the command lines.
//
// The published dist/custom-elements.json documents the public API only, so IDEs and Storybook's docs pages show
// what a user may use:
//   - private and protected members (Lit @state fields, handlers, controllers) are dropped; `@internal` / `@ignore`
//     members are already dropped by the analyzer itself;
//   - events the analyzer guessed from `dispatchEvent(new X(detail))` calls (no name, or the argument's variable
//     name as the event name) are dropped when a documented `@event` of the same type exists;
//   - every event whose class extends `CivicEvent<Detail>` gets `detailType: { text, expandedText }`: the detail
//     type's name and its declaration body (fields with their comments), read from the source;
//   - a member typed with a string-literal alias (`Motion`, `(typeof MOTIONS)[number]`) gets
//     `parsedType: { text: "'auto' | 'on' | 'off'" }` (the field name @wc-toolkit/type-parser uses), so docs and
//     controls can list the allowed values.

/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function civicPublicApi() {
  /** Event class name → detail type name (from `extends CivicEvent<Detail>`). */
  const detailOf = new Map();
  /** Detail type name → declaration body text. */
  const bodyOf = new Map();
  /** Source file → const name → string literals (`export const MOTIONS = ['auto', …] as const`). */
  const constsOf = new Map();
  /** Alias name → { file, literals } or { file, constName }; null when two files declare different aliases of one name. */
  const aliases = new Map();
  const literalsOf = (ts, node) => {
    while (node && (ts.isAsExpression(node) || ts.isParenthesizedExpression(node) || (ts.isSatisfiesExpression?.(node) ?? false))) node = node.expression;
    if (!node || !ts.isArrayLiteralExpression(node) || !node.elements.every((e) => ts.isStringLiteral(e))) return undefined;
    return node.elements.map((e) => e.text);
  };
  /** DOM types the source uses for attributes. */
  const DOM_ALIASES = { RequestCredentials: ['omit', 'same-origin', 'include'] };
  const resolveAlias = (name) => {
    if (DOM_ALIASES[name]) return DOM_ALIASES[name];
    const a = aliases.get(name);
    if (!a) return undefined;
    return a.literals ?? constsOf.get(a.file)?.get(a.constName);
  };
  const dedent = (text) => {
    const lines = text.split('\n');
    const indents = lines.slice(1).filter((l) => l.trim()).map((l) => /^\s*/.exec(l)[0].length);
    const cut = Math.max(0, Math.min(...indents) - 2);
    return [lines[0], ...lines.slice(1).map((l) => l.slice(Math.min(cut, /^\s*/.exec(l)[0].length)))].join('\n');
  };
  return {
    name: 'civic-public-api',
    analyzePhase({ ts, node }) {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const clause of node.heritageClauses ?? []) {
          for (const t of clause.types) {
            if (t.expression.getText() === 'CivicEvent' && t.typeArguments?.length === 1) {
              detailOf.set(node.name.getText(), t.typeArguments[0].getText());
            }
          }
        }
      }
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
        const literals = literalsOf(ts, node.initializer);
        if (literals) {
          const file = node.getSourceFile().fileName;
          if (!constsOf.has(file)) constsOf.set(file, new Map());
          constsOf.get(file).set(node.name.text, literals);
        }
      }
      if (ts.isTypeAliasDeclaration(node)) {
        const file = node.getSourceFile().fileName;
        const text = node.type.getText().replace(/\s+/g, ' ');
        const fromConst = /^\(typeof (\w+)\)\[number\]$/.exec(text);
        const union = ts.isUnionTypeNode(node.type) && node.type.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal))
          ? node.type.types.map((t) => t.literal.text)
          : undefined;
        const entry = fromConst ? { file, constName: fromConst[1] } : union ? { file, literals: union } : undefined;
        const name = node.name.text;
        if (entry) aliases.set(name, aliases.has(name) && aliases.get(name)?.file !== file ? null : entry);
      }
      if (ts.isInterfaceDeclaration(node) && /Detail$/.test(node.name.getText())) {
        const text = node.getText();
        bodyOf.set(node.name.getText(), dedent(text.slice(text.indexOf('{'))));
      }
      if (ts.isTypeAliasDeclaration(node) && /Detail$/.test(node.name.getText())) {
        bodyOf.set(node.name.getText(), dedent(node.type.getText()));
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          if (decl.members) {
            decl.members = decl.members.filter(
              (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !String(m.name).startsWith('#'),
            );
          }
          for (const m of decl.members ?? []) {
            if (m.kind !== 'field' || !m.type?.text || /[<>{(]/.test(m.type.text)) continue;
            let changed = false;
            const parts = m.type.text.split('|').map((part) => {
              const literals = resolveAlias(part.trim());
              if (!literals) return part.trim();
              changed = true;
              return literals.map((l) => `'${l}'`).join(' | ');
            });
            if (changed) m.parsedType = { text: parts.join(' | ') };
          }
          if (!decl.customElement || !decl.events) continue;
          const documented = new Set(decl.events.filter((e) => e.name && e.description).map((e) => e.type?.text));
          decl.events = decl.events.filter((e) => e.name && (e.description || !documented.has(e.type?.text)));
          for (const e of decl.events) {
            const detail = detailOf.get(e.type?.text ?? '');
            if (detail) e.detailType = { text: detail, ...(bodyOf.has(detail) ? { expandedText: bodyOf.get(detail) } : {}) };
          }
        }
      }
    },
  };
}

export default {
  plugins: [civicPublicApi()],
};
