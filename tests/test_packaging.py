"""The wheel carries the market profiles, rules, schemas and saved CLDR facts an
installed copy needs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_contains_data_files(tmp_path: Path) -> None:
    pytest.importorskip("hatchling", reason="hatchling builds the wheel offline")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps",
         "--no-build-isolation", "--no-index", "-w", str(tmp_path), "-q"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    wheel = next(tmp_path.glob("loccheck-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(p.name for p in (ROOT / "locales").glob("*.yaml"))
    for name in shipped:
        assert f"loccheck/data/locales/{name}" in names
    assert "loccheck/data/rules/README.md" in names
    for rule in sorted((ROOT / "rules").rglob("*.yaml")):
        relative = rule.relative_to(ROOT / "rules").as_posix()
        assert f"loccheck/data/rules/{relative}" in names
    assert "loccheck/schemas/rule.schema.json" in names
    for template in ("report.html", "report.css", "report.js"):
        assert f"loccheck/reporters/templates/{template}" in names
    assert "loccheck/schemas/report.schema.json" in names
    assert "loccheck/py.typed" in names
    assert "loccheck/cldr_saved.json" in names  # facts saved from CLDR
    assert not any(name.startswith(("tests/", "sample_sites/")) for name in names)
