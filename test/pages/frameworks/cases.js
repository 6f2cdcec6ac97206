// Data each framework page passes as the element's `data` property, and text the element must then show.
import kpis from '../../../demo/data/kpis.json';
import growth from '../../../demo/data/growth.json';

export const CASES = {
  'civic-kpi-tile': { data: kpis.items[0], expect: kpis.items[0].label },
  'civic-growth-chart': { data: growth, expect: growth.series[0].name },
};

/** Reads ?tag=&order= (before | after), and records what the element looked like right after mounting. */
export function setup() {
  const q = new URLSearchParams(location.search);
  const tag = q.get('tag') || 'civic-kpi-tile';
  return { tag, order: q.get('order') || 'before', ...CASES[tag] };
}

export function afterMount(tag, order) {
  const el = document.getElementById('fw-el');
  window.__fw = {
    mounted: !!el,
    definedAtMount: !!customElements.get(tag),
    attrAtMount: el ? el.getAttribute('data') : null,
    ownPropAtMount: el ? Object.prototype.hasOwnProperty.call(el, 'data') : false,
  };
  // "after": the library arrives once the framework has already rendered the element.
  if (order === 'after') {
    const s = document.createElement('script');
    s.src = '/dist/civic-widgets.iife.js';
    document.head.append(s);
  }
}
