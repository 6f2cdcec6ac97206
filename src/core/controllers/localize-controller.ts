import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DEFAULT_LANG, normaliseLang, type Lang } from '../i18n/lang.js';
import { langReady, translation, type Translation } from '../i18n/translation.js';
import { pickTerms, type TermSet, type Terms } from '../i18n/terms.js';
import { closestAttribute, watchInheritedAttributes } from './ancestor.js';

/**
 * Resolves the element's language: its own `lang`, then the nearest ancestor with `lang` (across shadow
 * roots), then `<html lang>`, defaulting to zh-CN. Re-renders the host when the resolved language changes.
 */
export class LocalizeController implements ReactiveController {
  private host: ReactiveControllerHost & HTMLElement;
  private unwatch?: () => void;
  /** The resolved locale. */
  lang: Lang = DEFAULT_LANG;

  /**
   * `onWait`: a new language was asked while its strings load (English, on first use): the host keeps the current one
   * meanwhile and its picture is not the one asked for (CivicElement holds `whenDrawn()` until the new one is drawn).
   */
  constructor(host: ReactiveControllerHost & HTMLElement, private readonly onWait?: () => void) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.lang = this.resolve();
    this.unwatch = watchInheritedAttributes(() => this.refresh());
  }

  hostDisconnected(): void {
    this.unwatch?.();
    this.unwatch = undefined;
  }

  hostUpdate(): void {
    // The host's own `lang` may have changed through a property set; re-check, unless the host's willUpdate just did
    // (CivicElement: check() runs right before Lit calls this, in the same update).
    if (this.checked) this.checked = false;
    else this.refresh(false);
  }

  /**
   * Re-resolves the language now, from the host's willUpdate, so models derived there see it; Lit's hostUpdate call
   * right after, in the same update, then has nothing left to do (a first render of a chart resolved it twice).
   */
  check(): void {
    this.refresh(false);
    this.checked = true;
  }

  private checked = false;

  /**
   * What the host's first picture waits for: the strings of its language, when they load on first use (English,
   * i18n/translation.ts). A later change of language keeps the current one until the new one's strings are there.
   */
  ready(): Promise<unknown> | undefined {
    return langReady(this.resolve());
  }

  /** A new language was asked while its strings load (onWait called); cleared when a language is taken. */
  private held = false;

  private refresh(ask = true): void {
    const next = this.resolve();
    // Back to the current language before the asked one's strings came (en, then zh again): nothing changes, but the
    // held picture is due; the update asked here draws it (else whenDrawn() waited for an unrelated redraw, R1 s17).
    if (next === this.lang && !this.held) return;
    const wait = langReady(next);
    if (wait) {
      this.held = true;
      this.onWait?.();
      return void wait.then(() => this.refresh());
    }
    this.held = false;
    this.lang = next;
    if (ask) this.host.requestUpdate();
  }

  private resolve(): Lang {
    const own = closestAttribute(this.host, 'lang');
    return normaliseLang(own) ?? normaliseLang(globalThis.document?.documentElement.lang) ?? DEFAULT_LANG;
  }

  /** Shared strings (loading, loadFailed, stale …) in the resolved language. */
  get core(): Translation {
    return translation(this.lang);
  }

  /** A component's own dictionary in the resolved language. */
  pick<T extends Terms>(set: TermSet<T>): T {
    return pickTerms(set, this.lang);
  }
}
