"""One registry of every rule: Python checks, YAML rules and users' packs.

Where rules come from, in order: the built-in Python checks
(``loccheck.checks``), the built-in YAML rules (``rules/``), Python packs
installed as packages (entry point group ``loccheck.rules``), and the user's
rule folders (``--rules DIR``, ``rule_paths`` in config). An id may be
defined once; a second definition is an error naming both places.

The registry is built per process and cached by its inputs, so worker
processes build the same one from the same ``rule_paths``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from loccheck.checks import CATALOG_CHECKS, PAGE_CHECKS, SITE_CHECKS
from loccheck.checks.base import Check, Rule, SiteCheck
from loccheck.checks.catalog.base import CatalogCheck
from loccheck.declarative.loader import builtin_rules, load_folder, user_rules
from loccheck.declarative.spec import RuleFileError

ENTRY_POINT_GROUP = "loccheck.rules"


class RegistryError(ValueError):
    """Rules that cannot be loaded: a broken file, a duplicate id, a bad pack."""


@dataclass(frozen=True)
class Registry:
    """Every rule of one run, by kind of check."""

    page_checks: tuple[type[Check], ...]
    site_checks: tuple[type[SiteCheck], ...]
    catalog_checks: tuple[type[CatalogCheck], ...] = ()

    def rules(self) -> tuple[type[Rule], ...]:
        """Every rule class, sorted by id."""
        rules: tuple[type[Rule], ...] = (
            *self.page_checks,
            *self.site_checks,
            *self.catalog_checks,
        )
        return tuple(sorted(rules, key=lambda rule: rule.id))

    def ids(self) -> frozenset[str]:
        """The ids of every rule."""
        return frozenset(rule.id for rule in self.rules())

    def get(self, rule_id: str) -> type[Rule] | None:
        """The rule called ``rule_id``, if there is one."""
        return next((r for r in self.rules() if r.id == rule_id), None)


def _origin(rule: type[Rule]) -> str:
    spec = getattr(rule, "spec", None)
    return str(spec.source) if spec is not None else f"{rule.__module__}"


def _pack_rules(name: str, loaded: Any) -> list[type[Rule]]:
    """What one entry point provides: rule classes and/or YAML rule folders."""
    items = loaded() if callable(loaded) and not isinstance(loaded, type) else loaded
    if isinstance(items, (type, str, Path)):
        items = [items]
    rules: list[type[Rule]] = []
    for item in items:
        kinds = (Check, SiteCheck, CatalogCheck)
        if isinstance(item, type) and issubclass(item, kinds):
            rules.append(item)
        elif isinstance(item, (str, Path)):
            rules.extend(load_folder(Path(item), str(item)))
        else:
            raise RegistryError(
                f"rule pack {name!r}: {item!r} is neither a Check class nor a "
                "folder of YAML rules"
            )
    return rules


def _entry_point_rules() -> list[type[Rule]]:
    rules: list[type[Rule]] = []
    for point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda p: p.name):
        try:
            loaded = point.load()
        except Exception as exc:  # a broken third-party package
            raise RegistryError(
                f"rule pack {point.name!r} ({point.value}) cannot be loaded: {exc}"
            ) from exc
        rules.extend(_pack_rules(point.name, loaded))
    return rules


def _unique(rules: Iterable[type[Rule]]) -> list[type[Rule]]:
    seen: dict[str, type[Rule]] = {}
    for rule in rules:
        first = seen.get(rule.id)
        if first is not None:
            raise RegistryError(
                f"rule id {rule.id!r} is defined twice: in {_origin(first)} "
                f"and in {_origin(rule)}"
            )
        seen[rule.id] = rule
    return list(seen.values())


@lru_cache(maxsize=8)
def load_registry(rule_paths: tuple[str, ...] = ()) -> Registry:
    """Build the registry of the built-in rules plus packs and ``rule_paths``."""
    try:
        rules = _unique(
            [
                *PAGE_CHECKS,
                *SITE_CHECKS,
                *CATALOG_CHECKS,
                *builtin_rules(),
                *_entry_point_rules(),
                *user_rules(rule_paths),
            ]
        )
    except RuleFileError as exc:
        raise RegistryError(str(exc)) from exc
    page = tuple(r for r in rules if issubclass(r, Check))
    site = tuple(r for r in rules if issubclass(r, SiteCheck))
    catalog = tuple(r for r in rules if issubclass(r, CatalogCheck))
    return Registry(page, site, catalog)
