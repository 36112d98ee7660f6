"""Read the real translated strings of ``../shared/corpus/real`` for benchmarks.

The corpus is read from its place next to the project, never copied into it.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from loccheck.markets import Market, UnknownLocaleError, load_market  # noqa: E402

TSV = ROOT.parent / "shared" / "corpus" / "real" / "strings.tsv"


def real_strings() -> Iterator[tuple[Market, str]]:
    """(market, text as written) per string; languages without a market are
    left out."""
    csv.field_size_limit(1 << 24)
    with TSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                market = load_market(row["lang"])
            except UnknownLocaleError:
                continue
            yield market, row["text"]
