"""The shipped CI files: the pre-commit hook and the documented GitHub workflow."""

from __future__ import annotations

import re
import shlex
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import Any

import click
import pytest
import yaml
from click.testing import CliRunner

from loccheck.cli import main

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
Site = Callable[[dict[str, "str | bytes"]], Path]
RU = (
    '<html lang="ru-RU"><head><meta charset="utf-8"><title>Каталог</title></head>'
    "<body><p>Каталог</p></body></html>"
)


def _hook() -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert isinstance(hooks, list)
    (hook,) = [h for h in hooks if h["id"] == "loccheck"]
    assert isinstance(hook, dict)
    return hook


def _scan_context(args: list[str]) -> click.Context:
    """Parse ``loccheck scan`` arguments as the command line would (no run)."""
    command = main.commands["scan"]
    return command.make_context("scan", list(args))


def test_pre_commit_hook_names_an_existing_entry_point() -> None:
    hook = _hook()
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["language"] == "python"
    program, subcommand = hook["entry"].split()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    target = project["project"]["scripts"][program]
    module, _, attribute = target.partition(":")
    assert getattr(import_module(module), attribute) is main
    assert subcommand in main.commands


def test_pre_commit_hook_scans_the_page_set_when_a_page_changes() -> None:
    hook = _hook()
    assert hook["pass_filenames"] is False  # a page-set checker takes a folder
    files = re.compile(hook["files"])
    for name in ("public/index.html", "ru/catalog.htm", "offer.xhtml"):
        assert files.search(name), name
    for name in ("styles.css", "templates/product.liquid", "index.html.j2"):
        assert not files.search(name), name


def test_pre_commit_hook_runs_with_the_documented_args(
    write_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = (ROOT / "docs/ci.md").read_text("utf-8")
    block = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", doc, re.S)
    assert block is not None
    config = yaml.safe_load(block.group(1))
    (hook,) = config["repos"][0]["hooks"]
    assert hook["id"] == _hook()["id"]
    root = write_site({"public/index.html": RU})
    (root / ".loccheck-baseline.json").write_text(
        '{"version": 1, "findings": []}', encoding="utf-8"
    )
    monkeypatch.chdir(root)  # pre-commit runs hooks at the repository's root
    result = CliRunner().invoke(main, [*_hook()["entry"].split()[1:], *hook["args"]])
    assert result.exit_code == 0, result.output
    assert re.search(r"\b1 pages? checked", result.stdout)


def _workflow(text: str) -> dict[str, Any]:
    data = yaml.safe_load(text)
    assert isinstance(data, dict)
    return data


def test_example_workflow_parses_and_uploads_the_sarif_it_writes() -> None:
    data = _workflow((ROOT / "examples/github-workflow.yml").read_text("utf-8"))
    triggers = data.get("on", data.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert data["permissions"]["security-events"] == "write"
    steps = data["jobs"]["loccheck"]["steps"]
    runs = [s["run"] for s in steps if "loccheck scan" in s.get("run", "")]
    (command,) = runs
    args = shlex.split(command)
    assert args[:2] == ["loccheck", "scan"]
    ctx = _scan_context(args[2:])
    formats = dict(ctx.params["formats"])
    assert ctx.params["baseline"] == Path(".loccheck-baseline.json")
    (upload,) = [s for s in steps if "upload-sarif" in s.get("uses", "")]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == formats["sarif"]
    assert "failure()" in upload["if"]  # findings still reach code scanning


def test_workflow_in_the_docs_is_the_example_file() -> None:
    doc = (ROOT / "docs/ci.md").read_text("utf-8")
    example = (ROOT / "examples/github-workflow.yml").read_text("utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", doc, re.S)
    assert example in blocks


def test_documented_commands_parse() -> None:
    doc = (ROOT / "docs/ci.md").read_text("utf-8")
    commands = re.findall(r"^loccheck scan (.+?)(?<!\\)$", doc, re.M)
    continued = re.findall(r"^loccheck scan (.+?)\\\n\s+(.+)$", doc, re.M)
    assert len(commands) >= 2 and continued
    for args in [*commands, *(" ".join(parts) for parts in continued)]:
        _scan_context(shlex.split(args))
