"""How fast loccheck loads translation catalogs, on the real storefront corpus.

Run from the project root (reads ``../shared/corpus/real`` unless given a
folder)::

    python benchmarks/catalog_load.py [FOLDER] [--repeat N]

Prints the files, values and languages found per project (top-level folder)
and per format, then the wall time of ``load_catalogs`` over the whole
folder (discovery, parsing, pairing; best and median of ``--repeat`` runs)
and the time per 1,000 values. The per-format times come from loading each
file on its own once.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loccheck.catalogs import Catalog, load_catalog, load_catalogs  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def _values(catalog: Catalog) -> int:
    return sum(1 for entry in catalog.entries if entry.value)


def _table(
    title: str, rows: dict[str, list[Catalog]], seconds: dict[str, float]
) -> None:
    print(f"\n| {title} | files | values | languages | warnings | ms / 1,000 values |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in sorted(rows):
        catalogs = rows[name]
        values = sum(_values(c) for c in catalogs)
        languages = len({c.language for c in catalogs})
        warnings = sum(len(c.warnings) for c in catalogs)
        per_thousand = seconds[name] * 1e6 / values if values else 0.0
        print(
            f"| {name} | {len(catalogs)} | {values:,} | {languages} | {warnings} "
            f"| {per_thousand:.1f} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.folder.exists():
        print(f"{args.folder} does not exist", file=sys.stderr)
        return 2
    folder = args.folder.resolve()

    runs = []
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        result = load_catalogs(folder)
        runs.append(time.perf_counter() - start)

    by_project: dict[str, list[Catalog]] = defaultdict(list)
    by_format: dict[str, list[Catalog]] = defaultdict(list)
    project_time: dict[str, float] = defaultdict(float)
    format_time: dict[str, float] = defaultdict(float)
    for catalog in result.catalogs:
        start = time.perf_counter()
        load_catalog(folder / catalog.path, folder)
        elapsed = time.perf_counter() - start
        project = catalog.path.split("/", 1)[0] if "/" in catalog.path else "."
        by_project[project].append(catalog)
        by_format[catalog.format].append(catalog)
        project_time[project] += elapsed
        format_time[catalog.format] += elapsed

    _table("project", by_project, project_time)
    _table("format", by_format, format_time)
    values = sum(_values(c) for c in result.catalogs)
    entries = sum(len(c.entries) for c in result.catalogs)
    best, median = min(runs), statistics.median(runs)
    print(
        f"\nfiles: {len(result.catalogs)}  values: {values:,} "
        f"(entries incl. empty: {entries:,})  "
        f"languages: {len({c.language for c in result.catalogs})}  "
        f"groups: {len(result.groups)}  errors: {len(result.errors)}  "
        f"skipped: {len(result.skipped)}"
    )
    print(
        f"load_catalogs: best {best:.2f} s, median {median:.2f} s of {len(runs)}; "
        f"{best * 1e6 / max(values, 1):.1f} ms per 1,000 values"
    )
    for error in result.errors:
        print(f"error: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
