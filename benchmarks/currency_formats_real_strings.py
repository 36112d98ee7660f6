"""What the currency and format rules report on real translated UI strings.

Run from the project root (needs ``../shared/corpus/real/strings.tsv``)::

    python benchmarks/currency_formats_real_strings.py [--show]

Every string of the corpus (professional translations of six open-source
storefronts, one string a line with its language) is put on a page of its
language's market, one string per element, and the pages are scanned. The
strings are correct translations, so every finding is either a false alarm or
a defect of the translation itself; ``--show`` lists them for review. Prints,
per rule and per market, how many strings fired.
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import TSV, real_strings  # noqa: E402  (benchmarks/corpus.py)
from generated_recall import FAMILIES  # noqa: E402

from loccheck.engine import ScanOptions, scan  # noqa: E402

RULES = FAMILIES["currency"].rules  # the rules of the currency and format issue
PER_PAGE = 200


def _strings() -> dict[str, list[str]]:
    """Strings by market id."""
    by_market: dict[str, list[str]] = defaultdict(list)
    for market, text in real_strings():
        by_market[market.id].append(text)
    return by_market


def _write(folder: Path, by_market: dict[str, list[str]]) -> None:
    """One folder per market, pages of PER_PAGE strings, string k on line k + 3."""
    for market, texts in by_market.items():
        for start in range(0, len(texts), PER_PAGE):
            body = "\n".join(
                f"<p>{html.escape(text)}</p>"
                for text in texts[start : start + PER_PAGE]
            )
            page = (
                f'<!doctype html>\n<html lang="{market}">\n<body>\n{body}\n'
                "</body></html>\n"
            )
            name = folder / market / f"{start // PER_PAGE:04d}.html"
            name.parent.mkdir(parents=True, exist_ok=True)
            name.write_text(page, encoding="utf-8")


def main() -> int:
    """Scan the corpus and print what fired."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list every finding")
    args = parser.parse_args()
    if not TSV.is_file():
        print("needs ../shared/corpus/real/strings.tsv", file=sys.stderr)
        return 2
    by_market = _strings()
    total = sum(len(texts) for texts in by_market.values())
    with tempfile.TemporaryDirectory(prefix="loccheck-real-") as tmp:
        folder = Path(tmp)
        _write(folder, by_market)
        mapping = tuple((f"{market}/**", market) for market in by_market)
        result = scan(folder, tmp, ScanOptions(markets=mapping), jobs=1)
    fired: dict[str, set[tuple[str, int | None]]] = defaultdict(set)
    markets: Counter[str] = Counter()
    for finding in result.findings:
        if finding.rule not in RULES:
            continue
        key = (finding.page, finding.line)
        if all(key not in strings for strings in fired.values()):
            markets[finding.page.split("/")[0]] += 1
        fired[finding.rule].add(key)
        if args.show:
            print(
                f"{finding.locale} {finding.rule}: {finding.text!r} — {finding.message}"
            )
    flagged = len(set().union(*fired.values())) if fired else 0
    print(f"{total} strings in {len(by_market)} markets")
    for rule in sorted(RULES):
        count = len(fired.get(rule, ()))
        print(f"  {rule:<30} {count:>5} strings ({count / total:.3%})")
    print(f"  {'any of these rules':<30} {flagged:>5} strings ({flagged / total:.3%})")
    print("  by market: " + ", ".join(f"{m} {n}" for m, n in markets.most_common()))
    return 0


if __name__ == "__main__":
    start = time.perf_counter()
    code = main()
    print(f"(took {time.perf_counter() - start:.0f} s)", file=sys.stderr)
    sys.exit(code)
