"""A seeded mutation fuzzer for the parser: damaged variants of the real source and of a
synthetic resolution with lettered subparagraphs, each run in-process through parse and
render, each with its expectation:

- refused: a ParseError whose line is where the damage is (near the mutated lines, or, for
  damage to a note or a note call, at a note or a call), never a traceback;
- built: structurally sound: the grammar (preamble ends with a comma, operative paragraphs
  1…N ending with ; or : and subparagraphs, the last with a full stop), the paragraph,
  subparagraph and note counts of the undamaged text, and every word of the mutant's
  body and notes present, in order, in the plain text rebuilt from the model.

`python -m tests.support.fuzz [COUNT]` prints the table (refused / built sound / wrong / tracebacks
/ over 60 s); tests/test_fuzz.py runs it and requires 0 wrong, 0 tracebacks, 0 over 60 s.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import signal
import sys
import time
import traceback
from dataclasses import dataclass, field

from .paths import FIXTURES, ROOT, SOURCE

sys.path.insert(0, str(ROOT / "scripts"))

from edition.formats import exports  # noqa: E402
from edition.model.errors import ParseError  # noqa: E402
from edition.model.notes import Annotations  # noqa: E402
from edition.pages.render import Pages  # noqa: E402
from edition.source.normalise import decode  # noqa: E402
from edition.source.parse import parse  # noqa: E402

from .htmltext import source_text_words, words  # noqa: E402
from .layouts import comparable  # noqa: E402

SOURCES = {
    "réel": SOURCE,
    "synthétique": FIXTURES / "alineas-lettres.txt",
}
SEED = 68160
LIMIT = 60  # seconds per mutant
NEAR = 10  # lines: how far from the damage an error may point
INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u200e", "\u202e", "\u2066", "\u00ad", "\u2060", "\ufeff"]


@dataclass
class Mutant:
    source: str
    operator: str
    data: bytes
    lines: tuple[int, int]  # 1-based span of the mutant's lines the damage touches
    touches_notes: bool = False
    # a valid layout (page debris, a wrapped address…) must build, and to the same model as
    # its twin without the layout feature when there is one; a payload must be refused
    must: str | None = None  # "build" or "refuse"
    twin: bytes | None = None


@dataclass
class Outcome:
    mutant: Mutant
    verdict: str  # "refused", "sound", "wrong", "traceback", "slow"
    detail: str = ""
    seconds: float = 0.0


@dataclass
class Table:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, verdict: str) -> int:
        return sum(o.verdict == verdict for o in self.outcomes)

    def render(self) -> str:
        by_source = {}
        for o in self.outcomes:
            by_source.setdefault(o.mutant.source, []).append(o)
        rows = ["| Source | Mutants | Refused (right line) | Built sound | Wrong | Tracebacks | Over 60 s |"]
        rows.append("|---|---|---|---|---|---|---|")
        for name, items in [*by_source.items(), ("total", self.outcomes)]:
            c = {
                v: sum(o.verdict == v for o in items)
                for v in ("refused", "sound", "wrong", "traceback", "slow")
            }
            rows.append(
                f"| {name} | {len(items)} | {c['refused']} | {c['sound']} | {c['wrong']} | "
                f"{c['traceback']} | {c['slow']} |"
            )
        slowest = max((o.seconds for o in self.outcomes), default=0)
        rows.append(f"\nSlowest mutant: {slowest * 1000:.0f} ms. Operators: " + ", ".join(OPERATORS) + ".")
        bad = [o for o in self.outcomes if o.verdict in ("wrong", "traceback", "slow")]
        rows += [f"- {o.mutant.source} {o.mutant.operator} {o.mutant.lines}: {o.detail}" for o in bad]
        return "\n".join(rows)


# -- mutation operators: (rng, lines of the text) -> (new lines, touched span, note damage) ----


def _notes_lines(lines: list[str]) -> set[int]:
    """1-based numbers of footnote lines (a rule, the notes under it) and of lines with a call."""
    out, in_notes = set(), False
    for i, line in enumerate(lines, 1):
        if re.fullmatch(r"_{5,}\s*", line):
            in_notes = True
        elif in_notes and line[:1].isspace() and line.strip():
            in_notes = False
        if in_notes or re.search(r"[^\W\d_)»”\]]\d{1,2}[,;.:]?(\s|$)|(19|20)\d\d\d", line):
            out.add(i)
    return out


def delete_line(rng, lines):
    i = rng.randrange(len(lines))
    return lines[:i] + lines[i + 1 :], (i, i + 1)


def delete_blank(rng, lines):
    blanks = [i for i, line in enumerate(lines) if not line.strip()]
    i = rng.choice(blanks)
    return lines[:i] + lines[i + 1 :], (i, i + 1)


def insert_blank(rng, lines):
    i = rng.randrange(1, len(lines))
    return lines[:i] + [""] + lines[i:], (i, i + 1)


def insert_line(rng, lines):
    i = rng.randrange(1, len(lines))
    new = rng.choice([" Rappelant le rapport,", "texte égaré", " 3. Décide de poursuivre ;", " a) De lire ;"])
    return lines[:i] + [new] + lines[i:], (i + 1, i + 1)


def duplicate_line(rng, lines):
    i = rng.randrange(len(lines))
    return lines[: i + 1] + [lines[i]] + lines[i + 1 :], (i + 1, i + 2)


def swap_lines(rng, lines):
    i = rng.randrange(len(lines) - 1)
    j = i + 1 if rng.random() < 0.6 else rng.randrange(len(lines))
    i, j = sorted((i, j))
    out = list(lines)
    out[i], out[j] = out[j], out[i]
    return out, (i + 1, j + 1)


def char_edit(rng, lines):
    text = "\n".join(lines)
    pos = rng.randrange(len(text))
    line = text.count("\n", 0, pos) + 1
    action = rng.choice(["delete", "insert", "replace"])
    char = rng.choice("aé;,.:1 \n-’«")
    if action == "delete":
        text = text[:pos] + text[pos + 1 :]
    elif action == "insert":
        text = text[:pos] + char + text[pos:]
    else:
        text = text[:pos] + char + text[pos + 1 :]
    return text.split("\n"), (max(1, line - 1), line + 1)


def invisible(rng, lines):
    i = rng.randrange(len(lines))
    pos = rng.randrange(len(lines[i]) + 1)
    out = list(lines)
    out[i] = lines[i][:pos] + rng.choice(INVISIBLES) + lines[i][pos:]
    return out, (i + 1, i + 1)


def glued_number(rng, lines):
    """A number glued to a word: a second call of an existing note (refused, at either call)
    or a call of a note that does not exist (refused at it)."""
    words = [(i, m) for i, line in enumerate(lines) for m in re.finditer(r"[^\W\d_]{3,}", line)]
    i, m = rng.choice(words)
    out = list(lines)
    out[i] = lines[i][: m.end()] + str(rng.choice([1, 2, 3, 5, 6, 9, 20])) + lines[i][m.end() :]
    return out, (i + 1, i + 1), True


# -- layout features of real resolutions (issue 21): valid ones must build right --------


def _body(lines: list[str]) -> tuple[list[int], list[int]]:
    """(0-based first lines of paragraphs, 0-based lines i whose next line i+1 continues the
    same paragraph), in the body: after the formula, outside the footnote blocks."""
    firsts, pairs = [], []
    formula = in_notes = resumed = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if re.fullmatch(r"_{5,}", stripped):
            in_notes = True
        elif in_notes and line[:1].isspace() and stripped:
            in_notes, resumed = False, True  # the line after a page's notes continues the text
        if stripped == "L’Assemblée générale,":
            formula = True
            continue
        if not formula or in_notes or not stripped or stripped.startswith("http"):
            continue
        if line[:1].isspace() and i and not lines[i - 1].strip() and not resumed:
            firsts.append(i)
        resumed = False
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt.strip() and not nxt[:1].isspace() and not re.fullmatch(r"_{5,}\s*", nxt):
            pairs.append(i)
    return firsts, pairs


PAYLOADS = [
    "<script>alert(origin)</script>",
    "<style>body{display:none}</style>",
    "<!--",
    '<meta/http-equiv="refresh"/content="0">',
    "<img src=x onerror=alert(1)>",
    '<a href="https://example.com/">',
    "*",
    "{: onclick=alert(1) }",
]


def opening_payload(rng, lines):
    """Markup glued to a paragraph's opening formula (it labels the navigation): refused."""
    i = rng.choice(_body(lines)[0])
    line = lines[i]
    opening = re.match(r"(\s*(?:\d+\.\s+|[a-z]\)\s+)?[^\W\d_]+)", line)[1]
    out = list(lines)
    out[i] = opening + rng.choice(PAYLOADS) + line[len(opening) :]
    return out, (i + 1, i + 1), False, {"must": "refuse"}


def _symbol(lines: list[str]) -> str:
    title = next(line for line in lines if re.match(r"\s*\d+/\d+\.\s", line))
    return "A/RES/" + title.strip().split(".")[0]


def glued_code(rng, lines):
    """A code or formula glued to digits (« CO2 », « G7 », « H5N1 », « COP21 ») after a word
    of the body: text, never a note call."""
    _, pairs = _body(lines)
    i = rng.choice(pairs)
    words_ = list(re.finditer(r"[^\W\d_]{3,}(?=\s)", lines[i]))
    out = list(lines)
    if words_:
        m = rng.choice(words_)
        code = rng.choice(["(CO2)", "du G7", "du G20", "H5N1", "(COP21)", "CH4", "PM10"])
        out[i] = lines[i][: m.end()] + " " + code + lines[i][m.end() :]
    return out, (i + 1, i + 1), False, {"must": "build"}


def _page(rng, lines) -> str:
    """A page number « n/N » the text's length allows (a page holds about 45 lines)."""
    pages = max(2, len(lines) // 45)
    return f"{rng.randrange(2, pages + 1)}/{pages}"


def page_debris(rng, lines):
    """A page's foot and the next page's head between two lines of a paragraph: removed, the
    paragraph whole (the same model as without them)."""
    _, pairs = _body(lines)
    i = rng.choice(pairs)
    symbol = _symbol(lines)
    debris = rng.choice(
        [
            ["13-44984", _page(rng, lines), symbol],
            ["", "13-44984 (F)", "", _page(rng, lines), "", symbol, ""],
            ["*1344984*", _page(rng, lines)],
            [symbol],
        ]
    )
    return lines[: i + 1] + debris + lines[i + 1 :], (i + 1, i + 2 + len(debris)), False, {"twin": lines}


def wrapped_address(rng, lines):
    """A web address on a line of its own inside a paragraph: it stays in the wording."""
    _, pairs = _body(lines)
    i = rng.choice(pairs)
    url = rng.choice(["http://www.ohchr.org/FR/Issues/Pages/Index.aspx", "https://www.un.org/fr/ga/"])
    twin = list(lines)
    twin[i] = lines[i].rstrip() + " " + url
    return lines[: i + 1] + [url] + lines[i + 1 :], (i + 1, i + 2), False, {"twin": twin}


def break_after_comma(rng, lines):
    """A page break after « à New York, » before « Genève et Vienne »: the sentence goes on
    (the same model as the twin without the break)."""
    _, pairs = _body(lines)
    i = rng.choice(pairs)
    twin = list(lines)
    twin[i] = lines[i].rstrip() + " à New York,"
    twin[i + 1] = "Genève et Vienne, " + lines[i + 1]
    out = list(twin)
    out[i + 1] = " " + twin[i + 1]  # the next page's first line is indented
    debris = rng.choice(
        [["", "13-44984", _page(rng, lines), "", _symbol(lines), ""], ["", _page(rng, lines), ""]]
    )
    return out[: i + 1] + debris + out[i + 1 :], (i + 1, i + 2 + len(debris)), False, {"twin": twin}


def line_end_join(rng, lines):
    """A line ending at a digit-hyphen, an en dash or a slash: the next line follows with no
    space (the same model as the twin with both halves on one line)."""
    _, pairs = _body(lines)
    i = rng.choice(pairs)
    head, tail = rng.choice([("2014-", "2017"), ("14–", "25 juin"), ("(A/68/", "290)"), ("Nord–", "Sud")])
    out, twin = list(lines), list(lines)
    out[i] = lines[i].rstrip() + " " + head
    out[i + 1] = tail + " " + lines[i + 1]
    twin[i] = lines[i].rstrip() + " " + head + tail
    return out, (i + 1, i + 2), False, {"twin": twin}


def truncate(rng, lines):
    text = "\n".join(lines)
    pos = rng.randrange(len(text) // 3, len(text))
    text = text[:pos]
    last = text.count("\n") + 1
    return text.split("\n"), (max(1, last - NEAR), last)


OPERATORS = {
    "suppression de ligne": delete_line,
    "suppression de ligne blanche": delete_blank,
    "insertion de ligne blanche": insert_blank,
    "insertion de ligne": insert_line,
    "ligne dupliquée": duplicate_line,
    "lignes échangées": swap_lines,
    "caractère modifié": char_edit,
    "caractère invisible": invisible,
    "nombre collé": glued_number,
    "troncature": truncate,
    "formule d’ouverture piégée": opening_payload,
    "code collé à des chiffres": glued_code,
    "débris de page dans un paragraphe": page_debris,
    "adresse web à la ligne": wrapped_address,
    "saut de page après une virgule": break_after_comma,
    "fin de ligne sans espace": line_end_join,
}


def encodings(name: str, text: str) -> list[Mutant]:
    """Whole-file and one-line encoding damage: the error is on the first damaged line."""
    lines = text.split("\n")
    first_non_ascii = next(i for i, line in enumerate(lines, 1) if not line.isascii())
    simplified = text.replace("’", "'").replace("œ", "oe").replace("Œ", "OE")
    first_latin = next(i for i, line in enumerate(simplified.split("\n"), 1) if not line.isascii())
    out = [
        Mutant(name, "Latin-1", simplified.encode("latin-1"), (first_latin, first_latin)),
        Mutant(name, "UTF-16", text.encode("utf-16"), (1, 1)),
        Mutant(name, "UTF-16 sans BOM", text.encode("utf-16-le"), (1, 1)),
        Mutant(
            name,
            "double encodage",
            text.encode("utf-8").decode("latin-1").encode("utf-8"),
            (1, first_non_ascii),
        ),
        Mutant(
            name,
            "Windows-1252 relu",
            text.encode("utf-8").decode("cp1252", "replace").encode("utf-8"),
            (1, first_non_ascii),
        ),
    ]
    for i in (10, 40, 100):
        if i < len(lines) and not lines[i - 1].isascii():
            damaged = "\n".join(lines[: i - 1]).encode() + b"\n" + lines[i - 1].encode("cp1252", "replace")
            damaged += b"\n" + "\n".join(lines[i:]).encode()
            out.append(Mutant(name, "une ligne en Windows-1252", damaged, (i, i)))
    return out


def mutants(count: int, seed: int = SEED) -> list[Mutant]:
    rng = random.Random(seed)
    out: list[Mutant] = []
    per_source = count // len(SOURCES)
    for name, path in SOURCES.items():
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        notes = _notes_lines(lines)
        out += encodings(name, text)
        names = list(OPERATORS)
        for n in range(per_source):
            operator = names[n % len(names)]
            new, span, *more = OPERATORS[operator](rng, lines)
            calls = bool(more and more[0])
            extra = more[1] if len(more) > 1 else {}
            touched = set(range(span[0] - 1, span[1] + 2))
            twin = extra.get("twin")
            out.append(
                Mutant(
                    name,
                    operator,
                    "\n".join(new).encode(),
                    span,
                    bool(touched & notes or calls),
                    must="build" if twin else extra.get("must"),
                    twin="\n".join(twin).encode() if twin else None,
                )
            )
    return out


# -- checking a built edition -----------------------------------------------------------


def naive_counts(text: str) -> tuple[int, int, int, int]:
    """(preambular, operative, subparagraphs, notes) counted on the source lines without the
    parser: paragraph starts are indented lines after a blank line, notes the numbered lines
    under a rule."""
    pp = op = sub = notes = 0
    in_notes = formula = False
    previous = ""
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        if re.fullmatch(r"_{5,}", stripped):
            in_notes = True
        elif in_notes and line[:1].isspace() and stripped:
            in_notes = False
        if in_notes:
            notes += bool(re.match(r"\d+ ", stripped))
        elif stripped == "L’Assemblée générale,":
            formula = True
        elif formula and line[:1].isspace() and stripped and not previous.strip():
            if re.match(r"\d+\.\s", stripped):
                op += 1
            elif re.match(r"[a-z]\)\s", stripped):
                sub += 1
            elif not op:
                pp += 1
        if not re.fullmatch(r"https?://\S+", stripped):
            previous = "x" if in_notes else line
    return pp, op, sub, notes


def soundness(res, text: str) -> str:
    """What is structurally wrong with a built edition, or "" when nothing is."""
    problems = []
    subs = sum(len(p.subparagraphs) for p in res.operative)
    counts = (len(res.preamble), len(res.operative), subs, len(res.footnotes))
    if counts != naive_counts(text):
        problems.append(f"counts {counts} instead of {naive_counts(text)}")
    for p in res.preamble:
        if not p.text.endswith(",") or not p.text[:1].isupper():
            problems.append(f"{p.anchor} badly bounded")
    if [p.number for p in res.operative] != list(range(1, len(res.operative) + 1)):
        problems.append("operative numbering")
    for i, p in enumerate(res.operative):
        last = i == len(res.operative) - 1
        end = p.text.rstrip("0123456789»”)]")
        if p.subparagraphs:
            if not p.lead.endswith(":") or len(p.subparagraphs) < 2:
                problems.append(f"{p.anchor} subparagraphs")
        if not (end.endswith(".") if last else p.text.endswith(";")):
            problems.append(f"{p.anchor} ends « {p.text[-12:]} »")
        if re.search(rf"\s{p.number + 1}\.\s+[A-ZÉ]", p.text):
            problems.append(f"{p.anchor} holds the next paragraph's start")
    calls = sorted(c.number for p in res.paragraphs for c in p.calls)
    if calls != [n.number for n in res.footnotes]:
        problems.append(f"note calls {calls}")
    _, body, notes = source_text_words(text)
    rebuilt = "\n".join(
        [res.formula]
        + [exports.marked_text(p, str) for p in res.preamble]
        + [f"{p.number}. {exports.marked_text(p, str)}" for p in res.operative]
    )
    if words(rebuilt) != body:
        problems.append("body words differ from the source's")
    if words("\n".join(f"{n.number} {n.text}" for n in res.footnotes)) != notes:
        problems.append("note words differ from the source's")
    return "; ".join(problems)


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


def run_one(mutant: Mutant) -> Outcome:
    start = time.perf_counter()
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT)
    text = ""
    try:
        text = decode(mutant.data)
        res = parse(text)
        Pages(res, Annotations(), "mutant.txt").pages()
        exports.files(res, Annotations(), "mutant.txt")
        if mutant.twin is not None:  # the twin is checked as any text; the mutant must equal it
            twin_text = decode(mutant.twin)
            twin = parse(twin_text)
            problem = soundness(twin, twin_text)
            if not problem and comparable(res) != comparable(twin):
                problem = "not the model of its twin without the layout feature"
        else:
            problem = soundness(res, text)
        if mutant.must == "refuse":
            problem = problem or "built, where it must be refused"
        verdict, detail = ("wrong", problem) if problem else ("sound", "")
    except ParseError as err:
        if mutant.must == "build":
            verdict, detail = "wrong", f"a valid layout refused: {str(err).splitlines()[0]}"
            return Outcome(mutant, verdict, detail, time.perf_counter() - start)
        lo, hi = mutant.lines
        near = lo - NEAR <= (err.line or 0) <= hi + NEAR
        at_a_note = mutant.touches_notes and err.line in _notes_lines(text.split("\n"))
        if near or at_a_note:
            verdict, detail = "refused", str(err).splitlines()[0]
        else:
            verdict, detail = "wrong", f"refused far from the damage: {str(err).splitlines()[0]}"
    except _Timeout:
        verdict, detail = "slow", f"over {LIMIT} s"
    except Exception:
        verdict, detail = "traceback", traceback.format_exc(limit=3)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    return Outcome(mutant, verdict, detail, time.perf_counter() - start)


def run(count: int = 400, seed: int = SEED, processes: int | None = None) -> Table:
    """Every mutant's outcome, in the corpus's order whatever the number of processes (by
    default one per core: each mutant is parsed and rendered on its own, in a forked child
    with its own time limit)."""
    table = Table()
    for name, path in SOURCES.items():  # the undamaged texts are sound (and, rendered
        text = path.read_text(encoding="utf-8")  # here, compile the templates once for all)
        res = parse(text)
        assert not soundness(res, text), name
        Pages(res, Annotations(), path.name).pages()
    corpus = mutants(count, seed)
    processes = processes or len(os.sched_getaffinity(0))
    if processes == 1:
        table.outcomes = [run_one(m) for m in corpus]
        return table
    context = multiprocessing.get_context("fork")
    with context.Pool(processes) as pool:
        table.outcomes = pool.map(run_one, corpus, chunksize=8)
    return table


if __name__ == "__main__":
    started = time.perf_counter()
    result = run(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
    print(result.render())
    print(f"\n{len(result.outcomes)} mutants in {time.perf_counter() - started:.1f} s (seed {SEED}).")
