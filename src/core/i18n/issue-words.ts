/**
 * What each issue code means, in both languages: the lines of the banner's details list (错误详情 / Error details; built
 * by core/render/issue-line.ts). Loaded with the status banner, never on the first load (issue 16). Every code that
 * src gives an issue has an entry (test/unit/core/i18n/issue-words.test.ts scans src for them); a code without one
 * still gets a translated line by severity, with the developer sentence. Kept short: builds write each Chinese
 * character as a \u escape, so every one costs about 3 B gz.
 */
import type { Lang } from './lang.js';

/** Issue code → [zh-CN, en]: the problem in a few words (the path and the value are added around it). @internal */
export const ISSUE_CODES: Record<string, [zh: string, en: string]> = {
  // The shape of values (data/validate.ts and every element's reader).
  type: ['类型不符', 'wrong type or shape'],
  required: ['缺少必填项', 'a required value is missing'],
  'not-finite': ['不是有限数', 'not a finite number'],
  'out-of-range': ['超出范围', 'out of range'],
  enum: ['不是可选值', 'not an accepted value'],
  coerced: ['文本数字，已按数字读取', 'a number as text; read as a number'],
  duplicate: ['重复，只用第一个', 'repeated; the first is used'],
  'too-many': ['超过上限，只保留前面部分', 'too many; the first ones are kept'],
  'unknown-id': ['找不到该编号', 'no item has this id'],
  'unknown-group': ['不在分组中，排在最后', 'not in the groups; shown last'],
  mapping: ['字段路径指向不同列表', 'field paths point into different lists'],
  // Loading (the error's kind is the code when nothing more precise is known).
  http: ['服务器返回错误', 'the server answered with an error'],
  network: ['网络错误', 'network error'],
  timeout: ['请求超时', 'the request timed out'],
  abort: ['请求已取消', 'the request was cancelled'],
  json: ['数据无法解析', 'the data could not be read'],
  'looks-like-csv': ['不是 JSON，像是 CSV：请加 format="csv"', 'not JSON; it looks like CSV: add format="csv"'],
  text: ['不是 JSON 或 CSV 文本', 'neither JSON nor CSV text'],
  api: ['接口返回失败', 'the API reported a failure'],
  validation: ['数据格式不符', 'the data has the wrong shape'],
  patch: ['推送的更新无法应用', 'a pushed update could not be applied'],
  internal: ['内部错误', 'internal error'],
  format: ['文件格式无法识别', 'unknown file format'],
  // Growth chart.
  period: ['不是时期（应如 2022、2022Q3、2022-09）', 'not a period such as 2022, 2022Q3 or 2022-09'],
  'unit-converted': ['单位不同，已换算', 'another unit; converted'],
  'mixed-units': ['单位不同且无法换算，未显示', 'another unit that cannot be converted; left out'],
  'empty-point': ['无数值也无增速，显示为空缺', 'neither a value nor a rate; a gap'],
  'empty-series': ['序列无可用数据', 'the series has no usable point'],
  unsorted: ['时期未排序，已排序', 'periods out of order; sorted'],
  'mixed-basis': ['累计值与当期值混用', 'cumulative and single periods mixed'],
  // Grid map.
  'unknown-code': ['编码找不到对应单元', 'the code matches no unit'],
  'unknown-metric': ['缺少比率所需指标', 'a metric the ratio needs is missing'],
  'unknown-object': ['找不到 TopoJSON 对象，已改用其他', 'no such TopoJSON object; another was used'],
  'missing-value': ['单元缺少该指标数值', 'a unit has no value for this metric'],
  empty: ['没有可绘制的单元', 'nothing to draw'],
  invalid: ['单元信息不全或重复，已跳过', 'an incomplete or repeated unit; skipped'],
  topojson: ['TopoJSON 无法解码', 'the TopoJSON could not be decoded'],
  'null-geometry': ['没有几何图形', 'no geometry'],
  'geometry-type': ['几何类型不符', 'wrong geometry type'],
  'geometry-empty': ['几何图形为空', 'empty geometry'],
  'bad-coordinate': ['坐标无效', 'not a valid [lon, lat] position'],
  'ring-too-short': ['环少于 4 个点', 'a ring has fewer than 4 positions'],
  'unclosed-ring': ['环未闭合，已闭合', 'a ring was not closed; closed'],
  winding: ['环方向不符，已调整', 'wrong winding order; rewound'],
  'self-intersection': ['边界自相交，按原样绘制', 'the outline crosses itself; drawn as given'],
  'dissolve-failed': ['无法合成上级边界', 'the outline could not be built from its children'],
  // Chain graph.
  'unknown-node': ['找不到该节点', 'no node has this id'],
  'unknown-chain': ['找不到该产业链', 'no chain has this id'],
  'self-link': ['自环连线，未绘制', 'a link to itself is not drawn'],
  cycle: ['供应链成环，分层时忽略', 'a supply cycle; ignored for the tiers'],
  'two-leaders': ['一条链有两个链主', 'the chain has two leaders'],
};

/** @internal */
export interface IssueWords {
  /** What an "expected …" message asks for (`type`: "not …", `required`: "missing …"). */
  what: Record<'number' | 'text' | 'boolean' | 'array' | 'object' | 'lonlat' | 'code', string>;
  not: (what: string) => string;
  missing: (what: string) => string;
  /** An unknown code, by severity; the developer sentence follows. */
  error: (code: string) => string;
  warning: (code: string) => string;
  /** describe()'s English words for a value: `an object`, `an array of 3`. */
  anObject: string;
  arrayOf: (n: string) => string;
  /** Between the path and the problem, and around the values. */
  sep: string;
  open: string;
  close: string;
  and: string;
}

/** @internal */
export const ISSUE_WORDS: Record<Lang, IssueWords> = {
  'zh-CN': {
    what: { number: '数字', text: '文本', boolean: '布尔值', array: '数组', object: '对象', lonlat: '[经度, 纬度]', code: '编码' },
    not: (w) => `不是${w}`,
    missing: (w) => `缺少${w}`,
    error: (code) => `数据有误（${code}）`,
    warning: (code) => `数据提示（${code}）`,
    anObject: '对象',
    arrayOf: (n) => `${n} 项的数组`,
    sep: '：',
    open: '（',
    close: '）',
    and: '，',
  },
  en: {
    what: { number: 'a number', text: 'text', boolean: 'true or false', array: 'a list', object: 'an object', lonlat: '[lon, lat]', code: 'a code' },
    not: (w) => `not ${w}`,
    missing: (w) => `missing ${w}`,
    error: (code) => `Invalid data (${code})`,
    warning: (code) => `Note (${code})`,
    anObject: 'an object',
    arrayOf: (n) => `a list of ${n}`,
    sep: ': ',
    open: ' (',
    close: ')',
    and: ', ',
  },
};
