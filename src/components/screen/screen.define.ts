import { CivicScreen } from './screen.js';

export { CivicScreen };

if (!customElements.get('civic-screen')) customElements.define('civic-screen', CivicScreen);

declare global {
  interface HTMLElementTagNameMap {
    'civic-screen': CivicScreen;
  }
}
