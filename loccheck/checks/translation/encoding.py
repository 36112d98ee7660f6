"""Text decoded with the wrong code page (mojibake): detection and repair."""

from __future__ import annotations

import re
from functools import lru_cache

import ftfy
import ftfy.bad_codecs  # registers the "sloppy-windows-125x" codecs

from loccheck.memo import REPEATED_TEXTS
from loccheck.model import Confidence
from loccheck.nlp.scripts import script_of

__all__ = ["mojibake"]

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
# lead character and one to three continuation characters (bytes 0x80-0xBF;
# latin-1 reads 0x80-0x9F as C1 controls).
_CONT_1252 = re.escape(bytes(range(0x80, 0xC0)).decode("sloppy-windows-1252"))
_CONT_1251 = re.escape(bytes(range(0x80, 0xC0)).decode("sloppy-windows-1251"))
# windows-1251 leads: В-Я (0xC2-0xDF, two bytes), а-п (three), р-ф (four).
_SEQ_1251 = rf"[В-Я][{_CONT_1251}]|[а-п][{_CONT_1251}]{{2}}|[р-ф][{_CONT_1251}]{{3}}"
# The cheap test: a Latin-1 lead before a continuation, two windows-1251
# sequences in a row (one alone is common in clean text: "«ТОВАР»" has "Р»"),
# or one inside a Latin word ("QualitГ©").
_SUSPECT = re.compile(
    rf"[\u00c2-\u00f4][{_CONT_1252}\x80-\x9f]|(?:{_SEQ_1251})(?:{_SEQ_1251})"
    rf"|[A-Za-z](?:{_SEQ_1251})|(?:{_SEQ_1251})[A-Za-z]"
)
# A windows-1251 stretch: sequences, with ASCII (spaces, digits) between them.
_RUN_1251 = re.compile(rf"(?:{_SEQ_1251})(?:[ -~]*(?:{_SEQ_1251}))*")
# Punctuation a repaired stretch may hold besides letters (CJK included).
_PUNCTUATION = re.compile("[\u00a0«»°·•©®™–—‘’‚“”„…№€₽\u3000-\u303f\uff01-\uff65]")
# Letters in everyday use: Latin-1 and Latin Extended-A, modern Greek and
# Cyrillic, Hebrew, Arabic, kana, CJK ideographs, Hangul. Archaic letters
# ("Ѳ", U+0472) are what chance pairs in clean text decode to.
_COMMON_LETTER = re.compile(
    "[\u00c0-\u017f\u0386-\u03ce\u0400-\u045f\u0490-\u04ff\u05d0-\u05ea"
    "\u0620-\u064a\u0671-\u06d3\u3041-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)


def _plausible(decoded: str) -> bool:
    """True if the repaired stretch is letters of one script and punctuation.

    Chance pairs in clean text decode to symbols or to letters of unrelated
    scripts: "НОВІШІ" would give "²ز" (a superscript and an Arabic letter).
    """
    scripts = set()
    for char in decoded:
        if char.isascii() or _PUNCTUATION.match(char):
            continue
        script = script_of(char)
        if not _COMMON_LETTER.match(char) or script == "Zyyy":
            return False
        scripts.add("CJK" if script in ("Hani", "Kana") else script)
    return len(scripts) == 1


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


def _in_latin_word(text: str, start: int, end: int) -> bool:
    """True if ``text[start:end]`` touches an ASCII letter ("QualitГ©")."""
    edges = text[start - 1 : start] + text[end : end + 1]
    return any(char.isascii() and char.isalpha() for char in edges)


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
        if not _plausible(decoded):
            continue
        if found < 2 and not _in_latin_word(text, match.start(), match.end()):
            continue
        pieces += (text[last : match.start()], decoded)
        last = match.end()
        sequences += found
    if not sequences:
        return None
    return "".join((*pieces, text[last:])), sequences


@lru_cache(maxsize=REPEATED_TEXTS)
def mojibake(text: str) -> tuple[str, str, str, Confidence] | None:
    """Return (excerpt, repaired excerpt, code page, confidence), or None.

    windows-1251 stretches are undone first, then ftfy repairs what is left
    (it may leave a windows-1251 stretch half done when it repairs another).
    """
    if _SUSPECT.search(text) is None:
        return None
    fixed, codec, confidence = text, "", Confidence.MEDIUM
    by_1251 = _repaired_1251(text)
    if by_1251 is not None:
        fixed, sequences = by_1251
        codec = "sloppy-windows-1251"
        if sequences >= 3:
            confidence = Confidence.HIGH
    by_ftfy = _repaired_by_ftfy(fixed)
    if by_ftfy is not None:
        fixed, codec = by_ftfy[0], codec or by_ftfy[1]
        confidence = Confidence.HIGH
    if fixed == text:
        return None
    return (*_excerpt(text, fixed), codec, confidence)
