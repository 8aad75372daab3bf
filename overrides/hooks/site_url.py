"""Canonical URLs and a sitemap only when the site's public address is known.

mkdocs.yml reads `site_url` from the SITE_URL environment variable, checked here
(scripts/edition/siteurl.py: an absolute http(s) address, nothing that could break out of
an attribute) before any page uses it. With it, Material emits <link rel="canonical"> and
sitemap.xml lists absolute addresses; without it (a local or offline build) MkDocs would
still write a sitemap with no usable address, so none is made."""

from __future__ import annotations

import os

from edition.site import siteurl
from mkdocs.exceptions import PluginError


def on_config(config, **kwargs):
    raw = os.environ.get(siteurl.NAME)
    for value in {raw, config.site_url} - {None, ""}:
        try:
            siteurl.check(value)
        except siteurl.InvalidSiteUrl as err:
            raise PluginError(str(err)) from None
    if not config.site_url:
        # MkDocs writes sitemap.xml.gz from this same template: both go
        config.theme.static_templates.discard("sitemap.xml")
    return config


def on_files(files, *, config):
    if not config.site_url:
        # the theme's sitemap.xml would otherwise be copied as a raw template
        sitemap = files.get_file_from_path("sitemap.xml")
        if sitemap is not None:
            files.remove(sitemap)
    return files
