"""The navigation of the operative paragraphs: every page in numeric order, then at most ten
ranges for very long resolutions, the pages left out of the navigation declared."""

from __future__ import annotations

from edition.pages import navigation

NAV = [{"Accueil": "index.md"}, {"Dispositif": "dispositif/"}, {"Plus": [{"X": "dispositif/"}]}]


def pages(tmp_path, count):
    (tmp_path / "dispositif").mkdir()
    for n in range(1, count + 1):
        (tmp_path / "dispositif" / f"{n}.md").write_text("", encoding="utf-8")
    return tmp_path


def test_one_item_per_paragraph_in_numeric_order(tmp_path):
    nav, omitted = navigation.expand(NAV, pages(tmp_path, 12))
    items = nav[1]["Dispositif"]
    assert items[:3] == [
        {"Paragraphe 1": "dispositif/1.md"},
        {"Paragraphe 2": "dispositif/2.md"},
        {"Paragraphe 3": "dispositif/3.md"},
    ]
    assert list(items[-1].values()) == ["dispositif/12.md"] and len(items) == 12
    assert nav[2]["Plus"][0]["X"] == items  # nested entries are expanded too
    assert nav[0] == NAV[0] and omitted == []


def test_long_resolutions_get_at_most_ten_ranges(tmp_path):
    nav, omitted = navigation.expand(NAV[:2], pages(tmp_path, 1000))
    items = nav[1]["Dispositif"]
    assert len(items) == navigation.MAX_RANGES
    assert items[0] == {"Paragraphes 1 à 100": "dispositif/1.md"}
    assert items[-1] == {"Paragraphes 901 à 1000": "dispositif/901.md"}
    assert len(omitted) == 1000 - 10 and "/dispositif/2.md" in omitted
    assert "/dispositif/101.md" not in omitted
    # one more page: ranges grow by fifty, still at most ten of them
    (tmp_path / "dispositif" / "1001.md").write_text("", encoding="utf-8")
    items = navigation.expand(NAV[:2], tmp_path)[0][1]["Dispositif"]
    assert len(items) == 7 and items[0] == {"Paragraphes 1 à 150": "dispositif/1.md"}


def test_past_the_limit_ranges_of_fifty(tmp_path):
    items = navigation.expand(NAV[:2], pages(tmp_path, 120))[0][1]["Dispositif"]
    assert [list(i) for i in items] == [
        ["Paragraphes 1 à 50"],
        ["Paragraphes 51 à 100"],
        ["Paragraphes 101 à 120"],
    ]
