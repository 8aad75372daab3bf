"""Draw the link-preview card (og:image) into the built site, at assets/images/carte.png,
from the generated resolution.json (edition.card does the drawing)."""

from __future__ import annotations

import os
from pathlib import Path

from edition.formats import exports
from edition.site import card, metatags


def on_post_build(config, **kwargs):
    data = exports.read_json(config.docs_dir)
    if not data:
        return
    path = Path(config.site_dir) / metatags.CARD_IMAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(card.card_png(data["symbol"], data["title"], data["adopted"]))
    os.chmod(path, 0o644)
