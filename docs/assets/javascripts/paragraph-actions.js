/* « Copier le lien » and « Citer » on every paragraph of the resolution.
 *
 * Progressive enhancement: the buttons are created here, so without JavaScript each
 * paragraph keeps only its permalink (a plain link). « Copier le lien » copies the
 * paragraph's permanent absolute address on the page where it is read (its permalink,
 * without any query string: http(s) when served; from disk, the public address when the
 * page has a canonical link, else file://);
 * « Citer » copies the ready citation written by the build in data-cite. A visible
 * message, in a role="status" region, confirms the copy (or shows the text to copy by
 * hand when the browser refuses).
 */
(function () {
  "use strict";

  var DONE = {
    link: "Lien copié dans le presse-papiers.",
    cite: "Citation copiée dans le presse-papiers."
  };
  var FAILED = "Copie impossible\u00a0; à copier à la main\u00a0: ";
  var timers = new WeakMap();

  /* "Préambule, alinéa 3" -> "l’alinéa 3 du préambule"; "Paragraphe 5" -> "le paragraphe 5" */
  function designation(label) {
    var pp = /^Préambule, alinéa (\d+)$/.exec(label);
    if (pp) return "l’alinéa " + pp[1] + " du préambule";
    return "le " + label.charAt(0).toLowerCase() + label.slice(1);
  }

  /* The paragraph's permanent address on this page. Opened from disk (the offline copy),
     a file:// address means nothing to whoever receives it: when the build knew the public
     address (SITE_URL, so the page has a canonical link), the link is the public one. */
  function permalink(para) {
    var link = para.querySelector("a.res-para__link");
    var base = window.location.href;
    var canonical = document.querySelector("link[rel=canonical]");
    if (window.location.protocol === "file:" && canonical && /^https?:/.test(canonical.href)) {
      base = canonical.href;
    }
    var url = new URL(link ? link.getAttribute("href") : "", base);
    url.search = "";
    url.hash = para.getAttribute("data-anchor") || para.id;
    return url.href;
  }

  function legacyCopy(text) {
    var focused = document.activeElement;
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.setAttribute("aria-hidden", "true");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (err) {
      ok = false;
    }
    document.body.removeChild(area);
    if (focused && focused.focus) focused.focus();
    return ok;
  }

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return legacyCopy(text); }
      );
    }
    return Promise.resolve(legacyCopy(text));
  }

  function say(status, message) {
    status.textContent = message;
    clearTimeout(timers.get(status));
    timers.set(status, setTimeout(function () { status.textContent = ""; }, 6000));
  }

  function button(text, name, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "res-actions__button";
    b.textContent = text;
    b.setAttribute("aria-label", name);
    b.addEventListener("click", onClick);
    return b;
  }

  function enhance(para) {
    if (para.querySelector(":scope > .res-actions")) return;
    var label = para.getAttribute("data-label") || para.id;
    var what = designation(label);
    var bar = document.createElement("div");
    bar.className = "ed res-actions";
    var status = document.createElement("span");
    status.className = "res-actions__status";
    status.setAttribute("role", "status");

    function act(kind, text) {
      copy(text).then(function (ok) {
        say(status, ok ? DONE[kind] : FAILED + text);
      });
    }

    bar.appendChild(button("Copier le lien", "Copier le lien vers " + what, function () {
      act("link", permalink(para));
    }));
    bar.appendChild(button("Citer", "Citer " + what, function () {
      act("cite", para.getAttribute("data-cite") || "");
    }));
    bar.appendChild(status);
    para.appendChild(bar);
  }

  var paragraphs = document.querySelectorAll(".res-para[data-anchor]");
  for (var i = 0; i < paragraphs.length; i++) enhance(paragraphs[i]);
})();
