// Worksheet answers: kept in this browser's localStorage only, never sent anywhere.
// One file, loaded with defer on worksheets and on the "My answers" page.
// A saved record is {v, id, title, url, updated, answers, labels, earlier}; see docs/worksheets.md.
(() => {
  'use strict';
  const V = 1; // record and file format version; bump and add an upgrade step when it changes
  const FORMAT = 'iptsite-answers';
  const doc = document;
  const $ = (s, el = doc) => el.querySelector(s);
  const $$ = (s, el = doc) => [...el.querySelectorAll(s)];
  const root = $('#worksheet');
  const box = $('#ws-tools') || $('#my-answers');
  if (!box) return;
  doc.documentElement.classList.add('ws-on');

  const lockBox = $('#ws-lock');
  const T = (k, o = {}) => (box.dataset[k] || lockBox?.dataset[k] || k).replace(/\{(\w+)\}/g, (_, n) => o[n]);
  const site = (root || box).dataset.storageKey || 'iptsite';
  const prefix = site + ':';
  const wsId = root && root.dataset.worksheetId;
  const key = prefix + wsId;
  let rec = null; // this worksheet's record as last saved or loaded
  let extra = {}; // its answers to fields that are not on this page
  let timer = 0;
  let failed = false;
  let persisted = false;
  let relist = () => {}; // redraws the My answers list
  let showAnswer = (id, v) => text(v); // an answer to this page's field id in the page's words (set below)
  const status = $('#ws-status');
  // the same text again is not set again, so that screen readers announce only news
  const say = (msg) => { if (status && status.textContent !== msg) status.textContent = msg; };
  const el = (tag, attrs = {}, ...kids) => {
    const n = doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'on') n.addEventListener('click', v); else if (v !== false) n.setAttribute(k, v === true ? '' : v);
    }
    n.append(...kids);
    return n;
  };
  const warning = $('#ws-warning');
  const notSaved = warning && $('p', warning).textContent;
  // warn shows that answers are not being saved (on), or another message, or nothing.
  function warn(on, msg) {
    failed = on;
    if (!warning) return;
    warning.hidden = !(on || msg);
    $('p', warning).textContent = msg || notSaved;
  }
  const json = (v) => JSON.stringify(v);
  const lang = doc.documentElement.lang || [];
  const when = (iso) => {
    const d = new Date(iso);
    if (isNaN(d)) return '';
    return d.toDateString() === new Date().toDateString() ? d.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' })
      : d.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
  };

  // ---- storage: every access may throw (private mode, storage disabled, quota full).
  // With the lock on, records are read from the decrypted copies in cache and written
  // there and, encrypted, to localStorage; nothing is read or written while locked.
  const lockKey = prefix + 'lock';
  let lock = null; // {salt, iter, check} stored under <storageKey>:lock; null when the lock is off
  let ck = null; // the key while unlocked, never stored
  let pk = null; // the passphrase as a PBKDF2 key while unlocked, for encrypted downloads; never stored
  const cache = new Map();
  const locked = () => lock && !ck;
  const raw = (k) => {
    try { return JSON.parse(localStorage.getItem(k)); } catch { return null; }
  };
  const read = (k) => upgrade(lock ? (cache.has(k) ? JSON.parse(json(cache.get(k))) : null) : raw(k));
  const write = (k, rec) => {
    if (!lock) return localStorage.setItem(k, json(rec));
    if (!ck) throw 'locked';
    cache.set(k, JSON.parse(json(rec)));
    store(k, rec);
  };
  const remove = (k) => { cache.delete(k); localStorage.removeItem(k); };
  const storedKeys = () => {
    try { return Object.keys(localStorage).filter((k) => k.startsWith(prefix)); } catch { return []; }
  };
  const keys = () => (lock ? [...cache.keys()] : storedKeys().filter((k) => k !== lockKey)).sort();
  const isObj = (o) => o && typeof o === 'object' && !Array.isArray(o);
  // upgrade returns a record in the current format, or null for something that is not one.
  // A record from a newer build is returned as it is, marked, and never written over.
  function upgrade(r) {
    if (!isObj(r) || typeof r.id !== 'string' || !isObj(r.answers)) return null;
    if (!(r.v <= V)) r.newer = true;
    r.labels = isObj(r.labels) ? r.labels : {};
    r.earlier = isObj(r.earlier) ? r.earlier : {};
    return r;
  }
  function persist() {
    const s = navigator.storage;
    if (s && s.persist) s.persisted().then((p) => p || s.persist()).catch(() => {});
  }

  // ---- files: download and import
  const stamp = () => new Date().toISOString().slice(0, 10);
  // download offers a file of the records; unlocked, with "encrypt" ticked, it is encrypted
  // with the passphrase under a fresh salt: {format, v, salt, iter, iv, ct}.
  async function download(recs, name) {
    let data = { format: FORMAT, v: V, site, exported: new Date().toISOString(), worksheets: recs };
    if (pk && $('#ws-encrypt')?.checked) {
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
  const all = () => keys().map(read).filter(Boolean);
  const downloadAll = () => download(all(), 'answers-all');

  // parseFile returns the records of an answers file, or throws the key of the reason it is rejected.
  function parseFile(text) {
    let d;
    try { d = JSON.parse(text); } catch { throw 'badJson'; }
    if (!isObj(d) || d.format !== FORMAT || !Array.isArray(d.worksheets)) throw 'badJson';
    if (!(d.v <= V)) throw 'badVersion';
    if (d.site !== site) throw 'badSite';
    const recs = d.worksheets.map(upgrade);
    if (recs.some((r) => !r || !/^[a-z0-9][a-z0-9-]*$/.test(r.id) || r.newer)) throw 'badRecord';
    return recs;
  }

  // dialog shows a modal with the given content; buttons resolve the promise with their value.
  function dialog(title, content, buttons) {
    return new Promise((done) => {
      const d = el('dialog', { class: 'ws-dialog', 'aria-labelledby': 'ws-dialog-title' },
        el('h2', { id: 'ws-dialog-title' }, title), ...content);
      const row = el('p', { class: 'ws-dialog-buttons' });
      for (const [label, value, keep] of buttons) {
        row.append(el('button', { type: 'button', on: () => { if (keep) return value(); d.close(); done(value); } }, label));
      }
      d.append(row);
      d.addEventListener('close', () => { d.remove(); done(null); });
      doc.body.append(d);
      d.showModal();
    });
  }

  const fileInput = el('input', { type: 'file', id: 'ws-file', accept: '.json,application/json', hidden: true });
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
        if (!subtle || !(d.iter >= ITER && d.iter <= 1e7)) throw 'badJson';
        if ((s = await openFile(d)) == null) return;
      }
      recs = parseFile(s);
    } catch (why) {
      say(T('badFile', { why: T(typeof why === 'string' ? why : 'badJson') }));
      return;
    }
    importRecords(recs);
  });

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
      for (const { r, mine, add, boxes } of plan) {
        const take = add.concat(boxes.filter(([, c]) => c.checked).map(([id]) => id));
        for (const id of take) mine.answers[id] = r.answers[id];
        n += take.length;
        mine.labels = { ...r.labels, ...mine.labels };
        mine.earlier = { ...r.earlier, ...mine.earlier };
        Object.assign(mine, { v: V, title: mine.title || r.title, url: mine.url || r.url, updated: new Date().toISOString() });
        write(prefix + r.id, mine);
        if (r.id === wsId) load(mine);
      }
      say(T('importDone', { n }));
    } catch {
      warn(true);
    }
    relist();
  }

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

  // ---- the passphrase lock, per device: AES-GCM 256 with a key derived by PBKDF2-SHA256
  // from the passphrase and a random salt; a fresh IV for every write. The lock record
  // holds the salt and a known text encrypted with the key, to tell a wrong passphrase.
  const CHECK = 'iptsite-lock';
  const ENC = FORMAT + '-encrypted';
  const ITER = 600000;
  const subtle = crypto.subtle; // only in a secure context (https, localhost, a file)
  const b64 = (b) => { let s = ''; for (const x of new Uint8Array(b)) s += String.fromCharCode(x); return btoa(s); };
  const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const rand = (n) => crypto.getRandomValues(new Uint8Array(n));
  const passKey = (pass) => subtle.importKey('raw', new TextEncoder().encode(pass), 'PBKDF2', false, ['deriveKey']);
  // derive takes the passphrase, or the key passKey made of it
  const derive = async (pass, salt, iterations) => subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    typeof pass === 'string' ? await passKey(pass) : pass, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const seal = async (k, s) => {
    const iv = rand(12);
    return { iv: b64(iv), ct: b64(await subtle.encrypt({ name: 'AES-GCM', iv }, k, new TextEncoder().encode(s))) };
  };
  const unseal = async (k, o) => new TextDecoder().decode(await subtle.decrypt({ name: 'AES-GCM', iv: unb64(o.iv) }, k, unb64(o.ct)));
  let queue = Promise.resolve(); // writes in order, each encrypted with the key of its time
  function store(k, r) {
    const s = json(r), key = ck;
    queue = queue.then(async () => {
      const v = json(await seal(key, s));
      if (cache.has(k)) localStorage.setItem(k, v);
    }).catch(() => warn(true));
  }
  // plain returns a stored value as a record when it is one (written before the lock was set)
  const plain = (o) => (upgrade(isObj(o) ? { ...o } : null) ? o : null);
  let onStore = () => {};
  let idleT = 0, last = 0;
  const idleMs = () => (+lockBox.dataset.lockIdle || 15) * 60000;
  function idle() {
    last = Date.now();
    clearTimeout(idleT);
    if (lock && ck) idleT = setTimeout(lockNow, idleMs());
  }
  function showLock() {
    const c = doc.documentElement.classList;
    c.toggle('ws-locked', !!locked());
    c.toggle('ws-lock-open', !!(lock && ck));
    c.toggle('ws-lock-off', !lock && !!subtle);
  }
  async function unlock(pass) {
    let k, b;
    try {
      k = await derive(b = await passKey(pass), unb64(lock.salt), lock.iter);
      if (await unseal(k, lock.check) !== CHECK) return false;
    } catch { return false; }
    ck = k;
    pk = b;
    cache.clear();
    for (const s of storedKeys()) {
      if (s === lockKey) continue;
      const o = raw(s);
      let r = plain(o);
      if (!r) try { r = plain(JSON.parse(await unseal(k, o))); } catch { /* not ours: left as it is */ }
      if (!r) continue;
      cache.set(s, r);
      if (r === o) store(s, r); // left plain by an interrupted change: encrypt it now
    }
    return true;
  }
  async function lockNow() {
    if (!ck) return;
    if (root) save();
    await queue;
    ck = pk = null;
    cache.clear();
    clearTimeout(idleT);
    if (root) clearFields(); else relist();
    showLock();
    say(T('lockLocked'));
  }
  async function lockOn(pass) {
    say(T('lockWorking'));
    if (root) save();
    const salt = rand(16), iter = ITER, b = await passKey(pass);
    const k = await derive(b, salt, iter);
    const recs = keys().map((s) => [s, plain(raw(s))]).filter(([, r]) => r);
    const l = { salt: b64(salt), iter, check: await seal(k, CHECK) };
    // the lock first: an interrupted change leaves plain records that unlock encrypts
    try { localStorage.setItem(lockKey, json(l)); } catch { warn(true); return; }
    lock = l;
    ck = k;
    pk = b;
    cache.clear();
    for (const [s, r] of recs) { cache.set(s, r); store(s, r); }
    await queue;
    showLock();
    idle();
    say(T('lockDone'));
  }
  async function lockOff() {
    if (!await dialog(T('lockOff'), [el('p', {}, T('lockOffConfirm'))], [[T('lockOff'), true], [T('cancel'), false]])) return;
    if (root) save();
    await queue;
    try {
      for (const [s, r] of cache) localStorage.setItem(s, json(r));
      localStorage.removeItem(lockKey);
    } catch { warn(true); return; }
    lock = ck = pk = null;
    cache.clear();
    clearTimeout(idleT);
    showLock();
    relist();
    say(T('lockOffDone'));
  }
  function lockSet() {
    const input = (id) => el('input', { type: 'password', id, autocomplete: 'new-password' });
    const p1 = input('ws-new-pass'), p2 = input('ws-new-pass2');
    const msg = el('p', { role: 'alert', class: 'ws-lock-msg' });
    const go = () => {
      if (p1.value.length < 8) msg.textContent = T('lockShort');
      else if (p1.value !== p2.value) msg.textContent = T('lockMismatch');
      else { $('dialog[open]').close(); lockOn(p1.value); }
    };
    dialog(T('lockTitle'), [el('p', {}, T('lockExplain', { min: idleMs() / 60000 })), el('p', {}, el('strong', {}, T('lockForget'))),
      el('p', { class: 'ws-pass' }, el('label', { for: 'ws-new-pass' }, T('lockPassphrase')), p1),
      el('p', { class: 'ws-pass' }, el('label', { for: 'ws-new-pass2' }, T('lockRepeat')), p2), msg],
    [[T('lockDownload'), downloadAll, true], [T('lockSet'), go, true], [T('cancel'), false]]);
  }
  if (lockBox) {
    const l = raw(lockKey);
    if (isObj(l) && l.salt && l.check) lock = l;
    lockBox.addEventListener('click', (e) => {
      const a = e.target.closest('[data-act]')?.dataset.act;
      if (a === 'lock-now') lockNow();
      if (a === 'lock-off') lockOff();
      if (a === 'lock-set') lockSet();
      if (a === 'unlock') tryUnlock();
    });
    const p = $('#ws-pass', lockBox);
    p.addEventListener('keydown', (e) => { if (e.key === 'Enter') tryUnlock(); });
    let busy = false; // deriving the key takes a moment: one try at a time
    const tryUnlock = async () => {
      if (busy || !locked()) return;
      busy = true;
      say(T('lockWorking'));
      const ok = await unlock(p.value);
      busy = false;
      if (!ok) { say(T('lockWrong')); p.select(); return; }
      p.value = '';
      showLock();
      idle();
      say(T('lockUnlocked'));
      if (root) { const r = read(key); if (r) load(r); else clearFields(); } else relist();
    };
    for (const ev of ['pointerdown', 'keydown', 'input', 'scroll']) addEventListener(ev, idle, { capture: true, passive: true });
    // a sleeping tab's timer may be late: check the time when it is shown again
    doc.addEventListener('visibilitychange', () => { if (lock && ck && Date.now() - last > idleMs()) lockNow(); });
    showLock();
    if (locked()) say(T('lockLocked'));
  }
  // Another tab changed storage: decrypt what it wrote; reload when it set or removed the lock,
  // locked meanwhile so that the save on leaving writes nothing in the clear.
  addEventListener('storage', async (e) => {
    const l = raw(lockKey);
    if ((e.key === lockKey || e.key === null) && json(l) !== json(lock)) {
      lock = isObj(l) ? l : null;
      ck = pk = null;
      cache.clear();
      location.reload();
      return;
    }
    if (lock) {
      if (!ck || !e.key) return;
      if (!e.newValue) cache.delete(e.key);
      else {
        const o = raw(e.key);
        let r = plain(o);
        try { r = r || plain(JSON.parse(await unseal(ck, o))); } catch { /* not ours */ }
        if (!r) return;
        cache.set(e.key, r);
      }
    }
    onStore(e);
  });

  if (!root) { myAnswers(); return; }

  // ---- reading and writing the fields of this page
  const fields = $$('[data-field]', root);
  const byId = Object.fromEntries(fields.map((f) => [f.dataset.field, f]));
  const type = (f) => f.dataset.type;
  const rowsBox = (f) => $('[data-rows]', f);
  const rows = (f) => [...rowsBox(f).children];
  const checked = (f) => $$('input:checked', f).map((n) => n.value);
  const labelOf = (f) => ($('.ws-label', f) || {}).textContent;
  // What a person sees for a stored value. In a translation, choices, rings and fixed rows
  // store the original's words (so answers are shared across languages) and show their own.
  const shown = (n) => (n.labels && n.labels[0] ? n.labels[0].textContent : n.value);
  const rowName = (r) => $('th', r).textContent;
  const optionText = (f, k, x) => ($$(`[data-k="${k}"] option`, f).find((o) => o.value === x) || { text: x }).text;
  showAnswer = (id, v) => {
    const f = byId[id];
    if (f && isObj(v) && Array.isArray(v.selected)) {
      const opts = $$('input[name]:not([data-other])', f);
      v = { ...v, selected: v.selected.map((s) => shown(opts.find((n) => n.value === s) || { value: s })) };
    } else if (f && Array.isArray(v) && rowsBox(f)) {
      const names = Object.fromEntries(rows(f).map((r) => [r.dataset.name, rowName(r)]));
      v = v.map((o) => (isObj(o) ? Object.fromEntries(Object.entries(o).map(([k, x]) => [k, k === '_row' ? names[x] || x : optionText(f, k, String(x))])) : o));
    }
    return text(v);
  };

  function get(f) {
    switch (type(f)) {
      case 'scale': return checked(f)[0] || '';
      case 'choice': case 'checklist': {
        const v = { selected: $$('input[name]:checked:not([data-other])', f).map((n) => n.value) };
        if ($('[data-other]', f)?.checked) v.other = $('[data-other-text]', f).value;
        return v;
      }
      case 'questionnaire': return $$('.ws-item', f).map((it) => checked(it)[0] || '');
      case 'list': return rows(f).map((r) => $('input', r).value).filter((x) => x);
      case 'table': case 'circle': case 'timeline': case 'tracker': case 'rhythm': {
        const fixed = 'fixed' in rowsBox(f).dataset;
        return rows(f).map((r) => {
          const o = fixed ? { _row: r.dataset.name } : {};
          for (const n of $$('[data-k]', r)) if (n.value) o[n.dataset.k] = n.value;
          return o;
        }).filter((o) => fixed || !empty(o));
      }
      default: return $('.ws-input', f).value;
    }
  }

  // set puts a saved value into a field. It accepts values saved when the field had another
  // shape, and returns false for a value it cannot show (kept as an earlier answer instead).
  function set(f, v) {
    const t = type(f);
    if (v == null) v = '';
    if (t === 'scale' || t === 'choice' || t === 'checklist') {
      if (typeof v === 'string' || typeof v === 'number') v = t === 'scale' ? String(v) : { selected: v === '' ? [] : [String(v)] };
      if (t === 'scale') {
        for (const n of $$('input', f)) n.checked = n.value === v;
        return v === '' || checked(f)[0] === v;
      }
      if (!isObj(v) || !Array.isArray(v.selected)) return empty(v);
      const opts = $$('input[name]:not([data-other])', f);
      const sel = v.selected.map((s) => (opts.find((n) => n.value === s) || opts.find((n) => shown(n) === s) || { value: String(s) }).value);
      const keep = sel.filter((s) => opts.some((n) => n.value === s)).slice(0, t === 'choice' ? 1 : undefined);
      const rest = sel.filter((s) => !keep.includes(s));
      for (const n of opts) n.checked = keep.includes(n.value);
      const other = $('[data-other]', f);
      if (!other) return rest.length === 0;
      const on = 'other' in v || rest.length > 0;
      const o = [v.other, ...rest].filter((x) => x);
      if (on && t === 'choice' && keep.length) o.unshift(keep[0]); // a radio group holds one answer
      other.checked = on;
      $('[data-other-text]', f).value = o.join(', ');
      return true;
    }
    if (t === 'questionnaire') {
      if (!Array.isArray(v)) v = empty(v) ? [] : [v];
      let ok = true;
      $$('.ws-item', f).forEach((it, i) => {
        for (const n of $$('input', it)) n.checked = n.value === String(v[i] ?? '');
        ok = ok && (v[i] == null || v[i] === '' || checked(it)[0] === String(v[i]));
      });
      return ok && v.length <= $$('.ws-item', f).length;
    }
    if (rowsBox(f)) {
      if (!Array.isArray(v)) v = empty(v) ? [] : String(isObj(v) ? text(v) : v).split('\n');
      const fixed = 'fixed' in rowsBox(f).dataset;
      if (fixed) {
        const rs = rows(f);
        for (const r of rs) fillRow(r, '');
        let ok = true;
        v.forEach((o, i) => {
          const r = rs.find((x) => isObj(o) && x.dataset.name === o._row) || rs.find((x) => isObj(o) && rowName(x) === o._row) || (!isObj(o) || !o._row ? rs[i] : null);
          ok = (r ? fillRow(r, o) : empty(o)) && ok;
        });
        return ok;
      }
      const want = Math.max(+f.dataset.rowsMin || 1, v.length);
      while (rows(f).length < want) addRow(f);
      while (rows(f).length > want) rows(f).at(-1).remove();
      const ok = rows(f).map((r, i) => fillRow(r, v[i] ?? '')).every(Boolean);
      renumber(f);
      return ok;
    }
    const n = $('.ws-input', f);
    n.value = typeof v === 'string' ? v : text(v);
    return n.value !== '' || empty(v); // a number or date input refuses text that is not one
  }
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

  // ---- repeatable rows
  function renumber(f) {
    const re = new RegExp(`(f-${f.dataset.field}_r)\\d+`, 'g');
    rows(f).forEach((r, i) => {
      for (const n of [r, ...$$('*', r)]) {
        for (const a of ['id', 'for', 'aria-describedby']) {
          if (n.hasAttribute(a)) n.setAttribute(a, n.getAttribute(a).replace(re, `$1${i}`));
        }
      }
      const num = $('[data-n]', r);
      if (num) num.textContent = i + 1;
    });
  }
  function addRow(f) {
    const r = rows(f).at(-1).cloneNode(true);
    for (const n of $$('[data-k]', r)) n.value = '';
    rowsBox(f).append(r);
    renumber(f);
    return r;
  }
  root.addEventListener('click', (e) => {
    const b = e.target.closest('[data-act]');
    const f = b && b.closest('[data-field]');
    if (!f) return;
    const r = b.closest('[data-row]');
    const act = b.dataset.act;
    if (act === 'add') {
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
  });

  // ---- computed parts: questionnaire totals and rules, circle people, charts
  function update(f) {
    const t = type(f);
    if (t === 'questionnaire') {
      const vals = $$('.ws-item', f).map((it) => checked(it)[0]);
      const missing = vals.filter((v) => v == null).length;
      const total = vals.reduce((s, v) => s + (+v || 0), 0);
      const done = missing === 0;
      $('[data-total]', f).textContent = missing === vals.length ? '' : total;
      const u = $('[data-unanswered]', f);
      u.textContent = missing && missing < vals.length ? u.dataset.text.replace('{n}', missing) : '';
      let band = '';
      for (const li of $$('.ws-bands li', f)) {
        const on = done && total >= +li.dataset.min && total <= +li.dataset.max;
        li.classList.toggle('ws-current', on);
        if (on) band = li.textContent.replace(/^[^:]*:\s*/, '');
      }
      $('[data-band]', f).textContent = band;
      for (const m of $$('.ws-rule', f)) {
        const v = vals[+m.dataset.item - 1];
        m.hidden = !(v != null && +v > +m.dataset.above);
      }
    }
    if (t === 'circle') people(f);
    const svg = $('svg[data-chart]', f);
    if (svg) draw[t](f, svg);
  }
  // people adds to a circle the names from the field it names, never removing any.
  function people(f) {
    const src = byId[f.dataset.people];
    if (!src) return;
    const names = get(src).map((v) => (typeof v === 'string' ? v : Object.values(v)[0] || '').trim()).filter(Boolean);
    const have = new Set(rows(f).map((r) => $('[data-k=name]', r).value.trim().toLowerCase()));
    for (const n of names) {
      if (have.has(n.toLowerCase())) continue;
      const r = rows(f).find((x) => empty(get1(x))) || addRow(f);
      $('[data-k=name]', r).value = n;
      have.add(n.toLowerCase());
    }
  }
  const get1 = (r) => Object.fromEntries($$('[data-k]', r).map((n) => [n.dataset.k, n.value]));

  // ---- SVG charts, drawn from the form rows (the form is the accessible equivalent)
  const NS = 'http://www.w3.org/2000/svg';
  const svgEl = (tag, a, txt) => {
    const n = doc.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(a)) n.setAttribute(k, v);
    if (txt != null) n.textContent = txt;
    return n;
  };
  const cut = (s, n = 14) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  // axis draws a rating chart frame with W x H plot area and returns y(value).
  function frame(svg, min, max, lo, hi, better) {
    const y = (v) => 20 + (240 * (max - v)) / (max - min);
    svg.append(svgEl('line', { class: 'ws-axis', x1: 50, y1: 20, x2: 50, y2: 260 }),
      svgEl('line', { class: 'ws-axis', x1: 50, y1: 260, x2: 590, y2: 260 }),
      svgEl('text', { x: 45, y: y(max) + 4, 'text-anchor': 'end' }, max),
      svgEl('text', { x: 45, y: y(min) + 4, 'text-anchor': 'end' }, min),
      svgEl('text', { x: 55, y: 14, class: `ws-small${better === 'high' ? ' ws-better' : ''}` }, cut(hi || '', 40)),
      svgEl('text', { x: 55, y: 276, class: `ws-small${better === 'low' ? ' ws-better' : ''}` }, cut(lo || '', 40)));
    return y;
  }
  function line(svg, pts, cls) {
    if (pts.length > 1) svg.append(svgEl('polyline', { class: `ws-line ws-mark ${cls}`, points: pts.map((p) => p.join(',')).join(' ') }));
    for (const [x, y] of pts) svg.append(svgEl('circle', { class: `ws-dot ws-mark ${cls}`, cx: x, cy: y, r: 5 }));
  }
  const ends = (f, k) => {
    const o = $$(`[data-k=${k}] option`, f);
    return [o[1]?.textContent.replace(/^[^–]*–\s*/, ''), o.at(-1)?.textContent.replace(/^[^–]*–\s*/, '')];
  };
  const draw = {
    circle(f, svg) {
      svg.replaceChildren();
      const rings = $$('[data-k=ring] option', rows(f)[0]).slice(1);
      const step = 280 / rings.length;
      rings.forEach((o, i) => {
        const r = step * (i + 1);
        svg.append(svgEl('circle', { class: 'ws-ring', cx: 300, cy: 300, r }),
          svgEl('text', { x: 300, y: 300 - r + 14, 'text-anchor': 'middle', class: 'ws-small' }, cut(o.text, 24)));
      });
      svg.append(svgEl('text', { x: 300, y: 305, 'text-anchor': 'middle', class: 'ws-me' }, f.dataset.me));
      const people = rows(f).map(get1).filter((p) => p.name.trim());
      rings.forEach((o, i) => {
        const ps = people.filter((p) => p.ring === o.value);
        ps.forEach((p, j) => {
          const a = (2 * Math.PI * (j + 0.5)) / ps.length + i * 0.6 - Math.PI / 2;
          const r = step * (i + 0.5) + (i === 0 ? step * 0.2 : 0);
          const x = 300 + r * Math.cos(a), y = 300 + r * Math.sin(a);
          svg.append(svgEl('circle', { class: 'ws-dot ws-mark', cx: x, cy: y, r: 5 }),
            svgEl('text', { x, y: y - 9, 'text-anchor': 'middle', class: 'ws-mark' }, cut(p.name)));
        });
      });
      // people named but not yet placed wait below the circle, as hollow dots
      const out = people.filter((p) => !rings.some((o) => o.value === p.ring));
      svg.setAttribute('viewBox', `0 0 600 ${out.length ? 630 + 34 * Math.ceil(out.length / 4) : 600}`);
      if (out.length) svg.append(svgEl('text', { x: 20, y: 618, class: 'ws-small ws-mark' }, f.dataset.unplaced));
      out.forEach((p, j) => {
        const x = 28 + 145 * (j % 4), y = 642 + 34 * Math.floor(j / 4);
        svg.append(svgEl('circle', { class: 'ws-dot ws-unplaced ws-mark', cx: x, cy: y, r: 5 }),
          svgEl('text', { x: x + 11, y: y + 5, class: 'ws-mark' }, cut(p.name, 13)));
      });
    },
    timeline(f, svg) {
      svg.replaceChildren();
      const [lo, hi] = ends(f, 'mood');
      const y = frame(svg, +f.dataset.min, +f.dataset.max, lo, hi);
      const ev = rows(f).map(get1).filter((e) => e.mood !== '');
      const x = (i) => 70 + (500 * (i + 0.5)) / Math.max(ev.length, 1);
      line(svg, ev.map((e, i) => [x(i), y(+e.mood)]), '');
      ev.forEach((e, i) => svg.append(svgEl('text', { x: x(i), y: 292, 'text-anchor': 'middle', class: 'ws-small ws-mark' }, cut(e.when || e.what || '', 12))));
    },
    tracker(f, svg) {
      svg.replaceChildren();
      const [lo, hi] = ends(f, 'rating');
      const y = frame(svg, +f.dataset.min, +f.dataset.max, lo, hi, f.dataset.better);
      const es = rows(f).map(get1).filter((e) => e.rating !== '' && e.date).sort((a, b) => (a.date < b.date ? -1 : 1));
      const t = es.map((e) => Date.parse(e.date));
      const span = Math.max(t.at(-1) - t[0], 1);
      const x = (i) => (es.length === 1 ? 320 : 70 + (500 * (t[i] - t[0])) / span);
      line(svg, es.map((e, i) => [x(i), y(+e.rating)]), '');
      es.forEach((e, i) => { if (i === 0 || i === es.length - 1) svg.append(svgEl('text', { x: x(i), y: 292, 'text-anchor': 'middle', class: 'ws-small ws-mark' }, e.date)); });
    },
    rhythm(f, svg) {
      svg.replaceChildren();
      const days = $$('thead th', f).map((th) => th.textContent);
      const y = (t) => { const [h, m] = t.split(':'); return 20 + (240 * (+h * 60 + +m)) / 1440; };
      const x = (d) => 90 + (480 * d) / 6;
      for (const h of [0, 6, 12, 18, 24]) {
        svg.append(svgEl('line', { class: 'ws-grid-line', x1: 80, x2: 580, y1: y(h + ':0'), y2: y(h + ':0') }),
          svgEl('text', { x: 74, y: y(h + ':0') + 4, 'text-anchor': 'end', class: 'ws-small' }, `${h}:00`));
      }
      days.forEach((d, i) => svg.append(svgEl('text', { x: x(i), y: 284, 'text-anchor': 'middle', class: 'ws-small' }, d)));
      rows(f).forEach((r, s) => {
        const pts = $$('[data-k]', r).map((n, d) => (n.value ? [x(d), y(n.value)] : null)).filter(Boolean);
        line(svg, pts, `ws-s${s % 6}`);
        if (pts.length) svg.append(svgEl('text', { x: pts.at(-1)[0] + 8, y: pts.at(-1)[1] + 4, class: `ws-small ws-mark ws-s${s % 6}` }, cut(rowName(r), 16)));
      });
    },
  };

  // ---- loading, saving, syncing
  const earlierBox = el('section', { class: 'ws-earlier', 'aria-labelledby': 'ws-earlier-title', hidden: true });
  root.append(earlierBox);

  function load(r, skipFocused) {
    rec = r;
    extra = {};
    for (const [id, v] of Object.entries(r.answers)) if (!byId[id]) extra[id] = v;
    for (const f of fields) {
      if (skipFocused && f.contains(doc.activeElement)) continue;
      const v = r.answers[f.dataset.field];
      if (!set(f, v) && !empty(v)) r.earlier[f.dataset.field + ' ' + (r.updated || '')] = v;
      update(f);
    }
    for (const f of fields) if (type(f) === 'circle') update(f);
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
    const { answers, labels } = collect();
    return {
      v: V, id: wsId, title: root.dataset.worksheetTitle, url: location.pathname,
      updated: new Date().toISOString(), answers, labels, earlier: rec ? rec.earlier : {},
    };
  }
  function save() {
    clearTimeout(timer);
    timer = 0;
    if (locked() || (rec && rec.newer)) return;
    const next = current();
    if (rec ? json(next.answers) === json(rec.answers) : empty(next.answers)) return;
    try {
      write(key, next);
    } catch {
      warn(true);
      return;
    }
    rec = next;
    if (failed) warn(false);
    say(T('saved', { time: when(next.updated) }));
    if (!persisted) { persisted = true; persist(); }
  }
  function changed(f) {
    if (f) update(f);
    for (const c of fields) if (type(c) === 'circle' && f && c.dataset.people === f.dataset.field) update(c);
    clearTimeout(timer);
    timer = setTimeout(save, 300);
  }
  const fieldOf = (e) => e.target.closest && e.target.closest('[data-field]');
  root.addEventListener('input', (e) => {
    const f = fieldOf(e);
    if (!f) return;
    if (e.target.matches('[data-other-text]') && e.target.value) $('[data-other]', f).checked = true;
    if (type(f) !== 'circle') update(f); else draw.circle(f, $('svg', f));
    clearTimeout(timer);
    timer = setTimeout(save, 300);
  });
  root.addEventListener('change', (e) => changed(fieldOf(e)));
  addEventListener('pagehide', save);
  doc.addEventListener('visibilitychange', () => { if (doc.visibilityState === 'hidden') save(); });
  // Another tab saved: take its answers, except in the field being typed in here.
  onStore = (e) => {
    if (e.key !== key && e.key !== null) return;
    const r = read(key);
    if (r) load(r, true);
    else if (e.key === key || !r) clearFields();
  };
  function clearFields() {
    rec = null;
    extra = {};
    for (const f of fields) { set(f, ''); update(f); }
    earlier();
  }

  // ---- the worksheet tools
  const downloadThis = () => {
    save();
    download([failed || !rec ? current() : rec], `answers-${wsId}`);
  };
  function copyText() {
    save(); // now, so that the saved status does not replace the copied one
    const out = [root.dataset.worksheetTitle, ''];
    for (const f of fields) {
      const v = get(f);
      if (empty(v)) continue;
      out.push(labelOf(f));
      if (type(f) === 'questionnaire') {
        $$('.ws-item', f).forEach((it, i) => v[i] && out.push(`${$('legend', it).textContent}: ${$('input:checked+label', it).textContent} (${v[i]})`));
        const band = $('[data-band]', f).textContent;
        out.push(`${$('.ws-total > span', f).textContent}: ${$('[data-total]', f).textContent}${band ? ' – ' + band : ''}`);
      } else if (Array.isArray(v)) {
        const heads = Object.fromEntries($$('th[id]', f).map((th) => [th.id.replace(/.*_c_/, ''), th.firstChild.textContent]));
        const names = Object.fromEntries(rows(f).map((r) => [r.dataset.name, rowName(r)]));
        for (const o of v) out.push('- ' + (isObj(o) ? Object.entries(o).filter(([, x]) => x).map(([k, x]) => (k === '_row' ? names[x] || x : `${heads[k] || k}: ${optionText(f, k, x)}`)).join('; ') : o));
      } else if (v.selected) {
        out.push($$('input:checked:not([data-other])', f).map(shown).concat('other' in v ? [v.other] : []).join(', '));
      } else out.push(text(v));
      out.push('');
    }
    const s = out.join('\n');
    const manual = () => {
      dialog(T('copy'), [el('p', {}, T('copyManual')), el('textarea', { rows: 12, readonly: true, class: 'ws-copy' }, s)], [[T('close'), null]]);
      $('.ws-copy').select();
    };
    if (navigator.clipboard) navigator.clipboard.writeText(s).then(() => say(T('copied')), manual);
    else manual();
  }
  async function clearAll() {
    const yes = await dialog(T('clear'), [el('p', {}, T('clearConfirm'))],
      [[T('clearDownload'), downloadThis, true], [T('clear'), true], [T('cancel'), false]]);
    if (!yes) return;
    try { remove(key); } catch { /* nothing stored to remove */ }
    clearFields();
    say(T('cleared'));
  }
  let blank = false;
  function print(b) {
    save();
    blank = b;
    doc.documentElement.classList.toggle('ws-print-blank', b);
    window.print();
  }
  addEventListener('beforeprint', () => {
    for (const t of $$('textarea', root)) { t.style.height = ''; if (!blank) t.style.height = t.scrollHeight + 4 + 'px'; }
  });
  addEventListener('afterprint', () => {
    blank = false;
    doc.documentElement.classList.remove('ws-print-blank');
    for (const t of $$('textarea', root)) t.style.height = '';
  });
  box.addEventListener('click', (e) => {
    const b = e.target.closest('[data-act]');
    if (!b) return;
    ({
      print: () => print(false), 'print-blank': () => print(true), download: downloadThis, 'download-all': () => { save(); downloadAll(); },
      import: () => fileInput.click(), copy: copyText, clear: clearAll,
    })[b.dataset.act]?.();
  });

  const r = read(key);
  let stored = true;
  try { localStorage.getItem(key); } catch { stored = false; }
  if (!stored) warn(true);
  if (r) load(r); else { for (const f of fields) update(f); }
  root.dataset.ready = ''; // tells tests the answers are in place

  // ---- the My answers page
  function myAnswers() {
    const tbody = $('#answers-list tbody');
    const none = $('#answers-none');
    function list() {
      const recs = all();
      tbody.replaceChildren(...recs.map((r) => el('tr', {},
        el('th', { scope: 'row', id: `ws-mine-${r.id}` }, r.url ? el('a', { href: r.url }, r.title || r.id) : r.title || r.id),
        el('td', {}, el('time', { datetime: r.updated || '' }, when(r.updated))),
        el('td', {}, Object.values(r.answers).filter((v) => !empty(v)).length),
        el('td', {}, el('button', { type: 'button', 'aria-describedby': `ws-mine-${r.id}`, on: () => download([r], `answers-${r.id}`) }, T('download'))))));
      $('#answers-table').hidden = !recs.length;
      none.hidden = !!recs.length;
    }
    onStore = list;
    box.addEventListener('click', async (e) => {
      const a = e.target.closest('[data-act]')?.dataset.act;
      if (a === 'download-all') downloadAll();
      if (a === 'import') fileInput.click();
      if (a === 'erase-all' && await dialog(T('eraseAll'), [el('p', {}, T('eraseConfirm'))],
        [[T('downloadAll'), downloadAll, true], [T('eraseAll'), true], [T('cancel'), false]])) {
        // erased while locked, the lock goes too: that is the way out of a forgotten passphrase
        try { for (const k of [...storedKeys(), ...cache.keys()]) if (k !== lockKey || locked()) remove(k); } catch { /* storage unavailable: nothing stored */ }
        if (locked()) lock = null;
        showLock();
        list();
        say(T('erased'));
      }
    });
    relist = list;
    list();
  }
})();
