"""Publishing: long cache lifetimes only for fingerprinted files, no-cache for the service
worker and manifest, UTF-8 text types, the security headers with the Content Security
Policy computed from the built pages (scripts/publish/ is stale the moment a build's inline
scripts change); the Pages workflow runs the README's commands with SITE_URL set."""

from __future__ import annotations

import re

import yaml
from edition.formats import media
from edition.site import csp

from .support.paths import ROOT

PUBLISH = ROOT / "scripts" / "publish"

FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$")
# revalidated on every use: the service worker and the web app manifest
NO_CACHE = ["/sw.js", "/manifest.webmanifest"]


def header_rules() -> dict[str, list[str]]:
    return media.header_rules((PUBLISH / "_headers").read_text(encoding="utf-8"))


def test_long_cache_only_for_fingerprinted_files(site):
    files = ["/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    matched = set()
    for pattern, headers in header_rules().items():
        if not any("immutable" in h for h in headers):
            continue
        hits = [f for f in files if media.matches(f, pattern)]
        assert hits, pattern  # the rule still names a real file
        assert all(FINGERPRINTED.search(f) for f in hits), hits
        matched.update(hits)
    # every fingerprinted script and stylesheet is covered
    assert {f for f in files if FINGERPRINTED.search(f) and not f.endswith(".map")} <= matched
    nginx = (ROOT / "scripts" / "publish" / "nginx.conf").read_text(encoding="utf-8")
    location = re.findall(r'location ~ "([^"]+)"', nginx)[0]
    assert {f for f in files if re.search(location, f)} == {
        f for f in files if FINGERPRINTED.search(f) and f.startswith("/assets/")
    }


def test_pages_workflow_runs_the_readme_commands_with_site_url():
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert "scripts/dev.sh test" in runs
    build = next(s for s in steps if "python -m edition build" in s.get("run", ""))
    assert build["env"]["SITE_URL"]
    assert any(s.get("with", {}).get("path") == "site" for s in steps)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "scripts/dev.sh test" in readme and "python -m edition build" in readme


def test_publishing_files_carry_the_policy_of_this_build(site):
    """Regenerate with: python -m edition build && python -m edition publish-config"""
    policy = csp.site_policy(site)
    assert (site / "_headers").read_text(encoding="utf-8") == csp.headers_file(policy)
    stale = "scripts/publish/ périmé : lancez « python -m edition publish-config » après un build"
    assert (PUBLISH / "_headers").read_text(encoding="utf-8") == csp.headers_file(policy), stale
    assert (PUBLISH / "security-headers.conf").read_text(encoding="utf-8") == csp.nginx_headers(policy), stale
    assert "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy


def test_every_page_has_its_meta_policy_first_in_head(site):
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        m = csp.META.search(text)
        assert m, path
        assert m.start() < text.find("<script"), path  # before any script
        assert "frame-ancestors" not in m[1]  # ignored (and reported) in a <meta>


def test_nginx_repeats_the_security_headers_in_every_location():
    conf = (PUBLISH / "nginx.conf").read_text(encoding="utf-8")
    blocks = re.findall(r"^location .*?^\}$", conf, re.M | re.S)  # a location ends at a "}" line
    assert len(blocks) >= 5
    for block in blocks:
        assert "include security-headers.conf;" in block, block
    assert "charset utf-8;" in conf
    for mime in csp.TYPES.values():
        assert mime in conf, mime


def test_service_worker_and_manifest_are_never_cached_stale():
    rules = header_rules()
    for name in csp.NO_CACHE:
        assert rules[f"/{name}"] == ["Cache-Control: no-cache"]
    for pattern in csp.NO_CACHE_PAGES:  # pages too: each names its build's bundles
        assert rules[pattern] == ["Cache-Control: no-cache"]
    conf = (PUBLISH / "nginx.conf").read_text(encoding="utf-8")
    assert conf.count('add_header Cache-Control "no-cache" always;') == 3  # sw.js, manifest, pages


def test_no_path_gets_two_content_types_from_the_headers_file():
    """Netlify and Cloudflare Pages apply every rule that matches a path: each file type
    must be matched by one Content-Type rule only."""
    rules = [
        path
        for path, headers in header_rules().items()
        if any(h.startswith("Content-Type:") for h in headers)
    ]
    for name in ["/resolution.json", "/resolution.csl.json", "/resolution.bib", "/paragraphes/op-1.json"]:
        matching = [r for r in rules if media.matches(name, r)]
        assert len(matching) == 1, (name, matching)
