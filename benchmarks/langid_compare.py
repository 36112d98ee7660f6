"""Compare lingua (loccheck's detector) with langdetect on short real UI strings.

Run from the project root (needs ``../shared/corpus/real/strings.tsv`` and, for
the comparison, ``pip install langdetect``)::

    python benchmarks/langid_compare.py

For Latin-script markets (de, fr, es, it, nl, pl, sv) it takes 1-2 word native
strings and English strings that are not also native, asks each detector to
choose between the page language and English, and prints false alarms, English
detected and time per string. The decision (lingua, restricted candidates) is
written down in docs/decisions/0005-language-identification.md.
"""

from __future__ import annotations

import collections
import csv
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TSV = ROOT.parent / "shared" / "corpus" / "real" / "strings.tsv"
PAIRS = (("de", "en"), ("fr", "en"), ("es", "en"), ("it", "en"), ("nl", "en"))
PAIRS += (("pl", "en"), ("sv", "en"))


def _strings() -> dict[str, set[str]]:
    found: dict[str, set[str]] = collections.defaultdict(set)
    with TSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text = " ".join(row["text"].split())
            if sum(c.isalpha() for c in text) >= 2 and len(text.split()) <= 2:
                found[row["lang"]].add(text)
    return found


def _lingua(text: str, native: str, source: str) -> bool:
    from loccheck.nlp import detector

    ranked = detector.detect(text, frozenset({native, source}))
    return bool(ranked) and ranked[0][0] == source


def _langdetect(text: str, native: str, source: str) -> bool:
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random unless seeded
    try:
        probs = {p.lang: p.prob for p in detect_langs(text)}
    except LangDetectException:
        return False
    return probs.get(source, 0.0) > probs.get(native, 0.0)


def main() -> int:
    """Print the comparison table; exit 2 without the shared corpus."""
    if not TSV.is_file():
        print("needs ../shared/corpus/real/strings.tsv next to the project")
        return 2
    sys.path.insert(0, str(ROOT))
    detectors = {"lingua": _lingua, "langdetect": _langdetect}
    try:
        import langdetect  # noqa: F401
    except ImportError:
        del detectors["langdetect"]
        print("langdetect is not installed: lingua only")
    strings, rng = _strings(), random.Random(3)
    for name, flags in detectors.items():
        counts: collections.Counter[str] = collections.Counter()
        seconds = 0.0
        for native, source in PAIRS:
            own = sorted(strings[native])
            rng.shuffle(own)
            other = sorted(strings[source] - strings[native])
            rng.shuffle(other)
            cases = [(t, False) for t in own[:300]] + [(t, True) for t in other[:100]]
            for text, foreign in cases:
                start = time.perf_counter()
                flagged = flags(text, native, source)
                seconds += time.perf_counter() - start
                counts[f"{'det' if foreign else 'fa'}-{flagged}"] += 1
        fa = counts["fa-True"] / (counts["fa-True"] + counts["fa-False"])
        det = counts["det-True"] / (counts["det-True"] + counts["det-False"])
        total = sum(counts.values())
        print(
            f"{name:10} false alarms {fa:5.1%}  English detected {det:5.1%}  "
            f"{seconds / total * 1000:.2f} ms/string  (n={total})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
