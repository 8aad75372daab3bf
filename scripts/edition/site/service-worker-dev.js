/* Written by scripts/edition/webapp.py for a development build (mkdocs serve): no offline
   copy here. This worker replaces one that a shipped build left at the same address,
   without waiting to activate (Chromium may keep a new worker waiting while the old one is
   busy): at install it deletes that build's caches; once installed, it unregisters and
   asks the open pages to reload (offline-state.js: {type: "EDITION_REMOVED"}), and they
   come from the development server. (The unregistration cannot be awaited during install:
   it is queued behind the install itself.) */
self.addEventListener("install", (event) => {
  self.skipWaiting();
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.includes(self.registration.scope)) await caches.delete(key);
    }
  })());
  self.registration.unregister().then(async () => {
    for (const client of await self.clients.matchAll({ type: "window", includeUncontrolled: true })) {
      client.postMessage({ type: "EDITION_REMOVED" });
    }
  });
});
