/* French search for the edition: the engine, loaded by search-worker.js when the reader
 * opens search.
 *
 * It searches the index that scripts/edition/search.py shapes (one entry per paragraph,
 * with its notes; the edition's other pages as Material scraped them) the way a French
 * reader expects:
 *   - accents and ligatures are folded on both sides: "xenophobie" finds "xénophobie",
 *     "Etats" finds "États", "oeuvre" finds "œuvre";
 *   - elisions are split on both apostrophes (’ and '): "homme" finds "l’homme", and
 *     "l’homme" or "l'homme" search for "homme";
 *   - every word of the query is required (words like "de", "la" are ignored when the
 *     query has other words); each word matches the beginning of a word of the text, and
 *     a final plural s/x is ignored ("droit" finds "droits" and the reverse);
 *   - a word of five letters or more that matches nothing is read with one typo forgiven
 *     (a letter missing, extra, wrong, or two swapped; "ph" read as "f"): "cooperaton"
 *     and "xenofobie" find "coopération" and "xénophobie";
 *   - a document symbol ("55/2", "A/67/53", "A/CONF.157/24") is one term, matched whole
 *     against the symbols of the text; a symbol also matches one that ends with it, part
 *     by part ("55/2" and "A/RES/55/2"), never a number inside it;
 *   - a paragraph's notes are searched with it;
 *   - punctuation and guillemets never stick to a word.
 * Each paragraph is a result of its own, with an excerpt: the passage around its first
 * match and the notes that matched, the matched words in <mark>. Material shows an
 * excerpt only under a result whose address has no "#" (preambular paragraphs have one
 * today): for those the excerpt also rides in the title, in a <template> that
 * search-box.js moves below the heading.
 * A classic script (importScripts, also inside the iframe-worker shim from file://): it
 * defines self.editionSearch = {setup, search} and nothing else.
 */
"use strict";

(() => {
  // Elided forms: "l’", "d’", "qu’", "jusqu’"… (dropped before an apostrophe)
  const ELISIONS = new Set("c d j l m n s t qu jusqu lorsqu puisqu quoiqu presqu".split(" "));
  // Ignored in a query that has other words
  const STOPWORDS = new Set(
    (
      "a au aux avec ce ces cet cette dans de des du elle en et il ils la le les leur leurs " +
      "lui ma mais me mes meme ne ni nos notre nous on ou par pas pour qu que qui sa se ses " +
      "son sur ta te tes ton tu un une vos votre vous y est sont"
    ).split(" ")
  );
  const APOSTROPHE = /^['’]/;
  // Tags and entities are skipped; a symbol is parts of letters and digits (dots inside:
  // "CONF.157") joined by slashes; other words are runs of letters and digits.
  const PART = "[\\p{L}\\p{N}]+(?:\\.[\\p{L}\\p{N}]+)*";
  const WORD = new RegExp(`<[^>]*>|&#?[0-9a-zA-Z]+;|(${PART}(?:/${PART})+)|[\\p{L}\\p{N}]+`, "gu");
  // Typos are forgiven in words of this many letters or more
  const TYPO_MIN = 5;
  // A paragraph longer than this is shown from a little before its first match
  const EXCERPT = 260;
  const BEFORE = 70;

  let docs = []; // [{doc, page, title, text, notes: [{number, text, tokens}]}]
  let vocabulary = []; // every word (not symbol) of the index, normalised, once

  /* "États" -> "etats", "Œuvres" -> "oeuvres" */
  const fold = (word) =>
    word
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae");

  /* "États" -> "etat" (plural dropped) */
  const normalise = (word) => {
    const w = fold(word);
    return w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w;
  };

  /* The words and symbols of a string (HTML allowed) with their positions. */
  const tokens = (input) => {
    const out = [];
    for (const m of input.matchAll(WORD)) {
      const word = m[0];
      if (word.startsWith("<") || word.startsWith("&")) continue;
      const end = m.index + word.length;
      if (m[1]) {
        out.push({ norm: fold(word), symbol: true, start: m.index, end });
        continue;
      }
      const norm = normalise(word);
      if (ELISIONS.has(norm) && APOSTROPHE.test(input.slice(end, end + 1))) continue;
      out.push({ norm, symbol: false, start: m.index, end });
    }
    return out;
  };

  /* The query's terms: normalised, unique, stop words dropped unless alone. */
  const terms = (query) => {
    const seen = new Map();
    for (const t of tokens(query.replace(/[<&]/g, " "))) {
      if (!seen.has(t.norm)) seen.set(t.norm, { norm: t.norm, symbol: t.symbol });
    }
    const all = [...seen.values()];
    const content = all.filter((t) => t.symbol || !STOPWORDS.has(t.norm));
    return content.length ? content : all;
  };

  /* a and b at most one edit apart (a letter inserted, deleted, replaced; two swapped) */
  const oneEdit = (a, b) => {
    if (a === b) return true;
    const la = a.length;
    const lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    let i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la > lb) return a.slice(i + 1) === b.slice(i);
    if (la < lb) return a.slice(i) === b.slice(i + 1);
    return (
      a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    );
  };

  const sounds = (w) => w.replace(/ph/g, "f");

  /* The typed word, one typo away from the word (or from its beginning: still typing) */
  const near = (typed, word) => {
    const t = sounds(typed);
    const w = sounds(word);
    for (let n = Math.max(1, t.length - 1); n <= Math.min(w.length, t.length + 1); n++) {
      if (oneEdit(t, w.slice(0, n))) return true;
    }
    return false;
  };

  /* Symbols match whole, or when one ends with the other part by part: "55/2" matches
     "55/2" and "A/RES/55/2", not "155/2" or "55/20". */
  const sameSymbol = (a, b) => a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`);

  /* A term with its test: `exact(token)` for scoring, `test(token)` for matching. */
  const matcher = (term) => {
    if (term.symbol) {
      return { ...term, test: (t) => t.symbol && sameSymbol(t.norm, term.norm) };
    }
    const prefix = (t) => !t.symbol && t.norm.startsWith(term.norm);
    const typo = term.norm.length >= TYPO_MIN && /^\p{L}+$/u.test(term.norm);
    if (!typo || vocabulary.some((w) => w.startsWith(term.norm))) return { ...term, test: prefix };
    const close = new Set(vocabulary.filter((w) => near(term.norm, w)));
    return { ...term, test: (t) => !t.symbol && close.has(t.norm) };
  };

  /* Matches of a term in a list of tokens, exact ones counted twice */
  const count = (list, term) => {
    let n = 0;
    for (const token of list) {
      if (term.test(token)) n += token.norm === term.norm ? 2 : 1;
    }
    return n;
  };

  /* input[from, to) with the words that match a term in <mark>; their surface forms
     go to `found`. */
  const highlight = (input, list, query, found, from = 0, to = input.length) => {
    let out = "";
    let pos = from;
    for (const t of list) {
      if (t.start < from || t.end > to || !query.some((term) => term.test(t))) continue;
      const word = input.slice(t.start, t.end);
      found.add(word.toLowerCase());
      out += `${input.slice(pos, t.start)}<mark>${word}</mark>`;
      pos = t.end;
    }
    return out + input.slice(pos, to);
  };

  /* A paragraph's excerpt (its text is escaped plain text: cut at spaces only): the whole
     of a short one, else EXCERPT characters from a little before its first match; then
     each note that matched, « Note 2 : … ». */
  const excerpt = (entry, query, found) => {
    const text = entry.doc.text || "";
    // the page the result opens marks every word matched, shown here or not
    for (const t of entry.text) {
      if (query.some((term) => term.test(t))) found.add(text.slice(t.start, t.end).toLowerCase());
    }
    let from = 0;
    let to = text.length;
    if (text.length > EXCERPT + BEFORE) {
      const first = entry.text.find((t) => query.some((term) => term.test(t)));
      if (first && first.start > BEFORE) from = text.lastIndexOf(" ", first.start - BEFORE) + 1;
      to = from + EXCERPT;
      if (first && to < first.end) to = first.end;
      const space = text.indexOf(" ", to);
      to = space < 0 ? text.length : space;
    }
    const shown = highlight(text, entry.text, query, found, from, to);
    let out = `<p class="ed-excerpt">${from > 0 ? "… " : ""}${shown}${to < text.length ? " …" : ""}</p>`;
    for (const note of entry.notes) {
      if (!note.tokens.some((t) => query.some((term) => term.test(t)))) continue;
      const marked = highlight(note.text, note.tokens, query, found);
      out += `<p class="ed-excerpt ed-excerpt--note">Note ${note.number}\u00a0: ${marked}</p>`;
    }
    return out;
  };

  const setup = (data) => {
    const words = new Set();
    docs = data.docs.map((doc) => {
      const entry = {
        doc,
        page: doc.location.split("#")[0],
        title: tokens(doc.title || ""),
        text: tokens(doc.text || ""),
        notes: (doc.notes || []).map((note) => ({ ...note, tokens: tokens(note.text || "") })),
      };
      for (const list of [entry.title, entry.text, ...entry.notes.map((n) => n.tokens)]) {
        for (const t of list) if (!t.symbol) words.add(t.norm);
      }
      return entry;
    });
    vocabulary = [...words];
  };

  const search = (input) => {
    const q = terms(input).map(matcher);
    if (!q.length) return { items: [] };

    /* Every term must match the title, the text or a note */
    const hits = [];
    const df = q.map(() => 0);
    docs.forEach((entry, order) => {
      const counts = q.map((term) => ({
        title: count(entry.title, term),
        text: count(entry.text, term),
        notes: entry.notes.reduce((n, note) => n + count(note.tokens, term), 0),
      }));
      if (counts.some((c) => !c.title && !c.text && !c.notes)) return;
      counts.forEach((_, i) => {
        df[i]++;
      });
      hits.push({ entry, order, counts });
    });

    /* Score: rarer terms weigh more, a title match more than one in the text, a note's
       less than the text's */
    for (const hit of hits) {
      hit.score = 0;
      hit.counts.forEach((c, i) => {
        const idf = Math.log(1 + docs.length / df[i]);
        hit.score += idf * (5 * Math.min(c.title, 2) + Math.min(c.text, 6) + 0.5 * Math.min(c.notes, 4));
      });
    }

    /* Each paragraph of the resolution (boosted in the index) is a result of its own;
       the edition's pages are grouped by page, as Material shows them, and come after
       the paragraphs, then by score, then in reading order. */
    const groups = [];
    const byKey = new Map();
    for (const hit of hits) {
      const own = Boolean(hit.entry.doc.boost);
      const key = own ? hit.entry.doc.location : hit.entry.page;
      let group = byKey.get(key);
      if (!group) {
        group = { hits: [], score: 0, boost: 1, order: hit.order, page: key, own };
        byKey.set(key, group);
        groups.push(group);
      }
      group.hits.push(hit);
      group.score = Math.max(group.score, hit.score);
      group.boost = Math.max(group.boost, hit.entry.doc.boost || 1);
    }
    groups.sort((a, b) => b.boost - a.boost || b.score - a.score || a.order - b.order);

    const words = (found) => Object.fromEntries([...found].slice(0, 8).map((w) => [w, true]));

    return {
      items: groups.map((group) => {
        const { page } = group;
        const items = group.hits.map(({ entry }) => {
          const found = new Set();
          const { doc } = entry;
          const item = { ...doc };
          delete item.notes;
          item.title = highlight(doc.title || "", entry.title, q, found);
          if (group.own) {
            item.text = excerpt(entry, q, found);
            // Material drops the text of a result whose address has a "#"
            if (doc.location.includes("#")) item.title += `<template class="ed-excerpt">${item.text}</template>`;
          } else {
            item.text = highlight(doc.text || "", entry.text, q, found);
          }
          // the words Material highlights on the page the result opens (?h=…)
          item.terms = words(found);
          item.score = group.score;
          return item;
        });
        /* Material renders a group under its page's entry: add it when it did not match,
           with the words its sections matched, so that it too opens with them highlighted */
        if (group.own) return items;
        if (!items.some((item) => item.location === page)) {
          const article = docs.find((e) => e.doc.location === page);
          const found = new Set(items.flatMap((item) => Object.keys(item.terms)));
          if (article) items.unshift({ ...article.doc, text: "", terms: words(found), score: group.score });
        } else {
          items.sort((a, b) => (b.location === page) - (a.location === page));
        }
        return items;
      }),
    };
  };

  self.editionSearch = { setup, search };
})();
