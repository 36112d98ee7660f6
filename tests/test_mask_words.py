"""The pattern that finds the words of a text."""

from __future__ import annotations

import random
import re

from loccheck.nlp.mask import _WORD

# The word as first written: a letter, then letters or one joining mark that
# a letter follows.
_LETTER_BY_LETTER = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-.](?=[^\W\d_]))*")


def test_the_word_pattern_finds_the_words_of_the_letter_by_letter_one() -> None:
    rng = random.Random(7)
    alphabet = "aZжЫé'’-._1 ２あ\u0301,«»"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert _WORD.findall(text) == _LETTER_BY_LETTER.findall(text), text
