"""The theme's templates (Material's and overrides/) compiled once and kept between builds,
in the bytecode cache of the edition's own templates (scripts/edition/templating.py)."""

from __future__ import annotations

from edition.pages.templating import BYTECODE_CACHE


def on_env(env, **kwargs):
    env.bytecode_cache = BYTECODE_CACHE
    return env
