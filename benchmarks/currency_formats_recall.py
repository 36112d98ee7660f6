"""Recall and false alarms of the currency and format rules on generated sites.

Run from the project root (needs ``../shared/bench/make_site.py``)::

    python benchmarks/currency_formats_recall.py [--locales ru-RU ja-JP]
        [--pages 300] [--seeds 1 2 3] [--json]

For each locale and seed it generates a storefront with injected defects
(``--defect-rate 0.05``) and the same storefront without (``--defect-rate 0``),
scans both, and matches findings to the generator's ``manifest.json``:

* recall, per defect kind: the share of injected ``foreign-currency``,
  ``jsonld-currency-mismatch`` and ``us-date`` defects reported by the rule
  that owns the kind, on the same page, with the same excerpt;
* false alarms: every finding of these rules on a clean site, and every
  finding on a defective site that no injected defect on its page explains.

Targets of the issue: recall >= 0.98 per kind and locale, zero false alarms.
Exit status 1 if a target is missed, 2 without ``../shared``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loccheck.engine import ScanOptions, scan  # noqa: E402
from loccheck.model import Finding  # noqa: E402
from loccheck.registry import load_registry  # noqa: E402

MAKE_SITE = ROOT.parent / "shared" / "bench" / "make_site.py"
LOCALES = ("ru-RU", "en-US", "de-DE", "fr-FR", "ja-JP", "zh-CN")
RULES = frozenset(
    {
        "ambiguous-currency-symbol",
        "date-format",
        "foreign-currency",
        "imperial-units",
        "mixed-currencies",
        "number-format",
        "price-format",
        "structured-currency-mismatch",
        "structured-price-mismatch",
        "time-format",
    }
)
# The rule that must report each measured kind.
OWNER = {
    "foreign-currency": "foreign-currency",
    "jsonld-currency-mismatch": "structured-currency-mismatch",
    "us-date": "date-format",
}
# Rules a defect of a kind may also raise on its page (a dollar price among
# ruble prices is a mixed page too).
EXPLAINS = {
    "foreign-currency": {"foreign-currency", "mixed-currencies"},
    "jsonld-currency-mismatch": {"structured-currency-mismatch"},
    "us-date": {"date-format"},
}


def _site(workdir: Path, locale: str, pages: int, seed: int, rate: float) -> Path:
    site = workdir / f"{locale}-{pages}-{seed}-{rate}"
    if not (site / "manifest.json").is_file():
        subprocess.run(
            [sys.executable, str(MAKE_SITE), str(site), "--pages", str(pages),
             "--locale", locale, "--seed", str(seed), "--defect-rate", str(rate)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    return site


def _findings(site: Path, jobs: int) -> list[Finding]:
    # Only these rules run: faster, same findings.
    others = load_registry().ids() - RULES
    result = scan(site, str(site), ScanOptions(disabled=others), jobs=jobs)
    return [f for f in result.findings if f.rule in RULES]


def _matches(finding: Finding, defect: dict[str, str]) -> bool:
    owner = OWNER.get(defect["kind"])
    if finding.page != defect["page"] or finding.rule != owner:
        return False
    return finding.text in defect["text"] or defect["text"] in finding.text


def measure(locale: str, pages: int, seed: int, workdir: Path, jobs: int) -> Any:
    """Scan one defective and one clean site; return counts for the report."""
    dirty = _site(workdir, locale, pages, seed, 0.05)
    clean = _site(workdir, locale, pages, seed, 0.0)
    defects = json.loads((dirty / "manifest.json").read_text("utf-8"))["defects"]
    found = _findings(dirty, jobs)
    kinds: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    missed: list[dict[str, str]] = []
    for defect in defects:
        if defect["kind"] not in OWNER:
            continue
        kinds[defect["kind"]] += 1
        if any(_matches(f, defect) for f in found):
            hits[defect["kind"]] += 1
        else:
            missed.append(defect)
    unexplained = [
        f
        for f in found
        if not any(
            d["page"] == f.page and f.rule in EXPLAINS.get(d["kind"], ())
            for d in defects
        )
    ]
    on_clean = _findings(clean, jobs)
    return {
        "locale": locale,
        "seed": seed,
        "pages": pages,
        "defects": dict(kinds),
        "found": dict(hits),
        "missed": missed,
        "unexplained": [_brief(f) for f in unexplained],
        "clean_findings": [_brief(f) for f in on_clean],
    }


def _brief(finding: Finding) -> dict[str, Any]:
    return {"rule": finding.rule, "page": finding.page, "text": finding.text}


def main() -> int:
    """Measure every locale and seed, print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--locales", nargs="+", default=list(LOCALES))
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    if not MAKE_SITE.is_file():
        print("needs ../shared/bench/make_site.py next to the project", file=sys.stderr)
        return 2
    workdir = args.workdir or Path(tempfile.gettempdir()) / "loccheck-recall"
    workdir.mkdir(parents=True, exist_ok=True)
    rows = [
        measure(locale, args.pages, seed, workdir, args.jobs)
        for locale in args.locales
        for seed in args.seeds
    ]
    ok = _report(rows, args.json)
    return 0 if ok else 1


def _report(rows: list[Any], as_json: bool) -> bool:
    ok = True
    table = []
    for locale in dict.fromkeys(row["locale"] for row in rows):
        mine = [row for row in rows if row["locale"] == locale]
        defects: Counter[str] = sum((Counter(r["defects"]) for r in mine), Counter())
        found: Counter[str] = sum((Counter(r["found"]) for r in mine), Counter())
        recall = {k: found[k] / n for k, n in defects.items() if n}
        clean = sum(len(r["clean_findings"]) for r in mine)
        unexplained = sum(len(r["unexplained"]) for r in mine)
        ok = ok and all(v >= 0.98 for v in recall.values()) and not clean
        ok = ok and not unexplained
        table.append((locale, defects, found, recall, clean, unexplained))
    if as_json:
        print(json.dumps({"ok": ok, "runs": rows}, ensure_ascii=False, indent=1))
        return ok
    print(f"{'locale':<7} {'kind':<25} {'found':>9} {'recall':>7}")
    for locale, defects, found, recall, clean, unexplained in table:
        for kind in sorted(defects):
            print(
                f"{locale:<7} {kind:<25} {found[kind]:>4}/{defects[kind]:<4} "
                f"{recall[kind]:>7.3f}"
            )
        print(
            f"{locale:<7} false alarms: clean sites {clean}, "
            f"unexplained on defective sites {unexplained}"
        )
    for row in rows:
        for item in row["missed"] + row["unexplained"] + row["clean_findings"]:
            print(f"  {row['locale']} seed {row['seed']}: {item}")
    return ok


if __name__ == "__main__":
    start = time.perf_counter()
    code = main()
    print(f"(took {time.perf_counter() - start:.0f} s)", file=sys.stderr)
    sys.exit(code)
