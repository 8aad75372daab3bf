/* Material's search box, two gaps filled (README, "Search").
 * Paste: Material reads the box on "keyup" only, so a pasted (dropped, autofilled) query
 * found nothing until a key was pressed; "input" now has it read the box (a value it has
 * seen is ignored by Material itself).
 * Opening search: the worker loads its engine and index when the box gets focus, told by
 * a query of one space (then the empty one again), before the first key. */
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
})();
