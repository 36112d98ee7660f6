"""Reporter github: workflow commands that parse back to the findings."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from formats_site import (
    HOSTILE_PAGE,
    SITE,
    Site,
    finding,
    json_report,
    run_result,
    scan_formats,
)

from loccheck.model import Note, RunResult, Severity
from loccheck.reporters.github import (
    GithubReporter,
    command,
    escape_data,
    escape_property,
)

LINE = re.compile(r"::(error|warning|notice)(?: ([^:]*))?::(.*)")
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
_ESCAPE = re.compile("%(25|0D|0A|3A|2C)")
_UNESCAPE = {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}


def visible(text: str) -> str:
    """Control characters (but tab, CR, LF) as ``\\xNN``, as the reporter shows them."""
    return re.sub(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m[0]):02x}", text
    )


def unescape(value: str) -> str:
    """What GitHub's runner does with an escaped value (one pass)."""
    return _ESCAPE.sub(lambda m: _UNESCAPE[m.group(1)], value)


def parse(text: str) -> list[tuple[str, dict[str, str], str]]:
    """Read workflow command lines back; every line must be one."""
    commands = []
    for line in text.splitlines():
        match = LINE.fullmatch(line)
        assert match, line
        name, props, message = match.groups()
        properties = dict(p.split("=", 1) for p in props.split(",")) if props else {}
        commands.append(
            (name, {k: unescape(v) for k, v in properties.items()}, unescape(message))
        )
    return commands


def render(result: RunResult) -> str:
    out = io.StringIO()
    GithubReporter().render(result, out)
    return out.getvalue()


def test_a_scan_annotates_each_finding_on_its_file(write_site: Site) -> None:
    root = write_site(SITE)
    paths = scan_formats(root)
    text = paths["github"].read_text(encoding="utf-8")
    report = json_report(paths)
    commands = parse(text)
    assert len(commands) == len(report["findings"]) + len(report["notes"])
    for (name, props, message), expected in zip(
        commands, report["findings"], strict=False
    ):
        assert name == COMMANDS[expected["severity"]]
        assert props["file"] == f"{root.name}/{expected['page']}"
        assert (root.parent / props["file"]).is_file()
        assert props["line"] == str(expected["line"])
        assert props.get("col") == (
            str(expected["column"]) if expected["column"] else None
        )
        assert props["title"] == f"loccheck {expected['rule']}"
        wanted = visible(expected["message"])
        if expected["suggestion"]:
            wanted += f"\nSuggestion: {visible(expected['suggestion'])}"
        assert message == wanted
    hostile = [c for c in commands if c[1]["file"].endswith(HOSTILE_PAGE)]
    assert hostile, "the page with a comma and quotes in its name is annotated"
    # A line break in page text cannot start a command of its own.
    assert not any(line.startswith("::error file=x") for line in text.splitlines())
    assert any("\n::error file=x::pwned" in message for _, _, message in commands)
    assert "\x1b" not in text and any("\\x1b[2J" in m for _, _, m in commands)
    notes = commands[len(report["findings"]) :]
    assert [(n, p["file"]) for n, p, _ in notes] == [
        ("warning", f"{root.name}/empty.html")
    ]


def test_escaping_follows_githubs_rules() -> None:
    assert escape_data("100% a:b,c\r\nd") == "100%25 a:b,c%0D%0Ad"
    assert escape_property("100% a:b,c\r\nd") == "100%25 a%3Ab%2Cc%0D%0Ad"
    line = command("error", {"file": "a,b:c.html", "line": 3, "col": None}, "x%0A")
    assert line == "::error file=a%2Cb%3Ac.html,line=3::x%250A"
    assert parse(line) == [("error", {"file": "a,b:c.html", "line": "3"}, "x%0A")]


@pytest.mark.parametrize(
    ("severity", "name"),
    [
        (Severity.ERROR, "error"),
        (Severity.WARNING, "warning"),
        (Severity.INFO, "notice"),
    ],
)
def test_severity_picks_the_command(severity: Severity, name: str) -> None:
    text = render(run_result([finding(severity=severity)]))
    assert parse(text)[0][0] == name


def test_paths_for_relative_absolute_and_single_file_roots(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    inside = render(run_result([finding()], root=str(tmp_path / "shop")))
    assert parse(inside)[0][1]["file"] == "shop/index.html"
    outside = tmp_path.parent / "elsewhere"
    absolute = render(run_result([finding()], root=str(outside)))
    assert parse(absolute)[0][1]["file"] == (outside / "index.html").as_posix()
    single = render(run_result([finding()], root="shop/index.html"))
    assert parse(single)[0][1]["file"] == "shop/index.html"
    here = render(run_result([finding()], root="."))
    assert parse(here)[0][1]["file"] == "index.html"


def test_unknown_positions_and_notes_without_a_page() -> None:
    result = run_result(
        [finding(line=None, column=None)],
        notes=(Note("", "broken-sitemap", "sitemap.xml: not XML"),),
    )
    (first, note) = parse(render(result))
    assert "line" not in first[1] and "col" not in first[1]
    assert note == (
        "warning",
        {"title": "loccheck note: broken-sitemap"},
        "sitemap.xml: not XML",
    )
