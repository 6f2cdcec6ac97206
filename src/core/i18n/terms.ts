import type { Lang } from './lang.js';

/**
 * Per-component dictionaries. Each element keeps its own strings in `<name>.i18n.ts`:
 *
 *   export const gridMapTerms = defineTerms({ 'zh-CN': { legend: '图例', nGrids: (n: number) => `${n}个网格` },
 *                                            en: { legend: 'Legend', nGrids: (n: number) => `${n} grids` } });
 *
 * `defineTerms` makes TypeScript check that both locales have exactly the same keys and signatures.
 * Elements read them through `this.t.pick(gridMapTerms)` (LocalizeController), so no shared file is
 * edited when a component adds a string.
 */
export type Terms = Record<string, string | ((...args: never[]) => string)>;

export type TermSet<T extends Terms> = { readonly 'zh-CN': T; readonly en: T };

export function defineTerms<T extends Terms>(set: { 'zh-CN': T; en: NoInfer<T> }): TermSet<T> {
  return set;
}

export function pickTerms<T extends Terms>(set: TermSet<T>, lang: Lang): T {
  return set[lang] ?? set.en;
}
