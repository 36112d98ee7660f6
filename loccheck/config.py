"""Read ``loccheck.toml`` or ``[tool.loccheck]`` in ``pyproject.toml``."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loccheck.markets import UnknownLocaleError, load_market

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SEVERITY_SETTINGS = ("off", "error", "warning", "info")
FAIL_ON = ("error", "warning", "info", "never")
_KEYS = {
    "markets",
    "exclude",
    "fail_on",
    "locale",
    "jobs",
    "hosts",
    "rules",
    "glossary",
    "rule_paths",
    "formats",
    "baseline",
}


class ConfigError(ValueError):
    """A config file is invalid; the message names the file, key and problem."""


@dataclass(frozen=True)
class Config:
    """Settings from a config file (all optional)."""

    path: Path | None = None
    markets: tuple[tuple[str, str], ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str | None = None
    locale: str | None = None
    jobs: int | None = None
    hosts: tuple[str, ...] = ()
    rules: Mapping[str, str] = field(default_factory=dict)
    glossary: tuple[
        Path, ...
    ] = ()  # files, relative paths taken from the config's folder
    rule_paths: tuple[Path, ...] = ()  # YAML rule folders, from the config's folder
    formats: tuple[tuple[str, str | None], ...] = ()  # used when no --format
    baseline: Path | None = None  # baseline file, from the config's folder


def find_config(start: Path) -> Path | None:
    """Find the nearest config upward from ``start`` (a folder or a file).

    ``loccheck.toml`` wins over ``pyproject.toml`` in the same folder; a
    ``pyproject.toml`` without a ``[tool.loccheck]`` table is passed over.
    """
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        own = candidate / "loccheck.toml"
        if own.is_file():
            return own
        project = candidate / "pyproject.toml"
        if project.is_file() and _has_tool_table(project):
            return project
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return isinstance(data.get("tool"), dict) and "loccheck" in data["tool"]


def load_config(path: Path) -> Config:
    """Read and validate the config file at ``path``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("loccheck", {})
    return _validate(path, data)


def _fail(path: Path, key: str, problem: str) -> ConfigError:
    return ConfigError(f'{path}: key "{key}": {problem}')


def _str_list(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, key, "should be a list of strings")
    return tuple(value)


def _market(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _fail(path, key, 'should be a locale string such as "ru-RU"')
    try:
        return load_market(value).id
    except UnknownLocaleError as exc:
        raise _fail(path, key, str(exc)) from exc


def _formats(path: Path, value: Any) -> tuple[tuple[str, str | None], ...]:
    """``NAME[:PATH]`` specs; a PATH is taken from the config's folder."""
    from loccheck.reporters.base import reporters  # reporters import the model

    specs = _str_list(path, "formats", [value] if isinstance(value, str) else value)
    known = reporters()
    formats: list[tuple[str, str | None]] = []
    for spec in specs:
        name, _, target = spec.partition(":")
        if name not in known:
            known_names = ", ".join(sorted(known))
            raise _fail(
                path, "formats", f"unknown format {name!r} (known: {known_names})"
            )
        if target and target != "-":
            target = str(path.parent / target)
        formats.append((name, target or None))
    return tuple(formats)


def _baseline(path: Path, value: Any) -> Path | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _fail(path, "baseline", "should be the path of a baseline file")
    return path.parent / value


def _validate(path: Path, data: Mapping[str, Any]) -> Config:
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise _fail(
            path, unknown[0], f"unknown key (known: {', '.join(sorted(_KEYS))})"
        )
    markets = data.get("markets", {})
    if not isinstance(markets, dict):
        raise _fail(path, "markets", 'should be a table of "glob" = "locale"')
    mapping = tuple(
        (str(glob), _market(path, f"markets.{glob}", tag))
        for glob, tag in markets.items()
    )
    fail_on = data.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise _fail(path, "fail_on", f"should be one of {', '.join(FAIL_ON)}")
    jobs = data.get("jobs")
    if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
        raise _fail(path, "jobs", "should be a positive integer")
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise _fail(path, "rules", 'should be a table of rule-id = "off" | severity')
    for rule, setting in rules.items():
        if setting not in SEVERITY_SETTINGS:
            raise _fail(
                path,
                f"rules.{rule}",
                f"should be one of {', '.join(SEVERITY_SETTINGS)}",
            )
    locale = data.get("locale")
    glossary = data.get("glossary", [])
    glossary = [glossary] if isinstance(glossary, str) else glossary
    files = _str_list(path, "glossary", glossary)
    return Config(
        glossary=tuple(path.parent / name for name in files),
        path=path,
        markets=mapping,
        exclude=_str_list(path, "exclude", data.get("exclude", [])),
        fail_on=fail_on,
        locale=_market(path, "locale", locale) if locale is not None else None,
        jobs=jobs,
        hosts=_str_list(path, "hosts", data.get("hosts", [])),
        rules={str(k): str(v) for k, v in rules.items()},
        rule_paths=tuple(
            path.parent / name
            for name in _str_list(path, "rule_paths", data.get("rule_paths", []))
        ),
        formats=_formats(path, data.get("formats", [])),
        baseline=_baseline(path, data.get("baseline")),
    )
