"""Config: ``formats`` and ``baseline`` keys, and finding the file upward from PATH."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from loccheck.cli import main
from loccheck.config import ConfigError, find_config, load_config

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


def test_formats_and_baseline_are_read_relative_to_the_config(
    write_site: Site,
) -> None:
    root = write_site(
        {
            "loccheck.toml": 'formats = ["json:out/report.json", "text", "json:-"]\n'
            'baseline = "ci/baseline.json"\n'
        }
    )
    config = load_config(root / "loccheck.toml")
    assert config.formats == (
        ("json", str(root / "out/report.json")),
        ("text", None),
        ("json", "-"),
    )
    assert config.baseline == root / "ci/baseline.json"


def test_config_formats_apply_unless_the_command_line_gives_some(
    write_site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = write_site(
        {
            "site/index.html": NO_LANG,
            "loccheck.toml": 'formats = ["json:reports/loccheck.json", "text"]\n',
        }
    )
    monkeypatch.chdir(root / "site")
    text = invoke(["scan", ".", "--locale", "ru-RU"], 1).stdout
    assert "missing-html-lang" in text and "pages checked" in text
    written = root / "reports/loccheck.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert [f["rule"] for f in data["findings"]] == ["missing-html-lang"]
    written.unlink()
    out = invoke(["scan", ".", "--locale", "ru-RU", "--format", "json"], 1).stdout
    assert json.loads(out)["findings"][0]["rule"] == "missing-html-lang"
    assert not written.exists()  # --format replaces the configured formats


@pytest.mark.parametrize(
    ("toml", "key", "problem"),
    [
        ('formats = ["yaml"]\n', "formats", "unknown format 'yaml'"),
        ("formats = [1]\n", "formats", "should be a list of strings"),
        ("baseline = 3\n", "baseline", "should be the path of a baseline file"),
        ('baseline = ""\n', "baseline", "should be the path of a baseline file"),
    ],
)
def test_invalid_keys_are_errors_naming_the_key(
    write_site: Site, toml: str, key: str, problem: str
) -> None:
    root = write_site({"index.html": RU, "loccheck.toml": toml})
    with pytest.raises(ConfigError, match=f'key "{key}"'):
        load_config(root / "loccheck.toml")
    output = invoke(["scan", str(root)], 2).output
    assert f'key "{key}"' in output and problem in output


def test_config_is_found_upward_from_path(write_site: Site) -> None:
    root = write_site(
        {
            "loccheck.toml": 'locale = "ru-RU"\nexclude = ["drafts/**"]\n',
            "pyproject.toml": "[project]\nname = 'theme'\n",  # no [tool.loccheck]
            "shop/index.html": NO_LANG,
            "shop/drafts/a.html": NO_LANG,
        }
    )
    assert find_config(root / "shop" / "index.html") == root / "loccheck.toml"
    assert find_config(root / "shop" / "drafts") == root / "loccheck.toml"
    out = invoke(["scan", str(root / "shop"), "--format", "json"], 1).stdout
    data = json.loads(out)
    assert [(p["page"], p["locale_source"]) for p in data["pages"]] == [
        ("index.html", "cli")
    ]


def test_nearest_config_wins(write_site: Site) -> None:
    root = write_site(
        {
            "loccheck.toml": 'locale = "ru-RU"\n',
            "shop/pyproject.toml": '[tool.loccheck]\nlocale = "de-DE"\n',
            "shop/index.html": RU,
        }
    )
    assert find_config(root / "shop") == root / "shop" / "pyproject.toml"
    out = invoke(["scan", str(root / "shop"), "--format", "json"], 1).stdout
    assert json.loads(out)["pages"][0]["locale"] == "de-DE"
