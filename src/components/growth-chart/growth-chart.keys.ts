/** Keyboard and pointer navigation of `<civic-growth-chart>`'s plot: pure functions of the model (split out of growth-chart.ts). */
import type { GrowthModel } from './model/types.js';

/** What a key does: move to a category index, choose the active one, clear the highlight, or nothing (undefined). */
export type KeyAction = number | 'choose' | 'clear' | undefined;

/**
 * ←/↑ and →/↓ step between categories (the first press goes to the latest one), Home and End jump to the ends,
 * Enter and Space choose, Escape clears. `active` is -1 when nothing is highlighted.
 */
export function keyAction(key: string, active: number, m: GrowthModel): KeyAction {
  const n = m.categories.length;
  const cur = active < 0 ? (m.latestIndex >= 0 ? m.latestIndex : 0) : active;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(n - 1, active < 0 ? cur : cur + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, active < 0 ? cur : cur - 1);
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    case 'Enter':
    case ' ':
      return 'choose';
    case 'Escape':
      return 'clear';
    default:
      return undefined;
  }
}

/** The category nearest to `x` (px from the plot box's left edge), or -1 outside the plot (4 px of slack). */
export function indexAtX(m: GrowthModel, x: number): number {
  if (!m.categories.length) return -1;
  if (x < m.plot.x - 4 || x > m.plot.x + m.plot.width + 4) return -1;
  let best = 0;
  for (let i = 1; i < m.categories.length; i++) if (Math.abs(m.categories[i].x - x) < Math.abs(m.categories[best].x - x)) best = i;
  return best;
}

/** What the plot's listeners read and do on the element (growth-chart.ts). */
export interface NavHost {
  model(): GrowthModel | undefined;
  active(): number;
  area(): HTMLElement | undefined;
  /** The plot box has keyboard focus. */
  focused(): boolean;
  setActive(i: number): void;
  choose(i: number, trigger: 'pointer' | 'keyboard'): void;
}

/** The plot box's listeners: pointer and keyboard move the highlight (tooltip, crosshair); click and Enter choose. */
export function plotListeners(h: NavHost) {
  const at = (clientX: number): number => {
    const m = h.model();
    const area = h.area();
    return m && area ? indexAtX(m, clientX - area.getBoundingClientRect().left) : -1;
  };
  return {
    pointer: (e: PointerEvent): void => h.setActive(at(e.clientX)),
    leave: (): void => {
      if (!h.focused()) h.setActive(-1);
    },
    focus: (): void => {
      const m = h.model();
      if (m && h.active() < 0 && m.categories.length) h.setActive(m.selectedIndex >= 0 ? m.selectedIndex : m.latestIndex >= 0 ? m.latestIndex : 0);
    },
    blur: (): void => h.setActive(-1),
    click: (e: MouseEvent): void => {
      const i = at(e.clientX);
      if (i >= 0) h.choose(i, 'pointer');
    },
    key: (e: KeyboardEvent): void => {
      const m = h.model();
      if (!m || !m.categories.length) return;
      const a = keyAction(e.key, h.active(), m);
      if (a === undefined) return;
      if (a === 'clear') return h.setActive(-1);
      e.preventDefault();
      if (a === 'choose') {
        if (h.active() >= 0) h.choose(h.active(), 'keyboard');
      } else h.setActive(a);
    },
  };
}
