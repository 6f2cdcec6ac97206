/** Helpers for the PNG export tests: decode a Blob to pixels and look for colours in a region. */

export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export async function decodePng(blob: Blob): Promise<Pixels> {
  const bmp = await createImageBitmap(blob);
  const c = document.createElement('canvas');
  c.width = bmp.width;
  c.height = bmp.height;
  const ctx = c.getContext('2d')!;
  ctx.drawImage(bmp, 0, 0);
  bmp.close();
  const img = ctx.getImageData(0, 0, c.width, c.height);
  return { width: img.width, height: img.height, data: img.data };
}

/** `rgb(1, 2, 3)` / `rgba(…)` / `#abc` / `#aabbcc` → [r, g, b]. */
export function rgbOf(css: string): [number, number, number] {
  const m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(css);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  let h = css.trim().replace('#', '');
  if (h.length === 3) h = h.replace(/./g, (c) => c + c);
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** Region in CSS px of the element (multiplied by `ratio` = png width / element width). */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Number of opaque pixels within `tol` (per channel) of `rgb`, optionally inside `region` (in PNG pixels). */
export function countColour(px: Pixels, rgb: [number, number, number], tol = 40, region?: Region): number {
  const x0 = Math.max(0, Math.floor(region?.x ?? 0));
  const y0 = Math.max(0, Math.floor(region?.y ?? 0));
  const x1 = Math.min(px.width, Math.ceil(region ? region.x + region.width : px.width));
  const y1 = Math.min(px.height, Math.ceil(region ? region.y + region.height : px.height));
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * px.width + x) * 4;
      if (px.data[i + 3] < 200) continue;
      if (Math.abs(px.data[i] - rgb[0]) <= tol && Math.abs(px.data[i + 1] - rgb[1]) <= tol && Math.abs(px.data[i + 2] - rgb[2]) <= tol) n++;
    }
  return n;
}

/** Number of distinct colours (quantised to 4 bits per channel): a blank or one-colour image has 1. */
export function distinctColours(px: Pixels): number {
  const seen = new Set<number>();
  for (let i = 0; i < px.data.length; i += 4) seen.add(((px.data[i] >> 4) << 8) | ((px.data[i + 1] >> 4) << 4) | (px.data[i + 2] >> 4) | ((px.data[i + 3] >> 6) << 12));
  return seen.size;
}

/** The box of `el` relative to `host`, in PNG pixels for a PNG `pngWidth` wide. */
export function regionOf(el: Element, host: HTMLElement, pngWidth: number): Region {
  const r = el.getBoundingClientRect();
  const o = host.getBoundingClientRect();
  const k = pngWidth / o.width;
  return { x: (r.left - o.left) * k, y: (r.top - o.top) * k, width: r.width * k, height: r.height * k };
}
