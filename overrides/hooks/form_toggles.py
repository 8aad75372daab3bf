"""Material's base.html gives its two hidden state checkboxes (`__drawer`, `__search`)
`autocomplete="off"`, which HTML allows on text fields only (vnu: an error on every page).
The attribute kept Firefox from restoring an open drawer or search on back navigation:
docs/assets/javascripts/form-toggles.js does that instead (unchecks both on `pageshow`),
and this hook removes the attribute. If Material's markup changes, the build fails here
rather than silently keeping (or losing) the fix."""

from __future__ import annotations

TOGGLES = [
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
]
SCRIPT = "assets/javascripts/form-toggles.js"


def on_config(config, **kwargs):
    if SCRIPT not in [str(s) for s in config.extra_javascript]:
        raise RuntimeError(f"form_toggles : {SCRIPT} doit figurer dans extra_javascript (mkdocs.yml)")
    return config


def on_post_page(output, *, page, config):
    return _strip(output, page.file.src_uri)


def on_post_template(output_content, *, template_name, config):
    # 404.html: the theme's own page, not a Markdown page
    if template_name == "404.html":
        return _strip(output_content, template_name)
    return output_content


def _strip(output: str, where: str) -> str:
    for tag in TOGGLES:
        if output.count(tag) != 1:
            raise RuntimeError(
                f"{where} : case à cocher de Material introuvable ou changée ({tag[:60]}…) ; "
                "vérifiez overrides/hooks/form_toggles.py après une mise à jour de Material"
            )
        output = output.replace(tag, tag.replace(' autocomplete="off"', ""))
    return output
