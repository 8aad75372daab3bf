"""French spacing: a no-break space before ; : ! ? » and after « in every page's text,
404 included (logic in scripts/edition/typography.py)."""

from __future__ import annotations

from edition.model.typography import french_spacing


def on_post_page(output, **kwargs):
    return french_spacing(output)


def on_post_template(output, template_name, **kwargs):
    return french_spacing(output) if template_name.endswith(".html") else output
