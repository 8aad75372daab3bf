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
 *     « Copier le texte » (the official words, then the reference and the address),
 *     « Copier le lien » (its permanent absolute address, never a query string; from disk,
 *     the public address when the page has an http(s) canonical link), « Citer » (the
 *     citations in data-citations, each shown and copied as shown, plus the permanent
 *     address and today's date), and « Partager » where the Web Share API exists; a
 *     menu's panel is built the first time it opens (a page of 23 paragraphs would
 *     otherwise carry some 500 nodes no one sees);
 *   - whatever is copied from the wording reaches the clipboard as the official words:
 *     no note-call digits, no « ⋯ », no label or button, French spacing as typed, in
 *     text/plain and text/html alike (the `copy` event);
 *   - words selected in a paragraph offer « Citer la sélection »: the quotation with the
 *     paragraph's citation, and a link that opens the paragraph with exactly those words
 *     highlighted: a text fragment (#…:~:text=) where the browser has them, and ?passage=,
 *     which this script reads on every page, from disk too (?h= is Material's, for the
 *     words of a search);
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
    } catch {
      ok = false;
    }
    document.body.removeChild(area);
    focused?.focus?.();
    return ok;
  }

  async function copy(text, done) {
    let ok = false;
    if (navigator.clipboard?.writeText) {
      try {
        await navigator.clipboard.writeText(text);
        ok = true;
      } catch {
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
    } catch { /* fall through */ }
    return [["Référence", para.getAttribute("data-cite") || ""]];
  }

  /* "Préambule, alinéa 3" -> "l’alinéa 3 du préambule"; "Paragraphe 5" -> "le paragraphe 5" */
  function designation(label) {
    const pp = /^Préambule, alinéa (\d+)$/.exec(label);
    if (pp) return `l’alinéa ${pp[1]} du préambule`;
    return `le ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  }

  /* "le paragraphe 5" -> "du paragraphe 5"; "l’alinéa 3 du préambule" -> "de l’alinéa 3…" */
  function of(what) {
    return what.startsWith("le ") ? `du ${what.slice(3)}` : `de ${what}`;
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
    } catch { /* private mode: the choice lasts for this page */ }
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

  /* -- the official words, as copied -----------------------------------------------------------
     The wording's elements carry class "res"; inside them, what the edition adds carries
     class "ed" (a preambular paragraph's « Alinéa 3 », themes), and note calls are
     <sup id="fnref:N">. A copy keeps the words and drops the rest; blocks (paragraphs,
     subparagraphs, notes) become lines separated by a blank line. */
  const LEFT_OUT = "sup[id^='fnref'], .footnote-backref, .ed-menu, .ed-menu__panel, .ed-popover, " +
    ".ed-quote, .ed-quote-button, button, .ed-status, script, style";
  const BLOCK = /^(P|DIV|LI|H[1-6]|HEADER|SECTION|BLOCKQUOTE|OL|UL|DL|DT|DD|TABLE|TR)$/;
  const SPACES = /[ \t\r\n]+/g; // not U+00A0: French spacing is the text's

  function skipped(el) {
    // an edition element is skipped unless it holds wording (the preamble page's header)
    return el.matches(LEFT_OUT) || (el.classList.contains("ed") && !el.querySelector(".res"));
  }

  function trimSpaces(text) {
    return text.replace(SPACES, " ").replace(/^ | $/g, "");
  }

  /* The blocks of official words under `root` (an element or a copied fragment). */
  function wordingBlocks(root) {
    const blocks = [];
    let current = "";
    const flush = () => {
      const text = trimSpaces(current);
      if (text) blocks.push(text);
      current = "";
    };
    (function walk(node) {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          current += child.data;
        } else if (child.nodeType === Node.ELEMENT_NODE && !skipped(child)) {
          const block = BLOCK.test(child.tagName) || child.classList.contains("res-subpara");
          if (block) flush();
          walk(child);
          if (block) flush();
        }
      }
    })(root);
    flush();
    return blocks;
  }

  const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

  function touchesWording(range) {
    for (const el of document.querySelectorAll(".res")) {
      if (range.intersectsNode(el)) return true;
    }
    return false;
  }

  document.addEventListener("copy", (event) => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !event.clipboardData) return;
    const ranges = [];
    for (let i = 0; i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i));
    if (!ranges.some(touchesWording)) return; // the edition's own pages copy as they are
    const blocks = [];
    for (const range of ranges) blocks.push(...wordingBlocks(range.cloneContents()));
    if (!blocks.length) return;
    event.clipboardData.setData("text/plain", blocks.join("\n\n"));
    event.clipboardData.setData("text/html", blocks.map((b) => `<p>${escapeHtml(b)}</p>`).join("\n"));
    event.preventDefault();
  });

  /* A paragraph's official words as one string, with, for each character, the text node
     and offset it comes from (to put a highlight back on the page). */
  function wordingMap(root) {
    let text = "";
    const where = [];
    const push = (ch, node, offset) => {
      if (ch === " " && (text === "" || text.endsWith(" "))) return;
      text += ch;
      where.push([node, offset]);
    };
    (function walk(node) {
      for (const child of node.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) {
          for (let i = 0; i < child.data.length; i++) {
            push(/[ \t\r\n]/.test(child.data[i]) ? " " : child.data[i], child, i);
          }
        } else if (child.nodeType === Node.ELEMENT_NODE && !skipped(child)) {
          const block = BLOCK.test(child.tagName) || child.classList.contains("res-subpara");
          if (block) push(" ", null, 0);
          walk(child);
          if (block) push(" ", null, 0);
        }
      }
    })(root);
    return { text, where };
  }

  /* Occurrence `n` (1-based) of `quote` in the paragraph's words, as [start, end), or null. */
  function find(text, quote, n) {
    let at = -1;
    for (let k = 0; k < n; k++) {
      at = text.indexOf(quote, at + 1);
      if (at < 0) return null;
    }
    return [at, at + quote.length];
  }

  /* Wrap characters [start, end) of the map in <mark class="ed-highlight">, node by node. */
  function highlight(map, start, end) {
    const spans = new Map();
    for (let i = start; i < end; i++) {
      const [node, offset] = map.where[i];
      if (!node) continue;
      const span = spans.get(node) || [offset, offset];
      span[0] = Math.min(span[0], offset);
      span[1] = Math.max(span[1], offset + 1);
      spans.set(node, span);
    }
    const marks = [];
    for (const [node, [from, to]] of spans) {
      const middle = node.splitText(from);
      middle.splitText(to - from);
      const mark = document.createElement("mark");
      mark.className = "ed-highlight";
      middle.replaceWith(mark);
      mark.appendChild(middle);
      marks.push(mark);
    }
    return marks;
  }

  /* ?passage=words[&n=2]#pp-3: the words quoted from that paragraph, highlighted (the text
     fragment does the same where the browser has them; this works everywhere, from disk
     too). Nothing happens when the words are not there: the page reads as usual. */
  (function highlightQuoted() {
    const params = new URLSearchParams(window.location.search);
    const quote = trimSpaces(params.get("passage") || "");
    if (!quote) return;
    const id = decodeURIComponent(window.location.hash.slice(1).split(":~:")[0]);
    const para = (id && document.getElementById(id)) || document.querySelector(".res-para[data-anchor]");
    if (!para) return;
    const map = wordingMap(para);
    const n = Math.max(1, parseInt(params.get("n") || "1", 10) || 1);
    const span = find(map.text, quote, n);
    if (!span) return;
    const marks = highlight(map, span[0], span[1]);
    if (marks.length) {
      marks[0].setAttribute("tabindex", "-1");
      marks[0].scrollIntoView({ block: "center" });
    }
  })();

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
    let menu = null; // its panel, built when first opened
    const toggle = button("⋯", "ed-menu__toggle", () => {
      if (openMenu && openMenu.toggle === toggle) {
        closeMenu(false);
        return;
      }
      closeMenu(false);
      if (!menu) menu = buildMenu(para, toggle, text, what);
      menu.hidden = false;
      toggle.setAttribute("aria-expanded", "true");
      openMenu = { menu, toggle };
      const first = menu.querySelector("button");
      if (first) first.focus();
    }, `Citer, copier ou partager ${what}`);
    toggle.setAttribute("title", "Citer, copier ou partager");
    toggle.setAttribute("aria-expanded", "false");
    wrap.append(toggle);
    text.appendChild(document.createTextNode(" "));
    text.appendChild(wrap);
  }

  /* The menu of `para` (its « ⋯ » button `toggle`), placed after the paragraph's `text`. */
  function buildMenu(para, toggle, text, what) {
    const menu = document.createElement("div");
    menu.className = "ed-menu__panel";
    menu.id = `menu-${para.id}`;
    toggle.setAttribute("aria-controls", menu.id);

    menu.appendChild(button("Copier le texte", "ed-menu__item", () => {
      const words = wordingBlocks(para).join("\n");
      copy(`${words}\n— ${para.getAttribute("data-reference") || ""}\n${permalink(para)}`,
        "Texte du paragraphe copié, avec sa référence et son adresse.");
      closeMenu(true);
    }, `Copier le texte ${of(what)}, avec sa référence`));

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
    // Tab out of the open menu closes it (focus left both the menu and its button)
    for (const part of [menu, toggle]) {
      part.addEventListener("focusout", (event) => {
        const next = event.relatedTarget;
        if (openMenu && openMenu.menu === menu && next && !menu.contains(next) && next !== toggle) {
          closeMenu(false);
        }
      });
    }
    // the panel opens as a block under the paragraph: full width on a phone, never off screen
    text.after(menu);
    return menu;
  }

  document.addEventListener("click", (event) => {
    if (openMenu && !event.target.closest(".ed-menu, .ed-menu__panel")) closeMenu(false);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && openMenu) closeMenu(true);
  });

  for (const para of document.querySelectorAll(".res-para[data-anchor]")) enhance(para);

  /* -- quoting a selection ------------------------------------------------------------------------
     Words selected inside one paragraph offer « Citer la sélection » (a button beside the
     paragraph's text): a panel under the paragraph shows the quotation « … » with the
     paragraph's citation in the chosen form, and copies it with a link that opens the
     paragraph with exactly those words highlighted. */
  const quoteButton = button("Citer la sélection", "ed-quote-button", () => openQuote());
  quoteButton.hidden = true;
  // pressing it must not clear the selection it quotes
  quoteButton.addEventListener("mousedown", (event) => event.preventDefault());
  let selected = null; // {para, quote, n, fragment}
  let quotePanel = null;

  /* The paragraph both ends of the selection are in (its text, not its apparatus), or null. */
  function selectedParagraph(range) {
    const inside = (node) => {
      const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
      if (!el || el.closest(LEFT_OUT) || el.closest(".ed-label, .ed-themes")) return null;
      return el.closest(".res-para[data-anchor]");
    };
    const start = inside(range.startContainer);
    return start && start === inside(range.endContainer) ? start : null;
  }

  /* The rendered words of a range (note calls included: what the browser matches a text
     fragment against), without the menu. */
  function renderedText(fragment) {
    for (const el of fragment.querySelectorAll(".ed-menu, .ed-menu__panel, .ed-quote-button")) el.remove();
    return trimSpaces(fragment.textContent);
  }

  const FRAGMENT_SAFE = (text) => encodeURIComponent(text).replace(/-/g, "%2D").replace(/,/g, "%2C");

  function textFragment(para, range) {
    const whole = renderedText(para.querySelector(".res-para__text").cloneNode(true));
    const text = renderedText(range.cloneContents());
    const words = text.split(" ");
    let directive = words.length > 8
      ? `${FRAGMENT_SAFE(words.slice(0, 4).join(" "))},${FRAGMENT_SAFE(words.slice(-4).join(" "))}`
      : FRAGMENT_SAFE(text);
    const before = trimSpaces(renderedText(
      (() => {
        const r = document.createRange();
        r.setStart(para.querySelector(".res-para__text"), 0);
        r.setEnd(range.startContainer, range.startOffset);
        return r.cloneContents();
      })(),
    ));
    const head = words.slice(0, 4).join(" ");
    if (whole.indexOf(head) !== whole.lastIndexOf(head) && before) {
      const prefix = before.split(" ").slice(-3).join(" ");
      directive = `${FRAGMENT_SAFE(prefix)}-,${directive}`;
    }
    return directive;
  }

  function updateSelection() {
    const selection = window.getSelection();
    selected = null;
    if (selection && !selection.isCollapsed && selection.rangeCount === 1) {
      const range = selection.getRangeAt(0);
      const para = selectedParagraph(range);
      const quote = para ? wordingBlocks(range.cloneContents()).join(" ") : "";
      if (para && quote) {
        // which occurrence of these words in the paragraph: count those that start before
        const map = wordingMap(para);
        const upTo = document.createRange();
        upTo.setStart(para, 0);
        upTo.setEnd(range.startContainer, range.startOffset);
        const before = wordingBlocks(upTo.cloneContents()).join(" ");
        let n = 0;
        let at = map.text.indexOf(quote);
        while (at >= 0 && at <= before.length + 1) {
          n++;
          at = map.text.indexOf(quote, at + 1);
        }
        selected = { para, quote, n: Math.max(n, 1), fragment: textFragment(para, range) };
      }
    }
    if (selected) {
      const text = selected.para.querySelector(".res-para__text");
      if (quoteButton.parentNode !== text.parentNode || quoteButton.previousSibling !== text) text.after(quoteButton);
      quoteButton.hidden = false;
    } else if (!quoteButton.contains(document.activeElement)) {
      quoteButton.hidden = true;
    }
  }

  let selectionTimer = 0;
  document.addEventListener("selectionchange", () => {
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(updateSelection, 120);
  });

  /* The link to the quoted words: the paragraph's own permanent address with ?passage= (read by
     this script) and a text fragment (read by the browser). */
  function quoteLink(q) {
    const url = new URL(permalink(q.para));
    url.search = `?passage=${encodeURIComponent(q.quote)}${q.n > 1 ? `&n=${q.n}` : ""}`;
    return `${url.href.split("#")[0]}#${q.para.getAttribute("data-anchor")}:~:text=${q.fragment}`;
  }

  function closeQuote() {
    if (quotePanel) {
      quotePanel.remove();
      quotePanel = null;
    }
  }

  function openQuote() {
    if (!selected) return;
    const q = selected;
    closeQuote();
    quotePanel = document.createElement("div");
    quotePanel.className = "ed-quote";
    quotePanel.setAttribute("role", "group");
    quotePanel.setAttribute("aria-label", "Citer la sélection");
    const heading = document.createElement("p");
    heading.className = "ed-menu__heading";
    heading.textContent = "Citer la sélection";
    const formats = citations(q.para);
    const choice = document.createElement("select");
    choice.className = "ed-quote__format";
    choice.setAttribute("aria-label", "Forme de la citation");
    formats.forEach(([name], i) => {
      choice.add(new Option(name, String(i)));
    });
    const shown = document.createElement("p");
    shown.className = "ed-quote__text";
    const link = quoteLink(q);
    const compose = () => `« ${q.quote} » (${formats[Number(choice.value) || 0][1]}), ${link}`;
    const refresh = () => { shown.textContent = compose(); };
    choice.addEventListener("change", refresh);
    refresh();
    const actions = document.createElement("p");
    actions.append(
      button("Copier la citation", "ed-menu__item", () => copy(compose(), "Citation copiée dans le presse-papiers.")),
      " ",
      button("Copier le lien vers ces mots", "ed-menu__item", () => copy(link, "Lien vers les mots cités copié.")),
      " ",
      button("Fermer", "ed-menu__item ed-menu__item--small", () => { closeQuote(); quoteButton.focus(); }),
    );
    quotePanel.append(heading, choice, shown, actions);
    quotePanel.setAttribute("data-link", link);
    quotePanel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { closeQuote(); quoteButton.focus(); }
    });
    quoteButton.after(quotePanel);
    choice.focus();
  }

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

  /* A panel next to the note call or the term it explains (under its line, within the
     column), naming what it explains: the note's number, or the term as the text has it. */
  function showPopover(anchor, heading, content, href, label) {
    closePopover();
    popover = document.createElement("div");
    popover.className = "ed ed-popover";
    popover.setAttribute("role", "dialog");
    popover.setAttribute("aria-label", heading);
    const title = document.createElement("p");
    title.className = "ed-popover__title";
    title.textContent = heading;
    const body = document.createElement("div");
    body.className = "ed-popover__body";
    body.append(...content);
    const go = document.createElement("a");
    go.href = href;
    go.textContent = label;
    const close = button("Fermer", "ed-menu__item ed-menu__item--small", () => {
      closePopover();
      anchor.focus();
    });
    const actions = document.createElement("p");
    actions.append(go, " ", close);
    popover.append(title, body, actions);
    const column = anchor.closest(".md-content__inner") || document.body;
    column.appendChild(popover);
    const at = anchor.getBoundingClientRect();
    const box = column.getBoundingClientRect();
    const width = Math.min(popover.offsetWidth, box.width);
    popover.style.top = `${at.bottom - box.top + 6}px`;
    popover.style.left = `${Math.max(0, Math.min(at.left - box.left, box.width - width))}px`;
    go.focus({ preventScroll: true });
  }

  /* A note's words as the page shows them (raised « nº », links to the cited documents),
     without its back-link. */
  function noteContent(note) {
    const p = note.querySelector("p") || note;
    const copy = p.cloneNode(true);
    for (const el of copy.querySelectorAll(".footnote-backref")) el.remove();
    const nodes = [...copy.childNodes];
    const last = nodes[nodes.length - 1];
    if (last && last.nodeType === Node.TEXT_NODE) last.data = last.data.replace(/[\s\u00a0]+$/, "");
    const para = document.createElement("p");
    para.append(...nodes);
    return [para];
  }

  let touched = false;
  document.addEventListener("pointerdown", (event) => { touched = event.pointerType === "touch"; }, true);
  document.addEventListener("click", (event) => {
    const target = event.target.closest("a.footnote-ref, a.ed-term");
    if (!target || !touched) return;
    event.preventDefault();
    if (target.classList.contains("footnote-ref")) {
      const note = document.getElementById(decodeURIComponent(target.hash.slice(1)));
      const content = note ? noteContent(note) : [];
      showPopover(target, `Note ${target.textContent}`, content, target.href, `Aller à la note ${target.textContent}`);
    } else {
      const definition = document.createElement("p");
      definition.textContent = target.getAttribute("title") || "";
      showPopover(target, `« ${trimSpaces(target.textContent)} »`, [definition], target.href, "Voir le glossaire");
    }
  }, true);
  document.addEventListener("click", (event) => {
    if (popover && !popover.contains(event.target) && !event.target.closest("a.footnote-ref, a.ed-term")) {
      closePopover();
    }
  });
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
    } catch { /* keep "." */ }
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
