// Issue 16 (weight): every element asks for `<civic-screen>`'s context with its own small consumer
// (core/context/screen-context.ts: ScreenConsumer) instead of @lit/context's. It must behave as that one did with
// @lit/context providers: the value now and on every change, no calls after a disconnect (it unsubscribes), and when a
// provider is added between the element and the old one (defined later), the element follows the new one only.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ContextProvider } from '@lit/context';
import { CivicElement } from '../../src/core/civic-element.js';
import { screenContext, type ScreenInfo } from '../../src/core/context/screen-context.js';

/** A CivicElement that records the screen values it is given. */
class ScreenRecorder extends CivicElement {
  seen: number[] = [];
  get scale(): number {
    return this.screen.scale;
  }
  protected override screenChanged(): void {
    super.screenChanged();
    this.seen.push(this.screen.scale);
  }
  override render() {
    return html`<span>recorder</span>`;
  }
}
if (!customElements.get('screen-recorder')) customElements.define('screen-recorder', ScreenRecorder);

/** A plain @lit/context provider of screenContext, as `<civic-screen>` has (and as a third party could write). */
class TestScreen extends LitElement {
  provider = new ContextProvider(this, { context: screenContext, initialValue: { scale: 2, inScreen: true } as ScreenInfo });
  set(scale: number): void {
    this.provider.setValue({ scale, inScreen: true });
  }
  override render() {
    return html`<slot></slot>`;
  }
}
if (!customElements.get('test-screen')) customElements.define('test-screen', TestScreen);

describe('ScreenConsumer (the elements’ side of the screen context)', () => {
  it('gets the value on connect and on every change; nothing after a disconnect; again after a reconnect', async () => {
    const outer = await fixture<TestScreen>(html`<test-screen><screen-recorder></screen-recorder></test-screen>`);
    const el = outer.querySelector('screen-recorder') as ScreenRecorder;
    expect(el.scale).to.equal(2);
    outer.set(3);
    expect(el.scale).to.equal(3);
    el.remove();
    outer.set(4);
    expect(el.seen, 'no value after a disconnect').to.deep.equal([2, 3]);
    outer.append(el);
    expect(el.scale, 'subscribed again on reconnect').to.equal(4);
    outer.set(5);
    expect(el.seen).to.deep.equal([2, 3, 4, 5]);
  });

  it('an element outside any screen keeps the default (scale 1, not in a screen)', async () => {
    const el = await fixture<ScreenRecorder>(html`<screen-recorder></screen-recorder>`);
    expect(el.scale).to.equal(1);
    expect(el.seen).to.deep.equal([]);
  });

  it('a provider defined later between the element and the old one takes over; the old one is left', async () => {
    const outer = await fixture<TestScreen>(html`<test-screen><inner-screen-late><screen-recorder></screen-recorder></inner-screen-late></test-screen>`);
    const el = outer.querySelector('screen-recorder') as ScreenRecorder;
    expect(el.scale, 'the outer screen answers first').to.equal(2);
    // Defining the inner provider now: it announces itself (context-provider event) and the outer one hands it the
    // subscriptions of the elements inside it.
    class InnerScreenLate extends TestScreen {
      override provider = new ContextProvider(this, { context: screenContext, initialValue: { scale: 7, inScreen: true } as ScreenInfo });
    }
    customElements.define('inner-screen-late', InnerScreenLate);
    const inner = outer.querySelector('inner-screen-late') as TestScreen;
    await inner.updateComplete;
    expect(el.scale, 'the inner screen answers now').to.equal(7);
    outer.set(9);
    expect(el.scale, 'the outer screen no longer reaches it').to.equal(7);
    inner.set(8);
    expect(el.scale).to.equal(8);
  });
});
