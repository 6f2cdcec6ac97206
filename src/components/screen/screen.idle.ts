/**
 * The idle cursor of `<civic-screen>`: after `idle-cursor` seconds without an interaction a mouse cursor hides (the
 * screen shows its idle shield); the next interaction wakes it and re-arms the timer, at most every 250 ms.
 */
import { secondsToMs } from './screen.model.js';
import type { ScreenTimers } from './screen.timers.js';

/** The screen as the idle cursor sees it. */
export interface IdleHost {
  readonly isConnected: boolean;
  idleCursor: number;
}

export class ScreenIdle {
  private lastArm = 0;
  private lastPointerType = '';

  constructor(
    private readonly host: IdleHost,
    private readonly timers: ScreenTimers,
    private readonly isIdle: () => boolean,
    private readonly setIdle: (idle: boolean) => void,
  ) {}

  /** (Re)starts the idle timer from `idle-cursor`; wakes the cursor when it is 0 or the screen is not connected. */
  arm(): void {
    this.timers.cancel('idle');
    const ms = secondsToMs(this.host.idleCursor);
    if (!this.host.isConnected || ms === 0) {
      this.setIdle(false);
      return;
    }
    this.timers.later(
      'idle',
      () => {
        // Only a mouse has a cursor to hide; never put the shield under a finger (it would eat the first tap).
        const touchOnly = typeof matchMedia !== 'undefined' && matchMedia('(hover: none)').matches;
        // Unknown pointer (nothing moved yet): trust the device's primary input.
        if (this.lastPointerType === 'mouse' || (this.lastPointerType === '' && !touchOnly)) this.setIdle(true);
      },
      ms,
    );
  }

  /** A pointer, key, wheel or touch event: wakes the cursor and re-arms. False when throttled (nothing re-armed). */
  interact(e: Event): boolean {
    if (typeof PointerEvent !== 'undefined' && e instanceof PointerEvent) this.lastPointerType = e.pointerType;
    else if (e.type === 'touchstart') this.lastPointerType = 'touch';
    const now = Date.now();
    const wasIdle = this.isIdle();
    if (wasIdle) this.setIdle(false);
    // Pointer moves arrive at 60+ Hz: re-arm the timers at most every 250 ms.
    if (!wasIdle && now - this.lastArm < 250) return false;
    this.lastArm = now;
    this.arm();
    return true;
  }
}
