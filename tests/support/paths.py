"""The project's folders and its source text, as the tests reach them."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "source" / "A-RES-68-160-fr.txt"
FIXTURES = ROOT / "tests" / "fixtures"
