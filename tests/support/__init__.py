"""What the tests import: paths, the building rule, the browser harness, the link resolver,
the HTML text reader, the damaged inputs, the layouts and the mutation corpus. Fixtures stay
in the conftest files (tests/conftest.py, tests/browser/conftest.py, tests/clients/conftest.py),
which import from here; no test imports from a conftest."""
