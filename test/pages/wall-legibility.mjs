// Legibility of the demo pages as the viewer sees them (issue 13, "The wall reads from across the room").
//
// Opens the demo wall (demo/screen.html) at 1920×1080, 1366×768 and 960×540 (200 % zoom) in zh-CN and en , at 3840×2160, portrait 1080×1920 (zh-CN) and narrow 911×512 and 768×1024 (en), and demo/index.html at
// 390 px wide, as axe-demo.mjs serves them (the built IIFE plus the page script: /demo/__axe-*.html). Waits until
// every element with data reported (civic-load / civic-error), every grid map's whenDrawn() resolved, the fonts are
// ready and two consecutive measurements (each after two animation frames) agree — no sleeps. Then collects:
//   - every visible text's rendered size in CSS px as the viewer sees it:
//       DOM text nodes: computed font-size × the scale of every composed ancestor's transform / scale / zoom
//         (<civic-screen> scales its stage);
//       SVG <text>: computed font-size × the scale of getScreenCTM() (which includes the CSS transforms above);
//       canvas: CanvasRenderingContext2D fillText/strokeText are wrapped by an init script, recording
//         font px × the context transform's scale × (canvas CSS width on screen / canvas width), for the texts drawn
//         since the canvas was last cleared whole. The grid map draws no text in WebGL (its maplibre style has no
//         symbol layers; names are drawn on a 2D overlay canvas, which is recorded).
//     Text that is visually hidden (opacity 0, visibility hidden, clip), in a closed <details> or display:none is not
//     visible and not counted.
//   - overflows: elements whose box runs past their panel (the page's `.panel` sections and `<civic-screen>` on the
//     wall; on index.html each element), past a civic element's box, or past a clipping ancestor (overflow hidden /
//     clip, an <svg>), unless a scroll container (overflow auto/scroll) holds them — that is a visible affordance.
//     One line per outermost overflowing element; plus a page wider than the window.
//   - clipped text: a text node cut by a clipping ancestor without an ellipsis and its full text in a title /
//     aria-label on the way up (the "silent" clip).
// Fails on any text under the floor (14 px on the wall, 12 px on index.html at 390 px), any overflow, any silently
// clipped text. Prints per page and language: the smallest text and where, the overflow and clip counts.
// CIVIC_WALL_JSON=<file> writes the figures as JSON; CIVIC_WALL_SHOTS=<dir> saves a screenshot per case.
import { writeFileSync } from 'node:fs';
import { axePages, buildAxeScripts } from './axe-demo.mjs';

export { axePages as wallLegibilityPages };

const CASES = [
  { name: 'screen.html 1920×1080 zh-CN', path: '/demo/__axe-screen.html?tour=0', viewport: { width: 1920, height: 1080 }, floor: 14, wall: true },
  { name: 'screen.html 1920×1080 en', path: '/demo/__axe-screen.html?tour=0&lang=en', viewport: { width: 1920, height: 1080 }, floor: 14, wall: true },
  // A small laptop: the demo lays the wall out at the window's width (compact layout, scale 1) instead of scaling the
  // 1920×1080 design down to 0.71 (14 px → 10 px).
  { name: 'screen.html 1366×768 zh-CN', path: '/demo/__axe-screen.html?tour=0', viewport: { width: 1366, height: 768 }, floor: 14, wall: true },
  { name: 'screen.html 1366×768 en', path: '/demo/__axe-screen.html?tour=0&lang=en', viewport: { width: 1366, height: 768 }, floor: 14, wall: true },
  { name: 'screen.html 1280×720 en', path: '/demo/__axe-screen.html?tour=0&lang=en', viewport: { width: 1280, height: 720 }, floor: 14, wall: true },
  // A 1920×1080 window zoomed to 200 %: 960×540 CSS px, the one-column layout.
  { name: 'screen.html 960×540 zh-CN', path: '/demo/__axe-screen.html?tour=0', viewport: { width: 960, height: 540 }, floor: 14, wall: true },
  { name: 'screen.html 960×540 en', path: '/demo/__axe-screen.html?tour=0&lang=en', viewport: { width: 960, height: 540 }, floor: 14, wall: true },
  { name: 'screen.html 3840×2160 zh-CN', path: '/demo/__axe-screen.html?tour=0', viewport: { width: 3840, height: 2160 }, floor: 14, wall: true },
  // A portrait screen and the narrow one-column layouts in English (A2, session 17: the title was cut to 54 % on the
  // portrait screen; at 911 and 768 px the map's toolbar and legend wrapped and were cut by their panel).
  { name: 'screen.html 1080×1920 zh-CN', path: '/demo/__axe-screen.html?tour=0', viewport: { width: 1080, height: 1920 }, floor: 14, wall: true },
  { name: 'screen.html 911×512 en', path: '/demo/__axe-screen.html?tour=0&lang=en', viewport: { width: 911, height: 512 }, floor: 14, wall: true },
  { name: 'screen.html 768×1024 en', path: '/demo/__axe-screen.html?tour=0&lang=en', viewport: { width: 768, height: 1024 }, floor: 14, wall: true },
  // The wall as it runs (tour on): every tour step highlights a grid, a chain member, a KPI or a period, which opens
  // tooltips and moves the ring; each step is measured like a still page (A2, session 16: tooltips cut by the map's
  // and the chain graphs' stages, the ring running past the stage).
  { name: 'screen.html 1920×1080 zh-CN, 14 tour steps', path: '/demo/__axe-screen.html?tour=0', viewport: { width: 1920, height: 1080 }, floor: 14, wall: true, tourSteps: 14 },
  { name: 'screen.html 1920×1080 en, 14 tour steps', path: '/demo/__axe-screen.html?tour=0&lang=en', viewport: { width: 1920, height: 1080 }, floor: 14, wall: true, tourSteps: 14 },
  { name: 'index.html 390 zh-CN', path: '/demo/__axe-index.html', viewport: { width: 390, height: 844 }, floor: 12, wall: false },
  { name: 'index.html 390 en', path: '/demo/__axe-index.html?lang=en', viewport: { width: 390, height: 844 }, floor: 12, wall: false },
];

/** Before any page script: records civic-load / civic-error and the canvas texts. */
function initScript() {
  window.__wallRec = { done: new Set() };
  const mark = (e) => window.__wallRec.done.add(e.composedPath()[0]);
  document.addEventListener('civic-load', mark, true);
  document.addEventListener('civic-error', mark, true);
  const texts = (window.__canvasText = new Map());
  const P = CanvasRenderingContext2D.prototype;
  const scaleOf = (m) => Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
  for (const name of ['fillText', 'strokeText']) {
    const orig = P[name];
    P[name] = function (text, x, y, maxWidth) {
      try {
        const m = this.getTransform();
        const px = Number((/(\d+(?:\.\d+)?)px/.exec(this.font) || [])[1] || 10);
        const at = m.transformPoint(new DOMPoint(x, y));
        let k = scaleOf(m);
        if (maxWidth !== undefined) {
          const w = this.measureText(String(text)).width;
          if (w > maxWidth && w > 0) k *= maxWidth / w; // squeezed to fit: narrower glyphs read as smaller
        }
        let list = texts.get(this.canvas);
        if (!list) texts.set(this.canvas, (list = []));
        list.push({ text: String(text), px, k, x: at.x, y: at.y });
      } catch {
        /* measuring never breaks drawing */
      }
      return orig.apply(this, arguments);
    };
  }
  const clear = P.clearRect;
  P.clearRect = function (x, y, w, h) {
    try {
      const m = this.getTransform();
      const a = m.transformPoint(new DOMPoint(x, y));
      const b = m.transformPoint(new DOMPoint(x + w, y + h));
      if (Math.min(a.x, b.x) <= 0 && Math.min(a.y, b.y) <= 0 && Math.max(a.x, b.x) >= this.canvas.width && Math.max(a.y, b.y) >= this.canvas.height) texts.set(this.canvas, []);
    } catch {
      /* ignore */
    }
    return clear.apply(this, arguments);
  };
}

/** In the page: every measurement (see the header). */
function collect({ floor, wall }) {
  const parentOf = (n) => n.assignedSlot || n.parentElement || (n.parentNode instanceof ShadowRoot ? n.parentNode.host : null);
  const styleCache = new Map();
  const cs = (el) => styleCache.get(el) || (styleCache.set(el, getComputedStyle(el)), styleCache.get(el));
  const scaleCache = new Map();
  const cssScale = (el) => {
    if (!el || el.nodeType !== 1) return 1;
    if (scaleCache.has(el)) return scaleCache.get(el);
    const s = cs(el);
    let k = 1;
    if (s.transform && s.transform !== 'none' && !(el instanceof SVGElement && !(el instanceof SVGSVGElement))) {
      const m = new DOMMatrixReadOnly(s.transform);
      k *= Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    }
    if (s.scale && s.scale !== 'none') {
      const p = s.scale.split(' ').map(parseFloat);
      k *= p.length > 1 ? Math.sqrt(Math.abs(p[0] * p[1])) : Math.abs(p[0]);
    }
    const z = parseFloat(s.zoom);
    if (z && z !== 1) k *= z;
    const r = k * cssScale(parentOf(el));
    scaleCache.set(el, r);
    return r;
  };
  const hiddenCache = new Map();
  const hidden = (el) => {
    if (!el || el.nodeType !== 1) return false;
    if (hiddenCache.has(el)) return hiddenCache.get(el);
    const s = cs(el);
    const p = parentOf(el);
    const h =
      s.display === 'none' ||
      // a closed <details> lays its content out on demand (content-visibility), but shows only its summary
      (p && p.localName === 'details' && !p.open && el !== p.querySelector(':scope > summary')) ||
      s.opacity === '0' ||
      (s.clip && s.clip !== 'auto') ||
      (s.clipPath && /^inset\(50%/.test(s.clipPath)) ||
      hidden(parentOf(el));
    hiddenCache.set(el, h);
    return h;
  };
  const partOf = (el) => (el.getAttribute && el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : '');
  const clsOf = (el) => (el.classList && el.classList.length ? '.' + [...el.classList].slice(0, 2).join('.') : '');
  const hostOf = (el) => {
    for (let a = el; a; a = parentOf(a)) if (a.localName && a.localName.startsWith('civic-') && a !== el) return a;
    return null;
  };
  const where = (el) => {
    const host = hostOf(el);
    const self = `${el.localName}${el.id ? '#' + el.id : ''}${partOf(el)}${clsOf(el)}`;
    if (!host) return self;
    const hostSel = `${host.localName}${host.getAttribute('chain') ? `[chain=${host.getAttribute('chain')}]` : host.getAttribute('kind') ? `[kind=${host.getAttribute('kind')}]` : ''}`;
    return `${hostSel} ${self}`;
  };
  const clip = (t) => (t.length > 24 ? t.slice(0, 23) + '…' : t);
  const r1 = (x) => Math.round(x * 10) / 10;
  // An inline box is as tall as its font's ascent + descent, which a tight line-height lets stick out of the line
  // without any glyph being cut: compare the em box (font-size tall, centred) instead.
  const emBox = (r, el, k) => {
    const em = parseFloat(cs(el).fontSize) * k;
    const d = Math.max(0, (r.height - em) / 2);
    return { left: r.left, right: r.right, top: r.top + d, bottom: r.bottom - d, width: r.width, height: r.height - 2 * d };
  };

  const texts = []; // { px, text, where }
  const textNodes = []; // [node, parent]
  const elements = [];
  const walk = (node) => {
    for (const c of node.childNodes) {
      if (c.nodeType === 3) {
        if (c.data.trim()) textNodes.push(c);
      } else if (c.nodeType === 1) {
        const n = c.localName;
        if (n === 'script' || n === 'style' || n === 'template' || n === 'title' || n === 'desc' || n === 'noscript') continue;
        elements.push(c);
        if (c.shadowRoot) walk(c.shadowRoot);
        walk(c);
      }
    }
  };
  walk(document.body);

  // ── text sizes ──
  const svgTextDone = new Set();
  const range = document.createRange();
  const textRects = new Map();
  for (const t of textNodes) {
    const el = t.parentElement || (t.parentNode instanceof ShadowRoot ? null : null);
    if (!el || hidden(el) || cs(el).visibility !== 'visible') continue;
    if (el instanceof SVGElement) {
      const textEl = el.closest('text');
      if (!textEl || svgTextDone.has(textEl)) continue;
      svgTextDone.add(textEl);
      const b = textEl.getBoundingClientRect();
      if (b.width < 0.5 || b.height < 0.5) continue;
      const m = textEl.getScreenCTM();
      const k = m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 1;
      texts.push({ px: parseFloat(cs(textEl).fontSize) * k, text: clip(textEl.textContent.trim()), where: where(textEl), kind: 'svg' });
      textRects.set(t, { el: textEl, rect: b });
      continue;
    }
    range.selectNodeContents(t);
    const b = range.getBoundingClientRect();
    if (b.width < 0.5 || b.height < 0.5) continue;
    textRects.set(t, { el, rect: emBox(b, el, cssScale(el)) });
    texts.push({ px: parseFloat(cs(el).fontSize) * cssScale(el), text: clip(t.data.trim()), where: where(el), kind: 'dom' });
  }
  // Canvas texts drawn since the last full clear.
  for (const [canvas, list] of window.__canvasText || []) {
    if (!canvas.isConnected || hidden(canvas) || !list.length) continue;
    const b = canvas.getBoundingClientRect();
    if (b.width < 1 || canvas.width < 1) continue;
    const ratio = b.width / canvas.width;
    const seen = new Set();
    for (const x of list) {
      if (x.x < 0 || x.y < 0 || x.x > canvas.width || x.y > canvas.height) continue; // off the canvas: not seen
      const key = `${x.text}|${Math.round(x.x)}|${Math.round(x.y)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      texts.push({ px: x.px * x.k * ratio, text: clip(x.text), where: where(canvas), kind: 'canvas' });
    }
  }

  // ── overflows ──
  const isPanel = wall ? (el) => el.matches('.panel, civic-screen') : (el) => el.localName.startsWith('civic-') && !hostOf(el);
  const overflowOf = (el) => {
    const s = cs(el);
    return [s.overflowX, s.overflowY];
  };
  const scrolls = (el) => overflowOf(el).some((o) => o === 'auto' || o === 'scroll');
  const clips = (el) => el instanceof SVGSVGElement || overflowOf(el).some((o) => o === 'hidden' || o === 'clip');
  const boundary = (el) => isPanel(el) || clips(el) || (el.localName.startsWith('civic-') && cs(el).display !== 'contents');
  const rectCache = new Map();
  const rect = (el) => rectCache.get(el) || (rectCache.set(el, el.getBoundingClientRect()), rectCache.get(el));
  const past = (a, b, tol = 1.5) => Math.max(b.left - a.left, a.right - b.right, b.top - a.top, a.bottom - b.bottom) > tol;
  const by = (a, b) => Math.round(Math.max(b.left - a.left, a.right - b.right, b.top - a.top, a.bottom - b.bottom));
  const overflowOfEl = new Map(); // el → boundary it spills past
  const overflows = [];
  for (const el of elements) {
    if (el instanceof SVGElement && !(el instanceof SVGSVGElement)) continue; // pan/zoom drawings: only their texts
    if (hidden(el)) continue;
    const s = cs(el);
    if (s.display === 'contents' || s.position === 'fixed') continue;
    const b = rect(el);
    if (b.width < 1 || b.height < 1) continue;
    const r = s.display === 'inline' ? emBox(b, el, cssScale(el)) : b;
    for (let a = parentOf(el); a && a !== document.body && a !== document.documentElement; a = parentOf(a)) {
      if (scrolls(a)) break;
      if (!boundary(a)) continue;
      if (past(r, rect(a))) {
        overflowOfEl.set(el, a);
        const p = parentOf(el);
        if (!(p && overflowOfEl.get(p) === a)) overflows.push(`${where(el)} ${by(r, rect(a))} px past ${where(a)}`);
        break;
      }
      if (isPanel(a)) break;
    }
  }
  if (document.documentElement.scrollWidth > innerWidth + 1) overflows.push(`page ${document.documentElement.scrollWidth} px wide in a ${innerWidth} px window`);

  // ── clipped texts ──
  const fullTextNear = (el, text) => {
    for (let a = el; a; a = parentOf(a)) {
      const t = a.getAttribute && (a.getAttribute('title') || a.getAttribute('aria-label') || a.getAttribute('aria-description'));
      if (t && t.includes(text.slice(0, Math.min(text.length, 8)))) return true;
      if (a.localName && a.localName.startsWith('civic-')) break;
    }
    return false;
  };
  const clipped = [];
  for (const [t, { el, rect: tr }] of textRects) {
    for (let a = el instanceof SVGElement ? el.ownerSVGElement : parentOf(el); a; a = parentOf(a)) {
      if (a === document.body || a === document.documentElement) break;
      if (scrolls(a)) break;
      if (!clips(a)) continue;
      if (past(tr, rect(a), 1)) {
        const ellipsis = cs(a).textOverflow === 'ellipsis' || cs(el).textOverflow === 'ellipsis' || cs(a).webkitLineClamp !== 'none';
        if (!(ellipsis && fullTextNear(el, t.data.trim()))) clipped.push(`${where(el)} "${clip(t.data.trim())}" cut by ${where(a)}${ellipsis ? ' (ellipsis, no full text)' : ''}`);
        break;
      }
    }
  }

  // Text shortened by code ("…") must keep its full text on hover/focus (title, aria-label, an SVG <title>).
  for (const [t, { el }] of textRects) {
    const v = t.data.trim();
    if (!v.endsWith('…') && !v.endsWith('...')) continue;
    const svgTitle = el instanceof SVGElement && [el, el.parentElement].some((a) => a && a.querySelector(':scope > title'));
    if (!svgTitle && !fullTextNear(el, v.replace(/(…|\.\.\.)$/, ''))) clipped.push(`${where(el)} "${clip(v)}" shortened without its full text`);
  }
  // Texts drawn over each other in one element (e.g. two axis titles): boxes overlapping by more than a quarter
  // of the smaller one.
  const overlaps = [];
  const byHost = new Map();
  const visibleRect = (el, r) => {
    let v = { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    for (let a = el instanceof SVGElement ? el.ownerSVGElement : parentOf(el); a && a !== document.body; a = parentOf(a)) {
      if (!clips(a) && !scrolls(a)) continue;
      const c = rect(a);
      v = { left: Math.max(v.left, c.left), right: Math.min(v.right, c.right), top: Math.max(v.top, c.top), bottom: Math.min(v.bottom, c.bottom) };
    }
    return v.right - v.left > 1 && v.bottom - v.top > 1 ? { ...v, width: v.right - v.left, height: v.bottom - v.top } : null;
  };
  for (const [t, { el, rect: tr }] of textRects) {
    const host = hostOf(el);
    if (!host) continue;
    const r = visibleRect(el, tr); // rows scrolled or rotated out of a board's window are not seen
    if (!r) continue;
    if (!byHost.has(host)) byHost.set(host, []);
    byHost.get(host).push({ t, el, r });
  }
  for (const list of byHost.values())
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        let a = list[i].r, b = list[j].r;
        if (list[i].el === list[j].el || list[i].el.contains(list[j].el) || list[j].el.contains(list[i].el)) continue;
        if (list[i].el instanceof SVGGraphicsElement && list[j].el instanceof SVGGraphicsElement) {
          // Rotated labels: compare in the first text's own frame, where both boxes are exact when equally rotated.
          const ma = list[i].el.getScreenCTM(), mb = list[j].el.getScreenCTM();
          if (ma && mb) {
            const m = ma.inverse().multiply(mb);
            const bb = list[j].el.getBBox();
            const pts = [[bb.x, bb.y], [bb.x + bb.width, bb.y], [bb.x, bb.y + bb.height], [bb.x + bb.width, bb.y + bb.height]].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
            const ab = list[i].el.getBBox();
            a = { left: ab.x, right: ab.x + ab.width, top: ab.y, bottom: ab.y + ab.height, width: ab.width, height: ab.height };
            const xs = pts.map((q) => q.x), ys = pts.map((q) => q.y);
            b = { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
            b.width = b.right - b.left;
            b.height = b.bottom - b.top;
          }
        }
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const hh = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w <= 0 || hh <= 0) continue;
        if (w * hh > 0.25 * Math.min(a.width * a.height, b.width * b.height))
          overlaps.push(`${where(list[i].el)} "${clip(list[i].t.data.trim())}" over "${clip(list[j].t.data.trim())}"`);
      }

  texts.sort((a, b) => a.px - b.px);
  const under = texts.filter((x) => x.px < floor - 0.05);
  const group = new Map();
  for (const x of under) {
    const g = group.get(x.where) || { where: x.where, px: x.px, n: 0, text: x.text, kind: x.kind };
    g.n++;
    group.set(x.where, g);
  }
  return {
    count: texts.length,
    min: texts[0] ? { px: r1(texts[0].px), text: texts[0].text, where: texts[0].where, kind: texts[0].kind } : null,
    under: under.length,
    underGroups: [...group.values()].map((g) => `${r1(g.px)} px ${g.kind} ${g.where} "${g.text}"${g.n > 1 ? ` (${g.n}×)` : ''}`),
    overflows,
    clipped,
    overlaps,
  };
}

async function settle(p, ms) {
  const end = Date.now() + ms;
  await p
    .waitForFunction(
      () => {
        const els = [...document.querySelectorAll('[src]')].filter((e) => e.localName.startsWith('civic-'));
        return els.length > 0 && els.every((e) => window.__wallRec.done.has(e));
      },
      null,
      { timeout: ms },
    )
    .catch(() => {});
  await p.evaluate(
    (ms) =>
      Promise.race([
        Promise.all([...document.querySelectorAll('civic-grid-map')].map((m) => m.whenDrawn())),
        new Promise((r) => setTimeout(r, ms)), // a deadline, not a wait: resolves only if drawing never finishes
      ]),
    Math.max(1000, end - Date.now()),
  );
  await p.evaluate(() => document.fonts.ready.then(() => undefined));
  return p.evaluate(() => {
    const els = [...document.querySelectorAll('[src]')].filter((e) => e.localName.startsWith('civic-'));
    return els.filter((e) => !window.__wallRec.done.has(e)).map((e) => e.localName);
  });
}

/** Measures until two consecutive measurements (two frames apart) agree, or the time is up. */
async function measure(p, c, ms) {
  const end = Date.now() + ms;
  let prev = null;
  for (;;) {
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const m = await p.evaluate(collect, { floor: c.floor, wall: c.wall });
    // The wall's clock ticks and boards rotate: compare the figures, not every text.
    const sig = JSON.stringify([m.min && m.min.px, m.under, m.overflows.length, m.clipped.length, m.overlaps.length]);
    if (sig === prev || Date.now() > end) return { ...m, stable: sig === prev };
    prev = sig;
  }
}

/** The check. `h`: run.mjs's helpers { check, note, within, verbose }. Returns the figures per case. */
export async function checkWallLegibility(browser, base, h) {
  await buildAxeScripts();
  const only = process.env.CIVIC_WALL_CASES ? new RegExp(process.env.CIVIC_WALL_CASES) : null;
  const figures = [];
  // One context and one page for every case (same device scale and motion; the viewport is set per case): a new
  // context per case cost a browser round of setup each time. The init script runs again on every navigation.
  const ctx = await browser.newContext({ viewport: CASES[0].viewport, reducedMotion: 'reduce', deviceScaleFactor: 1 });
  try {
    await ctx.addInitScript(initScript);
    const p = await ctx.newPage();
    let errors = [];
    p.on('pageerror', (e) => errors.push(`pageerror: ${String(e.message || e).slice(0, 200)}`));
    for (const c of CASES) {
      if (only && !only.test(c.name)) continue;
      const label = `[8 legibility] ${c.name}`;
      errors = [];
      await p.setViewportSize(c.viewport);
      await p.goto(`${base}${c.path}`, { waitUntil: 'load', timeout: h.within(40_000) });
      const pending = await settle(p, h.within(40_000));
      h.check(pending.length === 0 && errors.length === 0, `${label}: every element drew its data`, [pending.length ? `no civic-load/civic-error from ${pending.join(', ')}` : '', ...errors].filter(Boolean).join('; '));
      let m = await measure(p, c, h.within(6_000));
      // Tour steps: each step measured; the figures are the union over the steps (each finding says which step):
      // text size, overflows and clipped text (a tooltip cut by its element's stage).
      for (let i = 0; i < (c.tourSteps ?? 0); i++) {
        const id = await p.evaluate(async () => {
          const wall = document.querySelector('civic-screen');
          const stepId = wall.tourStep();
          await wall.whenDrawn();
          return stepId ?? '(ring only)';
        });
        const s = await measure(p, c, h.within(6_000));
        const at = (x) => `[step ${i} ${id}] ${x}`;
        m = {
          ...m,
          count: Math.max(m.count, s.count),
          min: s.min && (!m.min || s.min.px < m.min.px) ? s.min : m.min,
          under: m.under + s.under,
          underGroups: [...m.underGroups, ...s.underGroups.map(at)],
          overflows: [...m.overflows, ...s.overflows.map(at)],
          clipped: [...m.clipped, ...s.clipped.map(at)],
          // A tooltip covers what lies under it by design (its box hides it): overlaps count on the still page only.
          stable: m.stable && s.stable,
        };
      }
      // CIVIC_WALL_SHOTS=<dir> saves a screenshot per case (for looking at the layout, not compared).
      if (process.env.CIVIC_WALL_SHOTS) await p.screenshot({ path: `${process.env.CIVIC_WALL_SHOTS}/${c.name.replace(/[^\w-]+/g, '_')}.png`, fullPage: !c.wall });
      figures.push({ case: c.name, floor: c.floor, min: m.min, under: m.under, overflows: m.overflows.length, clipped: m.clipped.length, overlaps: m.overlaps.length, texts: m.count });
      h.note(`${c.name}: smallest text ${m.min ? `${m.min.px} px (${m.min.kind} ${m.min.where} "${m.min.text}")` : '—'}; ${m.count} texts, ${m.under} under ${c.floor} px; ${m.overflows.length} overflows; ${m.clipped.length} silently clipped; ${m.overlaps.length} overlapping${m.stable ? '' : ' (still changing)'}`);
      h.check(m.under === 0, `${label}: no visible text under ${c.floor} px`, m.underGroups.slice(0, h.verbose ? 50 : 8).join(' | ') + (m.underGroups.length > 8 && !h.verbose ? ` (+${m.underGroups.length - 8} more)` : ''));
      h.check(m.overflows.length === 0, `${label}: nothing spills past its panel`, m.overflows.slice(0, h.verbose ? 50 : 8).join(' | ') + (m.overflows.length > 8 && !h.verbose ? ` (+${m.overflows.length - 8} more)` : ''));
      h.check(m.clipped.length === 0, `${label}: no text clipped without an ellipsis and its full text`, m.clipped.slice(0, h.verbose ? 50 : 8).join(' | ') + (m.clipped.length > 8 && !h.verbose ? ` (+${m.clipped.length - 8} more)` : ''));
      h.check(m.overlaps.length === 0, `${label}: no text drawn over another`, m.overlaps.slice(0, h.verbose ? 50 : 8).join(' | ') + (m.overlaps.length > 8 && !h.verbose ? ` (+${m.overlaps.length - 8} more)` : ''));
    }
    await p.close();
  } finally {
    await ctx.close();
  }
  if (process.env.CIVIC_WALL_JSON) writeFileSync(process.env.CIVIC_WALL_JSON, JSON.stringify(figures, null, 2));
  return figures;
}
