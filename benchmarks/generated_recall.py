"""Recall and false alarms of a family of rules on generated sites.

Run from the project root (needs ``../shared/bench/make_site.py``)::

    python benchmarks/generated_recall.py [--family currency|artefacts]
        [--locales ru-RU ja-JP] [--pages 300] [--seeds 1 2 3] [--json]

For each locale and seed it generates a storefront with injected defects
(``--defect-rate 0.05``) and the same storefront without (``--defect-rate 0``),
scans both with the family's rules only, and matches findings to the
generator's ``manifest.json``:

* recall, per defect kind: the share of injected defects reported by the rule
  that owns the kind, on the same page, with the same excerpt. The currency
  family owns ``foreign-currency``, ``jsonld-currency-mismatch`` and
  ``us-date``; the artefacts family owns ``placeholder-leak``, ``mojibake``,
  ``homoglyph`` and ``cjk-punctuation``;
* false alarms: every finding of the family's rules on a clean site, and every
  finding on a defective site that no injected defect on its page explains.

Targets of the issues: recall >= 0.98 per kind and locale, zero false alarms.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loccheck.engine import ScanOptions, scan  # noqa: E402
from loccheck.model import Finding  # noqa: E402
from loccheck.registry import load_registry  # noqa: E402

MAKE_SITE = ROOT.parent / "shared" / "bench" / "make_site.py"
LOCALES = ("ru-RU", "en-US", "de-DE", "fr-FR", "ja-JP", "zh-CN")


@dataclass(frozen=True)
class Family:
    """Rules measured together, the rule owning each defect kind, and the
    rules a defect of a kind may also raise on its page."""

    rules: frozenset[str]
    owner: dict[str, str]
    explains: dict[str, frozenset[str]]


FAMILIES = {
    "currency": Family(
        rules=frozenset(
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
        ),
        owner={
            "foreign-currency": "foreign-currency",
            "jsonld-currency-mismatch": "structured-currency-mismatch",
            "us-date": "date-format",
        },
        # A dollar price among ruble prices is a mixed page too.
        explains={
            "foreign-currency": frozenset({"foreign-currency", "mixed-currencies"}),
            "jsonld-currency-mismatch": frozenset({"structured-currency-mismatch"}),
            "us-date": frozenset({"date-format"}),
        },
    ),
    "artefacts": Family(
        # Every page rule of the translation category.
        rules=frozenset(
            {
                "calque",
                "cjk-punctuation",
                "doubled-word",
                "english-quantity-unit",
                "homoglyph",
                "html-entity-leak",
                "lorem-ipsum",
                "mojibake",
                "placeholder-copy",
                "placeholder-leak",
                "quote-style",
                "replacement-character",
                "untranslated-ui-key",
            }
        ),
        owner={
            "placeholder-leak": "placeholder-leak",
            "mojibake": "mojibake",
            "homoglyph": "homoglyph",
            "cjk-punctuation": "cjk-punctuation",
        },
        # A garbled phrase may also lose letters; a leaked ICU message is a
        # placeholder that may look like a key.
        explains={
            "placeholder-leak": frozenset({"placeholder-leak", "untranslated-ui-key"}),
            "mojibake": frozenset({"mojibake", "replacement-character"}),
            "homoglyph": frozenset({"homoglyph"}),
            "cjk-punctuation": frozenset({"cjk-punctuation"}),
        },
    ),
}
# The currency family, as the tests read it.
OWNER = FAMILIES["currency"].owner


def _site(workdir: Path, locale: str, pages: int, seed: int, rate: float) -> Path:
    site = workdir / f"{locale}-{pages}-{seed}-{rate}"
    if not (site / "manifest.json").is_file():
        subprocess.run(
            [sys.executable, str(MAKE_SITE), str(site), "--pages", str(pages),
             "--locale", locale, "--seed", str(seed), "--defect-rate", str(rate)],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    return site


def _findings(site: Path, jobs: int, family: Family) -> list[Finding]:
    # Only these rules run: faster, same findings.
    others = load_registry().ids() - family.rules
    result = scan(site, str(site), ScanOptions(disabled=others), jobs=jobs)
    return [f for f in result.findings if f.rule in family.rules]


def _matches(finding: Finding, defect: dict[str, str], family: Family) -> bool:
    owner = family.owner.get(defect["kind"])
    if finding.page != defect["page"] or finding.rule != owner:
        return False
    return finding.text in defect["text"] or defect["text"] in finding.text


def measure(
    locale: str,
    pages: int,
    seed: int,
    workdir: Path,
    jobs: int,
    family: Family = FAMILIES["currency"],
) -> Any:
    """Scan one defective and one clean site; return counts for the report."""
    dirty = _site(workdir, locale, pages, seed, 0.05)
    clean = _site(workdir, locale, pages, seed, 0.0)
    defects = json.loads((dirty / "manifest.json").read_text("utf-8"))["defects"]
    found = _findings(dirty, jobs, family)
    kinds: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    missed: list[dict[str, str]] = []
    for defect in defects:
        if defect["kind"] not in family.owner:
            continue
        kinds[defect["kind"]] += 1
        if any(_matches(f, defect, family) for f in found):
            hits[defect["kind"]] += 1
        else:
            missed.append(defect)
    unexplained = [
        f
        for f in found
        if not any(
            d["page"] == f.page and f.rule in family.explains.get(d["kind"], ())
            for d in defects
        )
    ]
    on_clean = _findings(clean, jobs, family)
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
    parser.add_argument("--family", choices=sorted(FAMILIES), default="currency")
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
        measure(locale, args.pages, seed, workdir, args.jobs, FAMILIES[args.family])
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
