"""Stage 3, the site: the MkDocs plugin that builds the pages into the published site (search
index, page metadata, link-preview card, web app and service worker, offline copy,
Content Security Policy)."""
