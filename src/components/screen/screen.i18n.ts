import { defineTerms } from '../../core/i18n/terms.js';

/** UI strings of <civic-screen>. */
export const screenTerms = defineTerms({
  'zh-CN': {
    dataTime: (time: string) => `数据时间：${time}`,
    now: (t: string) => `当前时间 ${t}`,
    region: '当前区域',
    clearRegion: (name: string) => `清除区域筛选：${name}`,
    enterFullscreen: '全屏',
    exitFullscreen: '退出全屏',
    tourPaused: '轮播已暂停',
    screenLabel: '数据大屏',
  },
  en: {
    dataTime: (time: string) => `Data as of ${time}`,
    now: (t: string) => `Current time ${t}`,
    region: 'Region',
    clearRegion: (name: string) => `Clear region filter: ${name}`,
    enterFullscreen: 'Full screen',
    exitFullscreen: 'Exit full screen',
    tourPaused: 'Tour paused',
    screenLabel: 'Data wall',
  },
});
