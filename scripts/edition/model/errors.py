"""The one error the pipeline raises for bad input: it says where, like a compiler."""

from __future__ import annotations


class ParseError(ValueError):
    """Bad input: names the file and 1-based line, shows the line, says what was expected."""

    def __init__(
        self,
        message: str,
        *,
        line: int | None = None,
        text: str | None = None,
        expected: str | None = None,
        path: str | None = None,
    ) -> None:
        self.message = message
        self.line = line
        self.text = text
        self.expected = expected
        self.path = path
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<source>"
        if self.line is not None:
            where += f":{self.line}"
        out = f"{where}: erreur : {self.message}"
        if self.text is not None:
            out += f"\n    {self.line} | {self.text.rstrip()}"
        if self.expected:
            out += f"\n    attendu : {self.expected}"
        return out

    def at(self, path: str) -> ParseError:
        """The same error, naming the file it came from."""
        self.path = path
        self.args = (str(self),)
        return self
