"""Serve the edition's own stylesheets as one file: one render-blocking request instead of
one per concern. The sources stay separate in docs/ (listed in extra_css, in cascade
order); the site gets only the bundle, their concatenation in that order."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

BUNDLE = "assets/stylesheets/edition.bundle.css"
_sources: list[str] = []


def on_config(config, **kwargs):
    global _sources
    _sources = [str(css) for css in config.extra_css if "://" not in str(css)]
    if _sources:
        config.extra_css = [BUNDLE] + [css for css in config.extra_css if "://" in str(css)]
    return config


def on_files(files, *, config, **kwargs):
    if not _sources:
        return files
    parts = []
    for src in _sources:
        parts.append(f"/* {src} */\n" + (Path(config.docs_dir) / src).read_text(encoding="utf-8"))
        source = files.get_file_from_path(src)
        if source is not None:
            files.remove(source)
    files.append(File.generated(config, BUNDLE, content="\n".join(parts)))
    return files
