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
