"""The headless Chromium that the browser tests and the benchmark drive: Debian's package
(or the executable named by $CHROMIUM) and its flags: no sandbox (CI runs as root), no
GPU, no background traffic to any host."""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
