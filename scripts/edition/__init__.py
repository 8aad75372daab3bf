"""The reference digital edition of a General Assembly resolution: from the text extracted
from the official PDF to a static, searchable, annotated site. The stages, one folder
each, data flowing one way (scripts/edition/README.md): source → model → formats and
pages → site → build; dev holds the tools for developing and testing it."""
