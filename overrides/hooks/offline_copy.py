"""Show the offline zip's size where a page asks for it (the marker offline.SIZE_MARKER, an
HTML comment, so neither Markdown nor the search index sees it).

The pipeline (`python -m edition build`) puts a set in config.extra[offline.CONFIG_KEY]:
the marker then becomes offline.SIZE_SLOT in the page's final HTML and the page is recorded
in that set; offline.make_zip writes the size there when it makes the one zip. A plain
`mkdocs build`/`serve` makes no zip and shows no size."""

from __future__ import annotations

from edition.site.offline import CONFIG_KEY, SIZE_MARKER, SIZE_SLOT


def on_post_page(output, *, page, config):
    if SIZE_MARKER not in output:
        return output
    sized = config.extra.get(CONFIG_KEY)
    if not isinstance(sized, set):
        return output.replace(SIZE_MARKER, "")
    sized.add(page.file.dest_uri)
    return output.replace(SIZE_MARKER, f" ({SIZE_SLOT})")
