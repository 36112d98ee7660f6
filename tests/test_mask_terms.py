"""Stripping a page's own terms from all its texts at once."""

from __future__ import annotations

import random

from loccheck.nlp.mask import strip_terms, strip_terms_each

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
