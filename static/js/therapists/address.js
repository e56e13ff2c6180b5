// The page for therapists' own script, js/therapists.js: the question links (questions.js)
// and the assignment builder (assign.js). The build joins this folder's files in name order.
//
// address.js: the address to give a client for a link on this page: baseURL (data-base of
// #assign) and the page's place in the site when baseURL is set, else the page as this
// browser reaches it; without "index.html", which a portable copy's links end in.
const siteRoot = new URL('.', document.querySelector('.site-title').href).href;
const BASE = document.querySelector('#assign[data-base]')?.dataset.base || '';
const placeOf = (href) => href.slice(siteRoot.length).replace(/(^|\/)index\.html(?=#|$)/, '$1');
const addressOf = (href) => (BASE && href.startsWith(siteRoot) ? BASE + placeOf(href) : href.replace(/\/index\.html(?=#|$)/, '/'));
// breakable shows addr in code, wrapping after a /, & or + (a space in a note) or before
// the #, and inside a word only if it is wider than the line (therapists.css).
const breakable = (code, addr) => {
  code.replaceChildren();
  for (const part of addr.split(/(?<=[/&+])(?!\/)|(?=#)/)) code.append(part, document.createElement('wbr'));
};
