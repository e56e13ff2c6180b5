// rows.js: fields made of rows (list, table and the charts). The rows are the children
// of [data-rows]; each [data-row] holds controls [data-k=<column>] and buttons to move
// and remove it, and the field a button to add one. Fixed rows ([data-rows][data-fixed])
// are named by their data-name, and cannot be added or removed.
const rowsBox = (f) => $('[data-rows]', f);
const rows = (f) => [...rowsBox(f).children];
const fixedRows = (f) => rowsBox(f).hasAttribute('data-fixed');
const rowName = (r) => $('th', r).textContent;
const rowValues = (r) => Object.fromEntries($$('[data-k]', r).map((n) => [n.dataset.k, n.value]));
const optionText = (f, k, x) => ($$(`[data-k="${k}"] option`, f).find((o) => o.value === x) || { text: x }).text;

// fillRow puts a saved row into a row of controls; false when part of it has no place
// (a column since removed, text in a number box).
function fillRow(r, o) {
  const ns = $$('[data-k]', r);
  const keys = ns.map((n) => n.dataset.k);
  let ok = !isObj(o) || keys[0] === '' || Object.keys(o).every((k) => k === '_row' || keys.includes(k) || empty(o[k]));
  for (const n of ns) {
    let x = isObj(o) ? o[n.dataset.k] : (n === ns[0] ? o : '');
    if (n.dataset.k === '' && isObj(o)) x = text(o);
    x = x == null ? '' : String(x);
    n.value = x;
    const byText = n.tagName === 'SELECT' && n.value !== x && [...n.options].find((p) => p.text === x);
    if (byText) x = n.value = byText.value;
    if (n.tagName === 'SELECT' && n.value !== x) {
      n.append(el('option', {}, x)); // an option since renamed: kept and shown
      n.value = x;
    }
    ok = ok && n.value === x;
  }
  return ok;
}
function renumber(f, rs = rows(f)) {
  const re = new RegExp(`(f-${f.dataset.field}_r)\\d+`, 'g');
  rs.forEach((r, i) => {
    for (const n of [r, ...$$('[id], [for], [aria-describedby]', r)]) {
      for (const a of ['id', 'for', 'aria-describedby']) {
        if (n.hasAttribute(a)) n.setAttribute(a, n.getAttribute(a).replace(re, `$1${i}`));
      }
    }
    const num = $('[data-n]', r);
    if (num) num.textContent = i + 1;
  });
}
// newRows returns n empty rows made like the last one, to add at the end.
function newRows(f, n) {
  const r = rows(f).at(-1).cloneNode(true);
  for (const x of $$('[data-k]', r)) x.value = '';
  return Array.from({ length: n }, () => r.cloneNode(true));
}
function addRow(f) {
  const [r] = newRows(f, 1);
  rowsBox(f).append(r);
  renumber(f);
  return r;
}
// setRows is set for every field of rows: as many rows as the answer has (at least
// data-rows-min, at most MAXROWS: an answer with more is also kept whole as an earlier
// answer), or the fixed rows found by name.
function setRows(f, v) {
  if (!Array.isArray(v)) v = empty(v) ? [] : String(isObj(v) ? text(v) : v).split('\n');
  if (fixedRows(f)) {
    const rs = rows(f);
    for (const r of rs) fillRow(r, '');
    let ok = true;
    v.forEach((o, i) => {
      const r = rs.find((x) => isObj(o) && x.dataset.name === o._row) || rs.find((x) => isObj(o) && rowName(x) === o._row) || (!isObj(o) || !o._row ? rs[i] : null);
      ok = (r ? fillRow(r, o) : empty(o)) && ok;
    });
    return ok;
  }
  // the rows are added and numbered at once: one by one, each renumbering all, 1000
  // rows took seconds
  const want = Math.min(Math.max(+f.dataset.rowsMin || 1, v.length), MAXROWS);
  const have = rows(f);
  for (const r of have.splice(want)) r.remove();
  const add = have.length < want ? newRows(f, want - have.length) : [];
  const rs = have.concat(add);
  const ok = rs.map((r, i) => fillRow(r, v[i] ?? '')).every(Boolean);
  renumber(f, rs);
  rowsBox(f).append(...add); // filled before they are in the page: faster
  return ok && v.length <= MAXROWS;
}

// Tables (and the charts, which are tables drawn): each row saved as {column: value},
// a fixed row with _row, its name.
function getTable(f) {
  const fixed = fixedRows(f);
  return rows(f).map((r) => {
    const o = fixed ? { _row: r.dataset.name } : {};
    for (const n of $$('[data-k]', r)) if (n.value) o[n.dataset.k] = n.value;
    return o;
  }).filter((o) => fixed || !empty(o));
}
function showTable(f, v) {
  if (!Array.isArray(v)) return text(v);
  const names = Object.fromEntries(rows(f).map((r) => [r.dataset.name, rowName(r)]));
  return text(v.map((o) => (isObj(o) ? Object.fromEntries(Object.entries(o).map(([k, x]) => [k, k === '_row' ? names[x] || x : optionText(f, k, String(x))])) : o)));
}
function copyTable(f, v) {
  const heads = Object.fromEntries($$('th[id]', f).map((th) => [th.id.replace(/.*_c_/, ''), th.firstChild.textContent]));
  const names = Object.fromEntries(rows(f).map((r) => [r.dataset.name, rowName(r)]));
  return v.map((o) => '- ' + (isObj(o) ? Object.entries(o).filter(([, x]) => x).map(([k, x]) => (k === '_row' ? names[x] || x : `${heads[k] || k}: ${optionText(f, k, x)}`)).join('; ') : o));
}

// rowButtons adds, moves and removes rows.
function rowButtons(e) {
  const b = e.target.closest('[data-act]');
  const f = b && b.closest('[data-field]');
  if (!f) return;
  const r = b.closest('[data-row]');
  const act = b.dataset.act;
  if (act === 'add') {
    if (rows(f).length >= MAXROWS) return say(T('rowLimit', { max: MAXROWS }));
    $('[data-k]', addRow(f)).focus();
  } else if (act === 'remove') {
    const next = r.nextElementSibling || r.previousElementSibling;
    if (rows(f).length > 1) r.remove(); else fillRow(r, '');
    renumber(f);
    ($('[data-k]', next && next.isConnected ? next : r) || $('.ws-add', f)).focus();
  } else {
    const other = act === 'up' ? r.previousElementSibling : r.nextElementSibling;
    if (!other) return;
    if (act === 'up') other.before(r); else other.after(r);
    renumber(f);
    b.focus();
  }
  changed(f);
}
