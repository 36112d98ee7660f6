"""The script of words: one search for a whole text against the per-word memo."""

from __future__ import annotations

import random
import re

import pytest

from loccheck.nlp.scripts import _RANGES, all_of_script, script_of, token_scripts

_WORDS = re.compile(r"\w+(?:['’\-.]\w+)*")
# Letters of several scripts, and word characters that are no letters: digits
# (ASCII, Arabic-Indic, Bengali), "_", "²", "ª" and "µ" (letters no range has),
# Khmer and Bengali symbols that count as word characters.
_ALPHABET = "aZéßǅжЫҐѣᲀαΩשابক中あ٣১1_²ªµ\u17f0\u09f4\u0301'-. "


def _word_character_not_letter(char: str) -> bool:
    """Digits, "_", "²"; and letters no script range has ("ª", "µ")."""
    if not (char.isalnum() or char == "_"):
        return False
    return not char.isalpha() or script_of(char) == "Zyyy"


@pytest.mark.parametrize("script", sorted({r[2] for r in _RANGES}))
def test_all_of_script_agrees_with_each_word_s_scripts(script: str) -> None:
    rng = random.Random(script)
    letters = [
        chr(p)
        for start, end, owner in _RANGES
        if owner == script
        for p in range(start, min(end, start + 400) + 1)
        if chr(p).isalpha()
    ]
    pool = _ALPHABET + "".join(rng.sample(letters, min(40, len(letters))))
    agreed = 0
    for _ in range(4000):
        text = "".join(
            rng.choice(letters) if rng.random() < 0.7 else rng.choice(pool)
            for _ in range(rng.randint(1, 16))
        )
        words = _WORDS.findall(text)
        if not words:
            continue
        expected = all(token_scripts(w) == {script} for w in words)
        found = all_of_script(words, script)
        if found:
            assert expected, words  # never a word in another script
        if not any(_word_character_not_letter(c) for c in text):
            assert found == expected, words  # words of letters: the same answer
        agreed += found
    assert agreed > 100  # many texts are all in the script
