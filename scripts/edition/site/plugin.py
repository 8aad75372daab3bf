"""The edition's MkDocs plugin: everything the edition adds to MkDocs and Material, in one
class, fed the model in memory.

`python -m edition build` (build/pipeline.py) hands the plugin the parsed resolution and
its curated data (`configure`) before the build; a standalone `mkdocs build` or `mkdocs
serve` has the plugin parse them itself, from its `source` and `data` options, through the
same function (source/inputs.py). Nothing is read back from the generated files. What the
plugin needs and cannot find (the inputs, Material's markup it patches) fails the build,
loudly. It keeps no module-level state: a build's state lives on the instance and is
reset at `on_config`.

What it does, by MkDocs event:

  on_config    the site's name and credit from the resolution (identity.py); SITE_URL
               checked (siteurl.py); the navigation's paragraph entries expanded
               (pages/navigation.py); the stylesheets served as one bundle; the theme's
               inline scripts collected for the Content Security Policy (csp.py)
  on_files     the stylesheet bundle, the web app's manifest and icons (webapp.py); no
               sitemap without SITE_URL
  on_page_*    the resolution's pages kept out of Material's scraped index; tables of
               contents for the pages of HTML sections (pages/toc.py); canonical links;
               the meta tags (metatags.py) and the web app's data for overrides/main.html
  on_post_page the finished page, in this order (POST_PAGE): Material's markup patched
               (the search dialog's name, the form toggles' autocomplete), the JSON-LD
               (structured.py), the offline copy's size slot (offline.py), French spacing
               (model/typography.py), and last the Content Security Policy, which hashes
               the page's inline scripts once nothing else will change it
  on_post_build after Material's search plugin and before its offline plugin: the
               edition's search index (search.py); after the offline plugin:
               Material's stylesheet without the rules no page can match
               (unused_css.py), its palette stylesheet without the rule that restyled
               every page twice on load and its script without the color-scheme meta that
               did so again (palette.py), the link-preview card (card.py),
               the offline copy and the size it shows (offline.py), the service worker
               over every file (webapp.py), and the header policy for static hosts
               (site/_headers)
"""

from __future__ import annotations

import os
from pathlib import Path

import pathspec
import rjsmin
from jinja2 import TemplateSyntaxError
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File

from edition.model import authority, urls
from edition.model.errors import ParseError
from edition.model.typography import french_spacing
from edition.pages import navigation, toc
from edition.pages.templating import BYTECODE_CACHE
from edition.site import (
    buildcache,
    card,
    csp,
    identity,
    metatags,
    offline,
    palette,
    search,
    siteurl,
    structured,
    stylesheets,
    unused_css,
    webapp,
)
from edition.source.inputs import Inputs, load

# The stylesheets of extra_css, served as one file (their cascade order kept)
BUNDLE = "assets/stylesheets/edition.bundle.css"
# the edition's own scripts, minified when served
SCRIPTS = "assets/javascripts/"
# Material's form toggles carry autocomplete="off", which HTML allows on text fields only:
# removed here; docs/assets/javascripts/form-toggles.js keeps them from being restored open.
TOGGLES = [
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
    '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
]
TOGGLES_SCRIPT = "assets/javascripts/form-toggles.js"
# Material's search box is a dialog without a name (axe: aria-dialog-name)
DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
NAMED_DIALOG = '<div class="md-search" data-md-component="search" role="dialog" aria-label="Recherche">'
CHARSET = '<meta charset="utf-8">'


class EditionConfig(base.Config):
    # the resolution's text and its curated data, for a standalone `mkdocs build` (paths
    # relative to mkdocs.yml); `python -m edition build` hands the plugin its own
    source = c.Type(str, default="source/A-RES-68-160-fr.txt")
    annotations = c.Type(str, default="source/annotations.yml")
    # the shipped build (python -m edition build): the pages register the service worker
    shipped = c.Type(bool, default=False)
    # and the site holds its offline copy, whose size the home and À propos pages show
    offline_zip = c.Type(bool, default=False)


class EditionPlugin(BasePlugin[EditionConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.inputs: Inputs | None = None  # handed by the pipeline, else read at on_config
        self.serve = False
        self.size_shown = ""  # the offline copy's size as the pages show it, once made

    def configure(self, inputs: Inputs | None, *, shipped: bool, offline_zip: bool) -> None:
        """The pipeline's hand-over, before the build: the model (None: read it from the
        plugin's options), and what build it is."""
        self.inputs = inputs
        self.config.shipped = shipped
        self.config.offline_zip = offline_zip

    # -- configuration ---------------------------------------------------------------------

    def on_startup(self, *, command, dirty) -> None:
        self.serve = command == "serve"

    def on_config(self, config):
        self.res = self._inputs(config).resolution
        self.notes = self._inputs(config).notes
        raw = os.environ.get(siteurl.NAME)
        for value in {raw, config.site_url} - {None, ""}:
            try:
                siteurl.check(value)
            except siteurl.InvalidSiteUrl as err:
                raise PluginError(str(err)) from None
        if not config.site_url:  # MkDocs writes sitemap.xml.gz from this template: both go
            config.theme.static_templates.discard("sitemap.xml")
        for key, value in identity.for_material(self.res).items():
            config[key] = value
        config.theme["favicon"] = webapp.FAVICON  # drawn in on_files, not Material's logo
        if config.nav:
            config.nav, omitted = navigation.expand(config.nav, self.res)
            if omitted:
                spec = pathspec.gitignore.GitIgnoreSpec.from_lines(omitted)
                config.not_in_nav = config.not_in_nav + spec if config.not_in_nav else spec
        self.stylesheets = [str(css) for css in config.extra_css if "://" not in str(css)]
        if self.stylesheets:
            config.extra_css = [BUNDLE] + [css for css in config.extra_css if "://" in str(css)]
        if TOGGLES_SCRIPT not in [str(s) for s in config.extra_javascript]:
            raise PluginError(f"{TOGGLES_SCRIPT} doit figurer dans extra_javascript (mkdocs.yml)")
        self.shim = None
        for url in config.extra.get("polyfills", []):
            path = Path(config.docs_dir) / str(url)
            if "iframe-worker" in str(url) and path.is_file():
                self.shim = path.read_text(encoding="utf-8")
        self.script_sources = csp.template_scripts(config.theme.dirs)
        self.known_scripts: dict[str, set[str]] = {}
        self.policy: csp.Hashes = {"script-src": set(), "style-src": set()}
        self.sized: set[str] = set()  # pages showing the offline copy's size
        self.webapp = {
            "manifest": webapp.MANIFEST,
            "theme_color": webapp.THEME_COLOR,
            "icon": webapp.ICON_192,
            "worker": webapp.WORKER if self.config.shipped else None,
        }
        return config

    def _inputs(self, config) -> Inputs:
        if self.inputs is None:
            here = Path(config.config_file_path or ".").resolve().parent
            try:
                self.inputs = load(
                    here / self.config.source,
                    here / self.config.annotations if self.config.annotations else None,
                )
            except ParseError as err:
                raise PluginError(str(err)) from None
        return self.inputs

    def on_env(self, env, *, config, files):
        env.bytecode_cache = BYTECODE_CACHE  # the compiled templates, kept between builds
        # the templates' inline scripts, compiled once for the build (a body that is not a
        # template of its own, a block cut by the <script> tags, is rendered on no page)
        self.script_templates = []
        for _, source in self.script_sources:
            try:
                self.script_templates.append(env.from_string(source))
            except TemplateSyntaxError:
                continue
        return env

    def on_files(self, files, *, config):
        if self.stylesheets:
            parts = []
            for src in self.stylesheets:
                text = (Path(config.docs_dir) / src).read_text(encoding="utf-8")
                try:  # the comments are for the maintainer: the reader's first view is lighter
                    parts.append(stylesheets.without_comments(text))
                except stylesheets.UnclosedComment as err:
                    raise PluginError(f"{src}:{err.line}: {err}") from None
                source = files.get_file_from_path(src)
                if source is not None:
                    files.remove(source)
            files.append(File.generated(config, BUNDLE, content="\n".join(parts)))
        # the edition's own scripts served without comments and blanks (the vendors'
        # copies, under assets/vendor/, are shipped as their packages publish them)
        docs = Path(config.docs_dir).resolve()
        ours = [
            f
            for f in files
            if f.src_uri.startswith(SCRIPTS)
            and f.src_uri.endswith(".js")
            and f.abs_src_path
            and Path(f.abs_src_path).resolve().is_relative_to(docs)  # not the theme's
        ]
        for script in ours:
            files.remove(script)
            text = Path(script.abs_src_path).read_text(encoding="utf-8")
            files.append(File.generated(config, script.src_uri, content=rjsmin.jsmin(text)))
        theme_favicon = files.get_file_from_path(webapp.MATERIAL_FAVICON)
        if theme_favicon is not None:
            files.remove(theme_favicon)
        names = identity.names(self.res)  # as text: the manifest is JSON, not HTML
        for name, content in webapp.generated_files(names.app_name, names.description, self.res).items():
            files.append(File.generated(config, name, content=content))
        if not config.site_url:  # the theme's sitemap.xml would be copied as a raw template
            sitemap = files.get_file_from_path("sitemap.xml")
            if sitemap is not None:
                files.remove(sitemap)
        return files

    # -- pages -----------------------------------------------------------------------------

    def on_page_markdown(self, markdown, *, page, config, files):
        # the resolution's pages are indexed per paragraph from the model (search.py)
        if search.is_resolution_page(page.file.dest_uri):
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        return markdown

    def on_page_content(self, html_text, *, page, config, files):
        if (page.meta or {}).get("role") in toc.ROLES:
            page.toc = toc.from_html(html_text)
        return html_text

    def on_page_context(self, context, *, page, config, nav):
        target = (page.meta or {}).get("canonical")
        if target:  # an old address: its text, and a canonical link to its new place
            page.canonical_url = (config.site_url or "") + target
        context["edition_official"] = {
            "url": authority.official_url(self.res.symbol),
            "symbol": self.res.symbol,
        }
        context["edition_meta"] = metatags.tags(
            self.res, page.meta or {}, page.url or "index.html", config.site_url, config.site_name,
            config.site_description or "",
        )  # fmt: skip
        context["edition_webapp"] = self.webapp
        self._known_scripts(context, config, page.file.src_uri)
        return context

    def on_template_context(self, context, *, template_name, config):
        context["edition_webapp"] = self.webapp
        self._known_scripts(context, config, template_name)
        return context

    def _known_scripts(self, context, config, where: str) -> None:
        """The inline scripts the theme's templates write, rendered for this page (csp.py)."""
        known = set()
        for template in self.script_templates:
            try:
                known.add(template.render(context))
            except Exception:  # noqa: BLE001 (a script this context cannot render is not on the page)
                continue
        self.known_scripts[where] = known

    # -- the finished HTML: one order (POST_PAGE) ------------------------------------------

    @event_priority(-100)  # after every other plugin's change to the page
    def on_post_page(self, output, *, page, config):
        where = page.file.src_uri
        output = self._patch_material(output, where, dialog=True, toggles=True)
        output = self._structured_data(output, page, config)
        output = self._size_slot(output, page)
        output = french_spacing(output)
        return self._secure(output, where)

    @event_priority(-100)
    def on_post_template(self, output_content, *, template_name, config):
        if not template_name.endswith(".html"):
            return output_content
        output = self._patch_material(
            output_content,
            template_name,
            dialog="md-search" in output_content,
            toggles=template_name == "404.html",
        )
        output = french_spacing(output)
        return self._secure(output, template_name)

    @staticmethod
    def _patch_material(output: str, where: str, *, dialog: bool, toggles: bool) -> str:
        """Material's markup fixed where no block override reaches it; a Material upgrade
        that changed the markup fails the build rather than silently dropping the fix."""
        if dialog:
            if DIALOG not in output:
                raise PluginError(f"{where} : la boîte de recherche de Material a changé ({DIALOG})")
            output = output.replace(DIALOG, NAMED_DIALOG, 1)
        if toggles:
            for tag in TOGGLES:
                if output.count(tag) != 1:
                    raise PluginError(
                        f"{where} : case à cocher de Material introuvable ou changée ({tag[:60]}…)"
                    )
                output = output.replace(tag, tag.replace(' autocomplete="off"', ""))
        return output

    def _structured_data(self, output: str, page, config) -> str:
        if "</head>" not in output:
            raise PluginError(f"{page.file.src_uri} : pas de </head> où placer les données structurées")
        meta = page.meta or {}
        title = meta.get("title") or page.title or config.site_name
        obj = structured.json_ld(
            self.res,
            page.url or "index.html",
            title,
            config.site_url,
            meta.get("role"),
            meta.get("paragraph"),
        )
        return output.replace("</head>", structured.script_tag(obj) + "\n  </head>", 1)

    def _size_slot(self, output: str, page) -> str:
        """The offline copy's size: a slot the zip fills in (offline.make_zip), or nothing
        when this build makes no zip."""
        if offline.SIZE_MARKER not in output:
            return output
        if not self.config.offline_zip:
            return output.replace(offline.SIZE_MARKER, "")
        self.sized.add(page.file.dest_uri)
        return output.replace(offline.SIZE_MARKER, f" ({offline.SIZE_SLOT})")

    def _secure(self, output: str, where: str) -> str:
        """The Content Security Policy in the page's head, last of all (not under `mkdocs
        serve`, whose live-reload script is inline)."""
        if self.serve:
            return output
        if CHARSET not in output:
            raise PluginError(f"{where} : {CHARSET} introuvable, où placer la politique CSP ?")
        try:
            hashes = csp.checked_hashes(output, self.known_scripts.pop(where, set()), self.shim, where)
        except csp.UnknownScript as err:
            raise PluginError(str(err)) from None
        for kind, values in hashes.items():
            self.policy[kind] |= values
        return output.replace(CHARSET, CHARSET + "\n    " + csp.meta(hashes), 1)

    # -- the built site --------------------------------------------------------------------

    def _search_index(self, *, config) -> None:
        search.rewrite(config.site_dir, self.res, self.notes)

    def _finish(self, *, config) -> None:
        site = Path(config.site_dir)
        try:  # first: the offline copy and the service worker take the pruned file
            texts = unused_css.site_texts(site)  # read once for both rewrites
            unused_css.prune_site(site, buildcache.text, texts)
            palette.rewrite_site(site, texts)
            palette.rewrite_bundle(site, texts)
        except (unused_css.StylesheetError, FileNotFoundError) as err:
            raise PluginError(f"fichier de Material : {err}") from None
        image = site / metatags.CARD_IMAGE
        image.parent.mkdir(parents=True, exist_ok=True)
        image.write_bytes(
            buildcache.png(card.__file__, card.card_png, self.res.symbol, self.res.title, self.res.adopted)
        )
        os.chmod(image, 0o644)
        if self.config.offline_zip and not self.serve:
            name = urls.zip_name(self.res.symbol)
            archive, shown = offline.make_zip(site, name, self.sized)
            self.size_shown = shown or ""
            (site / name).write_bytes(archive)
            os.chmod(site / name, 0o644)
        webapp.write_service_worker(site, shipped=self.config.shipped)  # last: every file listed
        if not self.serve:
            (site / "_headers").write_text(
                csp.headers_file(csp.policy(self.policy, header=True)), encoding="utf-8"
            )

    # after Material's search plugin (0) wrote its index, before its offline plugin (-100)
    # inlines that index for file://; then, after the offline plugin, the rest
    on_post_build = CombinedEvent(event_priority(-50)(_search_index), event_priority(-110)(_finish))
