import type { Lang } from './lang.js';
import { zhCN, zhViews } from './zh-cn.js';
import { lazyModule } from '../lazy-module.js';

/**
 * Strings every element shares: data states, the plain status banner. Component strings live beside the component;
 * the full status banner's own words (reasons of errors, the "not updated" line, issue counts, Retry, dismiss, badge
 * words) load with it (core/render/status-words.ts); the export menu's, table twin's and source line's are
 * `ViewWords` below.
 */
export interface Translation {
  loading: string;
  loadFailed: string;
  empty: string;
  staleUnknown: string;
  illustrative: string;
  illustrativeNote: string;
  partialData: (n: number) => string;
  /** Part of the picture is missing because the code that draws it could not load (offline); the data is drawn. */
  partNotShown: string;
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

/**
 * Words of the views only some elements show (export menu, table twin, source line), apart from `Translation` so that
 * the elements without them (KPI tile and grid, rank board) do not load them (issue 16). Same language rules as
 * `translation`: the English ones come with the English strings.
 */
export interface ViewWords {
  exportPng: string;
  exportSvg: string;
  exportCsv: string;
  table: string;
  showTable: string;
  hideTable: string;
  source: string;
}

export function viewWords(lang: Lang): ViewWords {
  return (lang === 'en' && enChunk.loaded?.enViews) || zhViews;
}
