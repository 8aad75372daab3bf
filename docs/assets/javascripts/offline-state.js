/* Offline reading on this device (service worker sw.js, written by scripts/edition/webapp.py).

   On every page:
   - opened from disk (the offline copy), the zip's download link goes to the published
     zip when the page's canonical link gives the public address, else it becomes
     .edition-zip-here: the link's words and « (vous lisez déjà cette copie) »;
   - registers sw.js when the page's #__webapp JSON names it (only a shipped build,
     `python -m edition build`) and the page is served over http(s); from disk (file://,
     the offline zip) nothing is registered. In a development build (#__webapp names no
     worker: `mkdocs serve`) any worker left at this address by a shipped build is removed.
   - while the browser is offline, says « Hors ligne » in the header:
       .edition-offline            role="status", created in .md-header__inner (empty online)
   - when a new version of the edition has taken over the open page (update installed),
     shows at the bottom of the window:
       .edition-update             role="status": « Nouvelle version disponible — » and
       .edition-update button      « recharger » (reloads the page)

   On a page that includes the snippet scripts/edition/templates/offline-state.html (the
   home page's « Lire hors ligne » section; move the snippet anywhere, the ids are all
   this needs):
       #hors-ligne-bloc            the block, [hidden] until there is something to say
       #hors-ligne-etat            role="status": « Disponible hors ligne sur cet appareil
                                   (2,0 Mo). » once every file is stored, or the progress
       #hors-ligne-installer       button « Installer l’application », shown only when the
                                   browser offers installation (beforeinstallprompt)
   The size is the precache list's total, computed at build time; the active worker gives
   it in answer to the message {type: "EDITION_INFO"}. */
(() => {
  "use strict";

  const header = document.querySelector(".md-header__inner");
  const block = document.getElementById("hors-ligne-bloc");
  const state = document.getElementById("hors-ligne-etat");
  const install = document.getElementById("hors-ligne-installer");

  /* « Hors ligne » indicator, on every page (also from disk: the browser knows) */
  if (header) {
    const badge = document.createElement("div");
    badge.className = "edition-offline";
    badge.setAttribute("role", "status");
    header.insertBefore(badge, header.querySelector(".md-search"));
    const showOnline = () => {
      badge.textContent = navigator.onLine ? "" : "Hors ligne";
    };
    window.addEventListener("online", showOnline);
    window.addEventListener("offline", showOnline);
    showOnline();
  }

  let config = {};
  try {
    config = JSON.parse(document.getElementById("__webapp")?.textContent || "{}");
  } catch {
    config = {};
  }
  const served = location.protocol === "http:" || location.protocol === "https:";
  if (!served) {
    /* Opened from disk: the offline copy, which does not hold its own zip. The download
       link goes to the published zip when the page knows its public address (an http(s)
       canonical link, SITE_URL), else it becomes plain text saying so. */
    const canonical = document.querySelector('link[rel="canonical"]')?.href || "";
    for (const link of document.querySelectorAll('a[download][href$=".zip"]')) {
      if (/^https?:/.test(canonical)) {
        link.href = new URL(link.getAttribute("href"), canonical).href;
      } else {
        const text = document.createElement("span");
        text.className = "edition-zip-here";
        text.textContent = `${link.textContent} (vous lisez déjà cette copie)`;
        link.replaceWith(text);
      }
    }
  }
  if (!served || !("serviceWorker" in navigator)) return;
  const workers = navigator.serviceWorker;

  if (!config.worker) {
    /* development build: no offline copy; remove one a shipped build left here */
    workers.getRegistrations().then((registrations) => {
      for (const r of registrations) r.unregister();
    });
    return;
  }

  const say = (text) => {
    if (!block || !state) return;
    block.hidden = false;
    state.textContent = text;
  };

  const info = (worker) =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(event.data);
      worker.postMessage({ type: "EDITION_INFO" }, [channel.port2]);
    });

  const ready = (worker) =>
    info(worker).then((edition) => {
      say(`Disponible hors ligne sur cet appareil (${edition.label}).`);
      document.documentElement.setAttribute("data-edition-offline", "ready");
    });

  /* A new version took over this page (the worker activates as soon as it has stored the
     whole new version): offer to reload; the next page opened is the new version anyway. */
  let controlled = Boolean(workers.controller);
  workers.addEventListener("controllerchange", () => {
    if (!controlled) {
      controlled = true; // first visit: the worker just took control, nothing changed
      return;
    }
    if (document.querySelector(".edition-update")) return;
    const notice = document.createElement("div");
    notice.className = "edition-update";
    notice.setAttribute("role", "status");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "recharger";
    button.addEventListener("click", () => location.reload());
    notice.append("Nouvelle version disponible — ", button);
    document.body.append(notice);
  });

  /* A development build now serves this address: its worker removed this one and its
     copy (scripts/edition/service-worker-dev.js); reload from the server. */
  workers.addEventListener("message", (event) => {
    if (event.data?.type === "EDITION_REMOVED") location.reload();
  });

  const url = new URL(config.worker, location.href);
  workers
    .register(url.href)
    .then((registration) => {
      if (registration.active) {
        ready(registration.active);
        /* look for a new build now (the browser's own check after a navigation may wait) */
        if (navigator.onLine) registration.update().catch(() => {});
        return;
      }
      say("Enregistrement de l’édition sur cet appareil pour la lecture hors ligne…");
      workers.ready.then((r) => ready(r.active));
    })
    .catch(() => {
      say("La lecture hors ligne n’est pas possible dans ce navigateur.");
    });

  /* The browser's install prompt, offered only where the home page has its button */
  if (install) {
    let deferred = null;
    window.addEventListener("beforeinstallprompt", (event) => {
      event.preventDefault();
      deferred = event;
      install.hidden = false;
      if (block) block.hidden = false;
    });
    install.addEventListener("click", () => {
      if (!deferred) return;
      deferred.prompt();
      deferred.userChoice.then(() => {
        deferred = null;
        install.hidden = true;
      });
    });
    window.addEventListener("appinstalled", () => {
      install.hidden = true;
    });
  }
})();
