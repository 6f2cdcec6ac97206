/**
 * The console warning for a `data` given as an attribute (React 19 and Vue set it so on an element that is not defined
 * yet). Only such a page needs its words: they load when it happens (issue 16).
 */
export function dataAttributeWarning(attr: string, tag: string): string {
  return (
    `got data="${attr.slice(0, 40)}" as an attribute: the page set \`data\` before <${tag}> was defined ` +
    `(React 19 and Vue do this when the library loads after the app mounts), so the object was lost. Load civic-widgets ` +
    `before the app mounts, or set the property again after customElements.whenDefined('${tag}').`
  );
}
