// Material's forms: the drawer and search toggles, the palette's radio buttons.
//
// Material's drawer and search overlay are hidden checkboxes (#__drawer, #__search). A
// browser restoring form state on back/forward navigation (Firefox, also from its page
// cache) would reopen them: close both whenever a page is shown. Material listens to their
// "change" event, so it is told.
addEventListener("pageshow", () => {
  for (const id of ["__drawer", "__search"]) {
    const toggle = document.getElementById(id);
    if (toggle?.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }
});

// Switching the palette: Material marks the body so that nothing fades from one scheme to
// the other, but sets that mark on every page view too, which restyles the whole page
// twice; the build drops its rule (scripts/edition/site/palette.py) and the edition's
// stylesheet has it under a class set only here, when the reader switches. Caught on the
// way down (capture), before Material's own listener on the radio button applies the
// colours; lifted once a frame has been drawn with them.
document.addEventListener(
  "change",
  (event) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.name !== "__palette") return;
    const root = document.documentElement;
    root.classList.add("ed-palette-switching");
    requestAnimationFrame(() =>
      requestAnimationFrame(() => root.classList.remove("ed-palette-switching")),
    );
  },
  true,
);
