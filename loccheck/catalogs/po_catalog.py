"""gettext PO and POT catalogs, read with polib."""

from __future__ import annotations

import codecs
import re
from dataclasses import replace

from babel.messages.plurals import get_plural

from loccheck.catalogs._polib import PoMessage, PoSyntaxError, parse_po
from loccheck.catalogs.base import LoadContext, Parsed
from loccheck.catalogs.languages import normalise_tag, same_language
from loccheck.catalogs.model import CatalogEntry, CatalogError
from loccheck.catalogs.plurals import gettext_categories
from loccheck.catalogs.textio import decode_strict, read_bytes

__all__ = ["load_po"]

_CHARSET = re.compile(rb"Content-Type:[^\"\n]*charset=([\w.:-]+)", re.IGNORECASE)
_MSGSTR = re.compile(r"\s*msgstr(?:\[(\d+)\])?\s*\"")
# A keyword line or a continuation line: one complete C string. polib
# accepts some broken ones silently ('msgid "a' loses the entry).
_KEYWORD_LINE = re.compile(
    r"(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)?\s*\"(?:[^\"\\]|\\.)*\"\s*"
)
_KEYWORD_START = re.compile(r"msgctxt|msgid|msgstr|\"")


def load_po(context: LoadContext) -> Parsed:
    """Load a PO file (a translation) or a POT file (the source template).

    The encoding is the header's ``charset`` (UTF-8 when absent or the POT
    placeholder ``CHARSET``). The language is the ``Language:`` header, else
    the path. ``msgstr[n]`` forms get their CLDR category from the file's
    ``Plural-Forms`` header checked against Babel's CLDR rule for the
    language (see :func:`plurals.gettext_categories`); without the header,
    the CLDR rule alone. A POT template's entries have the msgid as their
    value (and the msgid_plural as the "other" form).

    Raises:
        CatalogError: Bad bytes for the charset, or a PO syntax error.
    """
    data = read_bytes(context.path, context.name)
    encoding = _charset(data)
    text = decode_strict(data, context.name, encoding)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    _check_strings(lines, context.name)
    try:
        po = parse_po(str(context.path), encoding)
    except PoSyntaxError as error:
        raise CatalogError(context.name, error.problem, error.line) from None
    except (UnicodeError, ValueError, LookupError) as error:
        raise CatalogError(context.name, f"cannot read: {error}") from None
    is_template = context.path.suffix.lower() == ".pot"
    parsed = Parsed("po", [], is_source=True if is_template else None)
    _set_language(parsed, po.metadata, context, is_template)
    parsed.source_language = normalise_tag(po.metadata.get("X-Source-Language", ""))
    categories = _categories(parsed, po.metadata.get("Plural-Forms"), is_template)
    for message in po.messages:
        positions = _msgstr_positions(lines, message.linenum)
        parsed.entries.extend(
            _entries(message, positions, categories, is_template=is_template)
        )
    return parsed


def _check_strings(lines: list[str], name: str) -> None:
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if _KEYWORD_START.match(text) and not _KEYWORD_LINE.fullmatch(text):
            raise CatalogError(
                name, "malformed string (a quote missing or not escaped)", number
            )


def _charset(data: bytes) -> str:
    found = _CHARSET.search(data, 0, 8192)
    if found is None:
        return "utf-8"
    label = found[1].decode("ascii", "replace")
    try:
        return codecs.lookup(label).name
    except LookupError:  # "CHARSET" in a fresh template
        return "utf-8"


def _set_language(
    parsed: Parsed, metadata: dict[str, str], context: LoadContext, template: bool
) -> None:
    header = metadata.get("Language", "").strip()
    tag = normalise_tag(header) if header else None
    if header and tag is None:
        parsed.warnings.append(f'unknown language in the header: "Language: {header}"')
    if tag is not None:
        parsed.language, parsed.language_source = tag, "header"
        if context.language and not same_language(tag, context.language):
            raw = context.path_language.raw if context.path_language else ""
            parsed.warnings.append(
                f'the path says "{raw}" but the header says "Language: {header}"; '
                "the header wins"
            )
    elif template and context.source_locale:
        parsed.language, parsed.language_source = context.source_locale, "option"


def _categories(
    parsed: Parsed, header: str | None, template: bool
) -> tuple[str | None, ...]:
    language = parsed.language
    if template:
        # xgettext's templates hold the English-style singular and plural.
        return ("one", "other")
    if not header and language:
        plural = get_plural(language.replace("-", "_"))
        header = f"nplurals={plural.num_plurals}; plural={plural.plural_expr};"
        parsed.warnings.append(f"no Plural-Forms header; CLDR's is used ({header})")
    parsed.plural_forms = header
    if not header:
        return ()
    categories, problem = gettext_categories(header, language)
    if problem:
        parsed.warnings.append(problem)
    return categories


def _msgstr_positions(lines: list[str], start: int) -> dict[int, tuple[int, int]]:
    """Return {form index: (line, column of the opening quote)} of an entry."""
    positions: dict[int, tuple[int, int]] = {}
    for number in range(max(start, 1), len(lines) + 1):
        text = lines[number - 1]
        found = _MSGSTR.match(text)
        if found:
            positions[int(found[1] or 0)] = (number, found.end())
        elif positions and not text.lstrip().startswith('"'):
            break
    return positions


def _entries(
    message: PoMessage,
    positions: dict[int, tuple[int, int]],
    categories: tuple[str | None, ...],
    *,
    is_template: bool,
) -> list[CatalogEntry]:
    if message.msgid_plural is None:
        value = message.msgid if is_template else message.msgstr
        if message.msgstr_plural and not value:  # msgstr[0] without msgid_plural
            value = message.msgstr_plural.get(0, "")
        source = None if is_template else message.msgid
        return [_entry(message, value, positions.get(0), source, is_template)]
    entries = []
    forms = message.msgstr_plural or {0: "", 1: ""}
    for index in sorted(forms):
        category = categories[index] if index < len(categories) else None
        singular = category == "one" or (category is None and index == 0)
        source = message.msgid if singular else message.msgid_plural
        value = source if is_template else forms[index]
        position = positions.get(index)
        entry = _entry(message, value, position, source, is_template)
        entries.append(
            replace(
                entry,
                source=None if is_template else source,
                plural=category,
                plural_index=index,
                base_key=message.msgid,
            )
        )
    return entries


def _entry(
    message: PoMessage,
    value: str,
    position: tuple[int, int] | None,
    source: str | None,
    template: bool,
) -> CatalogEntry:
    line, column = position or (message.linenum or None, None)
    return CatalogEntry(
        message.msgid,
        value,
        line,
        column,
        source=source,
        context=message.msgctxt,
        comments=tuple(c for c in (message.comment, message.tcomment) if c),
        flags=message.flags,
        state=_state(message, value, template),
    )


def _state(message: PoMessage, value: str, template: bool) -> str | None:
    if template:
        return None
    if "fuzzy" in message.flags:
        return "fuzzy"
    return "untranslated" if not value else None
