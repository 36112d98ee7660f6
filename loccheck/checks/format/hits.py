"""What the format detectors report about one text."""

from __future__ import annotations

from typing import NamedTuple


class Hit(NamedTuple):
    """One foreign format found in a text; the rule turns it into a finding."""

    text: str  # the offending excerpt, as written
    start: int  # its offset in the text
    message: str
    expected: tuple[tuple[str, str], ...]
    found: tuple[tuple[str, str], ...]
    suggestion: str | None
    sure: bool  # high confidence (else medium)
