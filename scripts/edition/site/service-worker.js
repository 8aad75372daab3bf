/* The edition's service worker, written at build time by scripts/edition/webapp.py from
   scripts/edition/service-worker.js: keeps every file of this build on the device
   (Workbox precaching, each file's content hash as its revision) and serves them from
   there, online or not.

   Updates: a new build gives a new list; the browser compares this script on each visit,
   installs the new worker, which downloads only the files whose hash changed, and only
   once all of them are stored does it take over (a failed download leaves the old version
   whole). Then the entries of the old version are deleted, and the pages show
   « Nouvelle version disponible — recharger » (docs/assets/javascripts/offline-state.js). */
importScripts(
  __WORKBOX__
);

// Totals of the precache list, for the home page: {count, size (bytes), label}
const EDITION = __EDITION__;

self.addEventListener("install", () => self.skipWaiting());
workbox.core.clientsClaim();
workbox.precaching.cleanupOutdatedCaches();
workbox.precaching.precacheAndRoute(__PRECACHE__, {
  // the site has no query strings of its own (search links add ?h=…): ignore them all
  ignoreURLParametersMatching: [/.*/],
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "EDITION_INFO" && event.ports[0]) {
    event.ports[0].postMessage(EDITION);
  }
});
