"""Publishing: long cache lifetimes only for fingerprinted files; the Pages workflow runs
the README's commands with SITE_URL set."""

from __future__ import annotations

import fnmatch
import re

import pytest
import yaml

from .conftest import ROOT

pytestmark = pytest.mark.slow

FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$")
# revalidated on every use: the service worker and the web app manifest
NO_CACHE = ["/sw.js", "/manifest.webmanifest"]


def header_rules() -> dict[str, list[str]]:
    rules: dict[str, list[str]] = {}
    current = None
    for line in (ROOT / "scripts" / "publish" / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("/"):
            current = line.strip()
            rules[current] = []
        else:
            rules[current].append(line.strip())
    return rules


def test_long_cache_only_for_fingerprinted_files(site):
    files = ["/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    matched = set()
    for pattern, headers in header_rules().items():
        if pattern in NO_CACHE:
            continue
        assert any("immutable" in h for h in headers)
        hits = fnmatch.filter(files, pattern)
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


def test_worker_and_manifest_are_never_kept_stale(site):
    for name in NO_CACHE:
        assert (site / name.lstrip("/")).is_file()
    rules = header_rules()
    assert all(rules[name] == ["Cache-Control: no-cache"] for name in NO_CACHE)
    nginx = (ROOT / "scripts" / "publish" / "nginx.conf").read_text(encoding="utf-8")
    blocks = re.findall(r'location ~ "([^"]+)" \{\s*add_header Cache-Control "([^"]+)";', nginx)
    no_cache = [pattern for pattern, value in blocks if value == "no-cache"]
    files = ["/" + p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    assert sorted(f for f in files if any(re.search(p, f) for p in no_cache)) == sorted(NO_CACHE)
