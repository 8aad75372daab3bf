/* Material's search box, three gaps filled (README, "Search").
 * Paste: Material reads the box on "keyup" only, so a pasted (dropped, autofilled) query
 * found nothing until a key was pressed; "input" now has it read the box (a value it has
 * seen is ignored by Material itself).
 * Opening search: the worker loads its engine and index when the box gets focus, told by
 * a query of one space (then the empty one again), before the first key.
 * Excerpts: Material drops a result's text when its address has a "#"; the engine then
 * also puts the excerpt in the title, in an inert <template>, moved below the heading. */
(() => {
  "use strict";
  const box = document.querySelector("input[data-md-component=search-query]");
  if (box) {
    const read = () => box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    box.addEventListener("input", read);
    box.addEventListener("focus", () => {
      if (box.value) return;
      box.value = " ";
      read();
      box.value = "";
      read();
    });
  }
  const list = document.querySelector(".md-search-result__list");
  if (list) {
    new MutationObserver(() => {
      for (const excerpt of list.querySelectorAll("h1 > template.ed-excerpt, h2 > template.ed-excerpt")) {
        excerpt.parentElement.after(excerpt.content);
        excerpt.remove();
      }
    }).observe(list, { childList: true, subtree: true });
  }
})();
