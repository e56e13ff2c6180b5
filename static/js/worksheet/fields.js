// fields.js: the fields of a worksheet, each the element with data-field (its id) and
// data-type (its type) that internal/worksheet writes. Each is read and written through
// the code of its type, fieldTypes[type], which field-<type>.js registers:
//
//   get(f)         the field's answer, as saved
//   set(f, v)      put a saved answer into the field; false when it cannot show it (an
//                  answer saved when the field had another shape: kept as an earlier answer)
//   update(f)      optional: draw again what depends on the answer (totals, a chart)
//   input(f, e)    optional: what typing does, instead of update
//   follow(f, g)   optional: field g changed (after loading a record, g is undefined)
//   copy(f, v)     optional: the answer as lines of text, for Copy as text (else text(v))
//   show(f, v)     optional: a saved answer in the page's words (else text(v))
//
// A field whose type has no code is left as a blank form, and not saved. A type's file
// that starts with "// only for: <type>" is joined only into the pages with such a field
// (internal/render's doc says how); the small types are on every worksheet page. A type's file
// runs before the files named after it: at its top it may use what base.js declares and
// functions declared with `function` anywhere (getTable, setRows in rows.js); inside
// its functions, anything.
let fields = []; // this worksheet's fields
let byId = {};
const typeOf = (f) => fieldTypes[f.dataset.type];
const get = (f) => typeOf(f).get(f);
const set = (f, v) => typeOf(f).set(f, v == null ? '' : v);
const update = (f) => typeOf(f)?.update?.(f);
const labelOf = (f) => ($('.ws-label', f) || {}).textContent;
const checked = (f) => $$('input:checked', f).map((n) => n.value);
// What a person sees for a stored value. In a translation, choices, rings and fixed rows
// store the original's words (so answers are shared across languages) and show their own.
const shown = (n) => (n.labels && n.labels[0] ? n.labels[0].textContent : n.value);
// showAnswer returns an answer to this page's field id in the page's words.
function showAnswer(id, v) {
  const f = byId[id];
  const show = f && typeOf(f).show;
  return show ? show(f, v) : text(v);
}
// copyLines returns the answer v of f as lines of text.
function copyLines(f, v) {
  const copy = typeOf(f).copy;
  return copy ? copy(f, v) : [text(v)];
}
// findFields finds the fields of the page whose type has code.
function findFields() {
  fields = $$('[data-field]', root).filter(typeOf);
  byId = Object.fromEntries(fields.map((f) => [f.dataset.field, f]));
}
