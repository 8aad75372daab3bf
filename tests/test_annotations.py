"""The data file read as data: a hostile corpus of annotations files, each refused with
the file, the line and what was expected (never a traceback), and the valid ones loaded."""

from __future__ import annotations

import pytest
from edition.build import pipeline
from edition.model.errors import ParseError
from edition.model.hosts import ANNOTATION_HOSTS, EXTERNAL_HOSTS
from edition.model.notes import Annotations
from edition.source import annotations

from .support.paths import ROOT

DOC = "documents:\n  A/RES/55/2:\n    titre: Déclaration du Millénaire\n"
THEMES = "themes:\n  suivi: Suivi\n"
GLOSSARY = (
    "glossaire:\n  conseil:\n    terme: Conseil des droits de l’homme\n"
    "    formes: [Conseil des droits de l’homme]\n    definition: Organe subsidiaire.\n"
    "    sources: [https://undocs.org/fr/A/RES/60/251]\n"
)
SERIES = "serie:\n  - symbole: A/RES/67/169\n    date: 2012-12-20\n    source: A/RES/68/160\n"
XSS_LINK = "https://www.un.org/x> <img src=x onerror=alert(4)> <https://a.example/"


def doc_field(name: str, value: str) -> str:
    return DOC + f"    {name}: {value}\n"


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b]\n"

# (name, content, expected line or None, fragment of the message)
CASES: list[tuple[str, bytes | str, int | None, str]] = [
    # encodings
    ("latin-1", DOC.encode("latin-1"), 3, "n’est pas en UTF-8"),
    ("utf-16", DOC.encode("utf-16"), 1, "UTF-16"),
    ("utf-16-sans-bom", DOC.encode("utf-16-le"), 1, "UTF-16"),
    ("bom-utf-8", b"\xef\xbb\xbf" + DOC.encode(), 1, "BOM"),
    ("octet-nul", DOC.replace("Millénaire", "Mill\0naire"), 3, "U+0000"),
    ("espace-sans-chasse", DOC.replace("Millénaire", "Mill\u200bénaire"), 3, "U+200B"),
    ("bidi", DOC.replace("Millénaire", "\u202eMillénaire"), 3, "U+202E"),
    # YAML itself
    ("yaml-invalide", "documents: [\n", 2, "YAML invalide"),
    ("alias", "themes: &t\n  suivi: Suivi\npar: *t\n", 3, "alias"),
    ("billion-laughs", BOMB, 2, "alias"),
    ("imbrication-profonde", "a:\n" + "".join("  " * i + "- \n" for i in range(1, 30)), None, "imbrication"),
    ("imbrication-10000", "[" * 10000 + "]" * 10000, 1, "imbrication"),
    ("deux-documents", DOC + "---\n" + DOC, 4, "YAML invalide"),
    ("etiquette-python", "documents: !!python/object:os.system {}\n", 1, "étiquette YAML"),
    (
        "etiquette-dans-un-texte",
        DOC + "    note: !!python/object/apply:os.system [ls]\n",
        4,
        "étiquette YAML",
    ),
    # top level
    ("racine-liste", "- a\n- b\n", 1, "une liste au lieu d’un dictionnaire"),
    ("racine-texte", "bonjour\n", 1, "au lieu d’un dictionnaire"),
    ("faute-de-frappe", "document:\n  A/RES/55/2:\n    titre: x\n", 1, "clé inconnue « document »"),
    ("cle-en-double-racine", THEMES + THEMES, 3, "clé « themes » en double (ligne 1)"),
    ("documents-liste", "documents:\n  - a\n", 2, "une liste au lieu d’un dictionnaire"),
    ("documents-vide", "documents:\n", 1, "une valeur vide au lieu d’un dictionnaire"),
    ("themes-liste", "themes: [a, b]\n", 1, "une liste au lieu d’un dictionnaire"),
    ("paragraphs-texte", "paragraphs: op-1\n", 1, "au lieu d’un dictionnaire"),
    # documents
    ("document-texte", "documents:\n  A/RES/55/2: Déclaration\n", 2, "au lieu d’un dictionnaire"),
    ("document-sans-titre", "documents:\n  A/RES/55/2:\n    organe: AG\n", 3, "champ « titre » manquant"),
    ("document-champ-inconnu", doc_field("auteur", "x"), 4, "clé inconnue « auteur »"),
    ("document-cle-en-double", doc_field("titre", "Autre"), 4, "clé « titre » en double (ligne 3)"),
    ("document-en-double", DOC + "  A/RES/55/2:\n    titre: x\n", 4, "clé « A/RES/55/2 » en double"),
    ("titre-vide", "documents:\n  A/RES/55/2:\n    titre:\n", 3, "une valeur vide au lieu d’un texte"),
    ("titre-booleen", "documents:\n  A/RES/55/2:\n    titre: yes\n", 3, "un booléen au lieu d’un texte"),
    ("titre-liste", "documents:\n  A/RES/55/2:\n    titre: [a, b]\n", 3, "une liste au lieu d’un texte"),
    (
        "titre-dictionnaire",
        "documents:\n  A/RES/55/2:\n    titre: {a: b}\n",
        3,
        "un dictionnaire au lieu d’un texte",
    ),
    ("titre-vide-entre-guillemets", "documents:\n  A/RES/55/2:\n    titre: ''\n", 3, "texte vide"),
    ("organe-none", doc_field("organe", "~"), 4, "une valeur vide"),
    ("date-booleen", doc_field("date", "false"), 4, "un booléen"),
    ("note-liste", doc_field("note", "[a, b]"), 4, "une liste"),
    ("date-saut-de-ligne", doc_field("date", '"2000\\n{ onmouseover=alert(5) }"'), 4, "saut de ligne"),
    (
        "organe-saut-de-ligne",
        doc_field("organe", "|\n      AG\n      { onmouseover=alert(5) }"),
        4,
        "saut de ligne",
    ),
    (
        "note-saut-de-ligne",
        doc_field("note", "|-\n      Texte\n      { onmouseover=alert(5) }"),
        4,
        "saut de ligne",
    ),
    ("cle-saut-de-ligne", 'documents:\n  "A/1\\n{ onclick=alert(1) }":\n    titre: x\n', 2, "saut de ligne"),
    ("cle-liste", "documents:\n  [a]: {titre: x}\n", 2, "clé qui n’est pas un texte"),
    # links
    ("lien-xss", doc_field("lien", f"'{XSS_LINK}'"), 4, "caractère interdit dans un lien"),
    ("lien-javascript", doc_field("lien", "javascript:alert(1)"), 4, "lien autre que https"),
    ("lien-data", doc_field("lien", "'data:text/html,<script>alert(1)</script>'"), 4, "lien autre que https"),
    ("lien-http", doc_field("lien", "http://undocs.org/fr/A/RES/55/2"), 4, "lien autre que https"),
    ("lien-sans-schema", doc_field("lien", "//evil.example/x"), 4, "lien autre que https"),
    ("lien-hote-inconnu", doc_field("lien", "https://evil.example/x"), 4, "hôte non autorisé"),
    ("lien-hote-ressemblant", doc_field("lien", "https://undocs.org.evil.example/x"), 4, "hôte non autorisé"),
    ("lien-identifiants", doc_field("lien", "https://user@undocs.org/x"), 4, "hôte non autorisé"),
    ("lien-port", doc_field("lien", "https://undocs.org:8443/x"), 4, "hôte non autorisé"),
    ("lien-espace", doc_field("lien", "'https://undocs.org/fr/A/RES 55'"), 4, "caractère interdit"),
    ("lien-guillemet", doc_field("lien", "'https://undocs.org/fr/\"onclick=x'"), 4, "caractère interdit"),
    ("lien-accolade", doc_field("lien", "'https://undocs.org/{ .x }'"), 4, "caractère interdit"),
    ("lien-chevron", doc_field("lien", "'https://undocs.org/<b>'"), 4, "caractère interdit"),
    ("lien-oasis-non-admis", doc_field("lien", "https://www.oasis-open.org/x"), 4, "hôte non autorisé"),
    # themes and paragraphs
    ("theme-identifiant", "themes:\n  Suivi Final: Suivi\n", 2, "identifiant invalide"),
    ("theme-libelle-liste", "themes:\n  suivi: [a]\n", 2, "une liste au lieu d’un texte"),
    ("paragraphe-theme-inconnu", THEMES + "paragraphs:\n  op-1: [crises]\n", 4, "thème inconnu « crises »"),
    ("paragraphe-theme-double", THEMES + "paragraphs:\n  op-1: [suivi, suivi]\n", 4, "en double"),
    ("paragraphe-ancre", THEMES + "paragraphs:\n  op1: [suivi]\n", 4, "n’est pas un paragraphe"),
    ("paragraphe-texte", THEMES + "paragraphs:\n  op-1: suivi\n", 4, "au lieu d’une liste"),
    ("paragraphe-liste-vide", THEMES + "paragraphs:\n  op-1: []\n", 4, "liste vide"),
    (
        "paragraphe-theme-nombre-de-listes",
        THEMES + "paragraphs:\n  op-1: [[suivi]]\n",
        4,
        "une liste au lieu d’un texte",
    ),
    # glossary and series
    ("glossaire-liste", "glossaire: [a]\n", 1, "au lieu d’un dictionnaire"),
    (
        "glossaire-champ-manquant",
        GLOSSARY.replace("    definition: Organe subsidiaire.\n", ""),
        3,
        "champ « definition » manquant",
    ),
    ("glossaire-champ-inconnu", GLOSSARY + "    note: x\n", 7, "clé inconnue « note »"),
    ("glossaire-formes-vide", GLOSSARY.replace("[Conseil des droits de l’homme]", "[]"), 4, "liste vide"),
    (
        "glossaire-formes-texte",
        GLOSSARY.replace("[Conseil des droits de l’homme]", "Conseil"),
        4,
        "au lieu d’une liste",
    ),
    ("glossaire-source-http", GLOSSARY.replace("https://undocs", "http://undocs"), 6, "lien autre que https"),
    (
        "glossaire-source-cote",
        GLOSSARY.replace("https://undocs.org/fr/A/RES/60/251", "A/RES/60/251"),
        6,
        "lien autre que https",
    ),
    (
        "glossaire-terme-saut",
        GLOSSARY.replace("terme: Conseil des droits de l’homme", 'terme: "a\\nb"'),
        3,
        "saut de ligne",
    ),
    ("serie-dictionnaire", "serie:\n  a: b\n", 2, "au lieu d’une liste"),
    ("serie-date-invalide", SERIES.replace("2012-12-20", "2012-13-20"), 3, "date"),
    ("serie-date-texte", SERIES.replace("2012-12-20", "20 décembre 2012"), 3, "pas une date ISO"),
    ("serie-date-nombre", SERIES.replace("2012-12-20", "2012"), 3, "pas une date ISO"),
    (
        "serie-sans-symbole",
        SERIES.replace("  - symbole: A/RES/67/169\n    date", "  - date"),
        2,
        "champ « symbole » manquant",
    ),
    ("serie-desordre", SERIES + "  - symbole: A/RES/66/1\n    date: 2011-01-01\n", 2, "ordre chronologique"),
    ("serie-champ-inconnu", SERIES + "    lien: x\n", 5, "clé inconnue « lien »"),
]


@pytest.mark.parametrize("name,content,line,fragment", CASES, ids=[c[0] for c in CASES])
def test_hostile_annotations_are_refused_with_file_and_line(tmp_path, name, content, line, fragment):
    path = tmp_path / f"{name}.yml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(ParseError) as info:
        annotations.load(path)
    message = str(info.value)
    assert fragment in message, message
    assert info.value.line == line or line is None, message
    head = f"{path}:{line}: erreur : " if line else f"{path}"
    assert message.startswith(head), message
    assert "attendu : " in message


def test_the_corpus_is_large():
    assert len(CASES) >= 63


def test_valid_file_with_glossary_and_series_loads(tmp_path):
    path = tmp_path / "ok.yml"
    path.write_text(
        DOC + "    date: 2000\n    lien: https://undocs.org/fr/A/RES/55/2\n"
        "    note: 'Prose avec <, >, { et } : le rendu les échappe.'\n" + THEMES + GLOSSARY + SERIES,
        encoding="utf-8",
    )
    data = annotations.load(path)
    assert data.documents["A/RES/55/2"].date == "2000"  # a year is read as its text
    assert "{ et }" in data.documents["A/RES/55/2"].note
    entry = data.glossary["conseil"]
    assert (entry.term, entry.forms, entry.sources) == (
        "Conseil des droits de l’homme",
        ("Conseil des droits de l’homme",),
        ("https://undocs.org/fr/A/RES/60/251",),
    )
    assert [(s.symbol, s.date, s.source) for s in data.series] == [
        ("A/RES/67/169", "2012-12-20", "A/RES/68/160")
    ]


def test_an_unquoted_iso_date_in_a_notice_is_written_out(tmp_path):
    """YAML reads `date: 2000-09-08` as a date: the notice shows it in French, and an
    impossible one is refused with its line."""
    path = tmp_path / "date.yml"
    path.write_text(DOC + "    date: 2000-09-08\n", encoding="utf-8")
    assert annotations.load(path).documents["A/RES/55/2"].date == "8 septembre 2000"
    path.write_text(DOC + "    date: 2000-02-30\n", encoding="utf-8")
    with pytest.raises(ParseError) as info:
        annotations.load(path)
    assert info.value.line == 4 and "« 2000-02-30 » : date impossible" in str(info.value)


def test_the_projects_data_file_loads():
    data = annotations.load(ROOT / "source" / "annotations.yml")
    assert len(data.documents) == 10 and data.themes and data.paragraphs


def test_empty_file_is_no_data(tmp_path):
    path = tmp_path / "vide.yml"
    path.write_text("# rien\n", encoding="utf-8")
    assert annotations.load(path) == Annotations()


def test_a_directory_or_a_fifo_is_refused(tmp_path):
    import os

    fifo = tmp_path / "fifo.yml"
    os.mkfifo(fifo)
    for path in (tmp_path, fifo):
        with pytest.raises(ParseError, match="pas un fichier ordinaire"):
            annotations.load(path)


def test_the_guides_list_the_allowed_hosts():
    """The testing guide's link gate names every external host; the README's curated-data
    section the hosts a notice may link to."""
    guide = (ROOT / "tests" / "README.md").read_text(encoding="utf-8")
    gate = guide[guide.index("**Links**") :].split("\n- ")[0]
    for host in EXTERNAL_HOSTS:
        assert f"`{host}`" in gate
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Curated data") :].split("\n## ")[0]
    assert all(f"`{host}`" in section for host in ANNOTATION_HOSTS)


def test_a_notice_for_a_document_the_text_does_not_cite_is_refused(tmp_path):
    """A misspelt key (« A/RES/55/02 ») would drop its notice silently and give the cited
    document a blank entry: refused, naming the file and the key's line."""
    text = (ROOT / "source" / "annotations.yml").read_text(encoding="utf-8")
    assert text.count("\n  A/RES/55/2:\n") == 1
    path = tmp_path / "annotations.yml"
    path.write_text(text.replace("\n  A/RES/55/2:\n", "\n  A/RES/55/02:\n"), encoding="utf-8")
    line = text[: text.index("\n  A/RES/55/2:\n")].count("\n") + 2
    with pytest.raises(ParseError) as info:
        pipeline.load(ROOT / "source" / "A-RES-68-160-fr.txt", path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}: erreur : "), message
    assert "« A/RES/55/02 » que la résolution ne cite pas" in message
    assert "A/RES/55/2" in message.split("attendu : ")[1]
