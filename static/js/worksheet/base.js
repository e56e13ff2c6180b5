// The worksheet script, on worksheets and on the "My answers" page: answers are kept in
// this browser's localStorage only, never sent anywhere. A saved record is
// {v, id, title, url, updated, answers, labels, earlier}; see docs/worksheets.md.
//
// The build joins the files of this folder, in name order, inside one function (see
// internal/render): they share its scope and its 'use strict', so a name declared at the
// top of one file is seen by all. A file only declares, except that field-<type>.js
// registers its type's code (see fields.js); start.js starts the page once every file
// has run. A site adds a field type's code, or replaces a file, by putting its own file
// in its static/js/worksheet/.
//
// base.js: the parts of the page, helpers for the DOM and for answers as text.
const V = 2; // record and file format version; bump and add an upgrade step when it changes (2: entries)
const FORMAT = 'iptsite-answers';
const MAXROWS = 200; // rows a field may hold (rows.js); an import with more is refused (files.js)
const doc = document;
const $ = (s, el = doc) => el.querySelector(s);
const $$ = (s, el = doc) => [...el.querySelectorAll(s)];
const root = $('#worksheet'); // on a worksheet
const box = $('#ws-tools') || $('#my-answers'); // the worksheet's tools, or the My answers page
const lockBox = $('#ws-lock');
const wsId = root?.dataset.worksheetId;

// T returns the page's words for key k, from the data- attributes of the tools or the
// lock (T('badFile') is data-bad-file), with {name} replaced by o.name.
const T = (k, o = {}) => (box.dataset[k] || lockBox?.dataset[k] || k).replace(/\{(\w+)\}/g, (_, n) => o[n]);
const status = $('#ws-status');
// the same text again is not set again, so that screen readers announce only news
const say = (msg) => { if (status && status.textContent !== msg) status.textContent = msg; };
const warning = $('#ws-warning');
const notSaved = warning && $('p', warning).textContent;
let failed = false; // the last save failed
// warn shows that answers are not being saved (on), or another message, or nothing.
function warn(on, msg) {
  failed = on;
  if (!warning) return;
  warning.hidden = !(on || msg);
  $('p', warning).textContent = msg || notSaved;
}

const el = (tag, attrs = {}, ...kids) => {
  const n = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'on') n.addEventListener('click', v); else if (v !== false) n.setAttribute(k, v === true ? '' : v);
  }
  n.append(...kids);
  return n;
};
const json = (v) => JSON.stringify(v);
const isObj = (o) => o && typeof o === 'object' && !Array.isArray(o);
const lang = doc.documentElement.lang || [];
const when = (iso) => {
  const d = new Date(iso);
  if (isNaN(d)) return '';
  return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
};

// ---- answers as text, for copying and for earlier answers
function empty(v) {
  if (v == null || v === '') return true;
  if (Array.isArray(v)) return v.every(empty);
  if (isObj(v)) return Object.entries(v).every(([k, x]) => k === '_row' || empty(x));
  return false;
}
function text(v) {
  if (Array.isArray(v)) return v.filter((x) => !empty(x)).map(text).join('; ');
  if (isObj(v)) {
    if (Array.isArray(v.selected)) return v.selected.concat('other' in v ? [v.other] : []).join(', ');
    return Object.entries(v).filter(([, x]) => !empty(x)).map(([k, x]) => (k === '_row' ? x : `${k}: ${text(x)}`)).join(', ');
  }
  return v == null ? '' : String(v);
}

// fieldTypes holds the code of each field type, by the data-type of its fields; see fields.js.
const fieldTypes = {};
