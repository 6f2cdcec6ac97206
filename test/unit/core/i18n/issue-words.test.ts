// The banner's details list speaks the element's language (A3 s18, finding 9): each issue line is the path, a sentence
// chosen by the issue's code and the offending value, verbatim. Every code that src gives an issue must have a zh-CN and
// an en entry: the codes are collected by scanning src (TypeScript's parser), so adding a code without words fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe as group, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../../../src/core/i18n/issue-words.js';
import { issueLine } from '../../../../src/core/render/issue-line.js';
import { describe as describeValue, issue, type Issue } from '../../../../src/core/issues/issue.js';
import { readNumber, readString } from '../../../../src/data/validate.js';
import { parsePeriod } from '../../../../src/core/format/period.js';
import { parseChainData } from '../../../../src/components/chain-graph/chain-graph.model.js';
import { parseMetrics } from '../../../../src/components/grid-map/grid-map.model.js';

const root = resolve(__dirname, '../../../../src');
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

/**
 * Issue codes written in src: the second argument of `issue(…)` (either copy of the helper), `code` of an object
 * literal that also has `message` or `severity` (an issue written out), a FetchError's code (its fifth argument, else
 * its kind) and the error kinds (`issue('$', kind, …)` passes them on). String literals, also inside `a ? 'x' : 'y'`.
 */
function scanCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const lits = (n: ts.Node | undefined, at: string): void => {
    if (!n) return;
    if (ts.isStringLiteralLike(n)) found.has(n.text) || found.set(n.text, at);
    else if (ts.isConditionalExpression(n)) lits(n.whenTrue, at), lits(n.whenFalse, at);
    else if (ts.isParenthesizedExpression(n)) lits(n.expression, at);
    else if (ts.isBinaryExpression(n) && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(n.operatorToken.kind)) lits(n.left, at), lits(n.right, at);
  };
  for (const f of files(root).filter((f) => f.endsWith('.ts'))) {
    const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
    const at = (n: ts.Node) => `${f.slice(root.length + 1)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'issue' && n.arguments.length >= 3) lits(n.arguments[1], at(n));
      if (ts.isObjectLiteralExpression(n)) {
        const props = new Map(n.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.getText(sf), p.initializer] as const));
        if (props.has('code') && (props.has('message') || props.has('severity'))) lits(props.get('code'), at(n));
      }
      if (ts.isNewExpression(n) && n.expression.getText(sf) === 'FetchError') lits(n.arguments?.[4] ?? n.arguments?.[0], at(n));
      if (ts.isTypeAliasDeclaration(n) && n.name.text === 'CivicErrorKind' && ts.isUnionTypeNode(n.type))
        for (const t of n.type.types) if (ts.isLiteralTypeNode(t)) lits(t.literal, at(n));
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}

group('issue words: every code in src has a line in both languages', () => {
  const codes = scanCodes();

  it('the scan finds the codes of every kind of source (so it can fail)', () => {
    // issue() in data/validate, a component reader and the lazy copy; an object literal; FetchError; the error kinds.
    for (const c of ['type', 'required', 'self-link', 'unknown-code', 'period', 'api', 'unknown-id', 'looks-like-csv', 'timeout', 'validation'])
      expect(codes.has(c), c).toBe(true);
    expect(codes.size).toBeGreaterThan(45);
  });

  it('each code has a zh-CN and an en entry', () => {
    const missing = [...codes].filter(([c]) => !ISSUE_CODES[c]?.[0] || !ISSUE_CODES[c]?.[1]).map(([c, at]) => `${c} (${at})`);
    expect(missing, 'codes without words in core/i18n/issue-words.ts').toEqual([]);
  });

  it('the zh words are Chinese and the en words are not', () => {
    for (const [c, [zh, en]] of Object.entries(ISSUE_CODES)) expect(zh, c).toMatch(/[\u4e00-\u9fff]/), expect(en, c).toMatch(/^[\x20-\x7e]+$/);
  });
});

group('issueLine: path and value verbatim, the sentence in the element language', () => {
  const one = (fill: (issues: Issue[]) => void): Issue => {
    const issues: Issue[] = [];
    fill(issues);
    expect(issues).toHaveLength(1);
    return issues[0];
  };

  it('a number given as text (data/validate.ts)', () => {
    const i = one((is) => readNumber('abc', 'rows[3].households', is));
    expect(issueLine(i, 'zh-CN')).toBe('rows[3].households：不是数字（"abc"）');
    expect(issueLine(i, 'en')).toBe('rows[3].households: not a number ("abc")');
    const r = one((is) => readNumber(undefined, 'rows[1].value', is, { required: true }));
    expect(issueLine(r, 'zh-CN')).toBe('rows[1].value：缺少数字');
    const s = one((is) => readString({ a: 1 }, 'name', is));
    expect(issueLine(s, 'zh-CN')).toBe('name：不是文本（对象）');
    expect(issueLine(issue('rows', 'type', `expected an array, got ${describeValue([1, 2, 3])}`), 'zh-CN')).toBe('rows：不是数组（3 项的数组）');
  });

  it('a period the growth chart cannot read keeps the value, not the examples', () => {
    const i = issue('series[0].points[2].period', 'period', parsePeriod('2024年1-3月').error!);
    expect(issueLine(i, 'zh-CN')).toBe('series[0].points[2].period：不是时期（应如 2022、2022Q3、2022-09）（"2024年1-3月"）');
    expect(issueLine(i, 'en')).toMatch(/^series\[0\]\.points\[2\]\.period: not a period such as .*\("2024年1-3月"\)$/);
  });

  it('a chain link to itself and a duplicate grid row (the components\' own readers)', () => {
    const chain = parseChainData({ chains: [{ id: 'c', name: 'C' }], nodes: [{ id: 'a', name: 'A', type: 'member', chain: 'c' }], links: [{ source: 'a', target: 'a', kind: 'supply' }] });
    const self = chain.issues.find((i) => i.code === 'self-link')!;
    expect(issueLine(self, 'zh-CN')).toBe(`${self.path}：自环连线，未绘制（"a"）`);
    const grid = parseMetrics({ metrics: [{ key: 'v', label: 'V' }], rows: [{ code: '500118', v: 1 }, { code: '500118', v: 2 }] });
    const dup = grid.issues.find((i) => i.code === 'duplicate')!;
    expect(issueLine(dup, 'zh-CN')).toBe(`${dup.path}：重复，只用第一个（"500118"）`);
  });

  it('machine and server text follows the sentence as it is; the API\'s own message is kept', () => {
    expect(issueLine(issue('$', 'http', 'HTTP 500 Internal Server Error'), 'zh-CN')).toBe('$：服务器返回错误：HTTP 500 Internal Server Error');
    expect(issueLine(issue('code', 'api', 'the API reported failure (code 500): 服务异常'), 'zh-CN')).toBe('code：接口返回失败：服务异常');
  });

  it('an unknown code: a translated line by severity, then the developer sentence', () => {
    const w = issue('links[3]', 'duplicate-link', 'link "a" → "b" is given twice', 'warning');
    expect(issueLine(w, 'zh-CN')).toBe('links[3]：数据提示（duplicate-link）：link "a" → "b" is given twice');
    expect(issueLine({ ...w, severity: 'error' }, 'en')).toBe('links[3]: Invalid data (duplicate-link): link "a" → "b" is given twice');
  });

  it('values are text: markup in a value stays as written (the list renders it as text)', () => {
    const i = one((is) => readNumber('<img src=x onerror=alert(1)>', 'rows[0].v', is));
    expect(issueLine(i, 'zh-CN')).toBe('rows[0].v：不是数字（"<img src=x onerror=alert(1)>"）');
  });
});
