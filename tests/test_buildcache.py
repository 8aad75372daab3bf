"""What the build derives at some cost is kept between builds (scripts/edition/site/buildcache.py):
the images it draws and the pruned stylesheet, the same bytes as made, made again when the
inputs change or the entry is damaged, and no cache at all in a folder another user could
have prepared."""

from __future__ import annotations

import os

import pytest
from edition.site import buildcache, card

PNG = buildcache.PNG + b"drawn"


@pytest.fixture
def temp(tmp_path, monkeypatch):
    monkeypatch.setattr(buildcache.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.delenv("EDITION_BUILD_CACHE", raising=False)
    return tmp_path


def counting():
    calls = []

    def draw(label, size):
        calls.append((label, size))
        return PNG + f"{label}{size}".encode()

    return draw, calls


def test_an_image_is_drawn_once_then_read_back(temp):
    draw, calls = counting()
    first = buildcache.png(card.__file__, draw, "68/160", 192)
    assert buildcache.png(card.__file__, draw, "68/160", 192) == first == PNG + b"68/160192"
    assert calls == [("68/160", 192)]
    buildcache.png(card.__file__, draw, "68/160", 512)  # other arguments, another image
    assert calls == [("68/160", 192), ("68/160", 512)]
    folder = temp / f"edition-build-{os.getuid()}"
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no half-written file


def test_a_damaged_file_is_drawn_again(temp):
    draw, calls = counting()
    buildcache.png(card.__file__, draw, "68/160", 192)
    (cached,) = (temp / f"edition-build-{os.getuid()}").iterdir()
    cached.write_bytes(b"<script>not a png</script>")
    assert buildcache.png(card.__file__, draw, "68/160", 192) == PNG + b"68/160192"
    assert len(calls) == 2 and cached.read_bytes() == PNG + b"68/160192"


def test_the_key_follows_the_drawing_code_and_the_arguments(tmp_path):
    module = tmp_path / "drawing.py"
    module.write_text("A = 1\n", encoding="utf-8")
    before = buildcache.key(str(module), ("68/160",))
    assert buildcache.key(str(module), ("68/161",)) != before
    module.write_text("A = 2\n", encoding="utf-8")
    assert buildcache.key(str(module), ("68/160",)) != before


def test_a_text_is_made_once_per_inputs_and_again_when_damaged(temp):
    made = []

    def make():
        made.append(1)
        return "a{b:c} « é »"

    assert buildcache.text(card.__file__, [b"ab", b"c"], make) == "a{b:c} « é »"
    assert buildcache.text(card.__file__, [b"ab", b"c"], make) == "a{b:c} « é »"
    assert len(made) == 1
    buildcache.text(card.__file__, [b"a", b"bc"], make)  # the same bytes cut otherwise
    assert len(made) == 2
    for entry in (temp / f"edition-build-{os.getuid()}").glob("*.txt"):
        data = entry.read_bytes()
        entry.write_bytes(data[:-3] + b"x{}")  # changed after its digest
    assert buildcache.text(card.__file__, [b"ab", b"c"], make) == "a{b:c} « é »"
    assert len(made) == 3


@pytest.mark.parametrize("case", ["shared", "link", "off"])
def test_no_cache_where_it_cannot_be_trusted(temp, monkeypatch, case):
    folder = temp / f"edition-build-{os.getuid()}"
    if case == "shared":
        folder.mkdir()
        folder.chmod(0o777)  # another user could have written in it
    elif case == "link":
        (temp / "elsewhere").mkdir(mode=0o700)
        folder.symlink_to(temp / "elsewhere")
    else:
        monkeypatch.setenv("EDITION_BUILD_CACHE", "off")
    assert buildcache.folder() is None
    draw, calls = counting()
    buildcache.png(card.__file__, draw, "x", 1)
    buildcache.png(card.__file__, draw, "x", 1)
    assert len(calls) == 2
    assert not (temp / "elsewhere").exists() or list((temp / "elsewhere").iterdir()) == []
