/**
 * One line of the banner's details list in the element's language: the path, a sentence chosen by the issue's code, and
 * the offending value, e.g. `rows[3].households：不是数字（"abc"）`. Path and value stay verbatim (the list renders
 * them as text, never HTML). Issues carry only their developer English (`message`; civic-error's detail keeps that
 * shape), so the value is taken from it: what follows "got", else the quoted strings (describe() wrote them). Loaded
 * with the status banner (issue 16).
 */
import type { Issue } from '../issues/issue.js';
import type { Lang } from '../i18n/lang.js';
import { ISSUE_CODES, ISSUE_WORDS, type IssueWords } from '../i18n/issue-words.js';

/** Codes whose message is machine or server text (HTTP status line, the browser's fetch or JSON error, the API's own message): shown after the sentence as it is. */
const VERBATIM = /^(http|network|json|internal|patch|topojson|format)$/;

const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/** @internal */
export function issueLine(i: Issue, lang: Lang): string {
  const w = ISSUE_WORDS[lang] ?? ISSUE_WORDS.en;
  const m = i.message;
  const known = ISSUE_CODES[i.code]?.[lang === 'en' ? 1 : 0];
  if (!known) return `${i.path}${w.sep}${(i.severity === 'warning' ? w.warning : w.error)(i.code)}${w.sep}${m}`;
  if (VERBATIM.test(i.code)) return `${i.path}${w.sep}${known}${m ? w.sep + m : ''}`;
  if (i.code === 'api') {
    // "the API reported failure (code 500): 服务异常": the API's own message.
    const said = m.slice(m.indexOf('): ') + 3);
    return `${i.path}${w.sep}${known}${m.includes('): ') ? w.sep + said : ''}`;
  }
  let sentence = known;
  // `type` and `required` name what was expected: "不是数字" / "缺少数字" rather than the code's general words.
  const asked = /^expected (.+?)(?:, got |$)/.exec(m)?.[1];
  const what = asked && whatOf(asked);
  if (what && (i.code === 'type' || i.code === 'required')) sentence = (i.code === 'type' ? w.not : w.missing)(w.what[what]);
  // looks-like-csv quotes format="csv", which its sentence already says.
  const vs = i.code === 'looks-like-csv' ? [] : values(m).map((v) => valueWords(v, w));
  return `${i.path}${w.sep}${sentence}${vs.length ? w.open + vs.join(w.and) + w.close : ''}`;
}

function whatOf(asked: string): keyof IssueWords['what'] | undefined {
  if (/^a (finite )?number/.test(asked)) return 'number';
  if (/^a (non-empty )?string|^a dimension name/.test(asked)) return 'text';
  if (asked.startsWith('true or false')) return 'boolean';
  if (/^an array(,|$| of (strings|features))/.test(asked)) return 'array';
  if (asked.startsWith('[lon, lat]')) return 'lonlat';
  if (asked === 'a code') return 'code';
  if (/^an? ([\w ]+ )?object|^\{/.test(asked)) return 'object';
  return undefined;
}

/** The offending values in a message: what follows "got" (to the end or "; "), else its quoted strings (at most two), leaving out examples ("such as", "e.g."). */
function values(m: string): string[] {
  const got = /\bgot (?:the string )?("(?:[^"\\]|\\.)*"|.+?)(?:; |$)/.exec(m);
  if (got) return got[1] === 'nothing' ? [] : [got[1]];
  return (m.split(/ such as | \(e\.g\. /)[0].match(JSON_STRING) ?? []).slice(0, 2);
}

/** describe()'s English words for a value in the element's language; a quoted string or a number stays as it is. */
function valueWords(v: string, w: IssueWords): string {
  if (v === 'an object') return w.anObject;
  const n = /^an array of (\d+)$/.exec(v);
  return n ? w.arrayOf(n[1]) : v;
}
