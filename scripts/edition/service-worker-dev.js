/* Written by scripts/edition/webapp.py for a development build (mkdocs serve): no offline
   copy here. This worker replaces one that a shipped build left at the same address,
   deletes that build's caches, unregisters itself and reloads its pages. */
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.includes(self.registration.scope)) await caches.delete(key);
    }
    await self.clients.claim();
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: "window" })) {
      client.navigate(client.url).catch(() => {});
    }
  })());
});
