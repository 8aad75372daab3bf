"""Command line: `python -m edition generate|build [--source FILE] [--data FILE] …`.

  generate          write the generated pages into docs/ (only the changed ones)
  generate --check  write nothing; exit 1 and name the stale files if docs/ is out of date
  build             parse, generate, then a strict MkDocs build and the offline zip into site/
  publish-config    write scripts/publish/_headers and security-headers.conf from the built
                    site's Content Security Policy (after a build whose inline scripts changed)

All or nothing: docs/ and site/ change only when everything succeeded (see pipeline.py).
One build at a time: a second one waits for the first (--wait seconds, then gives up).

Exit codes: 0 success, 1 stale (--check), build failure or lock not obtained, 2 bad input
(the source, the annotations or SITE_URL).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from edition.build import pipeline
from edition.model.errors import ParseError
from edition.site import csp, siteurl
from edition.source import annotations, inputs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m edition", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["generate", "build", "publish-config"])
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
    parser.add_argument(
        "--wait",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="how long to wait for another build of the same docs/ to finish (default 600)",
    )
    args = parser.parse_args(argv)

    if args.command == "publish-config":
        return publish_config(args.site_dir)
    if os.environ.get(siteurl.NAME):
        try:
            siteurl.check(os.environ[siteurl.NAME])
        except siteurl.InvalidSiteUrl as err:
            print(f"erreur : {err}", file=sys.stderr)
            return 2
    try:
        for what, path in (
            ("le texte source", args.source),
            ("le fichier d’annotations", args.data),
            ("le dossier docs", args.docs_dir),
            ("le dossier du site", args.site_dir),
        ):
            if path is not None:
                inputs.resolved(path, what)
        data = args.data
        if data is None and inputs.resolved(args.source, "") == pipeline.DEFAULT_SOURCE.resolve():
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

    site = args.site_dir if args.command == "build" else None
    try:
        changed = pipeline.publish(
            edition, args.docs_dir, site, offline_zip=not args.no_offline_zip, lock_timeout=args.wait
        )
    except pipeline.BuildLocked as err:
        print(f"erreur : {err}", file=sys.stderr)
        return 1
    except Exception as err:  # MkDocs' Abort and friends, OSError (full disk): nothing changed
        print(f"échec de la construction, docs/ et site/ inchangés : {err}", file=sys.stderr)
        return 1
    print(f"{len(changed)} fichier(s) généré(s) mis à jour dans {args.docs_dir.name}/")
    if site is not None:
        print(f"site construit dans {args.site_dir.name}/")
    return 0


def publish_config(site: Path) -> int:
    try:
        policy = csp.site_policy(site)
    except (OSError, RuntimeError) as err:
        print(f"erreur : {err} (lancez d’abord « python -m edition build »)", file=sys.stderr)
        return 1
    publish = pipeline.ROOT / "scripts" / "publish"
    (publish / "_headers").write_text(csp.headers_file(policy), encoding="utf-8")
    (publish / "security-headers.conf").write_text(csp.nginx_headers(policy), encoding="utf-8")
    print("scripts/publish/_headers et security-headers.conf écrits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
