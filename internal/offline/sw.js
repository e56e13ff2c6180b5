// sw.js: the service worker of an iptsite site, so that every page and worksheet opens
// without a network once the site has been visited. See internal/offline.
//
// The build puts "use strict" and these before this code:
//   FILES    every file of the build (path from the site folder) -> hash of its content,
//            set by importScripts("sw-files.VERSION.js")
//   VERSION  a hash of FILES: a build with any change gets a new worker and a new cache
//   OFFLINE  [[language folder, {lang, title, body, home, css}], …], longest folder first:
//            the page shown for a page that is not on the device while offline
//
// The worker lives at the root of the site folder, so its scope is that folder, wherever
// the site is published. Every URL is made from that folder.
//
// - install: fill a new cache named after VERSION with every file of FILES, each checked
//   against its hash (the first 8 bytes of its SHA-256, as offline.Hash). A file whose
//   content still has its hash is copied from the previous cache, so an update downloads
//   only what changed. A download that does not match is tried again past every cache,
//   and a file that never matches is not stored and fails the install: the pages keep
//   the version that works, and the browser tries again at its next update check. The
//   new worker then waits: the pages keep their version until the reader presses
//   "Reload" (site.js posts "skip-waiting").
// - activate: delete this site's older caches; take control of open pages, so the first
//   visit already works offline.
// - fetch: a file of the build comes from the cache (x/ and x/index.html alike), so every
//   page and asset is of one version; anything else goes to the network.
const SCOPE = new URL("./", self.location).href;
const SCOPE_PATH = new URL(SCOPE).pathname;
// Caches belong to the whole origin; the scope in the name keeps two sites in two
// folders of one host from deleting each other's.
const PREFIX = "iptsite " + SCOPE + " ";
const CACHE = PREFIX + VERSION;
const HASH = "x-iptsite-hash";

const key = (name) => new URL(name, SCOPE).href;

self.addEventListener("install", (e) => e.waitUntil(precache()));

async function precache() {
  const cache = await caches.open(CACHE);
  const older = [];
  for (const k of await caches.keys()) {
    if (k.startsWith(PREFIX) && k !== CACHE) older.push(await caches.open(k));
  }
  const names = Object.keys(FILES);
  let next = 0;
  async function worker() {
    while (next < names.length) {
      const name = names[next++];
      try {
        await store(cache, older, name);
      } catch (err) {
        next = names.length; // the install has failed: download no more
        throw err;
      }
    }
  }
  // A few downloads at a time: fast on a good line, gentle on a phone's.
  await Promise.all([worker(), worker(), worker(), worker(), worker(), worker()]);
}

// digest is offline.Hash of data: the first 8 bytes of its SHA-256, in hex.
async function digest(data) {
  const sum = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return Array.from(sum.slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

// body returns the content of res when it has the hash, else null.
async function body(res, hash) {
  const data = await res.arrayBuffer();
  return (await digest(data)) === hash ? data : null;
}

async function store(cache, older, name) {
  const url = key(name), hash = FILES[name];
  const have = await cache.match(url);
  if (have && await body(have, hash)) return; // an earlier, broken-off install
  for (const c of older) {
    const res = await c.match(url);
    // The content, not only the hash noted beside it: an older worker kept files
    // without checking them, and none may be carried into this version.
    const data = res && res.headers.get(HASH) === hash && await body(res.clone(), hash);
    if (data) {
      await cache.put(url, new Response(data, { status: 200, statusText: "OK", headers: res.headers }));
      return;
    }
  }
  // First checked with the server (no-cache), so that an HTTP cache cannot hand back an
  // old file; then past every cache: the browser's (reload), and a CDN's that still
  // serves an earlier build's file, with a query it has not seen.
  let got = "";
  for (const [u, mode] of [[url, "no-cache"], [url, "reload"], [url + "?v=" + hash, "reload"]]) {
    const res = await fetch(u, { cache: mode, credentials: "same-origin" });
    if (!res.ok) throw new Error("sw.js: " + u + ": " + res.status);
    const data = await res.arrayBuffer();
    got = await digest(data);
    if (got !== hash) continue;
    // A new Response drops "redirected" (some hosts send x/index.html on to x/), which a
    // navigation would refuse, and carries the hash that the next update compares and
    // the time it was downloaded.
    const headers = new Headers(res.headers);
    headers.set(HASH, hash);
    headers.set("x-iptsite-fetched", new Date().toISOString()); // when, for people debugging
    await cache.put(url, new Response(data, { status: 200, statusText: "OK", headers }));
    return;
  }
  throw new Error("sw.js: " + url + " is not the file of this version (hash " + got + ", want " + hash +
    "): a cache between the site and this browser still has another; the version that works stays");
}

self.addEventListener("activate", (e) => e.waitUntil((async () => {
  for (const k of await caches.keys()) {
    if (k.startsWith(PREFIX) && k !== CACHE) await caches.delete(k);
  }
  await self.clients.claim();
})()));

self.addEventListener("message", (e) => {
  if (e.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET" || req.headers.has("range") || !req.url.startsWith(SCOPE)) return;
  const url = new URL(req.url);
  let name;
  try {
    name = decodeURIComponent(url.pathname.slice(SCOPE_PATH.length));
  } catch {
    return;
  }
  if (name === "" || name.endsWith("/")) name += "index.html";
  if (name in FILES) {
    e.respondWith(fromCache(name, req));
  } else if (req.mode === "navigate") {
    if (name + "/index.html" in FILES) {
      // A folder without its final slash: what the server would do, offline too.
      url.pathname += "/";
      e.respondWith(Response.redirect(url.href, 301));
    } else {
      e.respondWith(fetch(req).catch(() => offlinePage(name)));
    }
  }
});

async function fromCache(name, req) {
  const cache = await caches.open(CACHE);
  const res = await cache.match(key(name));
  if (res) return res;
  // Not cached (the cache was cleared under us, or the install is still running).
  try {
    return await fetch(req);
  } catch (err) {
    if (req.mode === "navigate") return offlinePage(name);
    throw err;
  }
}

// offlinePage tells the reader, in the language of the page they asked for, that it is
// not on this device.
function offlinePage(name) {
  const [folder, s] = OFFLINE.find(([f]) => name.startsWith(f));
  const esc = (t) => t.replace(/[&<>"]/g, (c) => "&#" + c.charCodeAt(0) + ";");
  const html = '<!DOCTYPE html><html lang="' + esc(s.lang) + '"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">" +
    '<title>' + esc(s.title) + '</title><link rel="stylesheet" href="' + esc(key(s.css)) + '"></head>' +
    '<body><main id="main" class="wrap"><h1>' + esc(s.title) + '</h1><p>' + esc(s.body) + '</p>' +
    '<p><a href="' + esc(key(folder)) + '">' + esc(s.home) + "</a></p></main></body></html>";
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}
