"""Reading a built service worker (sw.js): its totals and its precache list."""

from __future__ import annotations

import json
import re


def worker_lists(sw: str) -> tuple[dict, list[dict]]:
    """(totals, precache list) written in a built sw.js."""
    edition = json.loads(re.search(r"const EDITION = (\{.*\});", sw)[1])
    entries = [json.loads(line.rstrip(",")) for line in sw.splitlines() if line.startswith('{"url": ')]
    return edition, entries
