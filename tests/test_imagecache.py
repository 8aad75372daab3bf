"""The images the build draws are kept between builds (scripts/edition/site/imagecache.py):
the same bytes as drawn, drawn again when the inputs change or the file is damaged, and no
cache at all in a folder another user could have prepared."""

from __future__ import annotations

import os

import pytest
from edition.site import card, imagecache

PNG = imagecache.PNG + b"drawn"


@pytest.fixture
def temp(tmp_path, monkeypatch):
    monkeypatch.setattr(imagecache.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.delenv("EDITION_IMAGE_CACHE", raising=False)
    return tmp_path


def counting():
    calls = []

    def draw(label, size):
        calls.append((label, size))
        return PNG + f"{label}{size}".encode()

    return draw, calls


def test_an_image_is_drawn_once_then_read_back(temp):
    draw, calls = counting()
    first = imagecache.png(card.__file__, draw, "68/160", 192)
    assert imagecache.png(card.__file__, draw, "68/160", 192) == first == PNG + b"68/160192"
    assert calls == [("68/160", 192)]
    imagecache.png(card.__file__, draw, "68/160", 512)  # other arguments, another image
    assert calls == [("68/160", 192), ("68/160", 512)]
    folder = temp / f"edition-images-{os.getuid()}"
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no half-written file


def test_a_damaged_file_is_drawn_again(temp):
    draw, calls = counting()
    imagecache.png(card.__file__, draw, "68/160", 192)
    (cached,) = (temp / f"edition-images-{os.getuid()}").iterdir()
    cached.write_bytes(b"<script>not a png</script>")
    assert imagecache.png(card.__file__, draw, "68/160", 192) == PNG + b"68/160192"
    assert len(calls) == 2 and cached.read_bytes() == PNG + b"68/160192"


def test_the_key_follows_the_drawing_code_and_the_arguments(tmp_path):
    module = tmp_path / "drawing.py"
    module.write_text("A = 1\n", encoding="utf-8")
    before = imagecache.key(str(module), ("68/160",))
    assert imagecache.key(str(module), ("68/161",)) != before
    module.write_text("A = 2\n", encoding="utf-8")
    assert imagecache.key(str(module), ("68/160",)) != before


@pytest.mark.parametrize("case", ["shared", "link", "off"])
def test_no_cache_where_it_cannot_be_trusted(temp, monkeypatch, case):
    folder = temp / f"edition-images-{os.getuid()}"
    if case == "shared":
        folder.mkdir()
        folder.chmod(0o777)  # another user could have written in it
    elif case == "link":
        (temp / "elsewhere").mkdir(mode=0o700)
        folder.symlink_to(temp / "elsewhere")
    else:
        monkeypatch.setenv("EDITION_IMAGE_CACHE", "off")
    assert imagecache.folder() is None
    draw, calls = counting()
    imagecache.png(card.__file__, draw, "x", 1)
    imagecache.png(card.__file__, draw, "x", 1)
    assert len(calls) == 2
    assert not (temp / "elsewhere").exists() or list((temp / "elsewhere").iterdir()) == []
