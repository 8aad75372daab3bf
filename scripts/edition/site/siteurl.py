"""SITE_URL, the site's public address, is hostile until checked: it is written into every
page (canonical link, JSON-LD, sitemap), so one quote could open an attribute.

Accepted: an absolute `https://` or `http://` address, ASCII host (letters, digits, dots,
hyphens; punycode for other scripts) with an optional port, a path made of letters, digits,
`-._~/` and %-escapes, no user name, query or fragment; a missing final `/` is added.
"""

from __future__ import annotations

import re

NAME = "SITE_URL"
URL = re.compile(
    r"(?P<scheme>https?)://"
    r"(?P<host>[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)"
    r"(?::(?P<port>[0-9]{1,5}))?"
    r"(?P<path>(?:/(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})*)*)"
)
EXAMPLE = "https://example.org/68-160/"


class InvalidSiteUrl(ValueError):
    pass


def check(value: str) -> str:
    """The address, ending with `/`; InvalidSiteUrl (naming SITE_URL) if it is not one."""

    def fail(why: str) -> InvalidSiteUrl:
        return InvalidSiteUrl(
            f"{NAME} invalide ({value!r}) : {why}\n    attendu : une adresse comme {EXAMPLE}"
        )

    if not value.isascii() or any(c.isspace() or not c.isprintable() for c in value):
        raise fail("espaces, caractères de contrôle ou non ASCII (utilisez le punycode et les %XX)")
    if "?" in value or "#" in value:
        raise fail("ni requête (?…) ni fragment (#…)")
    if not value.lower().startswith(("https://", "http://")):
        raise fail("l’adresse doit commencer par https:// ou http://")
    if "@" in value.split("/", 3)[2]:
        raise fail("pas de nom d’utilisateur ni de mot de passe")
    m = URL.fullmatch(value)
    if m is None or (m["port"] and not 0 < int(m["port"]) < 65536):
        raise fail("hôte ou chemin invalide (lettres, chiffres, « -._~/ » et %XX seulement)")
    if any(seg in (".", "..") for seg in m["path"].split("/")):
        raise fail("pas de segment « . » ou « .. » dans le chemin")
    return value if value.endswith("/") else value + "/"
