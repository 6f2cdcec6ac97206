import type { Lang } from '../i18n/lang.js';

// Apart from number.ts: only the status banner's "not updated" line uses it (it loads with the banner, issue 16:
// core/render/status-words.ts), and the public formatTime export (index.ts).

/** Date-time for "updated at" labels, in the given time zone (default Asia/Shanghai). */
export function formatTime(date: Date, lang: Lang, timeZone = 'Asia/Shanghai', withDate = false): string {
  const o: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone };
  if (withDate) Object.assign(o, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return new Intl.DateTimeFormat(lang, o).format(date);
}
