// scripts/lib/css-minify.mjs (issue 16): the build minifies the text of css`` templates; the CSS must mean the same.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error plain ESM script without types
import { minifyCssTemplates, minifyCssText } from '../../../scripts/lib/css-minify.mjs';

const min = minifyCssText as (s: string) => string;
const tpl = minifyCssTemplates as (s: string) => string;

describe('css-minify', () => {
  it('drops comments, indentation and the spaces around braces, semicolons, commas and declaration colons', () => {
    const css = `
  /* a comment, with a colon: and 'quote */
  :host {
    --_bg: var(--civic-x, var(--_y));
    color: red;
  }
  [part~='a'] .b,
  .c {
    margin: 0 auto;
  }`;
    expect(min(css)).to.equal(` :host{--_bg:var(--civic-x,var(--_y));color:red}[part~=a] .b,.c{margin:0 auto}`);
  });

  it('keeps the meaning of selectors and what calc() needs; a line break between two words is a space', () => {
    const css = `a :hover { x: calc(100% - 2 * var(--s)); }\n.a > .b + .c ~ .d { y: 1px }\n@media (prefers-reduced-motion: reduce) { .s { animation: none; } }\n.e\n.f { border: 1px\n  solid\tred }`;
    const out = min(css);
    expect(out).not.to.contain('\n');
    expect(out).to.contain('.e .f{border:1px solid red}');
    expect(out).to.contain('a :hover{');
    expect(out).to.contain('calc(100% - 2*var(--s))');
    expect(out).to.contain('.a>.b + .c ~ .d{');
    expect(out).to.contain('@media (prefers-reduced-motion: reduce){.s{animation:none}}');
  });

  it('copies quoted strings unchanged', () => {
    expect(min(`.a { content: '  ;  {  }  /* x */ '; font-family: "Segoe  UI", x; }`)).to.equal(`.a{content:'  ;  {  }  /* x */ ';font-family:"Segoe  UI",x}`);
  });

  it('minifies only the static text of css`` templates, keeping expressions and other templates', () => {
    const code = "const a = css`\n  :host {\n    ${unsafeCSS(`x: ${y} { }`)}\n    color: red;\n  }\n`;\nconst b = html`<p>  a  { b: c; }  </p>`;\nconst c = unsafecss`  x  `;";
    const out = tpl(code);
    // (An expression right after `{` or `;` stands for declarations: a declaration after it needs no space.) The CSS's
    // line breaks follow the closing backtick: the module keeps its line count (source maps).
    expect(out).to.equal("const a = css` :host{${unsafeCSS(`x: ${y} { }`)}color:red}`\n\n\n\n\n;\nconst b = html`<p>  a  { b: c; }  </p>`;\nconst c = unsafecss`  x  `;");
    expect(out.split('\n')).to.have.length(code.split('\n').length);
  });

  it('drops the space before !important and inside the edges of parentheses', () => {
    expect(min(`.a { line-height: 1.5 !important; width: var( --x , calc( 1px + var( --y ) ) ) }`)).to.equal(
      `.a{line-height:1.5!important;width:var(--x,calc(1px + var(--y)))}`,
    );
    // Between two words, and around + and - (calc needs them), spaces stay.
    expect(min(`.a { font: bold  12px x; margin: calc(1px - 2px) }`)).to.equal(`.a{font:bold 12px x;margin:calc(1px - 2px)}`);
  });

  it('drops the spaces around the child combinator', () => {
    expect(min(`:host > * , .head > [part] { x: 1 }`)).to.equal(`:host>*,.head>[part]{x:1}`);
  });

  it('unquotes an attribute selector value that is an identifier, and only that', () => {
    expect(min(`[part~='status'][data-kind="empty"], :host([data-theme='dark']) { x: 1 }`)).to.equal(
      `[part~=status][data-kind=empty],:host([data-theme=dark]){x:1}`,
    );
    // Not an identifier (space, digit first, empty), or not an attribute value: the quotes stay.
    expect(min(`[a='b c'], [a='1x'], [a=''], [a='x' i] { content: 'x'; font-family: 'x' }`)).to.equal(
      `[a='b c'],[a='1x'],[a=''],[a='x' i]{content:'x';font-family:'x'}`,
    );
  });

  it('drops the spaces around a multiplication by a number or a var(), not around a universal selector', () => {
    expect(min(`.a * .b, .c * [d], :host(.e) * { h: calc(var(--s) * 1.2); w: calc(2px * var(--t)); x: calc(3 * .5px) }`)).to.equal(
      `.a * .b,.c * [d],:host(.e) *{h:calc(var(--s)*1.2);w:calc(2px*var(--t));x:calc(3*.5px)}`,
    );
  });

  it('drops the zero before a decimal point, never inside a longer number or a word', () => {
    expect(min(`.a { gap: 0.25em; font-size: max(var(--x, 0.42em), 0px); animation: s 0.8s; width: 10.5px; --x: a0.5 }`)).to.equal(
      `.a{gap:.25em;font-size:max(var(--x,.42em),0px);animation:s .8s;width:10.5px;--x:a0.5}`,
    );
  });

  it('after an expression in a declaration position, a declaration needs no space before it or after its colon', () => {
    const code = 'css`\n :host {\n ${a}\n --b: var(--c);\n ${d}\n color: red;\n }\n .x { ${e} .y { z: 1 } }\n .p { margin: ${f} auto; }`';
    // ${e} may be a selector: `${e} .y {` keeps its space (a descendant combinator); so does a value's `${f} auto`.
    expect(tpl(code)).to.equal('css` :host{${a}--b:var(--c);${d}color:red}.x{${e} .y{z:1}}.p{margin:${f} auto}`\n\n\n\n\n\n\n\n');
  });

  it('minifies every css`` of src/ with the same line count and no line break left in the CSS', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(join(__dirname, '../../../src'));
    let saved = 0;
    for (const f of files) {
      const code = readFileSync(f, 'utf8');
      if (!code.includes('css`')) continue;
      const out = tpl(code);
      expect(out.split('\n').length, f).to.equal(code.split('\n').length);
      // Static CSS text (outside expressions) holds no line break: only `${`, and the JavaScript after the template, do.
      // (Not after a backtick: \`css\` named in a comment.)
      for (const m of out.matchAll(/(?<![\w$.`])css`([^`$]*)(?:`|\$\{)/g)) expect(m[1], f).not.to.contain('\n');
      saved += code.length - out.length;
    }
    expect(saved).to.be.greaterThan(5000);
  });
});
