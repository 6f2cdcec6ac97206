import type { Lang } from './lang.js';
import { zhCN } from './zh-cn.js';
import { lazyModule } from '../lazy-module.js';

/**
 * Strings every element shares: data states, the plain status banner, generic controls. Component strings live beside
 * the component; the full status banner's own words (reasons of errors, the "not updated" line, issue counts, Retry,
 * dismiss, badge words) load with it (core/render/status-words.ts).
 */
export interface Translation {
  loading: string;
  loadFailed: string;
  noData: string;
  empty: string;
  staleUnknown: string;
  illustrative: string;
  illustrativeNote: string;
  partialData: (n: number) => string;
  /** Part of the picture is missing because the code that draws it could not load (offline); the data is drawn. */
  partNotShown: string;
  exportPng: string;
  exportSvg: string;
  exportCsv: string;
  table: string;
  showTable: string;
  hideTable: string;
  source: string;
  updatedAt: (time: string) => string;
}

// The English strings load with the first element whose language is en, before its first picture (issue 16: most
// pages are Chinese). Until they are there, and when they cannot load (offline), the Chinese ones stand in.
const enChunk = lazyModule(() => import('./en.js'));
let enFailed = false;

export function translation(lang: Lang): Translation {
  return (lang === 'en' && enChunk.loaded?.en) || zhCN;
}

/** Undefined when `lang`'s strings are there (or cannot load), else their load. Never rejects. @internal */
export function langReady(lang: Lang): Promise<unknown> | undefined {
  return lang !== 'en' || enChunk.loaded || enFailed ? undefined : enChunk.load().catch(() => void (enFailed = true));
}
