/* The reading edition: annotations on demand, one action menu per paragraph, copyable
 * citations, and the old addresses of moved sections.
 *
 * Progressive enhancement: without JavaScript the text reads cleanly (annotations stay
 * hidden, permalinks stay plain links). With it:
 *   - « Afficher les annotations » (a checkbox at the top of the resolution's pages) sets
 *     data-annotations="on" on <html>; the choice is kept in localStorage (works from
 *     file:// too) and applied before the first paint by the inline script in
 *     overrides/main.html;
 *   - every paragraph (.res-para[data-anchor]) gets one « ⋯ » button opening a small menu:
 *     « Copier le lien » (its permanent absolute address, never a query string; from disk,
 *     the public address when the page has an http(s) canonical link), « Citer » (the
 *     citations in data-citations, each shown and copied as shown, plus the permanent
 *     address and today's date), and « Partager » where the Web Share API exists;
 *   - every [data-copy] element (the citation shown on a paragraph's page) gets a copy button;
 *   - index.html#plan / #verbes and themes.html#<theme> lead to the analysis page.
 * A role="status" region confirms each copy (or shows the text to copy by hand).
 */
(() => {
  "use strict";

  const STORE = "edition.annotations";
  const root = document.documentElement;
  const FAILED = "Copie impossible\u00a0; à copier à la main\u00a0: ";

  /* -- old addresses ------------------------------------------------------------------ */
  const redirect = document.querySelector("[data-redirect]");
  if (redirect) {
    window.location.replace(redirect.getAttribute("data-redirect") + window.location.hash);
    return;
  }
  const moved = document.querySelector("[data-moved]");
  if (moved && /^#(plan|verbes)$/.test(window.location.hash)) {
    window.location.replace(moved.getAttribute("data-moved") + window.location.hash);
    return;
  }

  /* -- copying -------------------------------------------------------------------------- */
  const status = document.createElement("p");
  status.className = "ed-status";
  status.setAttribute("role", "status");
  let statusTimer = 0;
  const content = document.querySelector(".md-content__inner") || document.body;
  content.appendChild(status);

  function say(message) {
    status.textContent = message;
    clearTimeout(statusTimer);
    statusTimer = setTimeout(() => { status.textContent = ""; }, 6000);
  }

  function legacyCopy(text) {
    const focused = document.activeElement;
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.setAttribute("aria-hidden", "true");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (err) {
      ok = false;
    }
    document.body.removeChild(area);
    if (focused && focused.focus) focused.focus();
    return ok;
  }

  async function copy(text, done) {
    let ok = false;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      try {
        await navigator.clipboard.writeText(text);
        ok = true;
      } catch (err) {
        ok = legacyCopy(text);
      }
    } else {
      ok = legacyCopy(text);
    }
    say(ok ? done : FAILED + text);
  }

  /* The paragraph's permanent address. Opened from disk (the offline copy), a file://
     address means nothing to whoever receives it: when the build knew the public address
     (SITE_URL, so the page has a canonical link), the link is the public one. */
  function permalink(para) {
    const link = para.querySelector("a.res-para__link");
    let base = window.location.href;
    const canonical = document.querySelector("link[rel=canonical]");
    if (window.location.protocol === "file:" && canonical && /^https?:/.test(canonical.href)) {
      base = canonical.href;
    }
    const url = new URL(link ? link.getAttribute("href") : "", base);
    url.search = "";
    url.hash = para.getAttribute("data-anchor") || para.id;
    return url.href;
  }

  const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
    "septembre", "octobre", "novembre", "décembre"];

  function today() {
    const d = new Date();
    const day = d.getDate() === 1 ? "1er" : String(d.getDate());
    return `${day} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
  }

  /* [[name, text], …] from data-citations, else the one data-cite */
  function citations(para) {
    try {
      const list = JSON.parse(para.getAttribute("data-citations") || "[]");
      if (list.length) return list;
    } catch (err) { /* fall through */ }
    return [["Référence", para.getAttribute("data-cite") || ""]];
  }

  /* "Préambule, alinéa 3" -> "l’alinéa 3 du préambule"; "Paragraphe 5" -> "le paragraphe 5" */
  function designation(label) {
    const pp = /^Préambule, alinéa (\d+)$/.exec(label);
    if (pp) return `l’alinéa ${pp[1]} du préambule`;
    return `le ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  }

  function button(text, className, onClick, name) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = className;
    b.textContent = text;
    if (name) b.setAttribute("aria-label", name);
    b.addEventListener("click", onClick);
    return b;
  }

  /* -- annotations on demand -------------------------------------------------------------- */
  function annotationsOn() {
    return root.getAttribute("data-annotations") === "on";
  }

  function setAnnotations(on) {
    if (on) root.setAttribute("data-annotations", "on");
    else root.removeAttribute("data-annotations");
    try {
      localStorage.setItem(STORE, on ? "on" : "off");
    } catch (err) { /* private mode: the choice lasts for this page */ }
    syncTerms();
  }

  /* Glossary terms are links only while annotations are shown: no invisible focus stop. */
  function syncTerms() {
    const on = annotationsOn();
    for (const term of document.querySelectorAll("a.ed-term")) {
      if (on) term.removeAttribute("tabindex");
      else term.setAttribute("tabindex", "-1");
    }
  }

  /* the switch is in the page (scripts/edition/templates/_macros.html: a switch added
     here would push the text down as the page loads) */
  const box = document.querySelector(".ed-switch input");
  if (box) {
    box.checked = annotationsOn();
    box.addEventListener("change", () => setAnnotations(box.checked));
  }
  syncTerms();

  /* -- one menu per paragraph --------------------------------------------------------------- */
  let openMenu = null;

  function closeMenu(focusButton) {
    if (!openMenu) return;
    const { menu, toggle } = openMenu;
    menu.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    if (focusButton) toggle.focus();
    openMenu = null;
  }

  function enhance(para) {
    const text = para.querySelector(".res-para__text");
    if (!text || para.querySelector(".ed-menu")) return;
    const what = designation(para.getAttribute("data-label") || para.id);
    const wrap = document.createElement("span");
    wrap.className = "ed-menu";
    const toggle = button("⋯", "ed-menu__toggle", () => {
      if (openMenu && openMenu.toggle === toggle) {
        closeMenu(false);
        return;
      }
      closeMenu(false);
      menu.hidden = false;
      toggle.setAttribute("aria-expanded", "true");
      openMenu = { menu, toggle };
      const first = menu.querySelector("button");
      if (first) first.focus();
    }, `Actions pour ${what}`);
    toggle.setAttribute("aria-expanded", "false");
    const menu = document.createElement("div");
    menu.className = "ed-menu__panel";
    menu.hidden = true;
    menu.id = `menu-${para.id}`;
    toggle.setAttribute("aria-controls", menu.id);

    menu.appendChild(button("Copier le lien", "ed-menu__item", () => {
      copy(permalink(para), "Lien copié dans le presse-papiers.");
      closeMenu(true);
    }, `Copier le lien vers ${what}`));

    const cites = document.createElement("div");
    cites.className = "ed-menu__cites";
    const heading = document.createElement("p");
    heading.className = "ed-menu__heading";
    heading.textContent = "Citer";
    cites.appendChild(heading);
    const formats = citations(para);
    formats.push(["Avec l’adresse permanente et la date de consultation", null]);
    for (const [name, value] of formats) {
      const row = document.createElement("div");
      row.className = "ed-menu__cite";
      const shown = document.createElement("p");
      shown.className = "ed-menu__cite-text";
      const template = para.getAttribute("data-cite-address") || `${formats[0][1]}, {url}, consulté le {date}`;
      const textNow = () => value !== null
        ? value
        : template.replace("{url}", permalink(para)).replace("{date}", today());
      shown.textContent = textNow();
      const title = document.createElement("span");
      title.className = "ed-menu__cite-name";
      title.textContent = name;
      row.append(title, shown, button("Copier", "ed-menu__item ed-menu__item--small", () => {
        copy(textNow(), "Citation copiée dans le presse-papiers.");
      }, `Copier la citation (${name})`));
      cites.appendChild(row);
    }
    menu.appendChild(cites);

    if (navigator.share) {
      menu.appendChild(button("Partager…", "ed-menu__item", () => {
        navigator.share({ title: document.title, text: formats[0][1], url: permalink(para) })
          .catch(() => {});
        closeMenu(true);
      }, `Partager ${what}`));
    }
    menu.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.preventDefault();
        closeMenu(true);
      }
    });
    wrap.append(toggle);
    text.appendChild(document.createTextNode(" "));
    text.appendChild(wrap);
    // the panel opens as a block under the paragraph: full width on a phone, never off screen
    text.after(menu);
  }

  document.addEventListener("click", (event) => {
    if (openMenu && !event.target.closest(".ed-menu, .ed-menu__panel")) closeMenu(false);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && openMenu) closeMenu(true);
  });

  for (const para of document.querySelectorAll(".res-para[data-anchor]")) enhance(para);

  /* -- note calls and glossary terms on a touch screen ------------------------------------------
     Hover and focus show Material's tooltips; a finger has neither, so a tap on a note call
     or a glossary term opens a small panel with the note or the definition (and a link to
     go there) instead of jumping away from the text. */
  let popover = null;

  function closePopover() {
    if (popover) {
      popover.remove();
      popover = null;
    }
  }

  function showPopover(anchor, text, href, label) {
    closePopover();
    popover = document.createElement("div");
    popover.className = "ed-popover";
    popover.setAttribute("role", "dialog");
    popover.setAttribute("aria-label", label);
    const body = document.createElement("p");
    body.textContent = text;
    const go = document.createElement("a");
    go.href = href;
    go.textContent = label;
    const close = button("Fermer", "ed-menu__item ed-menu__item--small", () => {
      closePopover();
      anchor.focus();
    });
    popover.append(body, go, " ", close);
    const block = anchor.closest(".res-para__text, .footnote li, p") || anchor;
    block.after(popover);
    go.focus();
  }

  let touched = false;
  document.addEventListener("pointerdown", (event) => { touched = event.pointerType === "touch"; }, true);
  document.addEventListener("click", (event) => {
    const target = event.target.closest("a.footnote-ref, a.ed-term");
    if (!target || !touched) return;
    event.preventDefault();
    if (target.classList.contains("footnote-ref")) {
      const note = document.getElementById(decodeURIComponent(target.hash.slice(1)));
      const text = note ? note.textContent.replace(/\s*↩\s*$/, "").trim() : "";
      showPopover(target, text, target.href, `Aller à la note ${target.textContent}`);
    } else {
      showPopover(target, target.getAttribute("title") || "", target.href, "Voir le glossaire");
    }
  }, true);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closePopover();
  });

  /* -- print: the footer's permanent address, absolute -------------------------------------- */
  for (const footer of document.querySelectorAll("[data-print-footer]")) {
    const canonical = document.querySelector("link[rel=canonical]");
    const base = canonical && /^https?:/.test(canonical.href) ? canonical.href : window.location.href;
    let rootPath = ".";
    try {
      rootPath = JSON.parse(document.getElementById("__config").textContent).base || ".";
    } catch (err) { /* keep "." */ }
    const url = new URL(footer.getAttribute("data-print-footer"), new URL(`${rootPath}/`, base));
    const slot = footer.querySelector(".ed-print-footer__url");
    if (slot && /^https?:/.test(url.href)) slot.textContent = url.href;
  }

  /* -- citations shown on a page: a copy button each ----------------------------------------- */
  for (const shown of document.querySelectorAll("[data-copy]")) {
    const name = shown.getAttribute("data-copy-name") || "la citation";
    shown.after(" ", button("Copier", "ed-copy", () => {
      copy(shown.getAttribute("data-copy"), "Citation copiée dans le presse-papiers.");
    }, `Copier ${name}`));
  }
})();
