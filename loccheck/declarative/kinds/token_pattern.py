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
one of the literal words of the patterns (when every pattern has one), so
most segments never reach spaCy.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from loccheck.declarative.kinds import Hit
from loccheck.declarative.spec import RuleFileError, RuleSpec
from loccheck.markets import Market

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


def _literals(token: Mapping[str, Any]) -> list[str] | None:
    for name in _LITERAL:
        value = token.get(name)
        if isinstance(value, str):
            return [value.casefold()]
        if isinstance(value, Mapping) and isinstance(value.get("IN"), list):
            return [str(v).casefold() for v in value["IN"]]
    return None


def _prefilter(patterns: Sequence[Sequence[Mapping[str, Any]]]) -> tuple[str, ...]:
    """Words one of which must be in a text for any pattern to match ("" = none)."""
    words: list[str] = []
    for pattern in patterns:
        literal = next(
            (found for token in pattern if (found := _literals(token))), None
        )
        if literal is None or "" in literal:
            return ()
        words.extend(literal)
    return tuple(sorted(set(words)))


@dataclass
class TokenPattern:
    """The patterns of one rule and, per language, their spaCy matcher."""

    patterns: tuple[tuple[Mapping[str, Any], ...], ...]
    suggestion: str | None
    prefilter: tuple[str, ...]
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

    def find(self, text: str, market: Market) -> Iterator[Hit]:
        """Yield each token span the patterns match (longest, no overlaps)."""
        if self.prefilter:
            folded = text.casefold()
            if not any(word in folded for word in self.prefilter):
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
