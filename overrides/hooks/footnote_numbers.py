"""Show each footnote with its number in the resolution, not its rank on the page.

Python-Markdown numbers footnotes 1, 2, 3… in order of appearance on each page; the pages
use the original number as the footnote's label ([^3]), so a page holding only note 3
must still show "3"."""

from __future__ import annotations

import re

# <a class="footnote-ref" href="#fn:3">1</a>
REF = re.compile(r'(<a class="footnote-ref" href="#fn:(\d+)"[^>]*>)\d+(</a>)')
# <li id="fn:3">
ITEM = re.compile(r'<li id="fn:(\d+)">')


def on_page_content(html, **kwargs):
    if "footnote-ref" not in html:
        return html
    html = REF.sub(lambda m: f"{m[1]}{m[2]}{m[3]}", html)
    return ITEM.sub(lambda m: f'<li id="fn:{m[1]}" value="{m[1]}">', html)
