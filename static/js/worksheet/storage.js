// storage.js: the records in localStorage, one per worksheet under <storageKey>:<id>.
// Every access may throw (private mode, storage disabled, quota full). With the lock on
// (lock.js), all records are in one encrypted store (vault.js), read from its decrypted
// copy in cache and written there and to the store; nothing is read or written while locked.
const site = (root || box)?.dataset.storageKey || 'iptsite';
const prefix = site + ':';
const lockKey = prefix + 'lock';
const key = prefix + wsId; // this worksheet's record
let lock = null; // {salt, iter, check} stored under <storageKey>:lock; null when the lock is off
let ck = null; // the key while unlocked, never stored
let pk = null; // the passphrase as a PBKDF2 key while unlocked, for encrypted downloads; never stored
const cache = new Map();
const locked = () => lock && !ck;
const raw = (k) => {
  try { return JSON.parse(localStorage.getItem(k)); } catch { return null; }
};
const read = (k) => upgrade(lock ? (ck && cache.has(k) ? JSON.parse(json(cache.get(k))) : null) : raw(k));
// write saves rec under k. Under the lock the write is encrypted later: it returns a
// promise of whether it was stored, so that nothing says "Saved" before it is.
const write = (k, rec) => {
  if (!lock) return localStorage.setItem(k, json(rec));
  if (!ck) throw 'locked';
  cache.set(k, JSON.parse(json(rec)));
  dirty.add(k);
  return store();
};
const remove = (k) => {
  cache.delete(k);
  if (!ck) return localStorage.removeItem(k);
  dirty.add(k);
  store();
};
const storedKeys = () => {
  try { return Object.keys(localStorage).filter((k) => k.startsWith(prefix)); } catch { return []; }
};
const keys = () => (lock ? (ck ? [...cache.keys()] : []) : storedKeys().filter((k) => k !== lockKey && k !== vaultKey)).sort();
const all = () => keys().map(read).filter(Boolean);
// upgrade returns a record in the current format, or null for something that is not one.
// A record from a newer build is returned as it is, marked, and never written over.
function upgrade(r) {
  if (!isObj(r) || typeof r.id !== 'string' || !isObj(r.answers) || badEntries(r)) return null;
  if (!(r.v <= V)) r.newer = true;
  r.labels = isObj(r.labels) ? r.labels : {};
  r.earlier = isObj(r.earlier) ? r.earlier : {};
  return r;
}
function persist() {
  const s = navigator.storage;
  if (s && s.persist) s.persisted().then((p) => p || s.persist()).catch(() => {});
}

let queue = Promise.resolve(); // writes in order, each encrypted with the key of its time
const store = (k = ck) => (queue = queue.then(() => flush(k)).catch(() => { warn(true); return false; }));
// plain returns a stored value as a record when it is one (written before the lock was set)
const plain = (o) => (upgrade(isObj(o) ? { ...o } : null) ? o : null);

let onStore = () => {}; // what the page does when another tab changed storage
// Another tab changed storage: take in the store it wrote; reload when it set or removed
// the lock, locked meanwhile so that the save on leaving writes nothing in the clear.
async function otherTab(e) {
  const l = raw(lockKey);
  if ((e.key === lockKey || e.key === null) && json(l) !== json(lock)) {
    lock = isObj(l) ? l : null;
    ck = pk = null;
    cache.clear();
    location.reload();
    return;
  }
  if (lock) {
    if (!ck || (e.key && e.key !== vaultKey)) return;
    const k = ck;
    if (!await (queue = queue.then(() => sync(k)).then(() => true, () => false))) return;
  }
  onStore(e);
}
