"""Check the real catalog corpus end to end, and time pofilter on the same pairs.

Run from the project root (needs ``../shared/corpus/real`` and, for the
comparison, translate-toolkit: ``pip install '.[bench]'``)::

    python benchmarks/catalogs_real.py [--jobs N] [--sample N] [--rule ID]

1. ``loccheck.engine.scan`` loads, pairs and checks every catalog of the
   corpus (the same code path as ``loccheck scan``); prints the findings per
   1,000 values of each rule and the load-and-check time per value.
2. Every target value that has a source is written, with it, to one PO file
   per target catalog in a temporary folder (translate-toolkit's own PO
   store); translate-toolkit's ``pofilter`` then runs over that folder with
   its default checks, timed the same way, in the same run.
3. ``--sample N`` prints N random findings of each rule (or of ``--rule``) for
   hand review: rule, file, key, message.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loccheck.catalogs import CatalogSet, load_catalogs  # noqa: E402
from loccheck.engine import ScanOptions, scan  # noqa: E402
from loccheck.model import RunResult  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and its finished children.

    On a shared machine wall-clock time depends on the other jobs; CPU time
    is what each tool spent, whatever the load.
    """
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_loccheck(jobs: int | None) -> tuple[RunResult, float, float]:
    """Scan the corpus; return the result, wall-clock and CPU seconds."""
    start, cpu = time.perf_counter(), cpu_seconds()
    result = scan(CORPUS, str(CORPUS), ScanOptions(), jobs=jobs)
    return result, time.perf_counter() - start, cpu_seconds() - cpu


def report_rates(result: RunResult) -> None:
    """Print findings per 1,000 values, per rule and per project."""
    values = sum(c.values for c in result.catalogs)
    targets = sum(c.values for c in result.catalogs if c.role == "target")
    errors = [n for n in result.notes if n.kind == "catalog-error"]
    print(f"catalogs: {len(result.catalogs)}, load errors: {len(errors)}")
    print(f"values: {values} ({targets} in translations)")
    by_rule = Counter(f.rule for f in result.findings)
    print(f"\n{'rule':28} {'findings':>9} {'per 1,000 values':>17}")
    for rule, count in sorted(by_rule.items()):
        print(f"{rule:28} {count:9d} {count * 1000 / values:17.2f}")
    projects = Counter(c.path.split("/", 1)[0] for c in result.catalogs)
    project_values = Counter()
    for catalog in result.catalogs:
        project_values[catalog.path.split("/", 1)[0]] += catalog.values
    print("\nper project (findings per 1,000 values):")
    cells = Counter((f.page.split("/", 1)[0], f.rule) for f in result.findings)
    for project in sorted(projects):
        row = ", ".join(
            f"{rule} {count * 1000 / project_values[project]:.1f}"
            for (name, rule), count in sorted(cells.items())
            if name == project
        )
        print(f"  {project} ({project_values[project]} values): {row}")


def write_po_pairs(catalogs: CatalogSet, folder: Path) -> int:
    """Write each target catalog's paired values as a PO file; return units."""
    from translate.storage import po

    units = 0
    for group in catalogs.groups:
        for target in group.targets:
            store = po.pofile()
            store.updateheader(add=True, Language=target.language or "")
            for entry in target.entries:
                if entry.source is not None and target.has_inline_source:
                    source = entry.source
                else:
                    paired = group.source_for(entry)
                    source = paired.value if paired is not None else None
                if not source:
                    continue
                unit = store.addsourceunit(source)
                unit.target = entry.value
                unit.setcontext(entry.key)
                units += 1
            name = target.path.replace("/", "__") + ".po"
            (folder / name).write_bytes(bytes(store))
    return units


def run_pofilter(folder: Path, out: Path) -> tuple[float, float]:
    """Run pofilter's default checks over ``folder``; return wall-clock and CPU
    seconds."""
    command = shutil.which("pofilter") or str(Path(sys.executable).parent / "pofilter")
    start, cpu = time.perf_counter(), cpu_seconds()
    subprocess.run(
        [command, "--progress=none", "-i", str(folder), "-o", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start, cpu_seconds() - cpu


def sample(result: RunResult, count: int, rule: str | None, seed: int) -> None:
    """Print ``count`` random findings per rule for hand review."""
    rng = random.Random(seed)
    rules = sorted({f.rule for f in result.findings} if rule is None else {rule})
    for name in rules:
        found = [f for f in result.findings if f.rule == name]
        print(f"\n== {name}: {len(found)} findings, {min(count, len(found))} shown")
        for finding in rng.sample(found, min(count, len(found))):
            print(f"{finding.page}:{finding.line} [{finding.key}] {finding.message}")


def main() -> None:
    """Run both tools and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--rule", default=None)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-pofilter", action="store_true")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} is missing")
    result, seconds, cpu = run_loccheck(args.jobs)
    values = sum(c.values for c in result.catalogs)
    report_rates(result)
    print(
        f"\nloccheck: {values} values loaded and checked in {seconds:.1f} s "
        f"({seconds / values * 1e6:.0f} µs per value, jobs={args.jobs or 'all cores'}"
        f"; CPU {cpu:.1f} s, {cpu / values * 1e6:.0f} µs per value)"
    )
    if not args.no_pofilter:
        with tempfile.TemporaryDirectory(prefix="loccheck-pofilter-") as tmp:
            folder, out = Path(tmp) / "in", Path(tmp) / "out"
            folder.mkdir()
            units = write_po_pairs(load_catalogs(CORPUS), folder)
            po_seconds, po_cpu = run_pofilter(folder, out)
        print(
            f"pofilter: {units} paired units checked in {po_seconds:.1f} s "
            f"({po_seconds / units * 1e6:.0f} µs per unit; CPU {po_cpu:.1f} s, "
            f"{po_cpu / units * 1e6:.0f} µs per unit; conversion not counted)"
        )
    if args.sample:
        sample(result, args.sample, args.rule, args.seed)


if __name__ == "__main__":
    main()
