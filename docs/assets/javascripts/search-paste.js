/* Search on paste. Material's search box reads its value on "keyup" only, so a query
 * pasted with the mouse (or dropped, or filled in by the browser) found nothing until a
 * key was pressed. Every "input" event now also tells Material to read the box; a value
 * it has already seen is ignored by Material itself, so typing searches once per key. */
(() => {
  "use strict";
  const box = document.querySelector("input[data-md-component=search-query]");
  if (!box) return;
  box.addEventListener("input", () => {
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
})();
