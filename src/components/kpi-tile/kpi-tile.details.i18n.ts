import type { TermSet } from '../../core/i18n/terms.js';

/** The words of a tile's details (status, progress, sparkline): in the details chunk with them (kpi-tile.details.ts). */
export type DetailTerms = {
  statusOk: string;
  statusWarn: string;
  statusAlert: string;
  targetMet: string;
  belowTarget: string;
  aboveTarget: string;
  progress: (percent: string, target: string) => string;
  trend: (n: number) => string;
  trendIllustrative: string;
};

// A plain table typed as a TermSet (both locales, the same keys): defineTerms would be a first-load module imported by
// this lazy chunk, which bundlers split into a chunk of its own.
export const detailTerms: TermSet<DetailTerms> = {
  'zh-CN': {
    statusOk: '正常',
    statusWarn: '预警',
    statusAlert: '告警',
    targetMet: '已达目标',
    belowTarget: '未达目标',
    aboveTarget: '超出目标',
    progress: (percent, target) => `目标 ${target}，已完成 ${percent}`,
    trend: (n) => `近 ${n} 期走势`,
    trendIllustrative: '走势为示例数据',
  },
  en: {
    statusOk: 'Normal',
    statusWarn: 'Warning',
    statusAlert: 'Alert',
    targetMet: 'Target met',
    belowTarget: 'Below target',
    aboveTarget: 'Above target',
    progress: (percent, target) => `${percent} of target ${target}`,
    trend: (n) => `Trend over ${n} periods`,
    trendIllustrative: 'The trend is illustrative',
  },
};
