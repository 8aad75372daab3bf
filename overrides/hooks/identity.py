"""The site's name, description, author and footer credit from the parsed resolution
(resolution.json in docs/), before any other hook reads them: any resolution built with
--source names itself (scripts/edition/identity.py). Fails the build without it."""

from __future__ import annotations

from edition.formats import exports
from edition.site import identity
from mkdocs.exceptions import PluginError


def on_config(config, **kwargs):
    data = exports.read_json(config.docs_dir)
    if not data:
        raise PluginError(
            f"{exports.JSON_FILE} introuvable dans {config.docs_dir} : lancez « python -m edition generate »"
        )
    for key, value in identity.for_material(data).items():
        config[key] = value
    return config
