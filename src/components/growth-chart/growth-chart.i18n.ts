import { defineTerms } from '../../core/i18n/terms.js';

const ordinal = (n: number) => {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return n + (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
};

/** UI strings of <civic-growth-chart>. */
export const growthChartTerms = defineTerms({
  'zh-CN': {
    growthAxis: (basis: string): string =>
      basis === 'cumulative' ? '累计同比增速（%）' : basis === 'derived' ? '同比增速（%，名义）' : basis === 'mixed' ? '同比增速（%，累计与当期混合）' : '同比增速（%）',
    valueAxis: (unit: string, basis: string): string => {
      const word = basis === 'cumulative' ? '累计值' : basis === 'single' ? '当期值' : basis === 'derived' ? '单季（月）值，推算' : basis === 'mixed' ? '累计与当期混合' : '数值';
      return unit ? `${word}（${unit}）` : word;
    },
    cumulative: '累计值',
    single: '当期值',
    mixed: '累计值与当期值混合',
    derived: '单季（月）值由累计值推算',
    nominal: '名义增速',
    nominalShort: '名义',
    illustrative: '示例',
    period: '时期',
    indicator: '指标',
    growth: '同比增速',
    value: '数值',
    notes: '备注',
    reference: '参考线',
    latest: '最新',
    rank: (position: number, scope: string) => `${scope}第${position}位`,
    rankGrowth: (rank: string) => `增速位列${rank}`,
    rankShort: (position: number) => `第${position}位`,
    up: (pct: string) => `同比增长${pct}`,
    down: (pct: string) => `同比下降${pct}`,
    flat: '与上年同期持平',
    upNominal: (pct: string) => `同比名义增长${pct}`,
    downNominal: (pct: string) => `同比名义下降${pct}`,
    summaryValue: (period: string, name: string, amount: string, growth: string) =>
      `${period}${name}${amount}${amount && growth ? '，' : ''}${growth}`,
    summaryCompare: (period: string, top: string, topPct: string, low: string, lowPct: string) =>
      `${period}同比增速：${top}最高（${topPct}），${low}最低（${lowPct}）`,
    summaryCompareOne: (period: string, name: string, pct: string) => `${period}${name}同比增速${pct}`,
    summaryTrend: (from: string, to: string, name: string, what: string, a: string, b: string) => `${from}至${to}，${name}${what}由${a}变为${b}`,
    growthWord: '同比增速',
    valueWord: '',
    andMore: (n: number) => `（共${n}项指标）`,
    illustrativeTail: '（含示例数据）',
    noData: '暂无数据',
    legendToggle: (name: string) => `显示或隐藏${name}`,
    exportMenu: '导出',
    chart: '增长图表',
    kindValueGrowth: '数值与增速',
    kindCompare: '指标增速对比',
    kindTrend: '趋势',
    keyboardHint: '用方向键在时期之间移动，回车键选中',
    keyboardHintCompare: '用方向键在指标之间移动，回车键选中',
  },
  en: {
    growthAxis: (basis: string) =>
      basis === 'cumulative'
        ? 'Year-to-date growth, y/y (%)'
        : basis === 'derived'
          ? 'Growth y/y, nominal (%)'
          : basis === 'mixed'
            ? 'Growth y/y (%; mixed YTD and single period)'
            : 'Year-on-year growth (%)',
    valueAxis: (unit: string, basis: string) => {
      const word = basis === 'cumulative' ? 'Year to date' : basis === 'single' ? 'Single period' : basis === 'derived' ? 'Single period, derived' : basis === 'mixed' ? 'Mixed YTD and single period' : 'Value';
      return unit ? `${word} (${unit})` : word;
    },
    cumulative: 'Year to date',
    single: 'Single period',
    mixed: 'Mixes year-to-date and single-period values',
    derived: 'Single-period values derived from year-to-date figures',
    nominal: 'Nominal growth',
    nominalShort: 'nominal',
    illustrative: 'Illustrative',
    period: 'Period',
    indicator: 'Indicator',
    growth: 'Year-on-year growth',
    value: 'Value',
    notes: 'Notes',
    reference: 'Reference',
    latest: 'Latest',
    rank: (position: number, scope: string) => `${ordinal(position)}${scope ? ` in the ${scope}` : ''}`,
    rankGrowth: (rank: string) => `growth ranked ${rank}`,
    rankShort: (position: number) => ordinal(position),
    up: (pct: string) => `up ${pct} year on year`,
    down: (pct: string) => `down ${pct} year on year`,
    flat: 'unchanged year on year',
    upNominal: (pct: string) => `up ${pct} year on year (nominal)`,
    downNominal: (pct: string) => `down ${pct} year on year (nominal)`,
    summaryValue: (period: string, name: string, amount: string, growth: string) =>
      `${name}${amount ? ` was ${amount}` : ''} in ${period}${growth ? `, ${growth}` : ''}`,
    summaryCompare: (period: string, top: string, topPct: string, low: string, lowPct: string) =>
      `Year-on-year growth in ${period}: highest ${top} (${topPct}), lowest ${low} (${lowPct})`,
    summaryCompareOne: (period: string, name: string, pct: string) => `${name} grew ${pct} year on year in ${period}`,
    summaryTrend: (from: string, to: string, name: string, what: string, a: string, b: string) => `From ${from} to ${to}, ${name}${what} went from ${a} to ${b}`,
    growthWord: ' growth',
    valueWord: '',
    andMore: (n: number) => ` (${n} indicators)`,
    illustrativeTail: ' (includes illustrative data)',
    noData: 'No data',
    legendToggle: (name: string) => `Show or hide ${name}`,
    exportMenu: 'Export',
    chart: 'Growth chart',
    kindValueGrowth: 'Value and growth',
    kindCompare: 'Growth by indicator',
    kindTrend: 'Trend',
    keyboardHint: 'Use the arrow keys to move between periods and Enter to select one',
    keyboardHintCompare: 'Use the arrow keys to move between indicators and Enter to select one',
  },
});

export type GrowthChartTerms = (typeof growthChartTerms)['en'];
