"""The code stays ruff- and mypy-clean (the style guide's bar), checked in CI."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True
    )


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "check", "loccheck", "tests", "benchmarks"),
        ("ruff", "format", "--check", "loccheck", "tests", "benchmarks"),
        ("mypy",),
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_tool_is_clean(command: tuple[str, ...]) -> None:
    if shutil.which(command[0]) is None and _run(command[0], "--version").returncode:
        pytest.skip(f"{command[0]} is not installed (pip install '.[test]')")
    result = _run(*command)
    assert result.returncode == 0, result.stdout + result.stderr
