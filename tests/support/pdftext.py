"""The text of a PDF that Chromium prints (Skia's PDF backend), sheet by sheet and line by
line, with the standard library alone: no PDF package or poppler on the test machines.

Reads what Skia writes: indirect objects with direct /Length, Flate streams, a page tree,
Type0 fonts whose /ToUnicode CMap maps glyph codes to text (bfchar and bfrange), and
content streams drawing text with Tf/Tm/Td/Tj/TJ under q/Q/cm. A run's place is its
origin through the text and graphics matrices; runs whose baselines are a few points apart
(a raised note call) are one line. Enough to say what each sheet shows, not a general PDF
reader: anything else (encrypted, object streams) raises ValueError."""

from __future__ import annotations

import re
import unicodedata
import zlib

OBJECT = re.compile(rb"(\d+) (\d+) obj\b")
STREAM = re.compile(rb"stream\r?\n")
REF = re.compile(rb"(\d+) 0 R")
TOKEN = re.compile(
    rb"\s*(?:(?P<hex><[0-9A-Fa-f\s]*>)|(?P<dict><<|>>)|(?P<lit>\((?:\\.|[^\\)])*\))"
    rb"|(?P<arr>[\[\]])|(?P<name>/[^\s/<>\[\]()]+)|(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))"
    rb"|(?P<op>[A-Za-z'\"*]+))",
    re.S,
)
LINE_GAP = 5.0  # points: baselines closer than this are one line (superscripts)

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


class Pdf:
    def __init__(self, data: bytes):
        if b"/Encrypt" in data:
            raise ValueError("PDF chiffré")
        self.objects: dict[int, tuple[bytes, bytes | None]] = {}
        pos = 0
        while m := OBJECT.search(data, pos):
            start = m.end()
            end = data.find(b"endobj", start)
            stream = STREAM.search(data, start, end if end >= 0 else len(data))
            if stream:
                head = data[start : stream.start()]
                length = re.search(rb"/Length (\d+)(?! \d+ R)", head)
                if not length:
                    raise ValueError(f"objet {m[1].decode()} : longueur indirecte")
                body = data[stream.end() : stream.end() + int(length[1])]
                if b"/FlateDecode" in head:
                    body = zlib.decompress(body)
                self.objects[int(m[1])] = (head, body)
                pos = stream.end() + int(length[1])
            else:
                self.objects[int(m[1])] = (data[start:end], None)
                pos = end
        self._cmaps: dict[int, dict[int, str]] = {}

    def head(self, ref: int) -> bytes:
        return self.objects[ref][0]

    def stream(self, ref: int) -> bytes:
        body = self.objects[ref][1]
        if body is None:
            raise ValueError(f"objet {ref} : pas un flux")
        return body

    def pages(self) -> list[int]:
        catalog = next(n for n, (h, _) in self.objects.items() if re.search(rb"/Type\s*/Catalog", h))
        root = int(re.search(rb"/Pages (\d+) 0 R", self.head(catalog))[1])
        out: list[int] = []

        def walk(ref: int) -> None:
            head = self.head(ref)
            if re.search(rb"/Type\s*/Pages", head):
                kids = re.search(rb"/Kids\s*\[([^\]]*)\]", head)[1]
                for kid in REF.findall(kids):
                    walk(int(kid))
            else:
                out.append(ref)

        walk(root)
        return out

    def _dict_entry(self, head: bytes, key: bytes) -> bytes:
        """The text of a sub-dictionary `key` (inline or an indirect reference)."""
        m = re.search(rb"/" + key + rb"\s*(\d+) 0 R", head)
        if m:
            return self.head(int(m[1]))
        m = re.search(rb"/" + key + rb"\s*<<", head)
        if not m:
            return b""
        depth, i = 1, m.end()
        while depth and i < len(head):
            if head.startswith(b"<<", i):
                depth, i = depth + 1, i + 2
            elif head.startswith(b">>", i):
                depth, i = depth - 1, i + 2
            else:
                i += 1
        return head[m.end() : i - 2]

    def cmap(self, font: int) -> dict[int, str]:
        if font not in self._cmaps:
            m = re.search(rb"/ToUnicode (\d+) 0 R", self.head(font))
            table: dict[int, str] = {}
            if m:
                text = self.stream(int(m[1])).decode("latin-1")
                for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
                    for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                        table[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
                for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
                    for lo, hi, dst in re.findall(r"<(\w+)>\s*<(\w+)>\s*(<\w+>|\[[^\]]*\])", block):
                        targets = re.findall(r"<(\w+)>", dst)
                        for k, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                            if dst.startswith("["):
                                table[code] = bytes.fromhex(targets[k]).decode("utf-16-be")
                            else:
                                first = bytes.fromhex(targets[0]).decode("utf-16-be")
                                table[code] = first[:-1] + chr(ord(first[-1]) + k)
            self._cmaps[font] = table
        return self._cmaps[font]

    def runs(self, page: int) -> list[tuple[float, float, str]]:
        """The text runs of a sheet: (x, y from the top, text), in points."""
        head = self.head(page)
        height = float(re.search(rb"/MediaBox\s*\[\s*\S+\s+\S+\s+\S+\s+(\S+)\s*\]", head)[1])
        resources = self._dict_entry(head, b"Resources")
        fonts = {
            n.decode(): int(r)
            for n, r in re.findall(rb"/(\w+)\s*(\d+) 0 R", self._dict_entry(resources, b"Font"))
        }
        contents = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+ 0 R)", head)[1]
        data = b"\n".join(self.stream(int(r)) for r in REF.findall(contents))
        out: list[tuple[float, float, str]] = []
        ctm, stack = IDENTITY, []
        tm = tlm = IDENTITY
        font: dict[int, str] = {}
        operands: list = []
        for m in TOKEN.finditer(data):
            token = m.lastgroup
            value = m[token] if token else b""
            if token == "op":
                op = value.decode()
                if op == "q":
                    stack.append(ctm)
                elif op == "Q":
                    ctm = stack.pop()
                elif op == "cm" and len(operands) >= 6:
                    ctm = _mul(tuple(operands[-6:]), ctm)
                elif op == "BT":
                    tm = tlm = IDENTITY
                elif op == "Tf" and len(operands) >= 2 and isinstance(operands[-2], str):
                    font = self.cmap(fonts[operands[-2]]) if operands[-2] in fonts else {}
                elif op == "Tm" and len(operands) >= 6:
                    tm = tlm = tuple(operands[-6:])
                elif op in ("Td", "TD") and len(operands) >= 2:
                    tm = tlm = _mul((1, 0, 0, 1, operands[-2], operands[-1]), tlm)
                elif op in ("Tj", "'", '"', "TJ"):
                    codes = b"".join(x for x in operands if isinstance(x, bytes))  # two bytes a glyph
                    text = "".join(
                        font.get(int.from_bytes(codes[i : i + 2], "big"), "") for i in range(0, len(codes), 2)
                    )
                    x, y = _mul(tm, ctm)[4:]
                    out.append((x, height - y, text))
                operands = []
            elif token == "num":
                operands.append(float(value))
            elif token == "name":
                operands.append(value[1:].decode())
            elif token == "hex":
                operands.append(bytes.fromhex(re.sub(rb"\s", b"", value[1:-1]).decode()))
        return out


def sheets(data: bytes) -> list[list[str]]:
    """Each sheet's lines of text, top to bottom, runs of a line left to right, in NFKC
    (the fonts' ligatures « ﬁ » as letters, no-break spaces as spaces)."""
    pdf = Pdf(data)
    out = []
    for page in pdf.pages():
        lines: list[list[tuple[float, float, str]]] = []
        for run in sorted(pdf.runs(page), key=lambda r: r[1]):
            if lines and run[1] - lines[-1][0][1] < LINE_GAP:
                lines[-1].append(run)
            else:
                lines.append([run])
        # left to right; runs drawn one after another from the same origin (Tj without Td,
        # whose advance is not tracked) keep their order: a stable sort on x alone
        out.append(
            [
                unicodedata.normalize("NFKC", "".join(t for _, _, t in sorted(ln, key=lambda r: r[0])))
                for ln in lines
            ]
        )
    return out
