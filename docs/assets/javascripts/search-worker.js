/* The edition's search worker as Material starts it, on every page view (9.x protocol:
 * SETUP 0 -> READY 1, QUERY 2 -> RESULT 3): a loader only. The engine (search-engine.js)
 * and the index (search/edition_index.js) are loaded when the reader opens search (over
 * http(s), a query of one space that search-box.js sends on focus; from file://, where
 * Material sets its worker up only then, on SETUP) or on the first query; Material's
 * own index holds only its config, or, without the edition's hook, a whole index, which
 * is then searched. importScripts from file:// is the iframe-worker shim's: it returns a
 * promise, so every call is awaited. README, "Search". */
"use strict";

(() => {
  // in the shim the worker is an iframe, whose addresses are the page's
  const here = self.document && document.currentScript ? document.currentScript.src : self.location.href;
  const ENGINE = new URL("search-engine.js", here).href;
  const INDEX = new URL("../../search/edition_index.js", here).href;

  let given = { docs: [] }; // Material's SETUP
  let engine = null; // a promise of the engine, set up with its index

  const load = () => {
    if (!engine) {
      engine = Promise.resolve(importScripts(ENGINE))
        .then(() => (given.docs.length ? given : Promise.resolve(importScripts(INDEX)).then(() => self.editionSearchIndex)))
        .then((index) => {
          self.editionSearch.setup(index);
          return self.editionSearch;
        })
        .catch((error) => {
          engine = null; // tried again on the next query
          throw error;
        });
    }
    return engine;
  };

  let answered = Promise.resolve(); // one answer per query, in order, even while loading

  self.addEventListener("message", (ev) => {
    const message = ev.data;
    if (!message) return;
    if (message.type === 0) {
      given = message.data && Array.isArray(message.data.docs) ? message.data : given;
      self.postMessage({ type: 1 });
      if (here.startsWith("file:")) load().catch(() => {}); // search opened
    } else if (message.type === 2) {
      const query = String(message.data || "");
      answered = answered.then(async () => {
        let result = { items: [] };
        try {
          if (query.trim()) result = (await load()).search(query);
          else if (query) await load(); // search opened: nothing to find yet
        } catch {
          result = { items: [] };
        }
        self.postMessage({ type: 3, data: result });
      });
    }
  });
})();
