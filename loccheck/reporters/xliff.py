"""Reporter ``xliff``: the flagged strings as an XLIFF 2.0 file for translators.

What goes in: findings about text a shopper reads (every category but markup,
and not the ``markup`` or ``structured-data`` scopes), one ``<unit>`` per
distinct string (normalised text) and market, in page order. A unit's
``<source>`` is the text; ``<target>`` is the suggestion when it replaces the
text (format and currency rules: "7 450,00 ₽" for "₽7,450.00"). Language rules
suggest an action ("Translate into Russian."), which goes into a note, as do
each rule's message and where the string appears. Unit ids are ``s`` + a hash
of the market and normalised text: the same from run to run while the string
exists, wherever it moves.

Languages: XLIFF 2.0 has one ``srcLang`` and one ``trgLang`` per document.

* ``trgLang`` is the market (``ru-RU``). Units are grouped in one ``<file>``
  per market; when a report holds several markets, ``trgLang`` is the market
  with the most units (ties: alphabetical) and every other market's file
  starts with a note naming that market. Scan one market at a time (for
  example ``--exclude`` the other markets' folders) for one clean file each.
* ``srcLang`` is the language most units are written in, as the language
  checks detected it (``found["language"]``). Format and currency findings do
  not say (a price or a date is not in a language) and do not count. When no
  unit says, ``srcLang`` is the target market: the file is then a same-language
  edit list. A unit in another language than ``srcLang`` says so in a note
  (XLIFF 2.0 does not let a ``<source>`` declare another language).
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from typing import ClassVar, TextIO

from loccheck.model import Category, Finding, RunResult, normalise_text
from loccheck.reporters.base import DEFAULT_OPTIONS, ReportOptions
from loccheck.reporters.junit import UNRESOLVED, location, xml_text

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
MAX_LOCATIONS = 20
_NOT_TEXT_SCOPES = frozenset({"markup", "structured-data"})
_REPLACEMENT = frozenset({Category.FORMAT, Category.CURRENCY})
# xs:language, the type XLIFF gives srcLang and trgLang.
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_NMTOKEN_UNSAFE = re.compile(r"[^\w.\-]")


def translatable(finding: Finding) -> bool:
    """True for findings about text a shopper reads."""
    return (
        finding.category is not Category.MARKUP
        and finding.scope not in _NOT_TEXT_SCOPES
        and bool(finding.text.strip())
    )


def unit_id(market: str, text: str) -> str:
    """A stable XML NMTOKEN for one string of one market."""
    key = f"{market}\x1f{normalise_text(text)}".encode()
    return "s" + hashlib.sha256(key).hexdigest()[:20]


class XliffReporter:
    """Flagged strings as XLIFF 2.0 units, with suggestions as targets."""

    name: ClassVar[str] = "xliff"
    extension: ClassVar[str] = ".xlf"

    def render(
        self, result: RunResult, out: TextIO, options: ReportOptions = DEFAULT_OPTIONS
    ) -> None:
        """Write the XLIFF document."""
        units = _units(f for f in result.findings if translatable(f))
        markets = Counter(market for market, _ in units)
        target = _language(_most_common(markets), "und")
        if not units:
            target = _language(_most_common(Counter(_page_markets(result))), "und")
        languages = (_source_language(group) for group in units.values())
        source = _language(_most_common(Counter(filter(None, languages))), target)
        root = ET.Element(
            "xliff", xmlns=NAMESPACE, version="2.0", srcLang=source, trgLang=target
        )
        for market in sorted(markets, key=lambda m: (m != target, m)):
            groups = [(k, g) for k, g in units.items() if k[0] == market]
            root.append(_file(market, groups, source, target))
        if not units:
            root.append(_empty_file())
        ET.indent(root)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(root, encoding="unicode"))
        out.write("\n")


def _units(findings: Iterable[Finding]) -> dict[tuple[str, str], list[Finding]]:
    units: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        key = (finding.locale or UNRESOLVED, normalise_text(finding.text))
        units.setdefault(key, []).append(finding)
    return units


def _page_markets(result: RunResult) -> list[str]:
    return [page.locale for page in result.pages if page.locale]


def _most_common(counts: Counter[str]) -> str | None:
    ranked = sorted(counts.items(), key=lambda c: (-c[1], c[0]))
    return ranked[0][0] if ranked else None


def _language(tag: str | None, default: str) -> str:
    return tag if tag and _LANGUAGE_TAG.fullmatch(tag) else default


def _source_language(group: list[Finding]) -> str | None:
    for finding in group:
        language = finding.found.get("language")
        if isinstance(language, str) and _LANGUAGE_TAG.fullmatch(language):
            return language
    return None


def _file(
    market: str,
    groups: list[tuple[tuple[str, str], list[Finding]]],
    source: str,
    target: str,
) -> ET.Element:
    element = ET.Element("file", id=_NMTOKEN_UNSAFE.sub("_", market) or UNRESOLVED)
    if market != target:
        notes = ET.SubElement(element, "notes")
        _note(notes, "market", f"These strings are for market {market}, not {target}.")
    for _key, group in groups:
        element.append(_unit(market, group, source))
    return element


def _unit(market: str, group: list[Finding], source: str) -> ET.Element:
    first = group[0]
    unit = ET.Element("unit", id=unit_id(market, first.text))
    notes = ET.SubElement(unit, "notes")
    language = _source_language(group)
    if language and language != source:
        _note(notes, "language", f"The source text is in {language}, not {source}.")
    for rule in dict.fromkeys(f.rule for f in group):
        finding = next(f for f in group if f.rule == rule)
        _note(notes, "rule", f"{rule} ({finding.severity.value}): {finding.message}")
        if finding.suggestion and finding.category not in _REPLACEMENT:
            _note(notes, "suggestion", finding.suggestion)
    places = list(dict.fromkeys(f"{f.page}:{location(f)}" for f in group))
    for place in places[:MAX_LOCATIONS]:
        _note(notes, "location", place)
    if len(places) > MAX_LOCATIONS:
        _note(notes, "location", f"… and {len(places) - MAX_LOCATIONS} more")
    segment = ET.SubElement(unit, "segment")
    ET.SubElement(segment, "source").text = xml_text(first.text)
    replacement = next(
        (f.suggestion for f in group if f.suggestion and f.category in _REPLACEMENT),
        None,
    )
    if replacement:
        ET.SubElement(segment, "target").text = xml_text(replacement)
    return unit


def _note(notes: ET.Element, category: str, text: str) -> None:
    ET.SubElement(notes, "note", category=category).text = xml_text(text)


def _empty_file() -> ET.Element:
    element = ET.Element("file", id="empty")
    notes = ET.SubElement(element, "notes")
    _note(notes, "summary", "No flagged text to translate.")
    ET.SubElement(element, "group", id="empty")
    return element
