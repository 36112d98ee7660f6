"""Kind ``pattern``: a regular expression with named groups and conditions.

Keys: ``pattern`` (Python regex syntax; inline flags such as ``(?i)``),
``conditions`` (a list of ``{group, in, not_in, matches, not_matches}``: a
match counts only when each named group passes; ``in``/``not_in`` compare
case-insensitively, ``matches``/``not_matches`` are regexes searched in the
group). Named groups can be used in ``message`` and ``suggestion``
(``{unit}``); ``{match}`` is the whole match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from loccheck.checks.pagememo import joined_text
from loccheck.declarative.kinds import Hit
from loccheck.declarative.spec import RuleFileError, RuleSpec
from loccheck.markets import Market
from loccheck.page import Page


@dataclass(frozen=True, slots=True)
class Condition:
    """A test on one named group of a match."""

    group: str
    within: frozenset[str] | None
    outside: frozenset[str]
    matches: re.Pattern[str] | None
    not_matches: re.Pattern[str] | None

    def passes(self, value: str | None) -> bool:
        """True when the group's value satisfies every part of the condition."""
        text = value or ""
        folded = text.casefold()
        if self.within is not None and folded not in self.within:
            return False
        if folded in self.outside:
            return False
        if self.matches is not None and not self.matches.search(text):
            return False
        return not (self.not_matches is not None and self.not_matches.search(text))


@dataclass(frozen=True)
class Pattern:
    """The compiled regex and conditions of one rule."""

    regex: re.Pattern[str]
    conditions: tuple[Condition, ...]
    suggestion: str | None
    page_test: bool  # no anchors: the joined page text can rule a page out

    def may_occur(self, page: Page, market: Market) -> bool:
        """False when the pattern matches nowhere in the page's joined texts.

        A match inside a segment is also a match in the texts joined by
        newlines, unless the pattern anchors to a string's start or end.
        """
        if not self.page_test:
            return True
        return self.regex.search(joined_text(page, market)) is not None

    def find(self, text: str, market: Market) -> Iterator[Hit]:
        """Yield each match whose groups pass the conditions."""
        for found in self.regex.finditer(text):
            groups = found.groupdict()
            if all(c.passes(groups.get(c.group)) for c in self.conditions):
                fields = {k: v or "" for k, v in groups.items()}
                suggestion = (
                    self.suggestion.format_map({**fields, "match": found.group()})
                    if self.suggestion
                    else None
                )
                yield Hit(found.start(), found.end(), found.group(), suggestion, fields)


def _compile(spec: RuleSpec, key: str, source: str) -> re.Pattern[str]:
    try:
        return re.compile(source)
    except re.error as exc:
        raise RuleFileError(
            f'{spec.source}: key "{key}": invalid regular expression: {exc}'
        ) from exc


def _condition(spec: RuleSpec, index: int, item: Mapping[str, Any]) -> Condition:
    where = f"conditions[{index}]"

    def regex(name: str) -> re.Pattern[str] | None:
        source = item.get(name)
        return _compile(spec, f"{where}.{name}", source) if source else None

    within = item.get("in")
    return Condition(
        group=item["group"],
        within=frozenset(v.casefold() for v in within) if within is not None else None,
        outside=frozenset(v.casefold() for v in item.get("not_in", ())),
        matches=regex("matches"),
        not_matches=regex("not_matches"),
    )


def build(spec: RuleSpec) -> Pattern:
    """Compile a ``pattern`` rule; unknown group names are errors."""
    regex = _compile(spec, "pattern", spec.body["pattern"])
    conditions = tuple(
        _condition(spec, i, item)
        for i, item in enumerate(spec.body.get("conditions", ()))
    )
    for index, condition in enumerate(conditions):
        if condition.group not in regex.groupindex:
            raise RuleFileError(
                f'{spec.source}: key "conditions[{index}].group": '
                f'"{condition.group}" is not a named group of the pattern'
            )
    anchored = re.search(r"(?<!\\)[$^]|\\[AZ]", regex.pattern) is not None
    return Pattern(regex, conditions, spec.suggestion, not anchored)


def group_names(spec: RuleSpec) -> frozenset[str]:
    """The named groups a message or suggestion of this rule may use."""
    try:
        return frozenset(re.compile(spec.body["pattern"]).groupindex)
    except re.error:
        return frozenset()
