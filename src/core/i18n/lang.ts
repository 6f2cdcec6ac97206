/** The locales the library ships. Every UI string exists in both. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

/**
 * Maps any BCP 47 tag to a supported locale: `zh`, `zh-Hans`, `zh-CN`, `zh-TW` → zh-CN;
 * `en`, `en-GB` → en; anything else (or empty) → undefined so the caller keeps resolving.
 */
export function normaliseLang(tag: string | null | undefined): Lang | undefined {
  // zh, zh-…, zh_… (any case, trimmed) → zh-CN; en likewise.
  const m = /^\s*(zh|en)(?:[-_]|\s*$)/i.exec(tag ?? '');
  return m ? (m[1].toLowerCase() === 'zh' ? 'zh-CN' : 'en') : undefined;
}
