"""What the translation-artefact rules report on real translated UI strings.

Run from the project root (needs ``../shared/corpus/real/strings.tsv``)::

    python benchmarks/artefacts_real_strings.py [--show] [--sample N]

Every string of the corpus (professional translations of six open-source
storefronts, one string a line with its language; the ``text`` column, with
the catalogues' placeholders and markup already taken out) is checked as the
only text of a page of its language's market. The strings are correct
translations, so every finding is either a defect of the translation itself or
a false alarm; ``--show`` lists them all, otherwise a sample per rule is
printed. Prints, per rule and per market, how many strings fired.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus import TSV, real_strings  # noqa: E402  (benchmarks/corpus.py)

from loccheck.checks.base import Check, PageContext  # noqa: E402
from loccheck.checks.translation.cjk_punctuation import CjkPunctuation  # noqa: E402
from loccheck.checks.translation.doubled_word import DoubledWord  # noqa: E402
from loccheck.checks.translation.homoglyph import Homoglyph  # noqa: E402
from loccheck.checks.translation.html_entity_leak import HtmlEntityLeak  # noqa: E402
from loccheck.checks.translation.mojibake import Mojibake  # noqa: E402
from loccheck.checks.translation.placeholder_leak import (  # noqa: E402
    PlaceholderLeak,
)
from loccheck.checks.translation.quote_style import QuoteStyle  # noqa: E402
from loccheck.checks.translation.replacement_character import (  # noqa: E402
    ReplacementCharacter,
)
from loccheck.checks.translation.untranslated_ui_key import (  # noqa: E402
    UntranslatedUiKey,
)
from loccheck.crawl import LinkTarget  # noqa: E402
from loccheck.decode import Decoded  # noqa: E402
from loccheck.markets import Market  # noqa: E402
from loccheck.model import LocaleSource  # noqa: E402
from loccheck.page import TEXT, Page, Segment  # noqa: E402

RULES: tuple[type[Check], ...] = (
    CjkPunctuation,
    DoubledWord,
    Homoglyph,
    HtmlEntityLeak,
    Mojibake,
    PlaceholderLeak,
    QuoteStyle,
    ReplacementCharacter,
    UntranslatedUiKey,
)


def _strings() -> list[tuple[Market, str]]:
    """(market, text) per string, whitespace collapsed as extraction does."""
    return [(market, " ".join(text.split())) for market, text in real_strings()]


def _context(market: Market, text: str) -> PageContext:
    """A page of ``market`` whose only text is ``text``, as the engine builds it."""
    source = f'<html lang="{market.id}"><body><p>{text}</p></body></html>'
    page = Page(
        path=f"{market.id}.html",
        source=source,
        encoding="utf-8",
        html_lang=market.id,
        segments=(Segment(TEXT, text, 1, "html > body > p", market.id),),
    )
    decoded = Decoded(source, "utf-8", "declared", "utf-8", True, False, 0, None, False)
    return PageContext(
        page,
        market,
        LocaleSource.CLI,
        decoded,
        lambda href: LinkTarget("external", None),
    )


def main() -> int:
    """Check every string and print what fired."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="list every finding")
    parser.add_argument("--sample", type=int, default=8, help="findings per rule")
    args = parser.parse_args()
    if not TSV.is_file():
        print("needs ../shared/corpus/real/strings.tsv", file=sys.stderr)
        return 2
    strings = _strings()
    checks = [rule() for rule in RULES]
    fired: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    markets: Counter[str] = Counter()
    flagged = 0
    for market, text in strings:
        ctx = _context(market, text)
        hit = False
        for check in checks:
            for finding in check.check(ctx):
                fired[check.id].append((market.id, finding.text, text))
                hit = True
        if hit:
            flagged += 1
            markets[market.id] += 1
    total = len(strings)
    print(f"{total} strings in {len({m.id for m, _ in strings})} markets")
    for rule in sorted(check.id for check in checks):
        count = len({(m, t) for m, _, t in fired.get(rule, [])})
        print(f"  {rule:<24} {count:>5} strings ({count / total:.3%})")
    print(f"  {'any of these rules':<24} {flagged:>5} strings ({flagged / total:.3%})")
    print("  by market: " + ", ".join(f"{m} {n}" for m, n in markets.most_common()))
    for rule in sorted(fired):
        shown = fired[rule] if args.show else fired[rule][: args.sample]
        print(f"\n{rule}:")
        for market_id, excerpt, text in shown:
            print(f"  {market_id} {excerpt!r} in {text[:100]!r}")
    return 0


if __name__ == "__main__":
    start = time.perf_counter()
    code = main()
    print(f"(took {time.perf_counter() - start:.0f} s)", file=sys.stderr)
    sys.exit(code)
