"""The patterns that find the words of a text, and the numbers and
identifiers that leave it first."""

from __future__ import annotations

import random
import re

from loccheck.nlp.mask import (
    _CJK,
    _IDENTIFIER_HINT,
    _NUMBERS,
    _UNITS,
    _WORD,
    _WORD_OF_DENOISED,
    _blank_number,
    _is_brandlike,
    denoise,
    denoised_words,
    word_count,
)

# The word as first written: a letter, then letters or one joining mark that
# a letter follows.
_LETTER_BY_LETTER = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-.](?=[^\W\d_]))*")


def test_the_word_pattern_finds_the_words_of_the_letter_by_letter_one() -> None:
    rng = random.Random(7)
    alphabet = "aZжЫé'’-._1 ２あ\u0301,«»"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert _WORD.findall(text) == _LETTER_BY_LETTER.findall(text), text


# The patterns of numbers and identifiers as first written.
_NUMBERS_FIRST = re.compile(
    r"(?<=\d)\s?(?:cm|mm|km|kg|mg|ml|lbs?|oz|ft|in|inch|gb|mb|tb|mah|kw|hz|px)\b"
    r"|\S*\d\S*"
)
_IDENTIFIER_HINT_FIRST = re.compile(r"\w[._]\w")


def test_numbers_are_blanked_as_the_first_pattern_blanked_them() -> None:
    rng = random.Random(11)
    pieces = ["1", "٣", "²", " ", "\u00a0", "\n", "c", "m", "cm", "in", "mah", "Ж"]
    pieces += ["-", "/", ".", "_", "x"]
    for _ in range(50000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        expected = _NUMBERS_FIRST.sub(" ", text)
        assert _NUMBERS.sub(_blank_number, text) == expected, text
        hint = _IDENTIFIER_HINT.search(text) is not None
        assert hint == (_IDENTIFIER_HINT_FIRST.search(text) is not None), text


def test_denoised_text_holds_no_digit_and_the_plain_pattern_finds_its_words() -> None:
    rng = random.Random(5)
    alphabet = "aZжЫé'’-.²½1٣ ２あ\u0301,«»x/@:"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20)))
        denoised = denoise(text)
        assert not any(c.isdecimal() for c in denoised), (text, denoised)
        if "_" not in denoised:
            assert _WORD_OF_DENOISED.findall(denoised) == _WORD.findall(denoised)


def _words_first_written(denoised: str) -> list[str]:
    """``denoised_words`` of a text with no CJK, no term and not all in
    capitals, as first written: one comprehension with the brand-like test."""
    return [
        word.lower() if word.isupper() else word
        for word in _WORD.findall(denoised)
        if len(word) > 1 and not _is_brandlike(word)
    ]


def test_prose_words_skip_the_brand_like_test_and_keep_its_answer() -> None:
    rng = random.Random(13)
    pieces = ["a", "b", "Z", "Q", "ж", "Ы", "é", "É", "ß", "ǅ", "'", "-", " ", " ", "в"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        found = _WORD.findall(text)
        if len(found) > 1 and all(w.isupper() for w in found):
            continue  # text in capitals: another branch
        if found and all(w.casefold() in _UNITS for w in found):
            continue  # only units
        assert denoised_words(text) == _words_first_written(text), text


def test_word_count_counts_cjk_runs_as_first_written() -> None:
    rng = random.Random(17)
    pieces = ["カート", "入", "れ", "中", "한", "a", "ж", "ｶ", "ー", "々", "1"]
    for _ in range(20000):
        tokens = [
            "".join(rng.choice(pieces) for _ in range(rng.randint(1, 5)))
            for _ in range(rng.randint(0, 4))
        ]
        expected = 0
        for token in tokens:  # as first written: each CJK character listed
            cjk = len(_CJK.findall(token))
            expected += (cjk + 1) // 2 if cjk else 1
        if not any(_CJK.search(t) for t in tokens):
            expected = len(tokens)
        assert word_count(tokens) == expected, tokens
