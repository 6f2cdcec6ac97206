import { defineTerms } from '../../core/i18n/terms.js';

/** UI strings of <civic-rank-board>. */
export const rankBoardTerms = defineTerms({
  'zh-CN': {
    ranking: '排行榜',
    rank: (n: number) => `第${n}名`,
    unranked: '无排名',
    unnamed: '未命名',
    sourceLabel: (s: string) => `来源：${s}`,
    scrollHint: '上下方向键移动，回车键选中',
    exportPng: '导出图片',
    noneInRegion: '所选区域暂无数据',
  },
  en: {
    ranking: 'Ranking',
    rank: (n: number) => `No. ${n}`,
    unranked: 'unranked',
    unnamed: 'Unnamed',
    sourceLabel: (s: string) => `Source: ${s}`,
    scrollHint: 'Move with the arrow keys, choose with Enter',
    exportPng: 'Export PNG',
    noneInRegion: 'No data for the selected region',
  },
});
