"""Expand the navigation's "dispositif/" and "preambule/" entries into the paragraph pages,
each labelled with its number and opening words (« 13. Prie », « Alinéa 3 · Rappelant »; ranges
for very long resolutions, the rest declared `not_in_nav`). The logic lives in
scripts/edition/navigation.py."""

from __future__ import annotations

import pathspec
from edition.formats import exports
from edition.pages import navigation


def on_config(config, **kwargs):
    if config.nav:
        model = exports.read_model(config.docs_dir)
        openings = {p.anchor: p.opening for p in model.resolution.paragraphs} if model else {}
        config.nav, omitted = navigation.expand(config.nav, config.docs_dir, openings)
        if omitted:
            spec = pathspec.gitignore.GitIgnoreSpec.from_lines(omitted)
            config.not_in_nav = config.not_in_nav + spec if config.not_in_nav else spec
    return config
