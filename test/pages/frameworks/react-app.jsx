// React 19: mounts one civic element and passes `data` as a property (JSX prop on a custom element).
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import { setup, afterMount } from './cases.js';

const { tag: Tag, order, data } = setup();
function App() {
  return (
    <main>
      <Tag id="fw-el" data={data}></Tag>
    </main>
  );
}
const root = createRoot(document.getElementById('app'));
flushSync(() => root.render(<App />));
afterMount(Tag, order);
