"""Command line: `python -m edition generate|build [--source FILE] [--data FILE] …`.

  generate          write the generated pages into docs/ (only the changed ones)
  generate --check  write nothing; exit 1 and name the stale files if docs/ is out of date
  build             parse, generate, then a strict MkDocs build and the offline zip into site/

Exit codes: 0 success, 1 stale (--check) or build failure, 2 bad input (ParseError).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import annotations, pipeline
from .errors import ParseError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m edition", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["generate", "build"])
    parser.add_argument(
        "--source",
        type=Path,
        default=pipeline.DEFAULT_SOURCE,
        help="resolution text file (default: source/A-RES-68-160-fr.txt)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="curated annotations, YAML (default: source/annotations.yml for the default "
        "source, none for another --source: the data file is about resolution 68/160)",
    )
    parser.add_argument("--no-data", action="store_true", help="build without annotations")
    parser.add_argument("--docs-dir", type=Path, default=pipeline.ROOT / "docs")
    parser.add_argument("--site-dir", type=Path, default=pipeline.ROOT / "site")
    parser.add_argument(
        "--no-offline-zip",
        action="store_true",
        help="with build: skip the offline zip (faster; the pages show no size)",
    )
    parser.add_argument(
        "--check", action="store_true", help="with generate: only check that docs/ is up to date"
    )
    args = parser.parse_args(argv)

    try:
        data = args.data
        if data is None and args.source.resolve() == pipeline.DEFAULT_SOURCE.resolve():
            data = pipeline.DEFAULT_DATA
        # SITE_URL (the public address) makes the exports' addresses absolute
        edition = pipeline.load(args.source, None if args.no_data else data, os.environ.get("SITE_URL"))
    except ParseError as err:
        print(err, file=sys.stderr)
        return 2
    annotations.warn(edition.warnings)

    if args.command == "generate" and args.check:
        stale = pipeline.stale(edition.pages, args.docs_dir)
        for name in stale:
            print(f"périmé : {args.docs_dir.name}/{name}", file=sys.stderr)
        if stale:
            print("lancez « python -m edition generate » pour régénérer", file=sys.stderr)
            return 1
        print(f"docs/ à jour ({len(edition.pages)} fichiers générés)")
        return 0

    changed = pipeline.write_pages(edition.pages, args.docs_dir)
    print(f"{len(changed)} fichier(s) généré(s) mis à jour dans {args.docs_dir.name}/")
    if args.command == "build":
        try:
            if args.no_offline_zip:
                pipeline.mkdocs_build(args.docs_dir, args.site_dir)
            else:
                pipeline.build_site(args.docs_dir, args.site_dir)
        except Exception as err:  # mkdocs' Abort and friends: the site is left as it was
            print(f"échec de la construction MkDocs : {err}", file=sys.stderr)
            return 1
        print(f"site construit dans {args.site_dir.name}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
