/* French search for the edition.
 *
 * A drop-in replacement for Material for MkDocs' search worker (9.x message protocol:
 * SETUP 0 -> READY 1, QUERY 2 -> RESULT 3; overrides/main.html points Material at this
 * file). It searches the index that scripts/edition/search.py shapes (one entry per
 * paragraph) the way a French reader expects:
 *   - accents and ligatures are folded on both sides: "xenophobie" finds "xénophobie",
 *     "Etats" finds "États", "oeuvre" finds "œuvre";
 *   - elisions are split on both apostrophes (’ and '): "homme" finds "l’homme", and
 *     "l’homme" or "l'homme" search for "homme";
 *   - every word of the query is required (words like "de", "la" are ignored when the
 *     query has other words); each word matches the beginning of a word of the text, and
 *     a final plural s/x is ignored ("droit" finds "droits" and the reverse);
 *   - punctuation and guillemets never stick to a word.
 * It runs as a Web Worker over http(s), and inside Material's iframe-worker shim from
 * file:// (no importScripts, no fetch: the index arrives with the SETUP message).
 */
"use strict";

(function () {
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

  // Elided forms: "l’", "d’", "qu’", "jusqu’"… (dropped before an apostrophe)
  var ELISIONS = toSet("c d j l m n s t qu jusqu lorsqu puisqu quoiqu presqu");
  // Ignored in a query that has other words
  var STOPWORDS = toSet(
    "a au aux avec ce ces cet cette dans de des du elle en et il ils la le les leur leurs " +
    "lui ma mais me mes meme ne ni nos notre nous on ou par pas pour qu que qui sa se ses " +
    "son sur ta te tes ton tu un une vos votre vous y est sont"
  );
  var APOSTROPHE = /^['’]/;
  // Tags and entities are skipped; words are runs of letters and digits.
  var WORD = /<[^>]*>|&#?[0-9a-zA-Z]+;|[\p{L}\p{N}]+/gu;

  var docs = [];      // [{doc, page, title: [tokens], text: [tokens]}]

  function toSet(words) {
    var set = Object.create(null);
    words.split(" ").forEach(function (w) { set[w] = true; });
    return set;
  }

  /* "États" -> "etat", "Œuvres" -> "oeuvre" */
  function normalise(word) {
    var w = word.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase()
      .replace(/œ/g, "oe").replace(/æ/g, "ae");
    if (w.length > 3 && /[sx]$/.test(w)) w = w.slice(0, -1);
    return w;
  }

  /* The words of a string (HTML allowed) with their positions. */
  function tokens(input) {
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(input)) !== null) {
      var word = m[0];
      if (word.charAt(0) === "<" || word.charAt(0) === "&") continue;
      var end = m.index + word.length;
      var norm = normalise(word);
      if (ELISIONS[norm] && APOSTROPHE.test(input.slice(end, end + 1))) continue;
      out.push({ norm: norm, start: m.index, end: end });
    }
    return out;
  }

  /* The query's terms: normalised, unique, stop words dropped unless alone. */
  function terms(query) {
    var all = [];
    tokens(query.replace(/[<&]/g, " ")).forEach(function (t) {
      if (all.indexOf(t.norm) < 0) all.push(t.norm);
    });
    var content = all.filter(function (t) { return !STOPWORDS[t]; });
    return content.length ? content : all;
  }

  function matches(token, term) {
    return token.norm.lastIndexOf(term, 0) === 0;
  }

  function count(list, term) {
    var n = 0, exact = 0;
    for (var i = 0; i < list.length; i++) {
      if (matches(list[i], term)) {
        n++;
        if (list[i].norm === term) exact++;
      }
    }
    return n + exact;
  }

  /* Wrap the words of `input` that match a term in <mark>; collect their surface forms. */
  function highlight(input, list, query, found) {
    var out = "", pos = 0;
    list.forEach(function (t) {
      for (var i = 0; i < query.length; i++) {
        if (matches(t, query[i])) {
          var word = input.slice(t.start, t.end);
          found[word.toLowerCase()] = true;
          out += input.slice(pos, t.start) + "<mark>" + word + "</mark>";
          pos = t.end;
          return;
        }
      }
    });
    return out + input.slice(pos);
  }

  function setup(data) {
    docs = data.docs.map(function (doc) {
      return {
        doc: doc,
        page: doc.location.split("#")[0],
        title: tokens(doc.title || ""),
        text: tokens(doc.text || "")
      };
    });
  }

  function search(query) {
    var q = terms(query);
    if (!q.length) return { items: [] };

    /* Every term must match the title or the text */
    var hits = [];
    var df = q.map(function () { return 0; });
    docs.forEach(function (entry, order) {
      var counts = [];
      for (var i = 0; i < q.length; i++) {
        var c = { title: count(entry.title, q[i]), text: count(entry.text, q[i]) };
        if (!c.title && !c.text) return;
        counts.push(c);
      }
      counts.forEach(function (_, i) { df[i]++; });
      hits.push({ entry: entry, order: order, counts: counts });
    });

    /* Score: rarer terms weigh more, a title match more than one in the text */
    hits.forEach(function (hit) {
      hit.score = 0;
      hit.counts.forEach(function (c, i) {
        var idf = Math.log(1 + docs.length / df[i]);
        hit.score += idf * (5 * Math.min(c.title, 2) + Math.min(c.text, 6));
      });
    });

    /* Each paragraph of the resolution (boosted in the index) is a result of its own;
       the edition's pages are grouped by page, as Material shows them, and come after
       the paragraphs, then by score, then in reading order. */
    const groups = [];
    const byKey = Object.create(null);
    hits.forEach((hit) => {
      const own = Boolean(hit.entry.doc.boost);
      const key = own ? hit.entry.doc.location : hit.entry.page;
      let group = byKey[key];
      if (!group) {
        group = byKey[key] = { hits: [], score: 0, boost: 1, order: hit.order, page: key, own };
        groups.push(group);
      }
      group.hits.push(hit);
      group.score = Math.max(group.score, hit.score);
      group.boost = Math.max(group.boost, hit.entry.doc.boost || 1);
    });
    groups.sort((a, b) => b.boost - a.boost || b.score - a.score || a.order - b.order);

    return {
      items: groups.map(function (group) {
        var page = group.page;
        var items = group.hits.map(function (hit) {
          var found = Object.create(null);
          var doc = hit.entry.doc;
          var item = {};
          for (var key in doc) item[key] = doc[key];
          item.title = highlight(doc.title || "", hit.entry.title, q, found);
          item.text = highlight(doc.text || "", hit.entry.text, q, found);
          item.terms = {};
          Object.keys(found).slice(0, 8).forEach(function (w) { item.terms[w] = true; });
          item.score = group.score;
          return item;
        });
        /* Material renders a group under its page's entry: add it when it did not match */
        if (group.own) return items;
        if (!items.some(function (item) { return item.location === page; })) {
          var article = docs.filter(function (e) { return e.doc.location === page; })[0];
          if (article) {
            var copy = {};
            for (var key in article.doc) copy[key] = article.doc[key];
            copy.text = "";
            copy.terms = {};
            copy.score = group.score;
            items.unshift(copy);
          }
        } else {
          items.sort(function (a, b) {
            return (b.location === page) - (a.location === page);
          });
        }
        return items;
      })
    };
  }

  self.addEventListener("message", function (ev) {
    var message = ev.data;
    if (!message) return;
    if (message.type === SETUP) {
      setup(message.data);
      self.postMessage({ type: READY });
    } else if (message.type === QUERY) {
      var result;
      try {
        result = search(String(message.data || ""));
      } catch (err) {
        result = { items: [] };
      }
      self.postMessage({ type: RESULT, data: result });
    }
  });
})();
