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
    expect(min(css)).to.equal(`\n\n:host{\n--_bg:var(--civic-x,var(--_y));\ncolor:red\n}\n[part~='a'] .b,\n.c{\nmargin:0 auto\n}`);
  });

  it('keeps every line break (source maps), the meaning of selectors and what calc() needs', () => {
    const css = `a :hover { x: calc(100% - 2 * var(--s)); }\n.a > .b + .c ~ .d { y: 1px }\n@media (prefers-reduced-motion: reduce) { .s { animation: none; } }`;
    const out = min(css);
    expect(out.split('\n')).to.have.length(3);
    expect(out).to.contain('a :hover{');
    expect(out).to.contain('calc(100% - 2 * var(--s))');
    expect(out).to.contain('.a > .b + .c ~ .d{');
    expect(out).to.contain('@media (prefers-reduced-motion: reduce){.s{animation:none}}');
  });

  it('copies quoted strings unchanged', () => {
    expect(min(`.a { content: '  ;  {  }  /* x */ '; font-family: "Segoe  UI", x; }`)).to.equal(`.a{content:'  ;  {  }  /* x */ ';font-family:"Segoe  UI",x}`);
  });

  it('minifies only the static text of css`` templates, keeping expressions and other templates', () => {
    const code = "const a = css`\n  :host {\n    ${unsafeCSS(`x: ${y} { }`)}\n    color: red;\n  }\n`;\nconst b = html`<p>  a  { b: c; }  </p>`;\nconst c = unsafecss`  x  `;";
    const out = tpl(code);
    // (Right after an expression the text may continue anything, so the colon keeps its space there.)
    expect(out).to.equal("const a = css`\n:host{\n${unsafeCSS(`x: ${y} { }`)}\ncolor: red\n}\n`;\nconst b = html`<p>  a  { b: c; }  </p>`;\nconst c = unsafecss`  x  `;");
    expect(out.split('\n')).to.have.length(code.split('\n').length);
  });

  it('minifies every css`` of src/ with the same line count and no leftover indentation', () => {
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
      saved += code.length - out.length;
    }
    expect(saved).to.be.greaterThan(5000);
  });
});
