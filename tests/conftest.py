"""Shared fixtures: sample sites, the shared material folder, a site writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_SITES = ROOT / "sample_sites"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite sample_sites/*/expected.json from the current output",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "bench" / "make_site.py").is_file():
        pytest.skip(
            "../shared (benchmark and corpus material) is not next to the project"
        )
    return SHARED


@pytest.fixture
def write_site(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """Write {relative path: html text or bytes} under a fresh folder."""

    count = 0

    def write(files: dict[str, str | bytes]) -> Path:
        nonlocal count
        count += 1
        root = tmp_path / f"site{count}"
        for name, content in files.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            data = content.encode("utf-8") if isinstance(content, str) else content
            target.write_bytes(data)
        root.mkdir(exist_ok=True)
        return root

    return write
