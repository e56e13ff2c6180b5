// iptsite serve: no offline copy while editing. This worker replaces one from an
// earlier build at this address, deletes that build's caches and goes away.
"use strict";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (e) => e.waitUntil((async () => {
  const prefix = "iptsite " + new URL("./", self.location).href + " ";
  for (const k of await caches.keys()) if (k.startsWith(prefix)) await caches.delete(k);
  await self.registration.unregister();
  for (const c of await self.clients.matchAll({ type: "window" })) c.navigate(c.url);
})()));
