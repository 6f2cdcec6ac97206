/**
 * The active region of `<civic-screen>` (the title bar's chip): a descendant's `civic-select` with a region sets it,
 * its deselection clears it, and clearing it resets every `linked` descendant and the selecting element. Each change
 * fires `civic-region-change` on the screen.
 */
import type { CivicSelectEvent } from '../../core/events/select-event.js';
import { CivicRegionChangeEvent } from './screen.events.js';

export interface ActiveRegion {
  code: string;
  label: string;
  source: Element;
}

export class ScreenRegion {
  constructor(
    private readonly host: HTMLElement,
    private readonly get: () => ActiveRegion | undefined,
    private readonly set: (region: ActiveRegion | undefined) => void,
  ) {}

  /** The `civic-select` listener. */
  readonly onSelect = (e: CivicSelectEvent): void => {
    const source = e.target as Element | null;
    if (!source || source === this.host || !e.detail) return;
    const { id, region, item } = e.detail;
    const active = this.get();
    if (id === null) {
      if (active && active.source === source) {
        this.set(undefined);
        this.host.dispatchEvent(new CivicRegionChangeEvent({ region: null, label: null, source }));
      }
      return;
    }
    if (typeof region !== 'string' || region === '') return;
    const name = item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string' ? (item as { name: string }).name : '';
    const label = name || region;
    if (active && active.code === region && active.source === source) return;
    this.set({ code: region, label, source });
    this.host.dispatchEvent(new CivicRegionChangeEvent({ region, label, source }));
  };

  /** Resets `region` on every `linked` descendant and the selecting element's selection; returns the region that was active. */
  clear(): ActiveRegion | undefined {
    const prev = this.get();
    for (const el of Array.from(this.host.querySelectorAll('[linked]'))) {
      (el as Element & { region?: string }).region = undefined;
    }
    if (prev) {
      const src = prev.source as Element & { selected?: unknown };
      if (typeof src.selected === 'string') src.selected = '';
    }
    this.set(undefined);
    this.host.dispatchEvent(new CivicRegionChangeEvent({ region: null, label: null, source: null }));
    return prev;
  }
}
