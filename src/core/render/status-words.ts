/**
 * The full status banner's words (status-view.ts), in both languages: the reason of an error ("服务器返回 HTTP 500"),
 * the "not updated" line with its time, the issue count, the buttons and the compact badge. They load with the banner
 * (issue 16: a first picture of good data never needs them). The plain banner that stands in while the banner loads,
 * or when it cannot load (offline), says the short translated headline of the first load's strings instead
 * (core/i18n: loadFailed, staleUnknown, partialData, partNotShown; data-controller.view.ts).
 */
import type { Translation } from '../i18n/translation.js';
import type { CivicErrorDetail } from '../events/error-event.js';
import type { Lang } from '../i18n/lang.js';

/** @internal */
export interface StatusWords {
  retry: string;
  errorDetails: string;
  dismiss: string;
  statusStale: string;
  statusPartial: string;
  statusPartMissing: string;
  statusFailed: string;
  statusDetails: (word: string) => string;
  /** The "not updated" line of a picture of older data. */
  stale: (time: string) => string;
  nIssues: (n: number) => string;
  httpStatus: (status: number) => string;
  timeout: string;
  networkError: string;
  malformedJson: string;
  /** Not JSON, but the body is a table (issue code `looks-like-csv`): names `format="csv"`. */
  looksCsv: string;
  invalidData: string;
  /** Text that is neither JSON nor CSV (issue code `text`). */
  notText: string;
  apiError: (msg: string) => string;
  /** The headline's join of "could not load" and its reason: a full-width colon in Chinese, ": " in English. */
  because: string;
}

/** @internal */
export const STATUS_WORDS: Record<Lang, StatusWords> = {
  'zh-CN': {
    retry: '重试',
    errorDetails: '错误详情',
    dismiss: '关闭',
    statusStale: '未更新',
    statusPartial: '部分有误',
    statusPartMissing: '部分未显示',
    statusFailed: '加载失败',
    statusDetails: (word) => `数据状态：${word}（查看详情）`,
    stale: (time) => `数据未更新，显示的是 ${time} 的数据`,
    nIssues: (n) => `${n} 个问题`,
    httpStatus: (status) => `服务器返回 HTTP ${status}`,
    timeout: '请求超时',
    networkError: '网络错误，无法获取数据',
    malformedJson: '数据不是有效的 JSON',
    looksCsv: '数据不是有效的 JSON，看起来是 CSV：请给元素加上 format="csv"',
    invalidData: '数据格式不符合要求',
    notText: '数据应为 JSON 或 CSV 文本（CSV 需有表头行和数据行）',
    apiError: (msg) => `接口返回错误：${msg}`,
    because: '：',
  },
  en: {
    retry: 'Retry',
    errorDetails: 'Error details',
    dismiss: 'Dismiss',
    statusStale: 'Not updated',
    statusPartial: 'Partly invalid',
    statusPartMissing: 'Part not shown',
    statusFailed: 'Failed',
    statusDetails: (word) => `Data status: ${word} (show details)`,
    stale: (time) => `Not updated: showing data from ${time}`,
    nIssues: (n) => (n === 1 ? '1 problem' : `${n} problems`),
    httpStatus: (status) => `The server answered HTTP ${status}`,
    timeout: 'The request timed out',
    networkError: 'Network error: the data could not be fetched',
    malformedJson: 'The data is not valid JSON',
    looksCsv: 'The data is not valid JSON; it looks like CSV: add format="csv" to the element',
    invalidData: 'The data does not have the expected shape',
    notText: 'The data should be JSON or CSV text (CSV with a header row and rows)',
    apiError: (msg) => `The API reported an error: ${msg}`,
    because: ': ',
  },
};

/** The translated one-line reason for an error, e.g. "服务器返回 HTTP 500". @internal */
export function errorMessage(t: Translation, w: StatusWords, e: CivicErrorDetail): string {
  switch (e.kind) {
    case 'http':
      return w.httpStatus(e.status ?? 0);
    case 'timeout':
      return w.timeout;
    case 'network':
      // Partial: the data is drawn, a part's code could not load (DataController.partFailed).
      return e.partial ? t.partNotShown : w.networkError;
    case 'json':
      return e.issues[0]?.code === 'looks-like-csv' ? w.looksCsv : w.malformedJson;
    case 'api':
      return w.apiError(e.message);
    case 'validation':
      return e.partial ? t.partialData(e.issueCount) : e.issues[0]?.code === 'text' ? w.notText : w.invalidData;
  }
}

/**
 * The translated headline of an error: "数据加载失败：服务器返回 HTTP 500" / "Could not load the data: The server answered
 * HTTP 500", or for partly valid data its own words. @internal
 */
export function errorHeadline(t: Translation, w: StatusWords, e: CivicErrorDetail): string {
  return `${e.partial ? '' : t.loadFailed + w.because}${errorMessage(t, w, e)}`;
}
