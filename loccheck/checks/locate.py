"""Find where an excerpt of page text is written in the page's source."""

from __future__ import annotations

import re
from functools import lru_cache

from loccheck.page import Page

__all__ = ["locate", "locate_pattern"]

# How a space of the text may be written in HTML: collapsed whitespace, a
# no-break space as a character or as an entity.
_SPACE = (
    r"(?:[ \t\r\n\u00a0\u202f\u2009]|&nbsp;|&#160;|&#x0*a0;|&#8239;|&#x202f;"
    r"|&thinsp;|&#8201;|&#x2009;)+"
)
# A non-ASCII character may be written as a character reference ("&euro;").
_ENTITY = r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);"
_WINDOW = 20000


@lru_cache(maxsize=4096)
def _pattern(text: str) -> re.Pattern[str]:
    parts: list[str] = []
    for char in text:
        if char.isspace():
            if not parts or parts[-1] != _SPACE:
                parts.append(_SPACE)
        elif char == "&":
            parts.append("&(?:amp;)?")
        elif not char.isascii():
            parts.append(f"(?:{re.escape(char)}|{_ENTITY})")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.IGNORECASE)


def locate(page: Page, line: int, text: str) -> tuple[int, int | None]:
    """Return the line and column of ``text`` at or after ``line``.

    Unlike ``Page.position`` it matches no-break spaces written as entities
    ("2&nbsp;490&nbsp;₽") and symbols written as references ("&euro;").
    """
    found = locate_pattern(page, line, _pattern(text))
    return found if found is not None else page.position(line, text)


def locate_pattern(
    page: Page, line: int, pattern: re.Pattern[str]
) -> tuple[int, int] | None:
    """Line and column of ``pattern`` at or after ``line``.

    The position is that of the first group that took part in the match, or of
    the whole match when no group did.
    """
    start = page.offset_of_line(line)
    match = pattern.search(page.source, start, start + _WINDOW)
    if match is None:
        return None
    groups = (match.start(i) for i in range(1, pattern.groups + 1))
    return page.line_col(next((g for g in groups if g >= 0), match.start()))
