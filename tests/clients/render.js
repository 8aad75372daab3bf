// Renders CSL-JSON items with citeproc-js (npm citeproc, pinned in package.json) and an
// official CSL style, as a reader's reference manager would: for each citation, a first
// note, a later note and the bibliography entry. Input on stdin, JSON:
//   {"items": [...], "style": "<path of a .csl>", "locales": "<folder of locales-*.xml>",
//    "locale": "en-GB", "cites": [{"id": "...", "locator": "7"}]}
// Output on stdout, JSON: [{"id", "locator", "note", "later", "bibliography"}].
"use strict";
const fs = require("node:fs");
const CSL = require("citeproc");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const byId = Object.fromEntries(input.items.map((item) => [item.id, item]));
const style = fs.readFileSync(input.style, "utf8");
const sys = {
  retrieveLocale: (lang) => {
    try {
      return fs.readFileSync(`${input.locales}/locales-${lang}.xml`, "utf8");
    } catch {
      return false;
    }
  },
  retrieveItem: (id) => byId[id],
};
const out = [];
for (const cite of input.cites) {
  const engine = new CSL.Engine(sys, style, input.locale, true);
  engine.setOutputFormat("text");
  const item = { id: cite.id };
  if (cite.locator) Object.assign(item, { locator: cite.locator, label: "paragraph" });
  const first = engine.processCitationCluster(
    { citationID: "c1", citationItems: [item], properties: { noteIndex: 1 } }, [], [],
  )[1][0][1];
  const later = engine.processCitationCluster(
    { citationID: "c2", citationItems: [item], properties: { noteIndex: 5 } }, [["c1", 1]], [],
  )[1].find((entry) => entry[0] === 1)[1];
  engine.updateItems([cite.id]);
  const bibliography = engine.makeBibliography();
  out.push({
    id: cite.id,
    locator: cite.locator || null,
    note: first,
    later,
    bibliography: bibliography ? bibliography[1].join("").trim() : null,
  });
}
process.stdout.write(JSON.stringify(out));
