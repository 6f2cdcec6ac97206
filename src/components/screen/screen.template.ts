/**
 * The shadow DOM of `<civic-screen>`: the viewport (`base`), the scaled stage with its title bar (heading, region chip,
 * data time, clock, export and full-screen buttons), the content grid, the tour ring and the idle shield.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cspStyle } from '../../core/render/csp-style.js';
import type { screenTerms } from './screen.i18n.js';
import { stageTransform, type ClockText, type ScreenLayout } from './screen.model.js';
import type { RectLike, Size } from './screen.types.js';

/** What the template shows, worked out by the element. */
export interface ScreenView {
  t: (typeof screenTerms)['en'];
  exportLabel: string;
  heading: string;
  headingLevel: number;
  design: Size;
  layout: ScreenLayout;
  /** Undefined with `no-clock`. */
  clock?: ClockText;
  dataTime: string;
  region?: { label: string };
  ring?: RectLike;
  idle: boolean;
  exportButton: boolean;
  /** Undefined when the Fullscreen API is unavailable (no button). */
  fullscreen?: boolean;
  clearRegion: () => void;
  download: () => void;
  toggleFullscreen: () => void;
}

export function renderScreen(v: ScreenView): TemplateResult {
  const { t, layout: l, design, clock, region, ring } = v;
  return html`<div part="base" role="region" aria-label=${v.heading || t.screenLabel}>
      ${l.mode === 'width' ? html`<div class="sizer" style=${cspStyle({ width: `${l.scaledWidth}px`, height: `${l.scaledHeight}px` })}></div>` : nothing}
      <div part="stage" style=${cspStyle({ width: `${design.width}px`, height: `${design.height}px`, transform: stageTransform(l) })}>
        <div part="header">
          <div part="heading" role="heading" aria-level=${String(v.headingLevel)} tabindex="-1"><slot name="heading">${v.heading}</slot></div>
          ${region
            ? html`<div part="region">
                <span class="label">${t.region}</span><span class="name">${region.label}</span>
                <button type="button" part="region-clear" aria-label=${t.clearRegion(region.label)} @click=${v.clearRegion}>
                  <span aria-hidden="true">✕</span>
                </button>
              </div>`
            : nothing}
          ${v.dataTime ? html`<div part="data-time">${t.dataTime(v.dataTime)}</div>` : nothing}
          ${!clock
            ? nothing
            : html`<div part="clock" aria-hidden="true">
                  <span class="date">${clock.date}</span><span class="weekday">${clock.weekday}</span><span class="time">${clock.time}</span>
                </div>
                <span class="visually-hidden">${t.now(clock.spoken)}</span>`}
          <slot name="header-end"></slot>
          ${v.exportButton
            ? html`<button type="button" part="export" @click=${v.download}>${v.exportLabel}</button>`
            : nothing}
          ${v.fullscreen !== undefined
            ? html`<button type="button" part="fullscreen" aria-pressed=${v.fullscreen ? 'true' : 'false'} @click=${v.toggleFullscreen}>
                ${v.fullscreen ? t.exitFullscreen : t.enterFullscreen}
              </button>`
            : nothing}
        </div>
        <div part="content"><slot></slot></div>
        ${ring
          ? html`<div
              part="tour-ring"
              aria-hidden="true"
              style=${cspStyle({ left: `${ring.left}px`, top: `${ring.top}px`, width: `${ring.width}px`, height: `${ring.height}px` })}
            ></div>`
          : nothing}
      </div>
      ${v.idle ? html`<div class="idle-shield" aria-hidden="true"></div>` : nothing}
    </div>`;
}
