// /assets/page.js of the README's one-script-tag example: the page's own script, loaded after the elements.
CivicWidgets.configure({ headers: { Authorization: 'Bearer readme-example-token' } });
