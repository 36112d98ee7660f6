"""Read, validate and compile YAML rule files into ``Check`` classes."""

from __future__ import annotations

import html
import json
import string
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from loccheck.declarative.kinds import COMMON_FIELDS, builders
from loccheck.declarative.kinds import pattern as pattern_kind
from loccheck.declarative.rule import DeclarativeRule, examples_of
from loccheck.declarative.spec import RuleFileError, RuleSpec, expand_scope
from loccheck.markets import UnknownLocaleError, load_market
from loccheck.model import Category, Severity
from loccheck.resources import data_dir, safe_load

# Template names each kind adds to the common ones.
_KIND_FIELDS = {
    "existence": frozenset(),
    "substitution": frozenset({"reason", "use"}),
    "pattern": frozenset(),
    "token-pattern": frozenset(),
    "attribute": frozenset({"value", "expected", "attribute"}),
}
_SUFFIXES = (".yaml", ".yml")


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema_file = Path(__file__).resolve().parent.parent / "schemas"
    schema = json.loads((schema_file / "rule.schema.json").read_text("utf-8"))
    return Draft202012Validator(schema)


def _where(error: ValidationError) -> str:
    parts: list[str] = []
    for part in error.absolute_path:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts) or "(top level)"


def _problem(error: ValidationError) -> str:
    if error.validator == "additionalProperties":
        return f"unknown key ({str(error.message).split('(')[-1].rstrip(')')})"
    if error.validator == "required":
        return str(error.message).replace("is a required property", "is required")
    return str(error.message)


def _first_error(data: Any) -> ValidationError | None:
    errors = sorted(
        _validator().iter_errors(data),
        key=lambda e: (len(list(e.absolute_path)), str(list(e.absolute_path))),
    )
    # The most specific error of the shallowest path explains the most.
    return errors[0] if errors else None


def _example_page(text: str, market: str) -> str:
    if text.lstrip().startswith("<"):
        return text
    lang = market.split("-")[0] or "en"
    return (
        f'<html lang="{html.escape(market or lang)}"><head><meta charset="utf-8">'
        f"</head><body><p>{html.escape(text, quote=False)}</p></body></html>"
    )


def _markets(source: str, data: Mapping[str, Any]) -> tuple[str, ...]:
    """The rule's markets, each a known language or locale ("ru", "de-CH")."""
    found: list[str] = []
    for index, raw in enumerate(data.get("markets", ())):
        tag = str(raw).replace("_", "-")
        try:
            market = load_market(tag)
        except UnknownLocaleError as exc:
            raise RuleFileError(f'{source}: key "markets[{index}]": {exc}') from exc
        found.append(market.language if "-" not in tag else market.id)
    return tuple(found)


def _examples(
    source: str, data: Mapping[str, Any], markets: tuple[str, ...]
) -> tuple[Any, ...]:
    default = load_market(markets[0]).id if markets else "en-US"
    found: list[tuple[bool, str, str]] = []
    for label, is_bad in (("bad", True), ("good", False)):
        for item in data["examples"][label]:
            if isinstance(item, str):
                found.append((is_bad, _example_page(item, default), default))
            else:
                market = item.get("market", default)
                try:
                    market = load_market(market).id if market else ""
                except UnknownLocaleError as exc:
                    raise RuleFileError(f'{source}: key "examples": {exc}') from exc
                found.append((is_bad, _example_page(item["html"], market), market))
    return tuple(found)


def _check_templates(spec: RuleSpec, data: Mapping[str, Any]) -> None:
    allowed = COMMON_FIELDS | _KIND_FIELDS[spec.kind]
    if spec.kind == "pattern":
        allowed |= pattern_kind.group_names(spec)
    for key in ("message", "suggestion"):
        template = data.get(key)
        if not template:
            continue
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(template)}
        except ValueError as exc:
            raise RuleFileError(f'{spec.source}: key "{key}": {exc}') from exc
        unknown = sorted(n for n in names if n is not None and n not in allowed)
        if unknown:
            raise RuleFileError(
                f'{spec.source}: key "{key}": unknown field {{{unknown[0]}}} '
                f"(known: {', '.join(sorted(allowed))})"
            )


def parse_rule(text: str, source: str) -> RuleSpec:
    """Validate one rule file's text and return its spec."""
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleFileError(f"{source}: {where}invalid YAML: {problem}") from exc
    if not isinstance(data, dict):
        raise RuleFileError(f"{source}: a rule file must be a mapping of keys")
    error = _first_error(data)
    if error is not None:
        raise RuleFileError(f'{source}: key "{_where(error)}": {_problem(error)}')
    markets = _markets(source, data)
    body_keys = set(data) - {
        "id", "kind", "category", "severity", "confidence", "message", "summary",
        "why", "suggestion", "references", "scope", "markets", "examples",
    }  # fmt: skip
    spec = RuleSpec(
        id=data["id"],
        kind=data["kind"],
        category=data["category"],
        severity=data["severity"],
        confidence=data.get("confidence", "medium"),
        message=" ".join(data["message"].split()),
        summary=" ".join(data["summary"].split()),
        why=data["why"],
        source=source,
        scope=expand_scope(tuple(data.get("scope", ()))),
        markets=markets,
        suggestion=data.get("suggestion"),
        references=tuple(data.get("references", ())),
        body={key: data[key] for key in body_keys},
        examples=_examples(source, data, markets),
    )
    _check_templates(spec, data)
    return spec


def rule_class(spec: RuleSpec) -> type[DeclarativeRule]:
    """Compile a spec into a ``Check`` class of its own."""
    matcher = builders()[spec.kind](spec)
    name = "".join(part.title() for part in spec.id.split("-")) + "Rule"
    namespace = {
        "__doc__": spec.summary,
        "__module__": __name__,
        "id": spec.id,
        "category": Category(spec.category),
        "severity": Severity(spec.severity),
        "why": spec.why,
        "references": spec.references,
        "spec": spec,
        "matcher": matcher,
    }
    namespace["examples"] = examples_of(spec)
    return type(name, (DeclarativeRule,), namespace)


def _files(folder: Any) -> Iterator[Any]:
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            yield from _files(entry)
        elif entry.name.endswith(_SUFFIXES):
            yield entry


def load_folder(folder: Any, label: str) -> list[type[DeclarativeRule]]:
    """Load every rule file under ``folder``; ``label`` prefixes file names."""
    rules: list[type[DeclarativeRule]] = []
    root = str(folder)
    for entry in _files(folder):
        name = str(entry)
        relative = name[len(root) :].lstrip("/\\") if name.startswith(root) else name
        source = f"{label}/{relative}" if label else relative
        try:
            text = entry.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleFileError(f"{source}: cannot read: {exc}") from exc
        rules.append(rule_class(parse_rule(text, source)))
    return rules


def builtin_rules() -> list[type[DeclarativeRule]]:
    """The YAML rules that ship with loccheck."""
    return load_folder(data_dir("rules"), "rules")


def user_rules(paths: Iterable[str]) -> list[type[DeclarativeRule]]:
    """The YAML rules of the user's rule folders (or single files)."""
    rules: list[type[DeclarativeRule]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise RuleFileError(f"{path}: cannot read: {exc}") from exc
            rules.append(rule_class(parse_rule(text, str(path))))
        elif path.is_dir():
            rules.extend(load_folder(path, str(path)))
        else:
            raise RuleFileError(f"{path}: no such rule file or folder")
    return rules
