/** The locales the library ships. Every UI string exists in both. */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

/**
 * Maps any BCP 47 tag to a supported locale: `zh`, `zh-Hans`, `zh-CN`, `zh-TW` → zh-CN;
 * `en`, `en-GB` → en; anything else (or empty) → undefined so the caller keeps resolving.
 */
export function normaliseLang(tag: string | null | undefined): Lang | undefined {
  if (!tag) return undefined;
  const t = tag.trim().toLowerCase();
  if (t === '') return undefined;
  if (t === 'zh' || t.startsWith('zh-') || t.startsWith('zh_')) return 'zh-CN';
  if (t === 'en' || t.startsWith('en-') || t.startsWith('en_')) return 'en';
  return undefined;
}
