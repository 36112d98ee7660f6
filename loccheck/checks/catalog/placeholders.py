"""Find the placeholders of a catalog value: what code fills in at run time.

Syntaxes (one scanner, so ``{{ x }}`` is not also read as ``{x}``):

* Liquid / Twig / Handlebars / Angular: ``{{ x }}``, ``{{x | filter}}``
  (the name is what counts; filters are code and may differ in spacing).
* Rails / Ruby: ``%{x}``; Symfony / Sylius / Shopware: ``%x%``.
* ICU MessageFormat, vue-i18n, .NET, Java: ``{x}``, ``{0}``,
  ``{count, plural, one {…} other {…}}``, ``{gender, select, …}``: the
  argument names count, a select's keys too; a plural's keys are the target
  language's business (``plural-forms``). Placeholders inside the branches
  count as the value's own.
* printf: ``%s``, ``%d``, ``%1$s``, ``%(name)s``, ``%.2f``; i18next
  nesting ``$t(key)``; vue-i18n links ``@:key``; Laravel ``:name``.

Symfony's pipe plurals start each branch with an interval (``{0}``,
``[2,Inf[``): those are not placeholders.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["IcuPlural", "Placeholder", "mask_placeholders", "placeholders"]

_SIMPLE = re.compile(
    r"""
    (?P<printf>%(?:\d+\$)?[-+0\#]*\d*(?:\.\d+)?(?:l{0,2}|h)[sdifuxXeEgGcpo@](?![A-Za-z]))
    | (?P<pyname>%\([A-Za-z_]\w*\)[sdif])
    | (?P<symfony>%[A-Za-z_][\w.-]*%)
    | (?P<nesting>\$t\([^()]*\))
    | (?P<link>@:[A-Za-z_][\w.-]*)
    | (?P<colon>(?<!\S):[A-Za-z_]\w*)
    """,
    re.VERBOSE,
)
_ARGUMENT = re.compile(r"\s*([A-Za-z_$][\w.$-]*|\d+)\s*(?:,\s*([a-z]+)\s*(?:,|$))?")
_OPTION = re.compile(r"\s*(=?[\w-]+)\s*\{")
_INTERVAL = re.compile(r"(?:^|\|)\s*(\{-?\d+(?:,-?\d+)*\}|[\[\]][^\[\]|]*[\[\]])")
_PERCENT_WORD = re.compile(r"\d\s?%")
_NAME = re.compile(r"[A-Za-z_][\w.-]*")


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One placeholder: its normalised form and where it is in the value."""

    name: str  # "{{x}}", "%{x}", "{x}", "{x, select: a b}", "%s", "%1$s"
    start: int
    end: int
    icu: bool = False  # an ICU plural or select: its branches hold text


@dataclass(frozen=True, slots=True)
class IcuPlural:
    """An ICU plural argument: its name and the keys of its branches."""

    name: str
    keys: tuple[str, ...]
    ordinal: bool


@dataclass(frozen=True, slots=True)
class Parsed:
    """The placeholders and ICU plurals of one value."""

    placeholders: tuple[Placeholder, ...]
    plurals: tuple[IcuPlural, ...]

    def names(self) -> Counter[str]:
        """How many times each placeholder occurs."""
        return Counter(p.name for p in self.placeholders)


def _matching(text: str, start: int) -> int:
    """Index of the brace closing the one at ``start``, or -1."""
    depth = 0
    for index in range(start, len(text)):
        char = text[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _icu(
    text: str, start: int, end: int, found: list[Placeholder], plurals: list[IcuPlural]
) -> bool:
    """Read the ICU argument ``text[start:end+1]``; False if it is not one."""
    inner = text[start + 1 : end]
    match = _ARGUMENT.match(inner)
    if match is None:
        return False
    name, kind = match[1], match[2]
    if kind is None:
        if inner[match.end() :].strip():
            return False
        found.append(Placeholder("{" + name + "}", start, end + 1))
        return True
    rest_at = start + 1 + match.end()
    keys = _branches(text, rest_at, end, found, plurals)
    if kind in ("plural", "selectordinal"):
        plurals.append(IcuPlural(name, tuple(keys), kind == "selectordinal"))
        # A language with one form ("{count} سال پیش") may drop the plural:
        # the argument is what the code fills in.
        found.append(Placeholder("{" + name + "}", start, end + 1, icu=True))
    elif kind == "select":
        label = "{" + name + ", select: " + " ".join(sorted(keys)) + "}"
        found.append(Placeholder(label, start, end + 1, icu=True))
    else:  # number, date, time, …: the argument is what counts
        found.append(Placeholder("{" + name + "}", start, end + 1))
    return True


def _branches(
    text: str, at: int, end: int, found: list[Placeholder], plurals: list[IcuPlural]
) -> list[str]:
    """Parse ``key {message} key {message}`` up to ``end``; return the keys."""
    keys: list[str] = []
    while at < end:
        option = _OPTION.match(text, at, end)
        if option is None:
            if text[at:end].strip().startswith("offset:"):
                at = text.find(" ", text.find("offset:", at)) + 1 or end
                continue
            break
        close = _matching(text, option.end() - 1)
        if close < 0 or close > end:
            break
        keys.append(option[1])
        _scan(text, option.end(), close, found, plurals)
        at = close + 1
    return keys


def _scan(
    text: str, begin: int, stop: int, found: list[Placeholder], plurals: list[IcuPlural]
) -> None:
    index = begin
    while index < stop:
        brace = text.find("{", index, stop)
        chunk_end = brace if brace >= 0 else stop
        _simple(text, index, chunk_end, found)
        if brace < 0:
            return
        if brace > begin and text[brace - 1] == "%":  # Rails %{x}
            close = text.find("}", brace, stop)
            name = text[brace + 1 : close].strip() if close >= 0 else ""
            if name and _NAME.fullmatch(name):
                found.append(Placeholder("%{" + name + "}", brace - 1, close + 1))
                index = close + 1
                continue
        if text.startswith("{{", brace):
            close = text.find("}}", brace + 2, stop)
            if close >= 0:
                name = text[brace + 2 : close].split("|", 1)[0].strip()
                if name:
                    found.append(Placeholder("{{" + name + "}}", brace, close + 2))
                index = close + 2
                continue
        close = _matching(text, brace)
        if 0 <= close < stop and _icu(text, brace, close, found, plurals):
            index = close + 1
        else:
            index = brace + 1


def _simple(text: str, begin: int, stop: int, found: list[Placeholder]) -> None:
    for match in _SIMPLE.finditer(text, begin, stop):
        name = match.group()
        if match.lastgroup == "printf" and _PERCENT_WORD.search(
            text, max(0, match.start() - 2), match.start() + 1
        ):
            continue  # "50 % de remise": a percentage, not a conversion
        found.append(Placeholder(name, match.start(), match.end()))


@lru_cache(maxsize=8192)
def placeholders(value: str) -> Parsed:
    """Return the placeholders (and ICU plurals) of a catalog value."""
    if not any(c in value for c in "{%$@:"):
        return Parsed((), ())
    found: list[Placeholder] = []
    plurals: list[IcuPlural] = []
    # Symfony pipe plurals: the interval markers are not placeholders.
    text = _blank_intervals(value) if "|" in value else value
    _scan(text, 0, len(text), found, plurals)
    found.sort(key=lambda p: p.start)
    return Parsed(tuple(found), tuple(plurals))


def mask_placeholders(value: str) -> str:
    """``value`` with each placeholder replaced by "0" and spaces (same length).

    A digit keeps the words around a placeholder apart ("{n} товар {n} товар"
    is no doubled word) and every check ignores numbers. ICU plural and
    select branches keep their text, separated by "|", so that language and
    artefact checks still read it; Symfony's plural intervals are blanked.
    """
    parsed = placeholders(value)
    text = _blank_intervals(value) if "|" in value else value
    if not parsed.placeholders:
        return text
    chars = list(text)
    for item in parsed.placeholders:
        if item.icu:
            _blank_icu_syntax(value, item, chars)
        else:
            chars[item.start : item.end] = "0" + " " * (item.end - item.start - 1)
    return "".join(chars)


def _blank_intervals(value: str) -> str:
    return _INTERVAL.sub(lambda m: m.group().replace(m[1], " " * len(m[1])), value)


def _blank_icu_syntax(value: str, item: Placeholder, chars: list[str]) -> None:
    """Blank an ICU select/plural's name and keys, keeping its branch texts."""
    depth = 0
    for index in range(item.start, item.end):
        char = value[index]
        if char == "{":
            depth += 1
            chars[index] = "|" if depth == 2 else " "
        elif char == "}":
            depth -= 1
            chars[index] = " "
        elif depth % 2 == 1 or char == "#":
            chars[index] = " "  # argument name, type, keys, "#"
