"""Rule html-entity-leak."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import lru_cache
from html.entities import html5

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.translation.common import PAGE, Spot, TranslationCheck
from loccheck.model import Category, Confidence, Severity
from loccheck.page import JSONLD_DESCRIPTION, JSONLD_NAME, Segment

# A character reference still in the text after the page was parsed once:
# "&nbsp;", "&#8217;", "&#x2019;", and the few that browsers also read without
# the semicolon ("&nbsp " written as "&amp;nbsp ").
_ENTITY = re.compile(
    r"&(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|([A-Za-z][A-Za-z0-9]{1,31});"
    r"|(?:nbsp|amp|quot|lt|gt)(?![A-Za-z0-9;]))"
)
_AROUND = re.compile(r"\S*&\S*")
# JSON-LD is read by search engines as JSON, never as HTML: an entity there is
# shown as written.
_JSONLD = frozenset({JSONLD_NAME, JSONLD_DESCRIPTION})


def _unescape(text: str) -> str:
    """Unescape until nothing changes ("&amp;amp;" is "&" escaped twice)."""
    for _ in range(4):
        once = html.unescape(text)
        if once == text:
            break
        text = once
    return text


@lru_cache(maxsize=8192)
def leaked_entities(text: str) -> tuple[tuple[str, str], ...]:
    """Return (excerpt, the text it should show) per word with an entity."""
    found = []
    for word in _AROUND.finditer(text):
        entities = [
            m
            for m in _ENTITY.finditer(word.group())
            if m.group(1) is None or f"{m.group(1)};" in html5
        ]
        if entities:
            found.append((word.group(), _unescape(word.group())))
    return tuple(dict.fromkeys(found))


class HtmlEntityLeak(TranslationCheck):
    """An HTML entity is shown as text ("&nbsp;", "&#8217;", "&quot;")."""

    id = "html-entity-leak"
    category = Category.TRANSLATION
    severity = Severity.WARNING
    why = """Text escaped twice (by a translation tool and again by the template)
    shows its entities: the shopper reads "Доставка&nbsp;бесплатно",
    "Levi&#8217;s" or "Tom &amp;amp; Jerry". The page's text is read after one
    round of HTML unescaping, as a browser shows it, so what is left is what
    the shopper sees. In JSON-LD names and descriptions, which search engines
    read as plain JSON, any entity is shown as written."""
    examples = (
        bad(PAGE.format("ru", "<p>Доставка&amp;nbsp;бесплатно</p>")),
        bad(PAGE.format("en", "<h1>Levi&amp;#8217;s jeans</h1>"), "en-US"),
        bad(PAGE.format("en", "<p>Tom &amp;amp; Jerry</p>"), "en-US"),
        bad(
            PAGE.format("ru", '<img src="a.jpg" alt="Сумка &amp;quot;Лира&amp;quot;">')
        ),
        good(PAGE.format("ru", "<p>Доставка&nbsp;бесплатно, Tom &amp; Jerry</p>")),
        good(PAGE.format("en", "<p>AT&amp;T, R&amp;D, Levi&#8217;s</p>"), "en-US"),
        good(PAGE.format("en", "<p>M&amp;Ms and H&amp;M</p>"), "en-US"),
    )
    references = (
        "https://html.spec.whatwg.org/multipage/named-characters.html",
        "https://developers.google.com/search/docs/appearance/structured-data/intro-structured-data",
    )

    @staticmethod
    def candidate(text: str) -> bool:
        """Only text with "&" where the (memoised) search finds an entity."""
        return "&" in text and bool(leaked_entities(text))

    def spots(self, ctx: PageContext, segment: Segment) -> Iterator[Spot]:
        """Yield each word of the segment that still holds an entity."""
        where = "structured data" if segment.kind in _JSONLD else "the text"
        for excerpt, shown in leaked_entities(segment.text):
            yield Spot(
                excerpt,
                f'"{excerpt}" shows an HTML entity as text in {where}; it was '
                "escaped twice.",
                Confidence.HIGH,
                found=(("text", excerpt),),
                expected=(("text", shown),),
                suggestion=shown,
            )
