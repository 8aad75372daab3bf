"""Give Material's search overlay (`role="dialog"`) an accessible name.

Material's partials/search.html writes `<div class="md-search" … role="dialog">` with no
name (axe rule aria-dialog-name). The partial is included inside the header with no block
around the element, so no block override reaches it; this hook adds `aria-label` to that
one element, and fails the build if a Material upgrade changed the markup it expects (so
the name can never be dropped silently)."""

from __future__ import annotations

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Recherche">'


def name_dialog(output: str, where: str) -> str:
    if DIALOG not in output:
        raise RuntimeError(
            f"{where} : la boîte de recherche de Material n’a plus le balisage attendu ({DIALOG}) ; "
            "mettre à jour overrides/hooks/search_dialog_name.py"
        )
    return output.replace(DIALOG, NAMED, 1)


def on_post_page(output, *, page, config):
    return name_dialog(output, page.file.src_uri)


def on_post_template(output, *, template_name, config):
    if template_name.endswith(".html") and "md-search" in output:
        return name_dialog(output, template_name)
    return output
