"""The curated editorial data (notes on cited documents, themes, glossary, series) and how
it meets the model.

`load(path)` reads `source/annotations.yml` as data, not as code, and guarantees:

1. The file is a regular file of at most MAX_BYTES, UTF-8 without BOM (Latin-1, UTF-16,
   a BOM are refused with a clear message), with no control or invisible character.
2. It is one YAML document without aliases (no `&`/`*`: no billion laughs) nested at
   most MAX_DEPTH deep; only the YAML core types; no key twice in one mapping.
3. Every key is known, at every level (top level: `documents`, `themes`, `paragraphs`,
   `glossaire`, `serie`, all optional); required fields are present; every value has
   its type: a text field is a non-empty one-line scalar (a year such as `2012` is read
   as its text; empty, `true`/`false`, lists and mappings are refused); prose may hold
   `<`, `>`, `{`, `}` (escaping is the renderer's job) but no line break.
4. Links (`lien`, glossary `sources`) are `https://` on a host of `hosts.ANNOTATION_HOSTS`,
   with no credentials, port, space, quote, `<`, `>` or braces; `lien` may instead be a
   document symbol (`A/CONF.157/24(PartI)`) for undocs.org.
5. Themes given to paragraphs are declared under `themes`, once per paragraph; paragraph
   keys are `pp-N`/`op-N`; `serie` dates are real ISO dates in chronological order.

Any departure is a ParseError naming the file and the line, showing it and saying what
was expected; never a traceback. `check_against` then compares the data with the text.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from edition.model import Resolution
from edition.model.errors import ParseError
from edition.model.french import french_date
from edition.model.hosts import ANNOTATION_HOSTS
from edition.model.notes import Annotations, DocumentNote, GlossaryEntry, SeriesEntry
from edition.source.normalise import INVISIBLE

# YAML key -> field of DocumentNote
DOCUMENT_FIELDS = {"titre": "title", "organe": "body", "date": "date", "lien": "link", "note": "note"}
TOP_KEYS = ("documents", "themes", "paragraphs", "glossaire", "serie")
GLOSSARY_KEYS = ("terme", "formes", "definition", "sources")
SERIES_KEYS = ("symbole", "date", "source")


# -- reading and validating the data file ----------------------------------------------

MAX_BYTES = 1_000_000  # the data file is hand-written: a few kilobytes
MAX_DEPTH = 8  # deepest legitimate nesting: glossaire > slug > sources > item (4)
# Characters no annotation holds: controls (C0, C1, DEL) and invisible ones, see normalise.
FORBIDDEN = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]|{INVISIBLE.pattern}")
# What `lien` may be besides a link: a document symbol as undocs.org spells it.
LINK_SYMBOL = re.compile(r"^[A-Z][A-Za-z0-9./()\-]{0,99}$")
# Characters an allowed https link may hold (RFC 3986, without quotes, <, >, spaces, braces).
URL_CHARS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+$")
# "conseil-des-droits-de-l-homme", "cooperation"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# "pp-3", "op-12"
ANCHOR = re.compile(r"^(?:pp|op)-[1-9][0-9]*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CORE_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
STR_TAG, NULL_TAG, BOOL_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool"
TIMESTAMP_TAG, INT_TAG = "tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:int"
SEQ_TAG, MAP_TAG = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


# libyaml when PyYAML was built with it (the pure-Python parser is ten times slower)
_Parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPEN, _CLOSE = (
    (yaml.MappingStartEvent, yaml.SequenceStartEvent),
    (yaml.MappingEndEvent, yaml.SequenceEndEvent),
)


def _compose(text: str) -> yaml.Node:
    """The node tree, marks kept for line numbers. A first pass over the parser's events
    refuses aliases and any nesting deeper than MAX_DEPTH before composing could recurse."""
    depth = 0
    for event in yaml.parse(text, Loader=_Parser):
        if isinstance(event, yaml.AliasEvent):
            raise _Invalid(
                "alias YAML (*nom) refusé", event.start_mark, "des valeurs écrites en entier, sans & ni *"
            )
        if isinstance(event, _OPEN):
            if depth >= MAX_DEPTH:
                raise _Invalid(
                    f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux)",
                    event.start_mark,
                    "la structure documents / themes / paragraphs / glossaire / serie",
                )
            depth += 1
        elif isinstance(event, _CLOSE):
            depth -= 1
    loader = _Parser(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _Invalid(Exception):
    def __init__(self, message: str, mark, expected: str):
        super().__init__(message)
        self.message, self.mark, self.expected = message, mark, expected


def _text_of(data: bytes, path: Path) -> str:
    def refuse(message: str, line: int, expected: str) -> ParseError:
        return ParseError(message, path=str(path), line=line, expected=expected)

    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:2]:
        raise refuse("fichier en UTF-16 (ou binaire)", 1, "un fichier YAML encodé en UTF-8, sans BOM")
    if data.startswith(b"\xef\xbb\xbf"):
        raise refuse("fichier UTF-8 avec BOM", 1, "un fichier YAML encodé en UTF-8, sans BOM")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise refuse(
            f"le fichier n’est pas en UTF-8 (octet 0x{data[err.start]:02x} invalide : Latin-1 ?)",
            data[: err.start].count(b"\n") + 1,
            "un fichier YAML encodé en UTF-8",
        ) from None
    found = FORBIDDEN.search(text)
    if found:
        raise refuse(
            f"caractère de contrôle ou invisible U+{ord(found[0]):04X}",
            text.count("\n", 0, found.start()) + 1,
            "du texte visible seulement",
        )
    return text


def load(path: str | Path | None) -> Annotations:
    """The data file, validated against its schema (README, « Changing the curated data »);
    any departure is a ParseError naming the file and line."""
    if path is None:
        return Annotations()
    path = Path(path)
    try:
        if not path.is_file():
            raise ParseError("les annotations ne sont pas un fichier ordinaire", path=str(path))
        if path.stat().st_size > MAX_BYTES:
            raise ParseError(f"fichier d’annotations trop gros (plus de {MAX_BYTES} octets)", path=str(path))
        data = path.read_bytes()
    except OSError as err:
        raise ParseError(f"impossible de lire les annotations ({err.strerror})", path=str(path)) from None
    text = _text_of(data, path)
    lines = text.split("\n")
    try:
        return _Schema(lines).annotations(_compose(text))
    except _Invalid as err:
        line = err.mark.line + 1 if err.mark else None
        raise ParseError(
            err.message,
            path=str(path),
            line=line,
            text=lines[line - 1] if line and line <= len(lines) else None,
            expected=err.expected,
        ) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise ParseError(
            f"YAML invalide : {getattr(err, 'problem', None) or err}",
            path=str(path),
            line=line,
            text=lines[line - 1] if line and line <= len(lines) else None,
            expected="un fichier YAML valide",
        ) from None


def check_link(value: str) -> str | None:
    """Why `value` is not an acceptable link (None when it is): https on an allowed host,
    no credentials or port, only URL characters."""
    if not value.startswith("https://"):
        return "lien autre que https://"
    if not URL_CHARS.match(value):
        return "caractère interdit dans un lien (espace, guillemet, <, >, accolade…)"
    parts = urlsplit(value)
    if parts.username or parts.password or parts.port or parts.hostname not in ANNOTATION_HOSTS:
        return f"hôte non autorisé « {parts.netloc} »"
    return None


class _Schema:
    """Walks the composed node tree, checking types, keys and values with their lines."""

    def __init__(self, lines: list[str]):
        self.lines = lines

    @staticmethod
    def fail(node, message: str, expected: str):
        raise _Invalid(message, node.start_mark if node is not None else None, expected)

    def mapping(self, node, where: str, required=(), allowed=None) -> dict[str, tuple]:
        """key -> (key node, value node); keys are plain strings, once each."""
        if not isinstance(node, yaml.MappingNode):
            self.fail(
                node, f"{where} : {self.kind(node)} au lieu d’un dictionnaire", "des paires « clé: valeur »"
            )
        if node.tag != MAP_TAG:
            self.fail(
                node, f"{where} : étiquette YAML « {node.tag} » refusée", "un dictionnaire sans étiquette"
            )
        out: dict[str, tuple] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag not in (STR_TAG, INT_TAG):
                self.fail(key, f"{where} : clé qui n’est pas un texte", "des clés en texte simple")
            name = key.value
            if name in out:
                self.fail(
                    key,
                    f"{where} : clé « {name} » en double (ligne {out[name][0].start_mark.line + 1})",
                    "chaque clé une seule fois",
                )
            if allowed is not None and name not in allowed:
                self.fail(key, f"{where} : clé inconnue « {name} »", f"une des clés {', '.join(allowed)}")
            self.single_line(key, name, f"{where}, clé")
            out[name] = (key, value)
        for name in required:
            if name not in out:
                self.fail(node, f"{where} : champ « {name} » manquant", f"un champ « {name}: »")
        return out

    def sequence(self, node, where: str, nonempty: bool = True) -> list:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(
                node,
                f"{where} : {self.kind(node)} au lieu d’une liste",
                "une liste [a, b] ou des lignes « - a »",
            )
        if node.tag != SEQ_TAG:
            self.fail(node, f"{where} : étiquette YAML « {node.tag} » refusée", "une liste sans étiquette")
        if nonempty and not node.value:
            self.fail(node, f"{where} : liste vide", "au moins un élément")
        return node.value

    @staticmethod
    def kind(node) -> str:
        if isinstance(node, yaml.MappingNode):
            return "un dictionnaire"
        if isinstance(node, yaml.SequenceNode):
            return "une liste"
        return {NULL_TAG: "une valeur vide", BOOL_TAG: "un booléen"}.get(
            node.tag, f"la valeur « {node.value} »"
        )

    def single_line(self, node, value: str, where: str) -> None:
        if "\n" in value or "\r" in value:
            self.fail(
                node,
                f"{where} : saut de ligne dans un champ d’une seule ligne",
                "un texte sur une ligne (bloc replié >- sans ligne vide)",
            )

    def text(self, node, where: str) -> str:
        """A text field: a plain scalar (a number such as a year is read as its text), never
        empty, a boolean, a list or a mapping; one line, no control character."""
        if node.tag not in CORE_TAGS | {SEQ_TAG, MAP_TAG}:
            self.fail(node, f"{where} : étiquette YAML « {node.tag} » refusée", "un texte sans étiquette")
        if (
            not isinstance(node, yaml.ScalarNode)
            or node.tag in (NULL_TAG, BOOL_TAG)
            or node.tag not in CORE_TAGS  # e.g. `!!seq texte`
        ):
            self.fail(node, f"{where} : {self.kind(node)} au lieu d’un texte", "un texte")
        value = node.value.strip()
        if not value:
            self.fail(node, f"{where} : texte vide", "un texte")
        self.single_line(node, value, where)
        return value

    def iso_date(self, node, where: str) -> str:
        """A real date written AAAA-MM-JJ (quoted or not)."""
        date = self.text(node, where)
        if not ISO_DATE.match(date) or node.tag not in (STR_TAG, TIMESTAMP_TAG):
            self.fail(node, f"{where} « {date} » : pas une date ISO", "AAAA-MM-JJ")
        try:
            datetime.date.fromisoformat(date)
        except ValueError:
            self.fail(node, f"{where} « {date} » : date impossible", "une date réelle AAAA-MM-JJ")
        return date

    def written_date(self, node, where: str) -> str:
        """An unquoted ISO date (YAML reads 2000-09-08 as a date) where the prose wants one:
        written out in French (« 8 septembre 2000 »), if it is a real date."""
        return french_date(self.iso_date(node, where))

    def link(self, node, where: str, symbol_ok: bool) -> str:
        value = self.text(node, where)
        if symbol_ok and LINK_SYMBOL.match(value):
            return value
        problem = check_link(value)
        if problem:
            hosts = " ou ".join(sorted(ANNOTATION_HOSTS))
            self.fail(
                node,
                f"{where} : {problem}",
                f"https://{hosts}/…" + (" ou la cote du document (A/RES/55/2)" if symbol_ok else ""),
            )
        return value

    def annotations(self, root) -> Annotations:
        if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == NULL_TAG):
            return Annotations()
        top = self.mapping(root, "annotations", allowed=TOP_KEYS)
        documents: dict[str, DocumentNote] = {}
        if "documents" in top:
            for key, (knode, entry) in self.mapping(top["documents"][1], "documents").items():
                where = f"document « {key} »"
                fields = self.mapping(entry, where, required=("titre",), allowed=tuple(DOCUMENT_FIELDS))
                values = {}
                for name, (_, value) in fields.items():
                    if name == "lien":
                        values["link"] = self.link(value, f"{where}, lien", symbol_ok=True)
                    elif name == "date" and value.tag == TIMESTAMP_TAG:
                        values["date"] = self.written_date(value, f"{where}, date")
                    else:
                        values[DOCUMENT_FIELDS[name]] = self.text(value, f"{where}, {name}")
                documents[key] = DocumentNote(**values, line=knode.start_mark.line + 1)
        themes: dict[str, str] = {}
        if "themes" in top:
            for slug_, (knode, label) in self.mapping(top["themes"][1], "themes").items():
                if not SLUG.match(slug_):
                    self.fail(
                        knode,
                        f"thème « {slug_} » : identifiant invalide",
                        "des minuscules, chiffres et tirets",
                    )
                themes[slug_] = self.text(label, f"thème « {slug_} »")
        paragraphs: dict[str, tuple[str, ...]] = {}
        if "paragraphs" in top:
            for anchor, (knode, slugs) in self.mapping(top["paragraphs"][1], "paragraphs").items():
                if not ANCHOR.match(anchor):
                    self.fail(knode, f"paragraphs : « {anchor} » n’est pas un paragraphe", "pp-N ou op-N")
                items = []
                for item in self.sequence(slugs, f"thèmes de {anchor}"):
                    name = self.text(item, f"thèmes de {anchor}")
                    if name not in themes:
                        self.fail(
                            item,
                            f"thème inconnu « {name} » pour {anchor}",
                            f"un des thèmes déclarés : {', '.join(themes)}",
                        )
                    if name in items:
                        self.fail(item, f"thème « {name} » en double pour {anchor}", "chaque thème une fois")
                    items.append(name)
                paragraphs[anchor] = tuple(items)
        glossary: dict[str, GlossaryEntry] = {}
        if "glossaire" in top:
            for slug_, (knode, entry) in self.mapping(top["glossaire"][1], "glossaire").items():
                where = f"glossaire « {slug_} »"
                if not SLUG.match(slug_):
                    self.fail(knode, f"{where} : identifiant invalide", "des minuscules, chiffres et tirets")
                f = self.mapping(entry, where, required=GLOSSARY_KEYS, allowed=GLOSSARY_KEYS)
                glossary[slug_] = GlossaryEntry(
                    term=self.text(f["terme"][1], f"{where}, terme"),
                    forms=tuple(
                        self.text(x, f"{where}, formes")
                        for x in self.sequence(f["formes"][1], f"{where}, formes")
                    ),
                    definition=self.text(f["definition"][1], f"{where}, definition"),
                    sources=tuple(
                        self.link(x, f"{where}, sources", symbol_ok=False)
                        for x in self.sequence(f["sources"][1], f"{where}, sources")
                    ),
                )
        series: list[SeriesEntry] = []
        if "serie" in top:
            for item in self.sequence(top["serie"][1], "serie"):
                f = self.mapping(item, "serie", required=("symbole", "date"), allowed=SERIES_KEYS)
                date = self.iso_date(f["date"][1], "serie, date")
                series.append(
                    SeriesEntry(
                        symbol=self.text(f["symbole"][1], "serie, symbole"),
                        date=date,
                        source=self.text(f["source"][1], "serie, source") if "source" in f else None,
                    )
                )
            dates = [e.date for e in series]
            if dates != sorted(dates):
                self.fail(
                    top["serie"][1],
                    "serie : pas dans l’ordre chronologique",
                    "les résolutions de la plus ancienne à la plus récente",
                )
        return Annotations(documents, themes, paragraphs, glossary, tuple(series))


def check_against(resolution: Resolution, notes: Annotations) -> list[str]:
    """Compare the data with the text. Themes given to a paragraph the text does not have, and
    a notice for a document the text does not cite (a misspelt key), are errors (ParseError:
    the data file is for another text, or the text lost a paragraph); documents the data
    file does not know are a warning (each still gets its entry)."""
    anchors = {p.anchor for p in resolution.paragraphs}
    missing = [anchor for anchor in notes.paragraphs if anchor not in anchors]
    if missing:
        raise ParseError(
            f"annotations : thèmes donnés pour {', '.join(missing)}, absent(s) du texte",
            expected=f"des paragraphes du texte : pp-1…pp-{len(resolution.preamble)}, "
            f"op-1…op-{len(resolution.operative)}",
        )
    cited = {doc.key for doc in resolution.documents}
    for key, note in notes.documents.items():
        if key not in cited:  # a misspelt key would silently drop its notice
            raise ParseError(
                f"annotations : document « {key} » que la résolution ne cite pas",
                line=note.line or None,
                expected=f"la clé d’un document cité : {', '.join(sorted(cited))}",
            )
    warnings = []
    for doc in resolution.documents:
        if doc.key not in notes.documents:
            warnings.append(
                f"document cité inconnu des annotations : {doc.key} "
                f"(cité par {', '.join(doc.cited_by)}) ; entrée minimale générée"
            )
    return warnings


def warn(messages: list[str]) -> None:
    for message in messages:
        print(f"AVERTISSEMENT : {message}", file=sys.stderr)
