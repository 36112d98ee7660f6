"""Locate the data folders (``locales/``, ``rules/``) that ship with loccheck."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

if sys.version_info >= (3, 11):
    from importlib.resources.abc import Traversable
else:  # pragma: no cover - Python 3.10
    from importlib.abc import Traversable


def data_dir(name: str) -> Traversable:
    """Return the shipped data folder ``name`` (``"locales"`` or ``"rules"``).

    In an installed wheel the folders live in ``loccheck/data/``; in a source
    checkout (editable install, tests) they are the top-level folders.
    """
    packaged = files("loccheck") / "data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


# libyaml when PyYAML was built with it: the same documents, nodes and marks,
# about ten times faster than the pure-Python loader.
try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

__all__ = ["SafeLoader", "data_dir", "safe_load"]


def safe_load(text: str) -> Any:
    """``yaml.safe_load`` with the fastest safe loader there is."""
    return yaml.load(text, Loader=SafeLoader)
