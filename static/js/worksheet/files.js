// files.js: answers files, downloaded and imported. A file is
// {format, v, site, exported, worksheets: [record…]}, or that encrypted with the
// passphrase under a fresh salt: {format: ENC, v, salt, iter, iv, ct}.
const stamp = () => new Date().toISOString().slice(0, 10);
// download offers a file of the records. Under the lock its name names no worksheet, and
// it is encrypted with the passphrase unless "without the lock" is ticked.
async function download(recs, name) {
  let data = { format: FORMAT, v: V, site, exported: new Date().toISOString(), worksheets: recs };
  if (lock) name = 'answers';
  if (pk && !$('#ws-plain')?.checked) {
    const salt = rand(16);
    data = { format: ENC, v: V, salt: b64(salt), iter: ITER, ...await seal(await derive(pk, salt, ITER), json(data)) };
    name += '-locked';
  }
  const a = el('a', { href: URL.createObjectURL(new Blob([json(data)], { type: 'application/json' })), download: `${name}-${stamp()}.json`, hidden: true });
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}
const downloadAll = () => download(all(), 'answers-all');

// sheetId tells whether id is one the build could give a worksheet, and not a key of
// its own (lock, vault): the rule of CheckID in internal/worksheet/id.go, tested on both
// sides with internal/worksheet/testdata/ids.txt. Any other id could overwrite the lock.
const sheetId = (id) => id.length <= 64 && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) && id !== 'lock' && id !== 'vault';

// parseFile returns the records of an answers file, or throws why it is rejected.
function parseFile(text) {
  let d;
  try { d = JSON.parse(text); } catch { throw T('badJson'); }
  if (!isObj(d) || d.format !== FORMAT || !Array.isArray(d.worksheets)) throw T('badJson');
  const version = (o) => Number.isInteger(o.v) && o.v > 0;
  if (!version(d)) throw T('noVersion');
  if (d.v > V) throw T('badVersion');
  if (d.site !== site) throw T('badSite');
  const recs = d.worksheets.map(upgrade);
  if (recs.some((r) => !r)) throw T('badRecord');
  if (!recs.every(version)) throw T('noVersion');
  if (recs.some((r) => r.newer)) throw T('badVersion');
  const bad = recs.find((r) => !sheetId(r.id));
  if (bad) throw T('badId', { id: bad.id });
  for (const r of recs) {
    for (const [field, v] of entriesOf(r).concat(r).flatMap((e) => Object.entries(e.answers))) {
      if (Array.isArray(v) && v.length > MAXROWS) throw T('tooManyRows', { field, id: r.id, n: v.length, max: MAXROWS });
    }
  }
  return recs;
}

const fileInput = el('input', { type: 'file', id: 'ws-file', accept: '.json,application/json', hidden: true });
// startFiles puts the hidden file input that "Import" clicks on the page.
function startFiles() {
  box.append(fileInput);
  fileInput.addEventListener('change', async () => {
    const f = fileInput.files[0];
    fileInput.value = '';
    if (!f) return;
    let recs;
    try {
      let s = await f.text();
      const d = JSON.parse(s);
      if (d?.format === ENC) {
        if (!subtle || !(d.iter >= ITER && d.iter <= 1e7)) throw T('badJson');
        if ((s = await openFile(d)) == null) return;
      }
      recs = parseFile(s);
    } catch (why) {
      say(T('badFile', { why: typeof why === 'string' ? why : T('badJson') }));
      return;
    }
    importRecords(recs);
  });
}

// openFile asks for the passphrase of an encrypted file and resolves to its text,
// or to null when cancelled; a wrong passphrase is refused and may be typed again.
const openFile = (d) => new Promise((ok) => {
  const p = el('input', { type: 'password', id: 'ws-file-pass', autocomplete: 'off' });
  const msg = el('p', { role: 'alert', class: 'ws-lock-msg' });
  let busy = false;
  const go = async () => {
    if (busy) return;
    busy = true;
    msg.textContent = T('lockWorking');
    try {
      ok(await unseal(await derive(p.value, unb64(d.salt), d.iter), d));
      $('dialog[open]').close();
    } catch { msg.textContent = T('fileWrong'); p.select(); }
    busy = false;
  };
  p.addEventListener('keydown', (e) => { if (e.key === 'Enter') go(); });
  dialog(T('fileLocked'), [el('p', { class: 'ws-pass' }, el('label', { for: 'ws-file-pass' }, T('filePassphrase')), p), msg],
    [[T('fileOpen'), go, true], [T('cancel'), null]]).then(ok);
  p.focus();
});

// importRecords previews the merge field by field; an answer that differs from the one
// here is replaced only when ticked, and ticked at first only when the imported one is newer.
async function importRecords(recs) {
  if (root) save();
  const plan = [];
  const content = [];
  for (const r of recs) {
    const mine = read(prefix + r.id) || { v: V, id: r.id, answers: {}, labels: {}, earlier: {} };
    if (mine.newer) continue;
    if (r.entries || mine.entries) { entryPlan(r, mine, content, plan); continue; }
    const add = [], same = [], differ = [];
    for (const [id, v] of Object.entries(r.answers)) {
      if (!(id in mine.answers) || empty(mine.answers[id])) { if (!empty(v)) add.push(id); }
      else if (json(mine.answers[id]) === json(v)) same.push(id);
      else differ.push(id);
    }
    if (!add.length && !differ.length) continue;
    const theirsNewer = !(Date.parse(mine.updated) > Date.parse(r.updated));
    const boxes = differ.map((id) => {
      const c = el('input', { type: 'checkbox', checked: theirsNewer });
      const fmt = (v) => (r.id === wsId ? showAnswer(id, v) : text(v));
      const lab = r.labels[id] || mine.labels[id] || id;
      content.push(el('label', { class: 'ws-merge' }, c, el('span', {}, `${lab}: ${fmt(r.answers[id])}`, el('br'),
        el('small', {}, T('importYours', { v: fmt(mine.answers[id]) }), theirsNewer ? '' : ` (${T('importNewer')})`))));
      return [id, c];
    });
    content.splice(content.length - boxes.length, 0,
      el('h3', {}, r.title || mine.title || r.id),
      el('p', {}, T('importNew', { n: add.length }), ', ', T('importSame', { n: same.length })),
      ...(boxes.length ? [el('p', {}, T('importDiffer'))] : []));
    plan.push({ r, mine, add, boxes });
  }
  if (!plan.length) { say(T('importNothing')); return; }
  if (!await dialog(T('importTitle'), content, [[T('importApply'), true], [T('cancel'), false]])) return;
  let n = 0;
  try {
    for (const { r, mine, add, boxes, es, k = 0 } of plan) {
      const take = add.concat(boxes.filter(([, c]) => c.checked).map(([id]) => id));
      for (const id of take) mine.answers[id] = r.answers[id];
      n += take.length + k;
      mine.labels = { ...r.labels, ...mine.labels };
      mine.earlier = { ...r.earlier, ...mine.earlier };
      Object.assign(mine, { v: V, title: mine.title || r.title, url: mine.url || r.url, items: mine.items || r.items, updated: new Date().toISOString() }, es && { entries: es, answers: es.at(-1).answers });
      write(prefix + r.id, mine);
      if (r.id === wsId) load(mine);
    }
    say(T('importDone', { n }));
  } catch {
    warn(true);
  }
  if (!root) relist();
}
