"""Stripping a page's own terms from all its texts at once."""

from __future__ import annotations

import random

import pytest

from loccheck.nlp.mask import (
    _fold,
    _term_pattern,
    _term_spans,
    _terms_pattern,
    strip_terms,
    strip_terms_each,
)

TERMS = frozenset({"Ладья", "Nord Star", "Анна К.", "x"})
TEXTS = [
    "Сумка Ладья из кожи",
    "Ладья",
    "nord star — новая коллекция",
    "Отзыв: Анна К. пишет",
    "ladya@ladya-shop.ru и Ладья.рф",
    "",
    "Ладья\x00Ладья",  # a text holding the separator itself
    "Nord Star\nNord Star",
]


def test_each_text_is_stripped_as_on_its_own() -> None:
    assert strip_terms_each(TEXTS, TERMS) == [strip_terms(t, TERMS) for t in TEXTS]


def test_a_term_at_a_text_edge_does_not_reach_into_the_next_text() -> None:
    texts = ["купить Ладья", "Ладья", "Star", "Nord", "Star nord"]
    assert strip_terms_each(texts, TERMS) == [strip_terms(t, TERMS) for t in texts]


def test_random_texts_agree_with_one_at_a_time() -> None:
    rng = random.Random(7)
    pieces = ["Ладья", "Nord", "Star", "Анна", "К.", " ", "-", "@", ".", "x", "й"]
    for _ in range(300):
        texts = [
            "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
            for _ in range(rng.randint(1, 6))
        ]
        expected = [strip_terms(t, TERMS) for t in texts]
        assert strip_terms_each(texts, TERMS) == expected, texts


def test_no_terms_leaves_texts_alone() -> None:
    assert strip_terms_each(["a", "Ладья"], frozenset()) == ["a", "Ладья"]


def test_texts_without_a_term_come_back_as_the_same_objects() -> None:
    texts = ["".join(["купить ", "сумку"]), "Сумка Ладья", "y"]
    stripped = strip_terms_each(texts, TERMS)
    assert stripped[0] is texts[0] and stripped[2] is texts[2]
    assert stripped[1] == "Сумка  "


def _with_every_term(text: str, terms: frozenset[str]) -> str:
    """The terms pattern of all ``terms``, with no pre-selection."""
    pattern = _terms_pattern(terms)
    return pattern.sub(" ", text) if pattern is not None else text


def test_only_terms_that_occur_are_compiled_and_the_result_is_the_same() -> None:
    # Case pairs that re's IGNORECASE joins (s/ſ, k/K-sign, i/İ), overlapping
    # terms and look-around neighbours.
    rng = random.Random(11)
    alphabet = [*"abskKıiİſ-.@ лЛжЖвᲀσςΣ«»'", "Анна К.", "Lumi", "LUMI", "lum"]
    for _ in range(3000):
        terms = frozenset(
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 4)))
            for _ in range(rng.randint(0, 5))
        )
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        assert strip_terms(text, terms) == _with_every_term(text, terms), (text, terms)
        for term in (t for t in terms if t.strip()):
            found = [m.span() for m in _term_pattern(term).finditer(text)]
            assert list(_term_spans(term, text, _fold(text))) == found, (term, text)
            assert list(_term_spans(term, text, None)) == found, (term, text)
        assert strip_terms_each([text, text], terms) == [strip_terms(text, terms)] * 2


def test_pages_with_their_own_reviewers_compile_no_pattern_of_their_terms() -> None:
    _terms_pattern.cache_clear()
    texts = ["Сумка Ладья", "Отзыв: {} пишет", "Доставка по России"]
    for reviewer in ("Анна К.", "Иван Т.", "Ольга М."):
        page = [t.replace("{}", reviewer) for t in texts]
        stripped = strip_terms_each(page, frozenset({"Ладья", reviewer}))
        assert stripped == ["Сумка  ", "Отзыв:   пишет", "Доставка по России"]
    assert _terms_pattern.cache_info().currsize == 0


def test_overlapping_terms_are_decided_as_one_pattern_decides_them() -> None:
    terms = frozenset({"Nord Star", "Star Bags", "Анна К.", "К. Ладья"})
    texts = ("Nord Star Bags", "Star Bags Nord Star", "Анна К. Ладья", "к. ладья")
    for text in (*texts, "К. К. К. Ладья"):
        assert strip_terms(text, terms) == _with_every_term(text, terms)


def test_without_the_engines_case_table_terms_are_found_by_search(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from loccheck.nlp import mask

    monkeypatch.setattr(mask, "_CASE_CLASSES", None)
    terms = frozenset({"Nord Star", "Star Bags", "Анна К.", "Lumi"})
    for text in ("Nord Star Bags", "ſtar lumi@x.ru LUMI", "Отзыв: анна к. пишет"):
        assert strip_terms(text, terms) == _with_every_term(text, terms)


def test_texts_folded_one_by_one_join_as_their_join_folds() -> None:
    """The fold of the joined texts is the join of each text's fold (a final
    sigma, İ and the rare case pairs at the edges of texts), so the terms
    found in it are those each text holds."""
    rng = random.Random(17)
    alphabet = [*"ΣσςΑαİiıſsKk ̇-.«»жЖ", "ΟΔΟΣ", "Ladya"]
    for _ in range(3000):
        texts = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
            for _ in range(rng.randint(1, 5))
        ]
        assert "\0".join(map(_fold, texts)) == _fold("\0".join(texts)), texts
        terms = frozenset({"σας", "İst", "ſk", "Ladya"})
        assert strip_terms_each(texts, terms) == [strip_terms(t, terms) for t in texts]
