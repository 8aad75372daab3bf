"""All or nothing: whatever fails (MkDocs' strict build, the offline zip, a full disk, kill -9),
docs/ and site/ stay byte for byte as they were, `generate --check` stays true, and no
staging folder survives the next build; hostile inputs (FIFO, oversize) and SITE_URL values
are refused at once with exit 2; a second build waits for the lock. A tiny MkDocs project
keeps most of these builds cheap."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from edition.build import pipeline
from edition.build.cli import main
from edition.site import offline, siteurl
from edition.source import inputs

from .support.paths import FIXTURES, ROOT, SOURCE


@pytest.fixture
def tiny_project(tmp_path):
    """A small resolution's edition (tests/fixtures/un-alinea-sans-renvoi.txt: one recital,
    two paragraphs) ready to build with the project's configuration, and a previous site/
    to keep (a building fixture: conftest.BUILDING_FIXTURES). Returns (docs, site, config,
    inputs)."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    edition = pipeline.load(FIXTURES / "un-alinea-sans-renvoi.txt", None)
    pipeline.write_pages(edition.pages, docs)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    return docs, site, ROOT / "mkdocs.yml", edition.inputs


def state(site):
    # staging folders left beside site/ (its lock file stays, as .docs.lock does)
    siblings = sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".site") and p.is_dir())
    return siblings, {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_good_build_replaces_the_site_with_one_zip(tiny_project, monkeypatch):
    docs, site, config, read = tiny_project
    built, zips = [], []
    real_build, real_zip = pipeline._build, offline.make_zip
    monkeypatch.setattr(pipeline, "_build", lambda *a, **k: built.append(a) or real_build(*a, **k))
    monkeypatch.setattr(offline, "make_zip", lambda *a, **k: zips.append(a) or real_zip(*a, **k))
    shown = pipeline.build_site(docs, site, config, read)
    assert len(built) == 1 and len(zips) == 1  # one MkDocs build, one zip
    text = (site / "index.html").read_text(encoding="utf-8")
    assert offline.SIZE_SLOT not in text
    size = (site / "A-RES-74-999-fr-hors-ligne.zip").stat().st_size
    assert shown == offline.format_size(size) and f"({shown})" in text
    assert (site / "dispositif" / "2.html").is_file()
    assert "previous build" not in text
    assert state(site)[0] == []


def test_strict_abort_shows_its_warnings_and_leaves_the_site(tiny_project):
    docs, site, config, read = tiny_project
    before = state(site)
    (docs / "brouillon.md").write_text("[cassé](absente.md)\n", encoding="utf-8")
    with pytest.raises(pipeline.BuildError, match="(?s)strict mode.*absente.md"):
        pipeline.build_site(docs, site, config, read)
    assert state(site) == before


def test_a_full_disk_leaves_the_site_as_it_was(tiny_project, monkeypatch):
    docs, site, config, read = tiny_project
    before = state(site)

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(offline, "make_zip", full)
    with pytest.raises(OSError, match="No space left"):
        pipeline.build_site(docs, site, config, read)
    assert state(site) == before


def test_stale_staging_folders_are_removed_and_a_lost_site_restored(tmp_path):
    site = tmp_path / "site"
    (tmp_path / ".site.building-abc").mkdir()
    old = tmp_path / ".site.old-xyz"
    old.mkdir()
    (old / "index.html").write_text("ancien", encoding="utf-8")
    # killed between the two renames of the fallback swap: site/ missing, its old tree beside
    pipeline.recover(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "ancien"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_swap_is_atomic_where_the_system_allows(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a", encoding="utf-8")
    (b / "x").write_text("b", encoding="utf-8")
    if not pipeline.exchange(a, b):
        pytest.skip("renameat2(RENAME_EXCHANGE) indisponible ici : repli documenté (deux renommages)")
    assert (a / "x").read_text(encoding="utf-8") == "b" and (b / "x").read_text(encoding="utf-8") == "a"


def test_fallback_swap_without_exchange(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "exchange", lambda a, b: False)
    target, staged = tmp_path / "site", tmp_path / ".site.building-1"
    target.mkdir()
    staged.mkdir()
    (staged / "new").write_text("n", encoding="utf-8")
    pipeline.swap_in(staged, target)
    assert [p.name for p in target.iterdir()] == ["new"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# --- the real command, on a copy of the project's docs/ ----------------------------------


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def copy(tmp_path):
    """docs/ copied, a site/ to keep, and a source whose first paragraph differs (so that a
    build has generated pages to change)."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("ancien site", encoding="utf-8")
    source = tmp_path / "source.txt"
    text = SOURCE.read_text(encoding="utf-8")
    source.write_text(text.replace("sa volonté", "sa ferme volonté", 1), encoding="utf-8")
    return docs, site, source


@pytest.fixture
def copy_to_build(copy):
    """The same, for tests that build it (a building fixture: conftest.BUILDING_FIXTURES)."""
    return copy


def command(docs, site, source, *extra):
    return ["edition", "build", "--docs-dir", docs, "--site-dir", site, "--source", source, *extra]


def test_a_failing_build_leaves_docs_and_check_true(copy_to_build, capsys):
    docs, site, source = copy_to_build
    (docs / "brouillon.md").write_text("[cassé](absente.md)\n", encoding="utf-8")  # hand-written
    before_docs, before_site = tree(docs), tree(site)
    assert main(["build", "--docs-dir", str(docs), "--site-dir", str(site), "--source", str(source)]) == 1
    err = capsys.readouterr().err
    assert "absente.md" in err and "inchangés" in err  # the strict warning itself is shown
    assert tree(docs) == before_docs and tree(site) == before_site
    leftovers = [p.name for p in docs.parent.iterdir() if p.name.startswith((".docs.", ".site."))]
    assert set(leftovers) <= {".docs.lock", ".site.lock"}


def test_kill_9_mid_build_leaves_docs_and_site_as_they_were(copy_to_build, build_command):
    docs, site, source = copy_to_build
    before_docs, before_site = tree(docs), tree(site)
    killed = 0
    for delay in (0.4, 0.7, 1.0, 1.3):
        proc = subprocess.Popen(build_command.argv(*command(docs, site, source)), cwd=ROOT, env=build_command.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        time.sleep(delay)
        if proc.poll() is not None:
            break  # this machine builds faster than the delay: nothing left to kill
        proc.kill()
        proc.wait()
        if tree(docs) != before_docs:  # killed after its last swap, while exiting: it had succeeded
            assert "sa ferme volonté" in (docs / "preambule.md").read_text(encoding="utf-8"), delay
            assert tree(site) != before_site, delay
            break
        killed += 1
        assert tree(site) == before_site, delay
    assert killed  # at least one build was killed mid-way
    # the next build removes what the killed ones left, and succeeds
    run = build_command(*command(docs, site, source))
    assert run.returncode == 0, run.stderr
    leftovers = [p.name for p in docs.parent.iterdir() if p.name.startswith((".docs.", ".site."))]
    assert set(leftovers) <= {".docs.lock", ".site.lock"}
    assert "sa ferme volonté" in (docs / "preambule.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["--source", "--data"])
def test_a_fifo_is_refused_at_once(tmp_path, capsys, which):
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    started = time.monotonic()
    assert main(["generate", "--check", which, str(fifo)]) == 2
    assert time.monotonic() - started < 5
    err = capsys.readouterr().err
    assert "tube" in err and "fichier ordinaire" in err


@pytest.mark.parametrize("which", ["--source", "--data"])
def test_an_oversize_input_is_refused(tmp_path, capsys, which):
    big = tmp_path / "gros.txt"
    big.write_bytes(b"a" * (inputs.MAX_INPUT_BYTES + 1))
    assert main(["generate", "--check", which, str(big)]) == 2
    err = capsys.readouterr().err
    assert "gros.txt" in err and "trop gros" in err


def test_a_second_build_waits_then_refuses_clearly(copy, capsys):
    docs, site, source = copy
    with pipeline.build_lock(docs):
        before = tree(docs)
        code = main(["build", "--docs-dir", str(docs), "--site-dir", str(site), "--source", str(source),
                     "--wait", "0.5"])  # fmt: skip
    assert code == 1
    out = capsys.readouterr()
    assert "attente" in out.out and "autre construction" in out.err
    assert tree(docs) == before


HOSTILE_SITE_URLS = [
    'https://example.org/a"><script>alert(1)</script>/',
    "https://example.org/a b/",
    " https://example.org/",
    "ftp://example.org/",
    "javascript://example.org/%0Aalert(1)",
    "//example.org/",
    "example.org/",
    "https://example.org/?q=1",
    "https://example.org/#frag",
    "https://user:pass@example.org/",
    "https://example.org/a'b/",
    "https://example.org/<x>/",
    "https://exämple.org/",
    "https://example.org/../",
    "https://example.org:99999/",
    "https:///chemin/",
    "https://example.org/\t/",
]


@pytest.mark.parametrize("value", HOSTILE_SITE_URLS)
def test_hostile_site_urls_are_refused(value, monkeypatch, capsys):
    monkeypatch.setenv("SITE_URL", value)
    assert main(["generate", "--check"]) == 2
    err = capsys.readouterr().err
    assert "SITE_URL invalide" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "value, expected",
    [
        ("https://example.org/68-160/", "https://example.org/68-160/"),
        ("http://localhost:8000", "http://localhost:8000/"),
        ("https://un.example.org/r%C3%A9solution", "https://un.example.org/r%C3%A9solution/"),
    ],
)
def test_good_site_urls_are_kept_with_a_final_slash(value, expected):
    assert siteurl.check(value) == expected


def test_a_full_disk_during_the_command_leaves_docs_site_and_check(copy_to_build, monkeypatch, capsys):
    docs, site, source = copy_to_build
    before_docs, before_site = tree(docs), tree(site)

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(offline, "make_zip", full)
    assert main(["build", "--docs-dir", str(docs), "--site-dir", str(site), "--source", str(source)]) == 1
    assert "No space left" in capsys.readouterr().err
    assert tree(docs) == before_docs and tree(site) == before_site
    # docs/ still matches what it matched: the changed source is still reported stale
    assert main(["generate", "--check", "--docs-dir", str(docs), "--source", str(source)]) == 1
    assert main(["generate", "--check", "--docs-dir", str(docs)]) == 0


def test_a_plain_mkdocs_build_refuses_a_hostile_site_url(monkeypatch):
    """Without the command line's check (a standalone `mkdocs build`), the edition's plugin
    refuses a SITE_URL that could break out of an attribute, at its on_config."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import PluginError

    monkeypatch.setenv("SITE_URL", HOSTILE_SITE_URLS[0])
    cfg = load_config(str(ROOT / "mkdocs.yml"), site_url=HOSTILE_SITE_URLS[0])
    plugin = cfg.plugins["edition"]
    plugin.configure(
        inputs.load(pipeline.DEFAULT_SOURCE, pipeline.DEFAULT_DATA), shipped=False, offline_zip=False
    )
    with pytest.raises(PluginError, match="SITE_URL invalide"):
        plugin.on_config(cfg)


def test_a_partial_page_left_in_docs_is_removed(copy):
    docs, site, source = copy
    partial = docs / ".preambule.md.ab12cd_9"
    partial.write_text("moitié", encoding="utf-8")
    pipeline.publish(pipeline.load(source), docs, None)
    assert not partial.exists()
    assert "sa ferme volonté" in (docs / "preambule.md").read_text(encoding="utf-8")


def test_two_builds_sharing_a_site_dir_never_publish_half_a_site(copy_to_build, build_command, tmp_path):
    """Two builds at once, different --docs-dir, the same --site-dir: the site/ lock makes
    the second wait, so neither removes the other's staging folder; after each pair both
    exit 0 and site/ is one whole build, the offline zip included (issue 21: 3 of 8 such
    races used to publish a partial site)."""
    docs, site, source = copy_to_build
    other = tmp_path / "docs-2"
    shutil.copytree(docs, other)
    assert build_command(*command(docs, site, source)).returncode == 0
    whole = tree(site)  # one build alone; both docs folders give the same bytes
    for trial, delay in enumerate((0.0, 0.3, 0.6, 0.9, 1.2, 1.5)):  # the second starts later
        runs = []
        for d in (docs, other):
            runs.append(
                subprocess.Popen(
                    build_command.argv(*command(d, site, source)),
                    cwd=ROOT,
                    env=build_command.env,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    encoding="utf-8",
                )
            )
            time.sleep(delay)
        outputs = [r.communicate(timeout=300) for r in runs]
        assert [r.returncode for r in runs] == [0, 0], (trial, outputs)
        assert tree(site) == whole, trial
        leftovers = [
            p.name for p in site.parent.iterdir() if p.name.startswith((".site.building", ".site.old"))
        ]
        assert leftovers == []


@pytest.mark.parametrize("option", ["--source", "--data", "--docs-dir", "--site-dir"])
def test_a_symbolic_link_loop_is_refused_with_its_name(tmp_path, capsys, option):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert main(["build", option, str(tmp_path / "a")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'a'}: erreur : chemin inutilisable" in err and "boucle de liens symboliques" in err
    assert "Traceback" not in err
