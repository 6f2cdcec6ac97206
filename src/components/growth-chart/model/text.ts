/** Text measuring for layout (an estimate from character classes; no DOM, so the model runs in Node too). */

/** Estimated rendered width of a label in px: CJK and full-width characters ≈ 1 em, others ≈ 0.6 em. */
export function textWidth(s: string, fontSize: number): number {
  // By UTF-16 code unit, not with a string iterator (a first picture measures every period label): a surrogate pair
  // is one character (≥ U+10000, so 1 em), as is a lone surrogate.
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    if (c >= 0x2e80 || (c >= 0x2010 && c <= 0x2015)) w += fontSize;
    else if (c === 32) w += fontSize * 0.3;
    else w += fontSize * 0.6;
  }
  return w;
}

export function truncate(s: string, maxWidth: number, fontSize: number): string {
  if (textWidth(s, fontSize) <= maxWidth) return s;
  let out = '';
  for (const ch of s) {
    if (textWidth(out + ch + '…', fontSize) > maxWidth) break;
    out += ch;
  }
  return out + '…';
}

/**
 * Breaks a label into at most `maxLines` lines of `maxWidth`: at spaces for Latin text, between characters for CJK;
 * the last line is truncated with an ellipsis.
 */
export function wrapLabel(s: string, maxWidth: number, fontSize: number, maxLines = 3): string[] {
  if (textWidth(s, fontSize) <= maxWidth) return [s];
  const tokens = /\s/.test(s) ? s.split(/(\s+)/).filter((t) => t !== '') : Array.from(s);
  const lines: string[] = [];
  let cur = '';
  for (const tok of tokens) {
    const next = cur + tok;
    if (cur && textWidth(next.trimEnd(), fontSize) > maxWidth) {
      lines.push(cur.trim());
      cur = tok.trim() === '' ? '' : tok;
    } else cur = next;
  }
  if (cur.trim()) lines.push(cur.trim());
  if (lines.length > maxLines) {
    const head = lines.slice(0, maxLines - 1);
    head.push(truncate(lines.slice(maxLines - 1).join(' '), maxWidth, fontSize));
    return head;
  }
  return lines.map((l) => truncate(l, maxWidth, fontSize));
}
