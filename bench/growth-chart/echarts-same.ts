// Same-picture ECharts option for the growth chart bench: the bars + line option of page.ts plus what the element's first
// picture also shows, the way the ECharts docs do it: a legend (one entry toggling both series, as the element's one
// button), titles for the "示例数据" badge, the illustrative-data note and the basis note, axis names, the value and growth
// axes aligned at 0 (explicit min/max), hatched bars (itemStyle.decal), the latest bar outlined with a "最新" label, year
// labels on x, hollow dots. Needs LegendComponent and TitleComponent registered (page.ts). No keyboard navigation.
import { alignZero, BASIS_NOTE, ILLUSTRATIVE_NOTE, type SameSeries } from './raw-same.js';

const muted = '#52606d';
const small = { fontSize: 12, color: muted, fontWeight: 'normal' as const };

export function echartsSameOption(s: SameSeries) {
  const pts = s.points;
  const vd = [0, Math.max(...pts.map((d) => d.value))];
  const gd = [Math.min(0, ...pts.map((d) => d.growth)), Math.max(0, ...pts.map((d) => d.growth))];
  // ECharts' own nice steps for the tops (5 intervals), then zero aligned as the element does
  const nice = (v: number) => {
    const step = 10 ** Math.floor(Math.log10(v / 5));
    const k = [1, 2, 2.5, 5, 10].find((f) => f * step * 5 >= v) ?? 10;
    return Math.ceil(v / (k * step)) * k * step;
  };
  vd[1] = nice(vd[1]);
  gd[1] = nice(gd[1]);
  if (gd[0] < 0) gd[0] = -nice(-gd[0]);
  alignZero(vd, gd);
  const last = pts.length - 1;
  const illustrative = pts.some((d) => d.illustrative);
  return {
    animation: false,
    title: [
      ...(illustrative ? [{ text: '示例数据', left: 0, top: 0, padding: [2, 4], borderColor: '#8a5a00', borderWidth: 1, borderRadius: 4, textStyle: { ...small, color: '#8a5a00' } }] : []),
      ...(illustrative ? [{ text: ILLUSTRATIVE_NOTE, left: 170, bottom: 24, padding: [5, 4], textStyle: small }] : []),
      { text: BASIS_NOTE, left: 0, bottom: 0, padding: [3, 0], textStyle: small },
    ],
    legend: { left: 0, bottom: 22, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 12 } },
    grid: { left: 32, right: 24, top: 25 + 40, bottom: 50 + 26 },
    xAxis: {
      type: 'category',
      data: pts.map((d) => d.period),
      axisTick: { show: false },
      axisLabel: { interval: (i: number) => i % 4 === 1, formatter: (p: string) => `${p.slice(0, 4)}年` },
    },
    yAxis: [
      { type: 'value', name: `当期值（${s.unit}）`, min: vd[0], max: vd[1], axisLabel: { showMinLabel: false } },
      { type: 'value', name: '同比增速（%）', min: gd[0], max: gd[1], splitLine: { show: false }, axisLabel: { showMinLabel: false } },
    ],
    series: [
      {
        type: 'bar',
        name: s.name,
        barCategoryGap: '25%',
        data: pts.map((d, i) => (i === last ? { value: d.value, itemStyle: { borderColor: '#1f2933', borderWidth: 1.5 }, label: { show: true, position: 'top', formatter: '最新', color: muted } } : d.value)),
        itemStyle: { color: '#0072b2', ...(illustrative ? { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.75)' } } : {}) },
      },
      { type: 'line', name: s.name, yAxisIndex: 1, data: pts.map((d) => d.growth), symbol: 'emptyCircle', symbolSize: 6, lineStyle: { color: '#1f2933', width: 2 }, itemStyle: { color: '#1f2933' } },
    ],
  };
}
