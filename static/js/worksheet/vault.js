// vault.js: under the lock, every record in one encrypted store, <storageKey>:vault: one
// key name whatever was answered, and a size padded to a bucket, so that neither tells
// which worksheets were used. Each tab keeps the store decrypted in cache; a write
// takes in first what another tab wrote meanwhile.
const vaultKey = prefix + 'vault';
let seen = null; // the store as this tab last read or wrote it
const dirty = new Set(); // keys this tab changed since
const forget = () => { cache.clear(); dirty.clear(); seen = null; };
// pad fills s with spaces (JSON ignores them) up to a multiple of 4 KiB, or of an eighth
// of its power of two when larger: a size says little, and costs at most an eighth more.
const pad = (s) => {
  const n = new TextEncoder().encode(s).length + 1;
  const step = Math.max(4096, 2 ** Math.ceil(Math.log2(n)) / 8);
  return s + ' '.repeat(Math.ceil(n / step) * step - n + 1);
};
// sync takes the store as stored into cache, but for the keys this tab changed.
async function sync(k) {
  const s = localStorage.getItem(vaultKey);
  if (s === seen) return;
  const got = s ? JSON.parse(await unseal(k, JSON.parse(s))) : {};
  for (const x of new Set([...cache.keys(), ...Object.keys(got)])) {
    if (!dirty.has(x)) { if (x in got) cache.set(x, got[x]); else cache.delete(x); }
  }
  seen = s;
}
// flush writes cache as the store, encrypted with k; again when another tab wrote meanwhile.
async function flush(k) {
  for (;;) {
    await sync(k);
    const out = Object.fromEntries(cache);
    const v = json(await seal(k, pad(json(out))));
    if (localStorage.getItem(vaultKey) !== seen) continue;
    localStorage.setItem(vaultKey, v);
    seen = v;
    for (const x of dirty) if (cache.get(x) === out[x]) dirty.delete(x);
    return true;
  }
}
// gather takes into the store the records left outside it (plain, or encrypted one by one
// by an older version, after an interrupted change), the newer when both hold one, then
// removes them once the store is written.
async function gather(k) {
  const left = [];
  for (const s of storedKeys()) {
    if (s === lockKey || s === vaultKey) continue;
    const o = raw(s);
    let r = plain(o);
    if (!r) try { r = plain(JSON.parse(await unseal(k, o))); } catch { /* not ours: left as it is */ }
    if (!r) continue;
    left.push(s);
    if (!(cache.get(s)?.updated >= r.updated)) { cache.set(s, r); dirty.add(s); } // ISO times: in order as text
  }
  if (left.length && await store(k)) for (const s of left) localStorage.removeItem(s);
}
