"""Rule mojibake."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import ftfy
import ftfy.bad_codecs  # noqa: F401  (registers the "sloppy-windows-125x" codecs)

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.translation.common import PAGE, Spot, TranslationCheck
from loccheck.model import Category, Confidence, Severity
from loccheck.page import Segment

# Only ftfy's encoding repairs: no quote uncurling, width folding or
# normalisation, so the suggestion differs from the text only where bytes were
# misread.
_ENCODING_ONLY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=False,
    remove_control_chars=False,
    normalization=None,
)
_REPAIRS = frozenset({"encode", "decode", "transcode"})
_REPAIR_FIXES = frozenset({"decode_inconsistent_utf8", "replace_lossy_sequences"})

# UTF-8 read as a single-byte code page turns each multi-byte sequence into a
# lead character and one to three continuation characters (bytes 0x80-0xBF).
_CONT_1252 = re.escape(bytes(range(0x80, 0xC0)).decode("sloppy-windows-1252"))
_CONT_1251 = re.escape(bytes(range(0x80, 0xC0)).decode("sloppy-windows-1251"))
# windows-1251 leads: В-Я (0xC2-0xDF, two bytes), а-п (three), р-ф (four).
_SEQ_1251 = rf"[В-Я][{_CONT_1251}]|[а-п][{_CONT_1251}]{{2}}|[р-ф][{_CONT_1251}]{{3}}"
# The cheap test: a Latin-1 lead before a continuation, or two windows-1251
# sequences in a row (one alone is common in clean text: "«ТОВАР»" has "Р»").
_SUSPECT = re.compile(
    rf"[\u00c2-\u00f4][{_CONT_1252}]|(?:{_SEQ_1251})(?:{_SEQ_1251})"
)
# A windows-1251 stretch: sequences, with ASCII (spaces, digits) between them.
_RUN_1251 = re.compile(rf"(?:{_SEQ_1251})(?:[ -~]*(?:{_SEQ_1251}))*")
# What the repaired stretch may hold: Latin-1 and Latin Extended-A, Greek,
# modern Cyrillic, Hebrew, Arabic, CJK, kana and Hangul letters, and common
# punctuation. Chance pairs in clean text decode to archaic or rare letters
# ("СІРІ" would give "Ѳв") and are left alone.
_PLAUSIBLE = re.compile(
    r"[ -~\u00a0-\u017f\u0370-\u03ff\u0400-\u045f\u0490-\u04ff"
    r"\u05d0-\u05ea\u0600-\u06ff\u2010-\u2026\u2116\u20ac\u20bd"
    r"\u3000-\u30ff\u4e00-\u9fff\uac00-\ud7af\uff01-\uff5e]+"
)


def _excerpt(text: str, fixed: str) -> tuple[str, str]:
    """The differing stretch of ``text`` and ``fixed``, widened to whole words."""
    start = 0
    limit = min(len(text), len(fixed))
    while start < limit and text[start] == fixed[start]:
        start += 1
    end = 0
    while end < limit - start and text[-1 - end] == fixed[-1 - end]:
        end += 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end > 0 and not text[len(text) - end].isspace():
        end -= 1
    return text[start : len(text) - end], fixed[start : len(fixed) - end]


def _repaired_by_ftfy(text: str) -> tuple[str, str] | None:
    """ftfy's repair and the code page it undid, if it repaired an encoding."""
    fixed, steps = ftfy.fix_encoding_and_explain(text, _ENCODING_ONLY)
    if fixed == text or not steps:
        return None
    if not any(a in _REPAIRS or f in _REPAIR_FIXES for a, f in steps):
        return None
    codecs = [f for a, f in steps if a == "encode"]
    return fixed, codecs[0] if codecs else "windows-1252"


def _repaired_1251(text: str) -> tuple[str, int] | None:
    """Undo UTF-8 read as windows-1251 ("РЎСѓРјРєР°"), stretch by stretch.

    ftfy's badness measure passes such text when every character is a letter,
    so the stretches are decoded here with ftfy's own codec.
    """
    pieces: list[str] = []
    last = 0
    sequences = 0
    for match in _RUN_1251.finditer(text):
        run = match.group()
        try:
            decoded = run.encode("sloppy-windows-1251").decode("utf-8")
        except UnicodeError:
            continue
        found = len(run) - len(decoded)  # one per continuation character
        if found < 2 or not _PLAUSIBLE.fullmatch(decoded):
            continue
        pieces += (text[last : match.start()], decoded)
        last = match.end()
        sequences += found
    if not sequences:
        return None
    return "".join((*pieces, text[last:])), sequences


@lru_cache(maxsize=8192)
def mojibake(text: str) -> tuple[str, str, str, Confidence] | None:
    """Return (excerpt, repaired excerpt, code page, confidence), or None."""
    if _SUSPECT.search(text) is None:
        return None
    by_ftfy = _repaired_by_ftfy(text)
    if by_ftfy is not None:
        fixed, codec = by_ftfy
        return (*_excerpt(text, fixed), codec, Confidence.HIGH)
    by_1251 = _repaired_1251(text)
    if by_1251 is None:
        return None
    fixed, sequences = by_1251
    confidence = Confidence.HIGH if sequences >= 3 else Confidence.MEDIUM
    return (*_excerpt(text, fixed), "sloppy-windows-1251", confidence)


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

    def candidate(self, text: str) -> bool:
        """Mojibake needs a lead character of a misread multi-byte sequence."""
        return not text.isascii() and _SUSPECT.search(text) is not None

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
