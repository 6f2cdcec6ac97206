// A stand-in for a Lit host in DataController unit tests: a plain element with the data props and the controller-host
// methods the controller calls (addController, requestUpdate, updateComplete), appended to the jsdom body. Tests that
// drive the controller by hand (hostUpdate/hostUpdated) share it; tests with a real element use the element instead.
import { vi } from 'vitest';
import type { DataHostProps } from '../../../src/data/data-controller.js';

export type StandInHost = HTMLElement &
  DataHostProps & { addController: () => void; removeController: () => void; requestUpdate: () => void; updateComplete: Promise<boolean> };

export function makeHost(props: Partial<DataHostProps> = {}): StandInHost {
  const el = document.createElement('div') as unknown as StandInHost;
  Object.assign(el, { pollInterval: 0, addController: () => undefined, removeController: () => undefined, requestUpdate: vi.fn(), updateComplete: Promise.resolve(true) }, props);
  document.body.append(el);
  return el;
}
