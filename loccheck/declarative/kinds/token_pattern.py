"""Kind ``token-pattern``: spaCy ``Matcher`` patterns on the language's tokens.

Keys: ``patterns`` (a list of spaCy token patterns, each a list of token
dicts). Only lexical attributes are allowed, because the rule runs on the
language's *blank* spaCy pipeline (a tokenizer and lexical attributes, no
trained model): ``ORTH``/``TEXT``, ``LOWER``, ``NORM``, ``LENGTH``,
``SHAPE``, ``PREFIX``, ``SUFFIX``, ``IS_*`` flags (``IS_UPPER``,
``IS_CURRENCY``, …), ``LIKE_NUM``, ``LIKE_URL``, ``LIKE_EMAIL`` and ``OP``.
``markets`` is required: it names the languages whose tokenizers the rule
runs on.

spaCy is imported, and each language's pipeline built, only when a page of
that language meets such a rule. A segment is tokenised only if it contains
what some pattern's literal words or ``REGEX`` values require (when every
pattern has one), so most segments never reach spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from loccheck.checks.pagememo import folded_text
from loccheck.declarative.kinds import Hit
from loccheck.declarative.spec import RuleFileError, RuleSpec
from loccheck.markets import Market
from loccheck.page import Page

_ATTRIBUTES = frozenset(
    {
        "ORTH",
        "TEXT",
        "LOWER",
        "NORM",
        "LENGTH",
        "SHAPE",
        "PREFIX",
        "SUFFIX",
        "IS_ALPHA",
        "IS_ASCII",
        "IS_DIGIT",
        "IS_LOWER",
        "IS_UPPER",
        "IS_TITLE",
        "IS_PUNCT",
        "IS_SPACE",
        "IS_STOP",
        "IS_BRACKET",
        "IS_QUOTE",
        "IS_LEFT_PUNCT",
        "IS_RIGHT_PUNCT",
        "IS_CURRENCY",
        "LIKE_NUM",
        "LIKE_URL",
        "LIKE_EMAIL",
        "OP",
    }
)
_LITERAL = ("LOWER", "ORTH", "TEXT", "NORM")


@lru_cache(maxsize=64)
def blank_pipeline(language: str) -> Any:
    """The blank spaCy pipeline of ``language``; None where spaCy has none.

    Some languages' tokenizers need extra packages (Japanese: SudachiPy,
    Korean: MeCab); without them the rule does not run on that language.
    """
    try:
        import spacy

        return spacy.blank(language)
    except Exception:  # ImportError, or spaCy's own error for a missing language
        return None


def _gate(token: Mapping[str, Any]) -> str | None:
    """A regex that a text must contain for ``token`` to match (None: no gate).

    Literal values become escaped alternatives; a ``REGEX`` value is used with
    its ``^``/``$`` anchors dropped (a token matching it implies the text
    contains it). Texts are case-folded before the test, so only lower-case
    attributes give a gate.
    """
    for name in _LITERAL:
        value = token.get(name)
        if isinstance(value, str) and value:
            return re.escape(value.casefold())
        if isinstance(value, Mapping):
            words = value.get("IN")
            if isinstance(words, list) and words and all(words):
                return "|".join(re.escape(str(w).casefold()) for w in words)
            regex = value.get("REGEX")
            if name in ("LOWER", "NORM") and isinstance(regex, str) and regex:
                return regex.removeprefix("^").removesuffix("$")
    return None


def _prefilter(
    patterns: Sequence[Sequence[Mapping[str, Any]]],
) -> re.Pattern[str] | None:
    """A regex a text must match for any pattern to match (None = no test).

    Each pattern contributes the gate of its first gated token; one pattern
    without any gate means every text must be tokenised.
    """
    gates: list[str] = []
    for pattern in patterns:
        gate = next((g for token in pattern if (g := _gate(token))), None)
        if gate is None:
            return None
        gates.append(f"(?:{gate})")
    try:
        return re.compile("|".join(gates))
    except re.error:
        return None


@dataclass
class TokenPattern:
    """The patterns of one rule and, per language, their spaCy matcher."""

    patterns: tuple[tuple[Mapping[str, Any], ...], ...]
    suggestion: str | None
    prefilter: re.Pattern[str] | None
    source: str
    _matchers: dict[str, Any] = field(default_factory=dict)  # per-process cache

    def matcher(self, language: str) -> Any:
        """The spaCy ``Matcher`` for ``language`` (None if spaCy lacks it)."""
        if language not in self._matchers:
            nlp = blank_pipeline(language)
            matcher = None
            if nlp is not None:
                from spacy.matcher import Matcher

                matcher = Matcher(nlp.vocab, validate=True)
                try:
                    matcher.add("rule", [[dict(t) for t in p] for p in self.patterns])
                except Exception as exc:  # spaCy's pattern validation
                    message = " ".join(str(exc).split())
                    raise RuleFileError(
                        f'{self.source}: key "patterns": {message}'
                    ) from exc
            self._matchers[language] = (nlp, matcher)
        return self._matchers[language]

    def may_occur(self, page: Page, market: Market) -> bool:
        """False when no segment of the page can pass the prefilter."""
        if self.prefilter is None:
            return True
        return self.prefilter.search(folded_text(page, market)) is not None

    def find(self, text: str, market: Market) -> Iterator[Hit]:
        """Yield each token span the patterns match (longest, no overlaps)."""
        if self.prefilter is not None and not self.prefilter.search(text.casefold()):
            return
        nlp, matcher = self.matcher(market.language)
        if matcher is None:
            return
        doc = nlp.make_doc(text)
        from spacy.util import filter_spans

        spans = filter_spans([doc[start:end] for _, start, end in matcher(doc)])
        for span in spans:
            suggestion = (
                self.suggestion.format_map({"match": span.text})
                if self.suggestion
                else None
            )
            yield Hit(span.start_char, span.end_char, span.text, suggestion)


def _check_pattern(spec: RuleSpec, index: int, pattern: Sequence[Any]) -> None:
    for position, token in enumerate(pattern):
        where = f'{spec.source}: key "patterns[{index}][{position}]"'
        if not isinstance(token, Mapping):
            raise RuleFileError(f"{where}: a token pattern must be a mapping")
        for name in token:
            if name not in _ATTRIBUTES:
                raise RuleFileError(
                    f"{where}: {name} is not a lexical attribute a blank "
                    f"pipeline has (allowed: {', '.join(sorted(_ATTRIBUTES))})"
                )


def build(spec: RuleSpec) -> TokenPattern:
    """Check a ``token-pattern`` rule's attributes; spaCy compiles it on first use."""
    patterns = spec.body["patterns"]
    for index, pattern in enumerate(patterns):
        _check_pattern(spec, index, pattern)
    return TokenPattern(
        tuple(tuple(p) for p in patterns),
        spec.suggestion,
        _prefilter(patterns),
        spec.source,
    )
