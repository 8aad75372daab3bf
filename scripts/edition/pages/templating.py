"""The Jinja2 environment of the generated pages (templates/): autoescaped, strict about
undefined names, with the French filters the templates use. One place, so that every
module rendering a template (render.py, visuals.py) escapes the same way."""

from __future__ import annotations

from urllib.parse import unquote

import jinja2
from markupsafe import Markup, escape

from edition.model.french import french_date
from edition.model.typography import spans


def raised(text: str) -> Markup:
    """The edition's prose with French raised letters (« n<sup>o</sup> », « 1<sup>er</sup> »),
    escaped."""
    return Markup("").join(Markup("<sup>{}</sup>").format(t) if up else escape(t) for t, up in spans(text))


# Compiled templates kept between builds, ours and (overrides/hooks/template_cache.py) the
# theme's: Jinja's own per-user cache folder, checked for ownership and permissions, keyed
# by template name and file, and a template whose source changed is recompiled (checksum).
# Compiling them is otherwise a third of a build's CPU time.
BYTECODE_CACHE = jinja2.FileSystemBytecodeCache()

ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("edition.pages", "templates"),
    bytecode_cache=BYTECODE_CACHE,
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
ENV.filters["french_date"] = french_date
ENV.filters["raised"] = raised
# an address as a reader copies it from paper: « (PartI) », not « %28PartI%29 »
ENV.filters["unquoted"] = unquote
