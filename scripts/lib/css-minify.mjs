// Minifies the CSS text of Lit's css`…` tagged templates in the library's own source at build time (issue 16): a
// user's bundler minifies our JavaScript but ships template text as written — indentation, comments and all — on
// every page. Only the static text between `${…}` expressions changes; the expressions are kept as written.
// Conservative rules, which keep the CSS's meaning (test/unit/css-minify.test.ts):
//   - comments /* … */ go (a string holding one is left alone);
//   - runs of whitespace, line breaks included, become one space. The module keeps its line count for the source
//     maps: the line breaks taken out of a template's CSS follow its closing backtick, in the JavaScript (the CSS text
//     itself is never mapped; a line break after a template changes no statement);
//   - spaces next to `{`, `}`, `;` and `,` go, and a `;` right before `}`;
//   - the space after the colon of a declaration goes (`color: red` → `color:red`). Never a space before a colon
//     (`a :hover` is not `a:hover`), never spaces between two words or around `+`, `-` (calc: `a - b`) or `~`;
//   - spaces around the child combinator `>`, before `!important`, after `(` and before `)` go (`var( --x )`);
//   - spaces around a multiplication go when a number or var( follows (`calc(var(--s) * 1.2)`); a selector's `.a * .b`
//     keeps them (no selector has a number or var( after a combinator);
//   - a zero before a decimal point goes after a space, `:`, `,`, `(`, `*` or `/` (`0.25em` → `.25em`; `10.5` stays);
//   - an attribute selector's quoted value that is an identifier loses its quotes (`[part~='base']` → `[part~=base]`);
//   - right after an expression that follows `{` or `;` (it stands for declarations: `:host { ${vars} --x: 1; }`),
//     a declaration loses the space before it and after its colon; a selector (`${sel} .y {`) keeps its space.
// Other quoted strings inside the CSS are copied unchanged.

/** Minifies one piece of static CSS text (no `${}` inside). */
export function minifyCssText(text) {
  let out = '';
  let plain = '';
  let i = 0;
  // Quoted strings are kept; comments become their line breaks; the plain text between strings is minified whole.
  while (i < text.length) {
    const q = text.slice(i).search(/['"]|\/\*/);
    const end = q < 0 ? text.length : i + q;
    plain += text.slice(i, end);
    if (q < 0) break;
    if (text[end] === '/') {
      const close = text.indexOf('*/', end + 2);
      const stop = close < 0 ? text.length : close + 2;
      plain += ' ';
      i = stop;
      continue;
    }
    const quote = text[end];
    let j = end + 1;
    while (j < text.length && text[j] !== quote) j += text[j] === '\\' ? 2 : 1;
    const value = text.slice(end + 1, j);
    // An attribute selector's value (`[a='b']`, `[a~="b"]`): an identifier needs no quotes.
    if (/[~|^$*]?=\s*$/.test(plain) && /^\s*\]/.test(text.slice(j + 1)) && /^-?[a-zA-Z_][\w-]*$/.test(value)) {
      plain += value;
      i = j + 1;
      continue;
    }
    out += squeeze(plain) + text.slice(end, j + 1);
    plain = '';
    i = j + 1;
  }
  return out + squeeze(plain);
}

function squeeze(s) {
  return s
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/([{;]-{0,2}[a-zA-Z_][\w-]*): /g, '$1:')
    .replace(/ ?> ?/g, '>')
    .replace(/ !important/g, '!important')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/([ :,(*/])0\.(\d)/g, '$1.$2')
    .replace(/(?<=[\w)%]) \* (?=\d|\.\d|var\()/g, '*')
    .replace(/;}/g, '}');
}

/**
 * Minifies the static text of every css`…` template in `code` (TypeScript or JavaScript source). Returns the code
 * unchanged when it has none. Template expressions (`${…}`, possibly holding strings, templates and braces) are
 * copied as written.
 */
export function minifyCssTemplates(code) {
  let out = '';
  let i = 0;
  for (;;) {
    const at = code.indexOf('css`', i);
    if (at < 0) break;
    // A tag, not the end of an identifier (e.g. `unsafecss`).
    if (at > 0 && /[\w$.]/.test(code[at - 1])) {
      out += code.slice(i, at + 4);
      i = at + 4;
      continue;
    }
    out += code.slice(i, at + 4);
    let j = at + 4;
    let text = '';
    // Line breaks of the static text taken out by the minifier, put back after the closing backtick.
    let lost = 0;
    // Whether the last expression stands where a declaration starts (after `{` or `;`).
    let declExpr = false;
    const minified = (t) => {
      const d = declExpr ? t.replace(/^\s+(-{0,2}[a-zA-Z_][\w-]*)\s*:\s*(?=[^{}]*[;}])/, '$1:') : t;
      const m = minifyCssText(d);
      lost += t.split('\n').length - m.split('\n').length;
      return m;
    };
    for (;;) {
      if (j >= code.length) throw new Error('css-minify: unterminated css`` template');
      const c = code[j];
      if (c === '\\') {
        text += code.slice(j, j + 2);
        j += 2;
      } else if (c === '`') {
        out += minified(text) + '`' + '\n'.repeat(lost);
        j++;
        break;
      } else if (c === '$' && code[j + 1] === '{') {
        const m = minified(text);
        out += m;
        if (m !== '' || text !== '') declExpr = /[{;]$/.test(m);
        text = '';
        const end = skipExpression(code, j + 2);
        out += code.slice(j, end);
        j = end;
      } else {
        text += c;
        j++;
      }
    }
    i = j;
  }
  return out + code.slice(i);
}

/** Index just after the `}` closing an expression that starts at `from` (after `${`). */
function skipExpression(code, from) {
  let depth = 1;
  let j = from;
  while (j < code.length) {
    const c = code[j];
    if (c === '{') depth++;
    else if (c === '}') {
      if (--depth === 0) return j + 1;
    } else if (c === '"' || c === "'") {
      j++;
      while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
    } else if (c === '`') {
      // A nested template: skip it, with its own expressions.
      j++;
      while (j < code.length && code[j] !== '`') {
        if (code[j] === '\\') j += 2;
        else if (code[j] === '$' && code[j + 1] === '{') j = skipExpression(code, j + 2);
        else j++;
      }
    }
    j++;
  }
  throw new Error('css-minify: unterminated ${} in a css`` template');
}

/** Vite / Rollup plugin: minifies css`` templates in the library's own modules under `srcDir`. */
export function cssMinifyPlugin(srcDir) {
  return {
    name: 'civic-css-minify',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0];
      if (!file.startsWith(srcDir) || !/\.[cm]?[jt]s$/.test(file) || !code.includes('css`')) return null;
      return { code: minifyCssTemplates(code), map: null };
    },
  };
}
