/**
 * Serialises a growth-chart model to a standalone SVG document (export and snapshot tests). Pure string
 * building: every data string is escaped, colours come in resolved (no `var()`, so the file renders anywhere).
 */
import { textWidth, wrapLabel } from './model/text.js';
import type { GrowthModel } from './model/types.js';

export interface SvgPalette {
  /** Series colours, by colorIndex (cycled). */
  series: string[];
  /** Growth line of the first series in value-growth (contrasts with its bars). */
  line: string;
  text: string;
  muted: string;
  grid: string;
  axis: string;
  negative: string;
  reference: string;
  background: string;
  illustrative: string;
  fontFamily: string;
}

export const DEFAULT_PALETTE: SvgPalette = {
  series: ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9', '#7f3c8d', '#4d4d4d'],
  line: '#1f2933',
  text: '#1f2933',
  muted: '#5f6b7a',
  grid: '#e4e7eb',
  axis: '#9aa5b1',
  negative: '#2e8b57',
  reference: '#7b4fa0',
  background: '#ffffff',
  illustrative: '#8a6d00',
  fontFamily: 'system-ui, "PingFang SC", "Microsoft YaHei", sans-serif',
};

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

const r = (v: number) => String(Math.round(v * 10) / 10);

export interface SvgOptions {
  palette?: SvgPalette;
  /** Title line on top (the summary by default). */
  title?: string;
  /** Extra legend line (series names) at the bottom. Default true. */
  legend?: boolean;
}

/** A complete `<svg>` document for the model, with title, axes, marks, legend and notes. */
export function renderGrowthSvg(m: GrowthModel, o: SvgOptions = {}): string {
  const p = o.palette ?? DEFAULT_PALETTE;
  const fs = m.fontSize;
  const color = (i: number) => p.series[i % p.series.length];
  const titleLines = wrapLabel(o.title ?? m.summary, (m.width - 16) / 1.12, fs, 4); // bold text runs wider than the estimate
  const head = titleLines.length * (fs + 6) + 8;
  const legendItems = o.legend === false ? [] : m.legend.filter((l) => !l.hidden);
  // legend items flow onto as many lines as the width needs
  const legendRows: { item: (typeof legendItems)[number]; x: number; row: number }[] = [];
  {
    let x = 8;
    let row = 0;
    for (const item of legendItems) {
      const w = fs + 16 + textWidth(item.name, fs);
      if (x > 8 && x + w > m.width - 8) {
        x = 8;
        row++;
      }
      legendRows.push({ item, x, row });
      x += w;
    }
  }
  const legendLineCount = legendRows.length ? legendRows[legendRows.length - 1].row + 1 : 0;
  const footLines = legendLineCount + m.notes.length + (m.illustrative ? 1 : 0) + (m.axisNote ? 1 : 0);
  const foot = footLines * (fs + 6) + 6;
  const W = m.width;
  const H = m.height + head + foot;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r(W)}" height="${r(H)}" viewBox="0 0 ${r(W)} ${r(H)}" font-family="${escapeXml(p.fontFamily)}" font-size="${fs}" role="img" aria-label="${escapeXml(m.summary)}">`,
  );
  out.push(`<title>${escapeXml(o.title ?? m.summary)}</title>`);
  out.push(
    `<defs><pattern id="civic-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${p.background}" fill-opacity="0"/><line x1="0" y1="0" x2="0" y2="6" stroke="${p.background}" stroke-width="2.5" stroke-opacity="0.7"/></pattern></defs>`,
  );
  out.push(`<rect width="${r(W)}" height="${r(H)}" fill="${p.background}"/>`);
  titleLines.forEach((t, i) => out.push(`<text x="8" y="${r(fs + 4 + i * (fs + 6))}" fill="${p.text}" font-weight="600">${escapeXml(t)}</text>`));
  out.push(`<g transform="translate(0,${r(head)})">`);
  out.push(renderPlot(m, p, color));
  out.push('</g>');
  let y = head + m.height + fs + 4;
  if (legendRows.length) {
    const parts: string[] = [];
    for (const { item: l, x, row } of legendRows) {
      const ly = y + row * (fs + 6);
      parts.push(`<rect x="${r(x)}" y="${r(ly - fs + 2)}" width="${fs}" height="${fs - 2}" fill="${color(l.colorIndex)}"/>`);
      parts.push(`<text x="${r(x + fs + 4)}" y="${r(ly)}" fill="${p.text}">${escapeXml(l.name)}</text>`);
    }
    out.push(`<g class="legend">${parts.join('')}</g>`);
    y += legendLineCount * (fs + 6);
  }
  if (m.axisNote) {
    out.push(`<text x="8" y="${r(y)}" fill="${p.muted}">${escapeXml(m.axisNote)}</text>`);
    y += fs + 6;
  }
  if (m.illustrative) {
    out.push(`<text x="8" y="${r(y)}" fill="${p.illustrative}">${escapeXml(m.lang === 'zh-CN' ? '斜线/空心标记为示例数据（非官方统计）' : 'Hatched bars and hollow points are illustrative data (not official statistics)')}</text>`);
    y += fs + 6;
  }
  for (const n of m.notes) {
    out.push(`<text x="8" y="${r(y)}" fill="${p.muted}">${escapeXml(n)}</text>`);
    y += fs + 6;
  }
  out.push('</svg>');
  return out.join('');
}

/** The plot alone (axes, grid, bars, lines, annotations) as an SVG fragment in model coordinates. */
export function renderPlot(m: GrowthModel, p: SvgPalette, color: (i: number) => string): string {
  const out: string[] = [];
  const px0 = m.plot.x;
  const px1 = m.plot.x + m.plot.width;
  const fs = m.fontSize;
  if (m.left) {
    out.push('<g class="axis-left">');
    for (const t of m.left.ticks) {
      out.push(`<line x1="${r(px0)}" x2="${r(px1)}" y1="${r(t.pos)}" y2="${r(t.pos)}" stroke="${p.grid}"/>`);
      out.push(`<text x="${r(px0 - 6)}" y="${r(t.pos)}" dy="0.32em" text-anchor="end" fill="${p.muted}">${escapeXml(t.label)}</text>`);
    }
    // A wrapped title (a narrow chart) starts higher, one <tspan> per line.
    const tx = r(Math.max(0, px0 - 6));
    const lines = m.left.titleLines;
    const y = lines ? m.titleY.left : m.plot.y - fs - 8;
    out.push(`<text x="${tx}" y="${r(y)}" text-anchor="start" fill="${p.muted}">${lines ? lines.map((l, i) => `<tspan x="${tx}"${i ? ' dy="1.3em"' : ''}>${escapeXml(l)}</tspan>`).join('') : escapeXml(m.left.title)}</text>`);
    out.push('</g>');
  }
  if (m.right) {
    out.push('<g class="axis-right">');
    for (const t of m.right.ticks)
      out.push(`<text x="${r(px1 + 6)}" y="${r(t.pos)}" dy="0.32em" text-anchor="start" fill="${p.muted}">${escapeXml(t.label)}</text>`);
    out.push(`<text x="${r(px1 + 6)}" y="${r(m.plot.y - fs - 8)}" text-anchor="end" fill="${p.muted}">${escapeXml(m.right.title)}</text>`);
    out.push('</g>');
  }
  out.push('<g class="bars">');
  for (const b of m.bars) {
    const fill = m.kind === 'compare' && b.negative ? p.negative : color(b.colorIndex);
    out.push(`<rect x="${r(b.x)}" y="${r(b.y)}" width="${r(b.width)}" height="${r(b.height)}" fill="${fill}"${b.latest ? ` stroke="${p.text}" stroke-width="1.5"` : ''}/>`);
    if (b.illustrative) out.push(`<rect x="${r(b.x)}" y="${r(b.y)}" width="${r(b.width)}" height="${r(b.height)}" fill="url(#civic-hatch)"/>`);
  }
  out.push('</g>');
  if (m.left) out.push(`<line class="zero" x1="${r(px0)}" x2="${r(px1)}" y1="${r(m.left.zero)}" y2="${r(m.left.zero)}" stroke="${p.axis}" stroke-width="1"/>`);
  if (m.reference)
    out.push(
      `<g class="reference"><line x1="${r(px0)}" x2="${r(px1)}" y1="${r(m.reference.y)}" y2="${r(m.reference.y)}" stroke="${p.reference}" stroke-dasharray="4 3"/><text x="${r(px1)}" y="${r(m.reference.y - 4)}" text-anchor="end" fill="${p.reference}">${escapeXml(m.reference.label)}</text></g>`,
    );
  out.push('<g class="lines">');
  for (const l of m.lines) {
    const c = m.kind === 'value-growth' && l.colorIndex === 0 ? p.line : color(l.colorIndex);
    if (l.d) out.push(`<path d="${l.d}" fill="none" stroke="${c}" stroke-width="2"/>`);
    for (const q of l.points)
      out.push(`<circle cx="${r(q.x)}" cy="${r(q.y)}" r="${q.latest ? 4.5 : 3}" fill="${q.illustrative || q.nominal ? p.background : c}" stroke="${c}" stroke-width="1.5"/>`);
  }
  out.push('</g>');
  out.push('<g class="x-axis">');
  const base = m.plot.y + m.plot.height;
  for (const t of m.xTicks) {
    if (t.rotate) {
      out.push(`<text transform="translate(${r(t.x)},${r(base + fs)}) rotate(${t.rotate})" text-anchor="end" fill="${p.muted}">${escapeXml(t.lines[0])}</text>`);
    } else {
      t.lines.forEach((line, i) => out.push(`<text x="${r(t.x)}" y="${r(base + fs + 4 + i * fs * 1.3)}" text-anchor="middle" fill="${p.muted}">${escapeXml(line)}</text>`));
    }
  }
  out.push('</g>');
  out.push('<g class="annotations">');
  for (const a of m.annotations) {
    const fill = a.kind === 'rank' ? p.series[0] : p.muted;
    out.push(`<text x="${r(a.x)}" y="${r(a.y)}" text-anchor="middle" fill="${fill}" font-weight="${a.kind === 'rank' ? 600 : 400}">${escapeXml(a.text)}</text>`);
  }
  out.push('</g>');
  return out.join('');
}

/** The palette of an element's current theme (its resolved custom properties), for `renderGrowthSvg`. */
export function paletteOf(el: Element, colors: number): SvgPalette {
  const cs = getComputedStyle(el);
  const v = (name: string, fb: string) => cs.getPropertyValue(name).trim() || fb;
  const d = DEFAULT_PALETTE;
  return {
    series: Array.from({ length: colors }, (_, i) => v(`--_s${i}`, d.series[i % d.series.length])),
    line: v('--_line', d.line),
    text: v('--_color-text', d.text),
    muted: v('--_color-text-muted', d.muted),
    grid: v('--_grid', d.grid),
    axis: v('--_axis', d.axis),
    negative: v('--_negative', d.negative),
    reference: v('--_reference', d.reference),
    background: v('--_color-surface', d.background),
    illustrative: v('--_color-illustrative', d.illustrative),
    fontFamily: cs.fontFamily || d.fontFamily,
  };
}
