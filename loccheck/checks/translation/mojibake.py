"""Rule mojibake."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.translation.common import PAGE, Spot, TranslationCheck
from loccheck.checks.translation.encoding import mojibake
from loccheck.model import Category, Severity
from loccheck.page import Segment


class Mojibake(TranslationCheck):
    """UTF-8 text read in another encoding ("Ð¡ÑƒÐ¼ÐºÐ°", "â€™", "РЎСѓРјРєР°")."""

    id = "mojibake"
    category = Category.TRANSLATION
    severity = Severity.ERROR
    why = """Text stored as UTF-8 and read somewhere on its way (a database
    export, a translation import, a feed) as windows-1252, latin-1 or
    windows-1251 shows as "Ð¡ÑƒÐ¼ÐºÐ°" or "РЎСѓРјРєР°" instead of "Сумка": the
    product is unreadable. The repair is ftfy's (only its encoding steps count,
    not quote or width normalisation), plus a decoder for windows-1251 stretches
    that ftfy lets pass. Correctly decoded Cyrillic, Greek, CJK and accented
    Latin text, and a windows-1251 page read as it declares, are left alone;
    bytes that could not be decoded at all are the markup rule
    undecodable-bytes."""
    examples = (
        bad(PAGE.format("ru", "<h3>Ð¡ÑƒÐ¼ÐºÐ° Ñ‡ÐµÑ€ÐµÐ· Ð¿Ð»ÐµÑ‡Ð¾</h3>")),
        bad(PAGE.format("ru", "<h3>РЎСѓРјРєР° С‡РµСЂРµР· РїР»РµС‡Рѕ</h3>")),
        bad(PAGE.format("fr", "<p>QualitÃ© au rendez-vous.</p>"), "fr-FR"),
        bad(PAGE.format("en", "<p>Itâ€™s soft and warm.</p>"), "en-US"),
        good(PAGE.format("ru", "<h3>Сумка через плечо «ТОВАР»</h3>")),
        good(PAGE.format("fr", "<p>Qualité «\u00a0café\u00a0» à Paris</p>"), "fr-FR"),
        good(PAGE.format("de", "<p>Größe „Fuß“ — Maße</p>"), "de-DE"),
        good(PAGE.format("el", "<p>Τσάντα ώμου</p>"), "el-GR"),
        good(PAGE.format("ja", "<p>カートに入れる、送料無料</p>"), "ja-JP"),
        good(PAGE.format("uk", "<p>СІРІ СУМКИ, Сірий колір</p>"), "uk-UA"),
    )
    references = (
        "https://ftfy.readthedocs.io/en/latest/explain.html",
        "https://en.wikipedia.org/wiki/Mojibake",
    )

    @staticmethod
    def candidate(text: str) -> bool:
        """Only non-ASCII text that the (memoised) search finds garbled."""
        return not text.isascii() and mojibake(text) is not None

    def spots(self, ctx: PageContext, segment: Segment) -> Iterator[Spot]:
        """Yield the misread stretch of the segment with its repair."""
        found = mojibake(segment.text)
        if found is None:
            return
        excerpt, repaired, codec, confidence = found
        code_page = codec.replace("sloppy-", "")
        yield Spot(
            excerpt,
            f'"{excerpt}" is UTF-8 text read as {code_page}; it should read '
            f'"{repaired}".',
            confidence,
            expected=(("text", repaired),),
            found=(("text", excerpt), ("read_as", code_page)),
            suggestion=repaired,
        )
