"""The command line: exit codes, report contract, determinism, market order."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner, Result

from loccheck import __version__
from loccheck.cli import main

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parent.parent / "loccheck/schemas/report.schema.json"
    ).read_text(encoding="utf-8")
)
Site = Callable[[dict[str, "str | bytes"]], Path]

RU = (
    '<html lang="ru-RU"><head><meta charset="utf-8"><title>Каталог</title></head>'
    "<body><p>Каталог</p></body></html>"
)
NO_LANG = '<html><head><meta charset="utf-8"></head><body><p>Каталог</p></body></html>'


def invoke(args: list[str], code: int) -> Result:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def report(args: list[str], code: int = 0) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(invoke([*args, "--format", "json"], code).stdout)
    jsonschema.validate(data, SCHEMA)
    return data


def test_version() -> None:
    assert __version__ in invoke(["--version"], 0).output


def test_help_has_examples_and_exit_codes() -> None:
    text = invoke(["scan", "--help"], 0).output
    assert "Examples:" in text and "Exit codes" in text


@pytest.mark.parametrize(
    "args",
    [
        ["scan", "does-not-exist"],
        ["scan", ".", "--locale", "ru-RX"],
        ["scan", ".", "--format", "yaml"],
        ["scan", ".", "--no-such-option"],
        ["scan", ".", "--disable", "no-such-rule"],
        ["scan", ".", "--fail-on", "sometimes"],
    ],
)
def test_usage_errors_exit_2(
    args: list[str], write_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_site({"index.html": RU}))
    invoke(args, 2)


def test_unknown_locale_names_close_matches(write_site: Site) -> None:
    root = write_site({"index.html": RU})
    result = invoke(["scan", str(root), "--locale", "ru-RX"], 2)
    assert "ru-RU" in result.output


def test_exit_codes_follow_fail_on(write_site: Site) -> None:
    root = write_site({"index.html": RU, "nolang.html": NO_LANG})
    invoke(["scan", str(root), "--locale", "ru-RU"], 1)  # missing-html-lang is an error
    invoke(["scan", str(root), "--locale", "ru-RU", "--fail-on", "never"], 0)
    invoke(
        ["scan", str(root), "--locale", "ru-RU", "--disable", "missing-html-lang"], 0
    )
    clean = write_site({"index.html": RU})
    invoke(["scan", str(clean)], 0)


def test_json_report_contract_and_output_file(write_site: Site, tmp_path: Path) -> None:
    root = write_site({"index.html": RU, "sub/nolang.html": NO_LANG})
    out = tmp_path / "out" / "report.json"
    invoke(
        [
            "scan",
            str(root),
            "--locale",
            "ru-RU",
            "--format",
            "json",
            "--output",
            str(out),
        ],
        1,
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["root"] == str(root)
    assert [p["page"] for p in data["pages"]] == ["index.html", "sub/nolang.html"]
    finding = data["findings"][0]
    assert (
        finding["rule"] == "missing-html-lang" and finding["page"] == "sub/nolang.html"
    )
    assert finding["line"] == 1 and finding["locale"] == "ru-RU"
    assert data["summary"]["by_severity"]["error"] == 1


def test_output_is_deterministic_and_parallel_equals_serial(write_site: Site) -> None:
    files: dict[str, str | bytes] = {
        f"p{i:03}.html": NO_LANG if i % 3 else RU for i in range(60)
    }
    root = write_site(files)
    args = ["scan", str(root), "--locale", "ru-RU", "--format", "json"]
    first = invoke([*args, "--jobs", "1"], 1).stdout
    assert first == invoke([*args, "--jobs", "1"], 1).stdout
    assert first == invoke([*args, "--jobs", "2"], 1).stdout
    assert len(json.loads(first)["pages"]) == 60


def _locale(data: dict[str, Any], page: str) -> tuple[str | None, str]:
    entry = next(p for p in data["pages"] if p["page"] == page)
    return entry["locale"], entry["locale_source"]


def test_market_resolution_order(write_site: Site) -> None:
    hreflang_self = (
        '<html><head><link rel="alternate" hreflang="fr-FR" href="self.html">'
        "</head><body><p>Bonjour</p></body></html>"
    )
    root = write_site(
        {
            "cfg/page.html": '<html lang="de"><body>x</body></html>',
            "lang/page.html": '<html lang="de-AT"><head>'
            '<meta property="og:locale" content="fr_FR"></head></html>',
            "og/page.html": '<html><head><meta property="og:locale" '
            'content="pt_BR"></head></html>',
            "h/self.html": hreflang_self,
            "pl/page.html": "<html><body>x</body></html>",
            "misc/page.html": "<html><body>x</body></html>",
            "loccheck.toml": 'markets = { "cfg/**" = "uk-UA" }\n',
        }
    )
    data = report(["scan", str(root)], 1)  # cfg/page.html: lang de on uk-UA
    assert _locale(data, "cfg/page.html") == ("uk-UA", "config")
    assert _locale(data, "lang/page.html") == ("de-AT", "html-lang")
    assert _locale(data, "og/page.html") == ("pt-BR", "og-locale")
    assert _locale(data, "h/self.html") == ("fr-FR", "hreflang")
    assert _locale(data, "pl/page.html")[1] == "path"
    assert _locale(data, "misc/page.html") == (None, "none")
    assert any(
        f["rule"] == "unresolved-market" and f["page"] == "misc/page.html"
        for f in data["findings"]
    )
    cli = report(["scan", str(root), "--locale", "ja-JP"], 1)
    assert {p["locale_source"] for p in cli["pages"]} == {"cli"}


def test_bad_config_is_a_usage_error_naming_the_key(write_site: Site) -> None:
    root = write_site(
        {"index.html": RU, "loccheck.toml": 'markets = { "ru/**" = "xx-YY" }\n'}
    )
    result = invoke(["scan", str(root)], 2)
    assert "markets.ru/**" in result.output
    root2 = write_site({"index.html": RU, "loccheck.toml": "colour = 1\n"})
    assert "colour" in invoke(["scan", str(root2)], 2).output


def test_config_in_pyproject_and_exclude(write_site: Site) -> None:
    root = write_site(
        {
            "index.html": RU,
            "drafts/a.html": NO_LANG,
            "pyproject.toml": '[tool.loccheck]\nexclude = ["drafts/**"]\n',
        }
    )
    data = report(["scan", str(root), "--locale", "ru-RU"], 0)
    assert [p["page"] for p in data["pages"]] == ["index.html"]
    data = report(
        [
            "scan",
            str(root),
            "--config",
            str(root / "pyproject.toml"),
            "--exclude",
            "index.html",
        ],
        0,
    )
    assert data["pages"] == []


def test_bad_pages_are_noted_and_the_run_goes_on(write_site: Site) -> None:
    root = write_site(
        {
            "index.html": RU,
            "empty.html": b"",
            "image.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
            "cut.html": '<html lang="ru"><head><meta charset="utf-8"></head>'
            "<body><p>Обре",
        }
    )
    result = CliRunner().invoke(main, ["scan", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    kinds = {(n["page"], n["kind"]) for n in data["notes"]}
    assert {
        ("empty.html", "unreadable"),
        ("image.html", "unreadable"),
        ("cut.html", "truncated"),
    } <= kinds
    assert "empty.html" in result.stderr and "Traceback" not in result.output
    assert len(data["pages"]) == 4


def test_single_file_input(write_site: Site) -> None:
    root = write_site({"index.html": RU, "other.html": NO_LANG})
    data = report(["scan", str(root / "index.html")], 0)
    assert [p["page"] for p in data["pages"]] == ["index.html"]


def test_an_internal_error_on_one_page_is_noted_and_the_run_goes_on(
    write_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    import loccheck.engine as engine

    real = engine.check_page

    def flaky(path: str, data: bytes, settings: engine.ScanSettings) -> Any:
        if path == "boom.html":
            raise RuntimeError("simulated defect")
        return real(path, data, settings)

    monkeypatch.setattr(engine, "check_page", flaky)
    root = write_site({"index.html": RU, "boom.html": RU})
    result = CliRunner().invoke(main, ["scan", str(root), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [n["kind"] for n in data["notes"]] == ["internal-error"]
    assert "boom.html" in result.stderr and "Traceback" not in result.output


def test_a_page_named_as_alternate_without_any_hreflang_is_reported(
    write_site: Site,
) -> None:
    ru = (
        '<html lang="ru"><head><link rel="alternate" hreflang="ru" href="ru.html">'
        '<link rel="alternate" hreflang="de" href="de.html"></head>'
        "<body><p>Каталог</p></body></html>"
    )
    de = '<html lang="de"><body><p>Katalog</p></body></html>'
    root = write_site({"ru.html": ru, "de.html": de})
    data = report(["scan", str(root)], 0)
    returns = [f for f in data["findings"] if f["rule"] == "missing-hreflang-return"]
    assert [(f["page"], f["text"]) for f in returns] == [("de.html", "ru.html")]


def test_a_dead_worker_does_not_lose_pages(
    write_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures.process import BrokenProcessPool

    import loccheck.engine as engine

    class DeadPool:
        """Stands in for a process pool whose workers were killed."""

        def __init__(self, max_workers: int, **options: object) -> None:
            self.max_workers = max_workers

        def __enter__(self) -> DeadPool:
            return self

        def __exit__(self, *args: object) -> None:
            return None

        def submit(self, *args: object) -> object:
            raise BrokenProcessPool("a worker was killed")

    monkeypatch.setattr(engine, "ProcessPoolExecutor", DeadPool)
    files: dict[str, str | bytes] = {f"p{i:02}.html": RU for i in range(40)}
    data = report(["scan", str(write_site(files)), "--jobs", "2"], 0)
    assert len(data["pages"]) == 40


def test_workers_are_started_before_the_crawl_only_for_a_big_enough_folder(
    tmp_path: Path,
) -> None:
    from loccheck.engine import _IN_PROCESS_BELOW, _many_pages

    outside = tmp_path / "outside"
    outside.mkdir()
    for i in range(_IN_PROCESS_BELOW):
        (outside / f"p{i}.html").write_text(RU, encoding="utf-8")
    site = tmp_path / "site"
    (site / "ru").mkdir(parents=True)
    for i in range(_IN_PROCESS_BELOW - 1):
        (site / "ru" / f"p{i}.HTM").write_text(RU, encoding="utf-8")
    (site / "style.css").write_text("", encoding="utf-8")
    (site / "linked").symlink_to(outside, target_is_directory=True)
    assert not _many_pages(site)  # the symlinked folder is not walked
    assert not _many_pages(site / "ru" / "p0.HTM")
    (site / "last.html").write_text(RU, encoding="utf-8")
    assert _many_pages(site)
