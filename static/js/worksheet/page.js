// page.js: a worksheet's answers, loaded into its fields, saved as they change, and
// taken from another tab that saved them.
let rec = null; // this worksheet's record as last saved or loaded
let extra = {}; // its answers to fields that are not on this page
let timer = 0;
let persisted = false;
const earlierBox = el('section', { class: 'ws-earlier', 'aria-labelledby': 'ws-earlier-title', hidden: true });

// load puts a record into the fields (except those in the set skip); an answer a field
// cannot show is kept as an earlier answer.
function load(r, skip) {
  if (repeat) { r.entries = entriesOf(r); fresh = false; }
  rec = r;
  extra = {};
  for (const [id, v] of Object.entries(r.answers)) if (!byId[id]) extra[id] = v;
  for (const f of fields) {
    if (skip?.has(f)) continue;
    const v = r.answers[f.dataset.field];
    if (!set(f, v) && !empty(v)) r.earlier[f.dataset.field + ' ' + (r.updated || '')] = v;
    update(f);
  }
  for (const f of fields) typeOf(f).follow?.(f);
  earlier();
  if (r.newer) warn(false, T('newer')); else if (r.updated) say(T('saved', { time: when(r.updated) }));
}
function earlier() {
  const labels = rec ? rec.labels : {};
  const items = Object.entries(extra).map(([id, v]) => [labels[id] || id, v])
    .concat(Object.entries(rec ? rec.earlier : {}).map(([k, v]) => [labels[k.split(' ')[0]] || k.split(' ')[0], v]))
    .filter(([, v]) => !empty(v));
  earlierBox.hidden = !items.length;
  earlierBox.replaceChildren(el('h2', { id: 'ws-earlier-title' }, T('earlier')), el('p', { class: 'ws-hint' }, T('earlierHint')),
    el('dl', {}, ...items.flatMap(([q, v]) => [el('dt', {}, q), el('dd', {}, text(v))])));
  showEntries();
}
function collect() {
  const answers = { ...extra };
  const labels = { ...(rec ? rec.labels : {}) };
  for (const f of fields) {
    const v = get(f);
    if (!empty(v)) answers[f.dataset.field] = v;
    labels[f.dataset.field] = labelOf(f);
  }
  return { answers, labels };
}
// current returns the record of the answers on the page now.
function current() {
  const { answers, labels } = collect(), updated = new Date().toISOString();
  return {
    v: V, id: wsId, title: root.dataset.worksheetTitle, url: location.pathname,
    updated, answers, labels, earlier: rec ? rec.earlier : {}, ...(repeat && { entries: withEntry(answers, updated) }),
    items: fields.filter((f) => typeOf(f).items).map((f) => f.dataset.field),
  };
}
function save() {
  clearTimeout(timer);
  timer = 0;
  if (locked() || (rec && rec.newer)) return;
  const next = current();
  if (rec ? json(next.answers) === json(rec.answers) : empty(next.answers)) return;
  let written;
  try {
    written = write(key, next);
  } catch {
    warn(true);
    return;
  }
  const prev = rec;
  rec = next;
  fresh = false;
  showEntries();
  const saved = () => {
    if (failed) warn(false);
    if (!locked()) say(T('saved', { time: when(next.updated) })); // a page locked meanwhile says so
    if (!persisted) { persisted = true; persist(); }
  };
  // Under the lock the encrypted write ends later: "Saved" only once it has; if it
  // failed (storage full), the warning shows and the next change tries again.
  if (!written) saved();
  else written.then((ok) => { if (ok) saved(); else if (rec === next) rec = prev; });
}
const saveSoon = () => {
  clearTimeout(timer);
  timer = setTimeout(save, 300);
};
// changed updates field f and the fields that follow it, and saves soon.
function changed(f) {
  if (f) {
    update(f);
    for (const c of fields) typeOf(c).follow?.(c, f);
  }
  saveSoon();
}
function clearFields() {
  rec = null;
  extra = {};
  for (const f of fields) { set(f, ''); update(f); }
  earlier();
}

// startWorksheet loads the saved answers and saves the fields as they change.
function startWorksheet() {
  findFields();
  root.append(earlierBox);
  const fieldOf = (e) => e.target.closest && e.target.closest('[data-field]');
  root.addEventListener('input', (e) => {
    const f = fieldOf(e);
    const t = f && typeOf(f);
    if (!t) return;
    if (t.input) t.input(f, e); else update(f);
    saveSoon();
  });
  root.addEventListener('change', (e) => changed(fieldOf(e)));
  root.addEventListener('click', rowButtons);
  $('[data-act=new-entry]', root)?.addEventListener('click', newEntry);
  addEventListener('pagehide', save);
  doc.addEventListener('visibilitychange', () => { if (doc.visibilityState === 'hidden') save(); });
  onStore = follow;
  startTools();
  const r = read(key);
  let stored = true;
  try { localStorage.getItem(key); } catch { stored = false; }
  if (!stored) warn(true);
  if (r) load(r); else { for (const f of fields) update(f); }
  $('#ws-dead').hidden = true; // the page works: no need to say it does not
}

const same = (a, b) => json(empty(a) ? '' : a) === json(empty(b) ? '' : b);
// follow takes the answers another tab saved, but in a field with typing not yet saved
// here. Where that tab changed the same answer, both are kept: this one in the field, the
// other under Earlier answers, and the field says so.
function follow() {
  const r = read(key);
  if (!r) return rec && clearFields();
  if (rec?.updated === r.updated) return;
  const keep = new Set(), mine = rec ? rec.answers : {};
  let both = false;
  for (const f of fields) {
    const id = f.dataset.field, v = get(f);
    if (same(v, mine[id]) || same(v, r.answers[id])) continue;
    keep.add(f);
    if (same(r.answers[id], mine[id])) continue;
    r.earlier[id + ' ' + r.updated] = r.answers[id];
    if (!$('.ws-other', f)) f.append(el('p', { class: 'ws-hint ws-other' }, T('otherTab')));
    both = true;
  }
  load(r, keep);
  if (keep.size) saveSoon();
  if (both) say(T('otherTab'));
}
