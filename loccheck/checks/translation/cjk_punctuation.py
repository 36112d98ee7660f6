"""Rule cjk-punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.translation.common import PAGE, Spot, TranslationCheck
from loccheck.model import Category, Confidence, Finding, Severity
from loccheck.page import Segment

# Full-width and ideographic punctuation, with its half-width form and the
# spacing around it: (space before, mark, space after).
_HALF: dict[str, tuple[str, str, str]] = {
    "，": ("", ",", " "), "、": ("", ",", " "), "。": ("", ".", " "),
    "．": ("", ".", " "), "！": ("", "!", " "), "？": ("", "?", " "),
    "：": ("", ":", " "), "；": ("", ";", " "), "（": (" ", "(", ""),
    "）": ("", ")", " "), "［": (" ", "[", ""), "］": ("", "]", " "),
    "｛": (" ", "{", ""), "｝": ("", "}", " "), "％": ("", "%", " "),
    "～": ("", "~", ""), "＂": ("", '"', ""), "＇": ("", "'", ""),
}  # fmt: skip
# fr: a no-break space before ":" and a narrow one before ";", "!" and "?"
# (Imprimerie nationale; CLDR fr uses U+202F in its own patterns).
_FRENCH_BEFORE = {":": "\u00a0", ";": "\u202f", "!": "\u202f", "?": "\u202f"}
_MARKS = re.compile("[" + "".join(_HALF) + "]")
# Latin (with accents) or Cyrillic letters and digits: the text a full-width
# mark must not sit in. CJK letters: the text it belongs to.
_WESTERN = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0400-\u04ff]")
_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_CJK_LANGUAGES = frozenset({"ja", "zh", "ko"})
# A word with full-width marks, and the word before when a space separates
# them ("Rapide ？").
_TOKEN = re.compile(r"\S*\s?[" + "".join(_HALF) + r"]\S*")


def _nearest(chars: str) -> str:
    """The first letter or digit of ``chars``, past a few spaces and marks."""
    for char in chars[:4]:
        if char.isalnum():
            return char
    return ""


def _misplaced(text: str, at: int) -> bool:
    """True if the mark at ``at`` touches Western text and no CJK text."""
    before = _nearest(text[at - 1 :: -1] if at else "")
    after = _nearest(text[at + 1 :])
    if _CJK.match(before) or _CJK.match(after):
        return False
    return bool(_WESTERN.match(before) or _WESTERN.match(after))


def _half_width(token: str, marks: set[int], language: str) -> str:
    """``token`` with the marks at ``marks`` in half width, spaced for ``language``."""
    out: list[str] = []
    for index, char in enumerate(token):
        if index not in marks:
            out.append(char)
            continue
        before, half, after = _HALF[char]
        if language == "fr" and half in _FRENCH_BEFORE:
            before = _FRENCH_BEFORE[half]
            if out and out[-1].isspace():
                out.pop()
        elif out and out[-1].isspace():
            before = ""
        following = token[index + 1 : index + 2]
        out.append((before if out else "") + half)
        if following.isalnum() or (following and following in "(["):
            out.append(after or "")
    return "".join(out)


@lru_cache(maxsize=8192)
def full_width_marks(text: str, language: str) -> tuple[tuple[str, str, str], ...]:
    """Return (excerpt, first mark, suggestion) per word with misplaced marks.

    A mark is misplaced when it touches Latin or Cyrillic text and no CJK text:
    "卖家中心：" on a Russian page is the language rules' business.
    """
    found = []
    for match in _TOKEN.finditer(text):
        marks = {
            i
            for i, char in enumerate(match.group())
            if char in _HALF and _misplaced(text, match.start() + i)
        }
        if marks:
            token = match.group()
            first = token[min(marks)]
            found.append((token, first, _half_width(token, marks, language)))
    return tuple(found)


class CjkPunctuation(TranslationCheck):
    """Full-width CJK punctuation in Latin or Cyrillic text ("дышит，после")."""

    id = "cjk-punctuation"
    category = Category.TRANSLATION
    severity = Severity.WARNING
    skips_mojibake = True
    why = """Full-width marks such as "，", "。", "！", "？" and "（）" belong to
    Chinese, Japanese and Korean text. In a Russian or German sentence they leave
    wide gaps and odd glyphs, break search and line wrapping, and show that the
    text went through a Chinese or Japanese source or input method. Marks inside
    CJK text are left alone on every market, including a CJK fragment on a
    Russian page (the language rules report the fragment). Chinese, Japanese and
    Korean markets are not judged: full-width marks are their own, and on their
    pages a Latin label followed by "：" ("Rating：4.5") is a leftover that the
    language rules report, with the right mark already in place."""
    examples = (
        bad(PAGE.format("ru", "<p>Лён дышит，после стирки не садится。</p>")),
        bad(PAGE.format("ru", "<p>Размер：M</p>")),
        bad(PAGE.format("de", "<p>Schnelle Lieferung！Danke</p>"), "de-DE"),
        bad(PAGE.format("en", "<p>Cotton（100%）</p>"), "en-US"),
        good(PAGE.format("ru", "<p>Лён дышит, после стирки не садится.</p>")),
        good(PAGE.format("ru", '<a href="/s">卖家中心：入驻</a>')),
        good(
            PAGE.format(
                "ja", "<p>カートに入れる（送料無料）。iPhone（アイフォン）</p>"
            ),
            "ja-JP",
        ),
        good(PAGE.format("zh", "<p>加入购物车，满299元包邮！</p>"), "zh-CN"),
        good(PAGE.format("zh", "<p>Rating：4.5</p>"), "zh-CN"),
    )
    references = (
        "https://www.w3.org/TR/clreq/#punctuation_marks",
        "https://en.wikipedia.org/wiki/Halfwidth_and_Fullwidth_Forms_(Unicode_block)",
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Judge the page unless full-width marks are the market's own."""
        if ctx.market is None or ctx.market.language not in _CJK_LANGUAGES:
            yield from super().check(ctx)

    @staticmethod
    def candidate(text: str) -> bool:
        """Only text with a full-width mark."""
        return not text.isascii() and _MARKS.search(text) is not None

    def spots(self, ctx: PageContext, segment: Segment) -> Iterator[Spot]:
        """Yield each full-width mark that sits in Latin or Cyrillic text."""
        language = ctx.market.language if ctx.market else ""
        for excerpt, mark, fixed in full_width_marks(segment.text, language):
            half = _HALF[mark][1]
            yield Spot(
                excerpt,
                f'Full-width "{mark}" (U+{ord(mark):04X}) in Latin or Cyrillic '
                f'text; write "{half}".',
                Confidence.HIGH,
                expected=(("mark", half),),
                found=(("mark", mark),),
                suggestion=fixed,
            )
