"""Catalogs through ``loccheck scan``: report contract, mixed folders, notes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
from click.testing import CliRunner, Result

from loccheck.cli import main
from loccheck.model import Finding

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "loccheck/schemas/report.schema.json"
    ).read_text(encoding="utf-8")
)
Site = Callable[[dict[str, "str | bytes"]], Path]

EN = """{
  "cart": {
    "title": "Your cart",
    "checkout": "Check out",
    "total": "Total: {{ amount | money }}",
    "items": {"one": "{{ count }} item", "other": "{{ count }} items"}
  }
}
"""
RU = """{
  "cart": {
    "title": "Your cart",
    "total": "Итого: {{ montant | money }}",
    "items": {"one": "{{ count }} товар", "other": "{{ count }} товаров"}
  }
}
"""
RU_CLEAN = """{
  "cart": {
    "title": "Корзина",
    "checkout": "Оформить заказ",
    "total": "Итого: {{ amount | money }}",
    "items": {"one": "{{ count }} товар", "few": "{{ count }} товара",
              "many": "{{ count }} товаров", "other": "{{ count }} товара"}
  }
}
"""
PAGE = (
    '<html lang="ru-RU"><head><meta charset="utf-8"><title>Корзина</title></head>'
    "<body><p>Корзина</p><button>Add to cart</button></body></html>"
)


def invoke(args: list[str], code: int) -> Result:
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def report(args: list[str], code: int = 0) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(invoke([*args, "--format", "json"], code).stdout)
    jsonschema.validate(data, SCHEMA)
    return data


def test_theme_locales_report(write_site: Site) -> None:
    root = write_site({"locales/en.default.json": EN, "locales/ru.json": RU})
    data = report(["scan", str(root), "--fail-on", "never"])
    found = {(f["rule"], f["key"]) for f in data["findings"]}
    assert found == {
        ("untranslated-value", "cart.title"),
        ("missing-translation", "cart.checkout"),
        ("placeholder-mismatch", "cart.total"),
        ("plural-forms", "cart.items.one"),
    }
    ru_lines = RU.splitlines()
    for finding in data["findings"]:
        assert finding["page"] == "locales/ru.json"
        assert finding["selector"] == finding["key"]
        if finding["rule"] != "missing-translation":
            line = ru_lines[finding["line"] - 1]
            assert line[finding["column"] - 1] == '"'
            assert json.loads(line[finding["column"] - 1 :].split(",")[0].rstrip("}"))
    catalogs = {c["path"]: c for c in data["catalogs"]}
    assert catalogs["locales/ru.json"]["role"] == "target"
    assert catalogs["locales/ru.json"]["locale"] == "ru-RU"
    assert catalogs["locales/ru.json"]["findings"] == 4
    assert catalogs["locales/en.default.json"]["role"] == "source"
    assert data["summary"]["catalogs"] == 2
    assert data["pages"] == []


def test_the_key_is_part_of_the_fingerprint(write_site: Site) -> None:
    root = write_site({"locales/en.default.json": EN, "locales/ru.json": RU})
    data = report(["scan", str(root), "--fail-on", "never"])
    for raw in data["findings"]:
        finding = Finding.from_dict(raw)
        assert finding.key == raw["key"]
        assert finding.to_dict() == raw
    fingerprints = {f["fingerprint"] for f in data["findings"]}
    assert len(fingerprints) == len(data["findings"])


def test_exit_code_follows_catalog_findings(write_site: Site) -> None:
    bad = write_site({"locales/en.default.json": EN, "locales/ru.json": RU})
    invoke(["scan", str(bad)], 1)  # placeholder-mismatch and plural-forms: errors
    clean = write_site({"locales/en.default.json": EN, "locales/ru.json": RU_CLEAN})
    data = report(["scan", str(clean)])
    assert data["findings"] == []


def test_pages_and_catalogs_in_one_folder(write_site: Site) -> None:
    root = write_site(
        {
            "index.html": PAGE,
            "assets/theme.css": "body{}",
            "locales/en.default.json": EN,
            "locales/ru.json": RU,
        }
    )
    data = report(["scan", str(root), "--fail-on", "never"])
    assert [p["page"] for p in data["pages"]] == ["index.html"]
    pages = {f["page"] for f in data["findings"]}
    assert pages == {"index.html", "locales/ru.json"}
    page_findings = [f for f in data["findings"] if f["page"] == "index.html"]
    assert page_findings and all("key" not in f for f in page_findings)


def test_html_only_folder_has_no_catalog_fields(write_site: Site) -> None:
    root = write_site({"index.html": PAGE})
    data = report(["scan", str(root), "--fail-on", "never"])
    assert "catalogs" not in data
    assert "catalogs" not in data["summary"]


def test_broken_catalog_is_a_note(write_site: Site) -> None:
    root = write_site(
        {
            "locales/en.default.json": EN,
            "locales/ru.json": RU_CLEAN,
            "locales/de.json": '{"cart": {"title": "Warenkorb",}',
        }
    )
    result = invoke(["scan", str(root), "--format", "json"], 0)
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    notes = [n for n in data["notes"] if n["kind"] == "catalog-error"]
    assert len(notes) == 1 and notes[0]["page"] == "locales/de.json"
    assert "\n" not in notes[0]["message"]
    assert "Traceback" not in result.output
    assert "locales/de.json" in result.stderr


def test_one_catalog_file(write_site: Site) -> None:
    root = write_site({"messages.po": PO})
    data = report(["scan", str(root / "messages.po"), "--fail-on", "never"])
    assert data["pages"] == []
    assert {(f["rule"], f["key"]) for f in data["findings"]} == {
        ("empty-translation", "Checkout"),
        ("placeholder-mismatch", "%d items in %s"),
    }
    assert {f["page"] for f in data["findings"]} == {"messages.po"}


def test_source_locale(write_site: Site) -> None:
    de = '{"cart": {"title": "Warenkorb", "pay": "Bezahlen"}}'
    ru = '{"cart": {"title": "Warenkorb"}}'
    root = write_site({"i18n/de.json": de, "i18n/ru.json": ru})
    data = report(["scan", str(root), "--source-locale", "de", "--fail-on", "never"])
    assert {(f["rule"], f["key"]) for f in data["findings"]} == {
        ("untranslated-value", "cart.title"),
        ("missing-translation", "cart.pay"),
    }
    result = invoke(["scan", str(root), "--source-locale", "xx-nowhere"], 2)
    assert "xx-nowhere" in result.output


def test_disabled_rules_and_severities_apply(write_site: Site) -> None:
    root = write_site({"locales/en.default.json": EN, "locales/ru.json": RU})
    data = report(
        [
            "scan",
            str(root),
            "--disable",
            "plural-forms",
            "--disable",
            "placeholder-mismatch",
        ]
    )
    assert {f["rule"] for f in data["findings"]} == {
        "untranslated-value",
        "missing-translation",
    }


PO = """msgid ""
msgstr ""
"Language: ru\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && \
n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

msgid "Checkout"
msgstr ""

msgid "%d items in %s"
msgstr "%d товаров"
"""
