// lock.js: the passphrase lock (templates/partials/lock.html): set, unlock, lock again
// when idle, turn off. The cryptography is in crypto.js.
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
  forget();
  try { await sync(k); await gather(k); } catch { /* a store not ours: left as it is */ }
  return true;
}
// drop forgets the key and takes every answer off the page: out of the fields (and out
// of what the browser keeps of them to fill in again), the lists and any open dialog.
function drop() {
  ck = pk = null;
  queue.then(() => { if (!ck) cache.clear(); }); // once the writes under way, which need it, are done
  clearTimeout(idleT);
  if (root) clearFields(); else relist();
  for (const n of [...$$('input, textarea', root || box), ...$$('#ws-pass, #ws-plain')]) {
    if (n.type === 'checkbox' || n.type === 'radio') n.checked = false; else if (n.type !== 'file') n.value = '';
  }
  for (const d of $$('dialog[open]')) d.close();
  showLock();
  say(T('lockLocked'));
}
let others = null; // the site's other tabs, told when a person locks this one
// lockNow locks this tab, and with all (the Lock now button) every tab of the site; a
// tab idle for long locks only itself, as another may be in use.
async function lockNow(all) {
  if (!ck) return;
  if (root) save();
  await queue;
  drop();
  if (all === true) others?.postMessage('lock');
}
async function lockOn(pass) {
  say(T('lockWorking'));
  if (root) save();
  const salt = rand(16), iter = ITER, b = await passKey(pass);
  const k = await derive(b, salt, iter);
  const recs = keys().map((s) => [s, plain(raw(s))]).filter(([, r]) => r);
  const l = { salt: b64(salt), iter, check: await seal(k, CHECK) };
  // In this order, so that an interrupted change loses nothing: the store (useless without
  // the lock record), the lock, then the plain records, which unlock takes in if still there.
  forget();
  for (const [s, r] of recs) cache.set(s, r);
  try {
    seen = localStorage.getItem(vaultKey); // one left by an interrupted change is written over
    await flush(k);
    localStorage.setItem(lockKey, json(l));
  } catch { cache.clear(); warn(true); return; }
  lock = l;
  ck = k;
  pk = b;
  for (const [s] of recs) localStorage.removeItem(s);
  await queue;
  showLock();
  idle();
  say(T('lockDone'));
}
async function lockOff() {
  if (!await dialog(T('lockOff'), [el('p', {}, T('lockOffConfirm'))], [[T('lockOff'), true], [T('cancel'), false]])) return;
  if (root) save();
  await queue;
  // the plain records, then the lock off, then the store: interrupted, unlock takes them in again
  try {
    for (const [s, r] of cache) localStorage.setItem(s, json(r));
    localStorage.removeItem(lockKey);
    localStorage.removeItem(vaultKey);
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

// startLock reads the lock record and wires the lock's buttons.
function startLock() {
  const l = raw(lockKey);
  if (isObj(l) && l.salt && l.check) lock = l;
  const p = $('#ws-pass', lockBox);
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
  lockBox.addEventListener('click', (e) => {
    ({ 'lock-now': () => lockNow(true), 'lock-off': lockOff, 'lock-set': lockSet, unlock: tryUnlock })[e.target.closest('[data-act]')?.dataset.act]?.();
  });
  p.addEventListener('keydown', (e) => { if (e.key === 'Enter') tryUnlock(); });
  for (const ev of ['pointerdown', 'keydown', 'input', 'scroll']) addEventListener(ev, idle, { capture: true, passive: true });
  // a sleeping tab's timer may be late: check the time when it is shown again
  doc.addEventListener('visibilitychange', () => { if (lock && ck && Date.now() - last > idleMs()) lockNow(); });
  // Lock now in one tab locks them all
  if (self.BroadcastChannel) (others = new BroadcastChannel(lockKey)).onmessage = () => lockNow();
  // A page leaving while the lock is on is locked first (its answers saved, encrypted):
  // nothing in it for the back/forward cache or the browser's refill of a form to keep.
  addEventListener('pagehide', () => {
    if (!lock) return;
    if (root && ck) save();
    drop();
  });
  // Back from the cache: storage events were missed; a changed lock reloads the page.
  addEventListener('pageshow', (e) => {
    if (e.persisted && json(raw(lockKey)) !== json(lock)) location.reload();
  });
  showLock();
  if (locked()) say(T('lockLocked'));
}
