/* French search for the edition: the engine, loaded by search-worker.js when the reader
 * opens search.
 *
 * It searches the index that scripts/edition/search.py shapes (one entry per paragraph)
 * the way a French reader expects:
 *   - accents and ligatures are folded on both sides: "xenophobie" finds "xénophobie",
 *     "Etats" finds "États", "oeuvre" finds "œuvre";
 *   - elisions are split on both apostrophes (’ and '): "homme" finds "l’homme", and
 *     "l’homme" or "l'homme" search for "homme";
 *   - every word of the query is required (words like "de", "la" are ignored when the
 *     query has other words); each word matches the beginning of a word of the text, and
 *     a final plural s/x is ignored ("droit" finds "droits" and the reverse);
 *   - punctuation and guillemets never stick to a word.
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
  // Tags and entities are skipped; words are runs of letters and digits.
  const WORD = /<[^>]*>|&#?[0-9a-zA-Z]+;|[\p{L}\p{N}]+/gu;

  let docs = []; // [{doc, page, title: [tokens], text: [tokens]}]

  /* "États" -> "etat", "Œuvres" -> "oeuvre" */
  const normalise = (word) => {
    let w = word
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae");
    if (w.length > 3 && /[sx]$/.test(w)) w = w.slice(0, -1);
    return w;
  };

  /* The words of a string (HTML allowed) with their positions. */
  const tokens = (input) => {
    const out = [];
    for (const m of input.matchAll(WORD)) {
      const word = m[0];
      if (word.startsWith("<") || word.startsWith("&")) continue;
      const end = m.index + word.length;
      const norm = normalise(word);
      if (ELISIONS.has(norm) && APOSTROPHE.test(input.slice(end, end + 1))) continue;
      out.push({ norm, start: m.index, end });
    }
    return out;
  };

  /* The query's terms: normalised, unique, stop words dropped unless alone. */
  const terms = (query) => {
    const all = [...new Set(tokens(query.replace(/[<&]/g, " ")).map((t) => t.norm))];
    const content = all.filter((t) => !STOPWORDS.has(t));
    return content.length ? content : all;
  };

  const matches = (token, term) => token.norm.startsWith(term);

  /* Matches of `term` in a list of tokens, exact ones counted twice */
  const count = (list, term) => {
    let n = 0;
    for (const token of list) {
      if (matches(token, term)) n += token.norm === term ? 2 : 1;
    }
    return n;
  };

  /* Wrap the words of `input` that match a term in <mark>; collect their surface forms. */
  const highlight = (input, list, query, found) => {
    let out = "";
    let pos = 0;
    for (const t of list) {
      if (!query.some((term) => matches(t, term))) continue;
      const word = input.slice(t.start, t.end);
      found.add(word.toLowerCase());
      out += `${input.slice(pos, t.start)}<mark>${word}</mark>`;
      pos = t.end;
    }
    return out + input.slice(pos);
  };

  const setup = (data) => {
    docs = data.docs.map((doc) => ({
      doc,
      page: doc.location.split("#")[0],
      title: tokens(doc.title || ""),
      text: tokens(doc.text || ""),
    }));
  };

  const search = (query) => {
    const q = terms(query);
    if (!q.length) return { items: [] };

    /* Every term must match the title or the text */
    const hits = [];
    const df = q.map(() => 0);
    docs.forEach((entry, order) => {
      const counts = q.map((term) => ({ title: count(entry.title, term), text: count(entry.text, term) }));
      if (counts.some((c) => !c.title && !c.text)) return;
      counts.forEach((_, i) => df[i]++);
      hits.push({ entry, order, counts });
    });

    /* Score: rarer terms weigh more, a title match more than one in the text */
    for (const hit of hits) {
      hit.score = 0;
      hit.counts.forEach((c, i) => {
        const idf = Math.log(1 + docs.length / df[i]);
        hit.score += idf * (5 * Math.min(c.title, 2) + Math.min(c.text, 6));
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

    return {
      items: groups.map((group) => {
        const { page } = group;
        const items = group.hits.map(({ entry }) => {
          const found = new Set();
          const { doc } = entry;
          const item = { ...doc };
          item.title = highlight(doc.title || "", entry.title, q, found);
          item.text = highlight(doc.text || "", entry.text, q, found);
          // the words Material highlights on the page the result opens (?h=…)
          item.terms = Object.fromEntries([...found].slice(0, 8).map((w) => [w, true]));
          item.score = group.score;
          return item;
        });
        /* Material renders a group under its page's entry: add it when it did not match,
           with the words its sections matched, so that it too opens with them highlighted */
        if (group.own) return items;
        if (!items.some((item) => item.location === page)) {
          const article = docs.find((e) => e.doc.location === page);
          const words = [...new Set(items.flatMap((item) => Object.keys(item.terms)))];
          const terms = Object.fromEntries(words.slice(0, 8).map((w) => [w, true]));
          if (article) items.unshift({ ...article.doc, text: "", terms, score: group.score });
        } else {
          items.sort((a, b) => (b.location === page) - (a.location === page));
        }
        return items;
      }),
    };
  };

  self.editionSearch = { setup, search };
})();
