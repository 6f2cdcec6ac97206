/**
 * Pure text layout for the SVG painter's `<text>` (svg-text.ts): SVG white-space collapsing across runs, text-chunk
 * anchoring of runs by `text-anchor`, and `dominant-baseline` as a canvas `textBaseline`. No DOM; unit-tested in Node.
 */

/**
 * SVG's white-space handling over the text runs of one `<text>` (as Chromium does for `white-space: normal`):
 * newlines and tabs become spaces, runs of spaces collapse across run boundaries, and the text is trimmed at both
 * ends. Returns the runs' texts in the same order (a run may become empty).
 */
export function collapseRuns(texts: string[]): string[] {
  let prevSpace = true; // at the start of the text a space is dropped
  const out = texts.map((t) => {
    let s = '';
    for (const ch of t.replace(/[\n\r\t]/g, ' ')) {
      if (ch === ' ') {
        if (prevSpace) continue;
        prevSpace = true;
      } else prevSpace = false;
      s += ch;
    }
    return s;
  });
  // Trailing space of the whole text.
  for (let i = out.length - 1; i >= 0; i--) {
    if (!out[i]) continue;
    out[i] = out[i].replace(/ +$/, '');
    break;
  }
  return out;
}

/** One run of text with its positioning attributes (absolute x/y start a new text chunk) and measured width. */
export interface TextRunLayout {
  x?: number;
  y?: number;
  dx: number;
  dy: number;
  width: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * Left-edge start points of each run: the pen moves by dx/dy, jumps to absolute x/y, and advances by the run's width;
 * every run with an absolute x or y starts a text chunk, which is then shifted by its first run's `text-anchor`
 * (middle: half its width, end: its width). `start` is the pen before the first run.
 */
export function layoutRuns(runs: TextRunLayout[], start: { x: number; y: number } = { x: 0, y: 0 }): { x: number; y: number }[] {
  const pos: { x: number; y: number }[] = [];
  const chunks: number[][] = [];
  let px = start.x;
  let py = start.y;
  runs.forEach((r, i) => {
    const absolute = r.x !== undefined || r.y !== undefined;
    if (r.x !== undefined) px = r.x;
    if (r.y !== undefined) py = r.y;
    if (absolute || i === 0) chunks.push([]);
    px += r.dx;
    py += r.dy;
    pos.push({ x: px, y: py });
    chunks[chunks.length - 1].push(i);
    px += r.width;
  });
  for (const c of chunks) {
    const first = c[0];
    const last = c[c.length - 1];
    const a = runs[first].anchor;
    if (a === 'start') continue;
    const w = pos[last].x + runs[last].width - pos[first].x;
    const shift = a === 'middle' ? -w / 2 : -w;
    for (const i of c) pos[i].x += shift;
  }
  return pos;
}

/** Canvas `textBaseline` for a computed `dominant-baseline`. */
export function canvasBaseline(dominant: string | null | undefined): CanvasTextBaseline {
  switch ((dominant ?? '').trim()) {
    case 'central':
    case 'middle':
      return 'middle';
    case 'hanging':
      return 'hanging';
    case 'text-before-edge':
    case 'text-top':
      return 'top';
    case 'text-after-edge':
    case 'text-bottom':
      return 'bottom';
    case 'ideographic':
      return 'ideographic';
    default:
      return 'alphabetic';
  }
}
