"""The edition's name, description and credit, made from the parsed resolution, so that
any resolution built with --source names itself everywhere (issue 21): the header, the
<title>, `og:site_name`, the footer and the web app's names. There is no author tag: the
author of the text is the General Assembly, which the citation tags name (metatags.py).

mkdocs.yml holds neutral values; overrides/hooks/identity.py replaces them before any
other hook reads them. Material prints `site_name`, `site_description`, `site_author` and
`copyright` into pages without escaping (in text and in attributes): `for_material` gives
them escaped once, at that boundary; `names` gives them as text, for our own uses (the
manifest, the meta tags, which escape where they write)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from markupsafe import Markup, escape

from edition.model import Resolution

# The theme's credit, kept in the footer (the site's generator line is turned off).
THEME_CREDIT = Markup('<a href="https://squidfunk.github.io/mkdocs-material/">Material for MkDocs</a>')


@dataclass(frozen=True)
class Names:
    site_name: str  # « Résolution 68/160 de l’Assemblée générale »
    app_name: str  # the installed web app's name, at most 30 characters: « Résolution A/RES/68/160 »
    description: str
    credit: str  # the footer's line, as text


def names(res: Resolution) -> Names:
    symbol = res.symbol
    return Names(
        site_name=f"Résolution {res.short} de l’Assemblée générale",
        app_name=f"Résolution {symbol}",
        description=f"Édition numérique annotée du texte français de la résolution {symbol}, "
        f"« {res.title} ».",
        credit=f"Texte de la résolution : Organisation des Nations Unies. Annotations et mise en forme : "
        f"édition de référence {symbol} (voir À propos).",
    )


def for_material(res: Resolution) -> dict[str, str]:
    """The config values Material prints as they are: escaped HTML text (the credit with
    the theme's link)."""
    n = names(res)
    return {
        "site_name": html.escape(n.site_name),
        "site_description": html.escape(n.description),
        # no <meta name="author">: link previews and Zotero took the edition for the author
        "site_author": None,
        "copyright": str(escape(n.credit) + " Réalisé avec " + THEME_CREDIT + "."),
    }
