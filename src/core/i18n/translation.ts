import type { Lang } from './lang.js';
import { zhCN } from './zh-cn.js';
import { en } from './en.js';

/**
 * Strings every element shares: data states, banners, generic controls. Component strings live beside the component;
 * the full status banner's own words (Retry, dismiss, badge words) load with it (core/render/status-view.ts).
 */
export interface Translation {
  loading: string;
  loadFailed: string;
  noData: string;
  empty: string;
  stale: (time: string) => string;
  staleUnknown: string;
  illustrative: string;
  illustrativeNote: string;
  nIssues: (n: number) => string;
  httpStatus: (status: number) => string;
  timeout: string;
  networkError: string;
  malformedJson: string;
  invalidData: string;
  partialData: (n: number) => string;
  /** Part of the picture is missing because the code that draws it could not load (offline); the data is drawn. */
  partNotShown: string;
  apiError: (msg: string) => string;
  exportPng: string;
  exportSvg: string;
  exportCsv: string;
  table: string;
  showTable: string;
  hideTable: string;
  source: string;
  updatedAt: (time: string) => string;
}

const dictionaries: Record<Lang, Translation> = { 'zh-CN': zhCN, en };

export function translation(lang: Lang): Translation {
  return dictionaries[lang] ?? en;
}
