import { defineTerms } from '../../core/i18n/terms.js';

/** UI strings of <civic-kpi-tile> (and the tiles inside <civic-kpi-grid>); its details' words: kpi-tile.details.i18n.ts. */
export const kpiTileTerms = defineTerms({
  'zh-CN': {
    yoy: '同比',
    mom: '环比',
    vsTarget: '较目标',
    vsPrevious: '较上期',
    up: '上升',
    down: '下降',
    flat: '持平',
    percentagePoints: '个百分点',
    invalidValue: '数值无效',
    unnamed: '未命名指标',
    sourceLabel: (s: string) => `来源：${s}`,
    listSep: '，',
    outsideRegion: '所选区域无此数据',
    exportPng: '导出图片',
  },
  en: {
    yoy: 'YoY',
    mom: 'MoM',
    vsTarget: 'vs target',
    vsPrevious: 'vs previous',
    up: 'up',
    down: 'down',
    flat: 'unchanged',
    percentagePoints: 'pp',
    invalidValue: 'Invalid value',
    unnamed: 'Unnamed indicator',
    sourceLabel: (s: string) => `Source: ${s}`,
    listSep: ', ',
    outsideRegion: 'No figure for the selected region',
    exportPng: 'Export PNG',
  },
});

export type KpiTileTerms = (typeof kpiTileTerms)['en'];
