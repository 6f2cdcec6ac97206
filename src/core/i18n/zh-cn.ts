import type { Translation, ViewWords } from './translation.js';

export const zhCN: Translation = {
  loading: '数据加载中…',
  loadFailed: '数据加载失败',
  empty: '暂无数据',
  staleUnknown: '数据未更新，显示的是上次成功加载的数据',
  illustrative: '示例数据',
  illustrativeNote: '含示例数据（非官方统计）',
  partialData: (n) => `部分数据有误（${n} 处），其余已显示`,
  partNotShown: '部分内容无法显示：网络错误',
};

export const zhViews: ViewWords = {
  exportPng: '导出 PNG',
  exportSvg: '导出 SVG',
  exportCsv: '导出 CSV',
  table: '数据表',
  showTable: '显示数据表',
  hideTable: '隐藏数据表',
  source: '来源',
};
