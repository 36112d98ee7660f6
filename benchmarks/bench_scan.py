"""Benchmark ``loccheck scan`` against plain lxml parsing of the same pages.

Run from the project root (needs ``../shared/bench/make_site.py``)::

    python benchmarks/bench_scan.py [--sizes 2000 10000] [--locale ru-RU] [--quick]

For each size it generates a storefront (cached in --workdir), then measures,
in the same run: plain lxml parsing of every page (read + parse, one process:
the baseline) and ``loccheck scan`` with one job and with the default number
of jobs, each writing its JSON report (to nowhere, as a user's scan writes it
to a file): with every rule, and with the scan issue's own rules (markup). It
prints pages per second, the ratio to the baseline, milliseconds per page, and
the peak resident memory of the main process and of the busiest worker; then
the time the language rules (the language category and html-lang-mismatch)
take inside a one-job scan, per page, next to the plain parse. ``--quick``
measures only the runs with every rule.

The second language ratio sets the rules against an lxml parse of each page's
bytes timed in the same process, page by page, just before the page is checked:
both under the same conditions, so it moves less with the machine's load.

Targets: the scan at >= 1/3 of the baseline's pages/s and peak memory not
growing from the smallest to the largest site (scan issue); the language rules
costing no more per page than the parse itself (language issue).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKE_SITE = ROOT.parent / "shared" / "bench" / "make_site.py"

# Runs in a fresh interpreter so its peak memory is its own.
# argv: site, jobs, [categories to keep, comma-separated or "" for all],
# [categories to leave out], [rule ids to leave out].
_SCAN = """
import json, os, resource, sys, time
from pathlib import Path
from loccheck.engine import ScanOptions, scan
from loccheck.reporters.json import JsonReporter
from loccheck.registry import load_registry
keep = set(sys.argv[3].split(",")) if len(sys.argv) > 3 and sys.argv[3] else None
drop = set(sys.argv[4].split(",")) if len(sys.argv) > 4 and sys.argv[4] else set()
ids = set(sys.argv[5].split(",")) if len(sys.argv) > 5 and sys.argv[5] else set()
off = frozenset(
    r.id for r in load_registry().rules()
    if (keep is not None and r.category.value not in keep) or r.category.value in drop
    or r.id in ids
)
start = time.perf_counter()
result = scan(Path(sys.argv[1]), sys.argv[1], ScanOptions(disabled=off),
              jobs=int(sys.argv[2]))
# The JSON report is written as a user's scan writes it (to nowhere).
with open(os.devnull, "w", encoding="utf-8") as out:
    JsonReporter().render(result, out)
seconds = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "pages": len(result.pages),
                  "findings": len(result.findings), "rss_kb": own,
                  "worker_rss_kb": workers}))
"""

# Runs a one-job scan with every rule and times, inside it, the rules that
# judge language (the language category and html-lang-mismatch); and, page by
# page in the same process, a plain lxml parse of the page's bytes: a baseline
# taken under the same conditions (caches, machine load) as the rules.
_LANGUAGE = """
import json, sys, time
from pathlib import Path
from lxml import etree
from loccheck import engine
from loccheck.engine import ScanOptions, scan
from loccheck.registry import load_registry
spent = [0.0]
parsed = [0.0]
check_page = engine.check_page
def with_parse(path, data, settings):
    start = time.perf_counter()
    etree.fromstring(data, etree.HTMLParser())
    parsed[0] += time.perf_counter() - start
    return check_page(path, data, settings)
engine.check_page = with_parse
def timed(check):
    def run(self, ctx):
        start = time.perf_counter()
        found = list(check(self, ctx))
        spent[0] += time.perf_counter() - start
        return iter(found)
    return run
for rule in load_registry().page_checks:
    if rule.category.value == "language" or rule.id == "html-lang-mismatch":
        rule.check = timed(rule.check)
result = scan(Path(sys.argv[1]), sys.argv[1], ScanOptions(), jobs=1)
print(json.dumps({"seconds": spent[0], "parse_seconds": parsed[0],
                  "pages": len(result.pages)}))
"""

_PARSE = """
import json, resource, sys, time
from pathlib import Path
from lxml import etree
paths = sorted(p for p in Path(sys.argv[1]).rglob("*.html"))
for path in paths:  # warm the page cache, as the scans after it find it
    path.read_bytes()
start = time.perf_counter()
for path in paths:
    etree.fromstring(path.read_bytes(), etree.HTMLParser())
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "pages": len(paths),
                  "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def _site(workdir: Path, pages: int, locale: str) -> Path:
    site = workdir / f"site-{locale}-{pages}"
    if not (site / "index.html").is_file():
        subprocess.run(
            [sys.executable, str(MAKE_SITE), str(site), "--pages", str(pages),
             "--locale", locale, "--seed", "1"],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    return site


def _run(code: str, *args: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        check=True, capture_output=True, text=True, env=env,
    )  # fmt: skip
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    """Generate the sites, measure, print the table; exit 2 without ../shared."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--locale", default="ru-RU")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument(
        "--quick", action="store_true", help="all rules only: skip the other rows"
    )
    args = parser.parse_args()
    if not MAKE_SITE.is_file():
        print("needs ../shared/bench/make_site.py next to the project", file=sys.stderr)
        return 2
    workdir = args.workdir or Path(tempfile.gettempdir()) / "loccheck-bench"
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    header = (
        f"{'pages':>6} {'what':<44} {'seconds':>8} {'pages/s':>8} "
        f"{'ratio':>6} {'ms/page':>8} {'main MB':>8} {'worker MB':>9}"
    )
    print(header)
    jobs = [1] + ([args.jobs] if args.jobs > 1 else [])
    for size in args.sizes:
        site = _site(workdir, size, args.locale)
        base = _run(_PARSE, str(site))
        rows = [("lxml parse (baseline)", base)]
        for n in jobs:
            rows.append((f"scan --jobs {n}, all rules", _run(_SCAN, str(site), str(n))))
        if not args.quick:
            # The scan issue's own checks (markup), as its target is set.
            for n in jobs:
                rows.append(
                    (
                        f"scan --jobs {n}, markup rules",
                        _run(_SCAN, str(site), str(n), "markup"),
                    )
                )
            # html-lang-mismatch is the language issue's rule (it judges the
            # page's text with the language machinery, timed below with the
            # language rules): the pipeline and markup checks without it.
            rows.append(
                (
                    f"scan --jobs {jobs[-1]}, markup but html-lang-mismatch",
                    _run(_SCAN, str(site), str(jobs[-1]), "markup", "",
                         "html-lang-mismatch"),
                )
            )  # fmt: skip
        base_rate = base["pages"] / base["seconds"]
        for name, row in rows:
            rate = row["pages"] / row["seconds"]
            worker = row.get("worker_rss_kb", 0) / 1024
            print(
                f"{int(row['pages']):>6} {name:<44} {row['seconds']:>8.2f} "
                f"{rate:>8.0f} {rate / base_rate:>6.2f} {1000 / rate:>8.2f} "
                f"{row['rss_kb'] / 1024:>8.1f} {worker:>9.1f}"
            )
        if not args.quick:
            language = _run(_LANGUAGE, str(site))
            cost = 1000 * language["seconds"] / language["pages"]
            parse = 1000 * base["seconds"] / base["pages"]
            beside = 1000 * language["parse_seconds"] / language["pages"]
            print(
                f"{size:>6} language rules, timed inside a one-job scan: "
                f"{cost:.2f} ms/page; plain parse {parse:.2f} ms/page "
                f"({cost / parse:.2f}x); the same pages parsed beside them in "
                f"that scan {beside:.2f} ms/page ({cost / beside:.2f}x)"
            )
    return 0


if __name__ == "__main__":
    start = time.perf_counter()
    code = main()
    print(f"(benchmark took {time.perf_counter() - start:.0f} s)", file=sys.stderr)
    sys.exit(code)
