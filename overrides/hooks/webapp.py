"""The installable web app and offline reading: the manifest and icons as generated files,
then, after every other file is written, the service worker and its precache list (last
hook in mkdocs.yml, and after the offline plugin's -100). The logic lives in
scripts/edition/webapp.py."""

from __future__ import annotations

from pathlib import Path

from edition.formats import exports
from edition.site import identity, webapp
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File


def on_config(config, **kwargs):
    # for overrides/main.html: the manifest link, theme colour, whether to register the worker
    config.extra["webapp"] = {
        "manifest": webapp.MANIFEST,
        "theme_color": webapp.THEME_COLOR,
        "icon": webapp.ICON_192,
        "worker": webapp.WORKER if config.extra.get(webapp.CONFIG_KEY) else None,
    }
    return config


def on_files(files, *, config, **kwargs):
    data = exports.read_json(config.docs_dir)
    names = identity.names(data)  # as text: the manifest is JSON, not HTML
    made = webapp.generated_files(names.app_name, names.description, data)
    for name, content in made.items():
        files.append(File.generated(config, name, content=content))
    return files


@event_priority(-110)
def on_post_build(*, config, **kwargs):
    webapp.write_service_worker(Path(config.site_dir), shipped=bool(config.extra.get(webapp.CONFIG_KEY)))
