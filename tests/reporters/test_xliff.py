"""Reporter xliff: valid XLIFF 2.0 (OASIS core schema) with one unit per string."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from formats_site import SITE, Site, finding, json_report, run_result, scan_formats

from loccheck.model import Category, RunResult, Severity, normalise_text
from loccheck.reporters.xliff import NAMESPACE, XliffReporter, translatable, unit_id

XSD = Path(__file__).resolve().parent.parent / "data" / "xliff" / "xliff_core_2.0.xsd"
X = f"{{{NAMESPACE}}}"
NMTOKEN = re.compile(r"[\w.:-]+")


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    # allow="local": the import of xml.xsd resolves to the copy beside the
    # schema; nothing is fetched from the network.
    return xmlschema.XMLSchema(str(XSD), allow="local", defuse="always")


def render(result: RunResult) -> str:
    out = io.StringIO()
    XliffReporter().render(result, out)
    return out.getvalue()


def units(root: ET.Element) -> dict[str, ET.Element]:
    return {unit.get("id", ""): unit for unit in root.iter(f"{X}unit")}


def notes(unit: ET.Element, category: str) -> list[str]:
    return [
        note.text or ""
        for note in unit.iter(f"{X}note")
        if note.get("category") == category
    ]


def test_the_schema_is_the_local_oasis_copy(schema: xmlschema.XMLSchema) -> None:
    assert schema.target_namespace == NAMESPACE
    local = XSD.parent / "informativeCopiesOf3rdPartySchemas" / "w3c" / "xml.xsd"
    assert local.as_uri() in {s.url for s in schema.maps.iter_schemas()}


def test_a_scan_gives_valid_xliff_with_one_unit_per_string(
    write_site: Site, schema: xmlschema.XMLSchema
) -> None:
    root_dir = write_site(SITE)
    paths = scan_formats(root_dir)
    schema.validate(str(paths["xliff"]))
    root = ET.parse(paths["xliff"]).getroot()
    assert (root.get("srcLang"), root.get("trgLang")) == ("en", "ru-RU")
    assert [f.get("id") for f in root.iter(f"{X}file")] == ["ru-RU"]
    report = json_report(paths)
    wanted = {
        (f["locale"], normalise_text(f["text"]))
        for f in report["findings"]
        if f["category"] != "markup" and f["scope"] not in ("markup", "structured-data")
    }
    by_id = units(root)
    assert sorted(by_id) == sorted(unit_id(m, t) for m, t in wanted)
    assert all(NMTOKEN.fullmatch(i) for i in by_id)
    sources = {u.findtext(f"{X}segment/{X}source"): u for u in by_id.values()}
    hostile = sources["Leather bag <script>alert(1)</script> with a long strap"]
    assert hostile.find(f"{X}segment/{X}target") is None
    assert notes(hostile, "suggestion") == ["Translate into Russian."]
    date = sources["12/05/2025"]
    assert date.findtext(f"{X}segment/{X}target") == "05.12.2025"
    add = sources["Add to cart"]
    assert len(notes(add, "location")) == 2
    assert notes(add, "rule")[0].startswith("foreign-language-text (warning): ")
    price = sources["$45.99"]  # two rules, one unit
    assert [n.split(" ")[0] for n in notes(price, "rule")] == [
        "foreign-currency",
        "mixed-currencies",
    ]
    # The ids are the same on the next run.
    again = ET.parse(scan_formats(root_dir)["xliff"]).getroot()
    assert sorted(units(again)) == sorted(by_id)


def test_several_markets_and_source_languages(schema: xmlschema.XMLSchema) -> None:
    findings = [
        finding(text="Add to cart", line=1),
        finding(text="Free shipping", line=2),
        finding(text="卖家中心", line=3, found={"language": "zh"}),
        finding(
            page="en/index.html",
            locale="en-US",
            text="Каталог",
            found={"language": "ru"},
            suggestion="Translate into English.",
        ),
    ]
    xml = render(run_result(findings))
    schema.validate(xml)
    root = ET.fromstring(xml)
    assert (root.get("srcLang"), root.get("trgLang")) == ("en", "ru-RU")
    files = list(root.iter(f"{X}file"))
    assert [f.get("id") for f in files] == ["ru-RU", "en-US"]
    assert files[0].find(f"{X}notes") is None
    assert notes(files[1], "market") == [
        "These strings are for market en-US, not ru-RU."
    ]
    zh = units(root)[unit_id("ru-RU", "卖家中心")]
    assert notes(zh, "language") == ["The source text is in zh, not en."]
    assert notes(units(root)[unit_id("ru-RU", "Add to cart")], "language") == []


def test_format_fixes_only_are_a_same_language_file(
    schema: xmlschema.XMLSchema,
) -> None:
    findings = [
        finding(
            rule="price-format",
            category=Category.CURRENCY,
            text="₽7,450.00",
            found={"problems": "decimal separator"},
            suggestion="7 450,00 ₽",
        ),
        finding(
            rule="missing-html-lang",
            category=Category.MARKUP,
            scope="markup",
            text="<html>",
            severity=Severity.ERROR,
        ),
    ]
    xml = render(run_result(findings))
    schema.validate(xml)
    root = ET.fromstring(xml)
    assert (root.get("srcLang"), root.get("trgLang")) == ("ru-RU", "ru-RU")
    (unit,) = units(root).values()
    assert unit.findtext(f"{X}segment/{X}source") == "₽7,450.00"
    assert unit.findtext(f"{X}segment/{X}target") == "7 450,00 ₽"
    assert not translatable(findings[1])


def test_no_flagged_text_is_still_a_valid_document(
    schema: xmlschema.XMLSchema,
) -> None:
    xml = render(run_result([]))
    schema.validate(xml)
    root = ET.fromstring(xml)
    assert root.get("srcLang") == "und" and units(root) == {}


def test_hostile_text_is_escaped_and_illegal_characters_dropped(
    schema: xmlschema.XMLSchema,
) -> None:
    text = 'Bag "x" & <b>co</b>\x00\x1b[2J\nline'
    xml = render(run_result([finding(text=text)]))
    schema.validate(xml)
    assert "<b>" not in xml and "\x1b" not in xml
    (unit,) = units(ET.fromstring(xml)).values()
    assert unit.findtext(f"{X}segment/{X}source") == 'Bag "x" & <b>co</b>[2J\nline'
