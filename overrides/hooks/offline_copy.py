"""Show the offline zip's size where a page asks for it (the marker in offline.SIZE_MARKER).

The pipeline (`python -m edition build`) sets a placeholder in config.extra and writes the
measured size over it in the built files; a plain `mkdocs build`/`serve` makes no zip and
shows no size."""

from __future__ import annotations

from edition.offline import CONFIG_KEY, SIZE_MARKER


def on_page_markdown(markdown, *, page, config, files):
    if SIZE_MARKER not in markdown:
        return markdown
    size = config.extra.get(CONFIG_KEY)
    return markdown.replace(SIZE_MARKER, f" ({size})" if size else "")
