"""Give Material's search overlay (`role="dialog"`) an accessible name.

Material's partials/search.html writes `<div class="md-search" … role="dialog">` with no
name (axe rule aria-dialog-name, reported by Lighthouse). The partial is included inside
the header with no block around the element, so no block override can reach it; this hook
adds `aria-label` to that one element on every page, 404 included."""

from __future__ import annotations

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Recherche">'


def on_post_page(output, **kwargs):
    return output.replace(DIALOG, NAMED, 1)


def on_post_template(output, template_name, **kwargs):
    return output.replace(DIALOG, NAMED, 1) if template_name.endswith(".html") else output
