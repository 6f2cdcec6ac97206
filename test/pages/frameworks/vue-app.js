// Vue 3: mounts one civic element with a render function and passes `data` as a prop (Vue decides
// property vs attribute with `key in el`, like a template's :data="...").
import { createApp, h } from 'vue';
import { setup, afterMount } from './cases.js';

const { tag, order, data } = setup();
createApp({ render: () => h('main', [h(tag, { id: 'fw-el', data })]) }).mount('#app');
afterMount(tag, order);
