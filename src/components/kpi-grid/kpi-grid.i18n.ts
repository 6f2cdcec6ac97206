import { defineTerms } from '../../core/i18n/terms.js';

/** UI strings of <civic-kpi-grid>. */
export const kpiGridTerms = defineTerms({
  'zh-CN': {
    sourceLabel: (s: string) => `来源：${s}`,
    noneInRegion: '所选区域暂无指标',
    untitled: '其他指标',
    exportPng: '导出图片',
  },
  en: {
    sourceLabel: (s: string) => `Source: ${s}`,
    noneInRegion: 'No indicators for the selected region',
    untitled: 'Other indicators',
    exportPng: 'Export PNG',
  },
});
