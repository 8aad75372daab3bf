"""`python -m edition`: the command line (edition/build/cli.py)."""

import sys

from edition.build.cli import main

sys.exit(main())
