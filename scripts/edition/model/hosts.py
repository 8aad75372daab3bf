"""The external hosts the edition may link to: one list, for the pages, the data file's
links and the tests (the README's « Links » gate names the same hosts)."""

from __future__ import annotations

# host -> what the edition links to there
EXTERNAL_HOSTS = {
    "undocs.org": "the UN Official Document System: every cited document symbol",
    "www.un.org": "the Charter of the United Nations (not an ODS document)",
    "www.oasis-open.org": "the Akoma Ntoso standard's committee page (À propos, exports)",
    "squidfunk.github.io": "Material for MkDocs' credit in the footer",
}
# hosts a link in source/annotations.yml may name
ANNOTATION_HOSTS = frozenset({"undocs.org", "www.un.org"})
assert ANNOTATION_HOSTS <= EXTERNAL_HOSTS.keys()
