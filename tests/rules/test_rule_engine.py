"""The YAML rule engine: loading, validation errors, kinds, packs and commands."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from loccheck.cli import main
from loccheck.declarative.loader import parse_rule, rule_class
from loccheck.declarative.spec import RuleFileError
from loccheck.engine import ScanOptions, scan
from loccheck.registry import RegistryError, load_registry

RUSSIAN_PAGE = (
    '<html lang="ru"><head><meta charset="utf-8"><title>Магазин</title></head>'
    "<body>{body}</body></html>"
)

EXISTENCE = """\
id: no-bonus-word
kind: existence
category: translation
severity: warning
summary: The word "бонус" is not used in this store.
message: 'Do not write "{match}".'
why: The store's style guide calls loyalty points "баллы", never "бонусы", so
  that shoppers see one name for one thing on every page.
markets: [ru]
tokens: [бонус, бонусы]
examples:
  bad: ["Получите бонусы за покупку"]
  good: ["Получите баллы за покупку"]
"""


@pytest.fixture(autouse=True)
def _fresh_registry() -> Iterator[None]:
    load_registry.cache_clear()
    yield
    load_registry.cache_clear()


def _rule_dir(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "my-rules"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _error(text: str) -> str:
    with pytest.raises(RuleFileError) as caught:
        rule_class(parse_rule(textwrap.dedent(text), "pack/rule.yaml"))
    return str(caught.value)


# Loading and validation -------------------------------------------------


def test_broken_yaml_names_file_and_line() -> None:
    message = _error("id: x\nkind: [existence\n")
    assert message.startswith("pack/rule.yaml: line ")
    assert "invalid YAML" in message


def test_unknown_key_and_missing_key_are_named() -> None:
    assert 'key "(top level)": unknown key' in _error(EXISTENCE + "colour: red\n")
    without_tokens = EXISTENCE.replace("tokens: [бонус, бонусы]\n", "")
    assert "'tokens' is required" in _error(without_tokens)


def test_wrong_value_is_named_with_its_key() -> None:
    message = _error(EXISTENCE.replace("severity: warning", "severity: fatal"))
    assert 'key "severity"' in message and "fatal" in message
    message = _error(EXISTENCE.replace("markets: [ru]", "markets: [xx-Foo-Bar-1]"))
    assert 'key "markets' in message


def test_unknown_market_is_an_error() -> None:
    message = _error(EXISTENCE.replace("markets: [ru]", "markets: [qq]"))
    assert 'key "markets[0]"' in message


def test_unknown_message_field_is_an_error() -> None:
    message = _error(EXISTENCE.replace("{match}", "{word}"))
    assert 'key "message": unknown field {word}' in message


def test_bad_regex_and_bad_condition_group_are_errors() -> None:
    pattern = EXISTENCE.replace("kind: existence", "kind: pattern").replace(
        "tokens: [бонус, бонусы]", "pattern: '(?P<word>бонус'"
    )
    assert 'key "pattern": invalid regular expression' in _error(pattern)
    pattern = pattern.replace("'(?P<word>бонус'", "'(?P<word>бонус)'")
    pattern += "conditions:\n  - {group: nope, in: [x]}\n"
    assert 'key "conditions[0].group"' in _error(pattern)


def test_token_pattern_allows_only_lexical_attributes() -> None:
    rule = EXISTENCE.replace("kind: existence", "kind: token-pattern").replace(
        "tokens: [бонус, бонусы]", "patterns:\n  - - {POS: NOUN}"
    )
    assert 'key "patterns[0][0]": POS is not a lexical attribute' in _error(rule)


def test_bad_css_selector_is_an_error() -> None:
    rule = EXISTENCE.replace("kind: existence", "kind: attribute").replace(
        "tokens: [бонус, бонусы]",
        "selector: 'meta[[['\nattribute: content\nmust: be-present",
    )
    assert 'key "selector": invalid CSS selector' in _error(rule)


def test_duplicate_id_names_both_places(tmp_path: Path) -> None:
    clash = EXISTENCE.replace("id: no-bonus-word", "id: calque")
    folder = _rule_dir(tmp_path, {"clash.yaml": clash})
    with pytest.raises(RegistryError, match="defined twice") as caught:
        load_registry((str(folder),))
    assert "calque.yaml" in str(caught.value) and "clash.yaml" in str(caught.value)


# Kinds at work ----------------------------------------------------------


def _scan(
    write_site: Callable[[dict[str, str | bytes]], Path],
    body: str,
    locale: str = "ru-RU",
    rule_paths: tuple[str, ...] = (),
) -> list[tuple[str, str, str | None]]:
    site = write_site({"index.html": RUSSIAN_PAGE.format(body=body)})
    result = scan(site, "site", ScanOptions(locale=locale, rule_paths=rule_paths), 1)
    return [(f.rule, f.text, f.suggestion) for f in result.findings]


def test_user_rule_folder_is_loaded_and_scoped_to_its_markets(
    tmp_path: Path, write_site: Callable[[dict[str, str | bytes]], Path]
) -> None:
    folder = _rule_dir(tmp_path, {"style/no-bonus-word.yaml": EXISTENCE})
    body = "<p>Получите бонусы за покупку</p><p>Бонусный счёт</p>"
    found = _scan(write_site, body, rule_paths=(str(folder),))
    assert ("no-bonus-word", "бонусы", None) in found
    assert not any(match == "Бонусный" for _, match, _ in found)  # word-bounded
    german = _scan(write_site, body, "de-DE", (str(folder),))
    assert not [f for f in german if f[0] == "no-bonus-word"]


def test_substitution_suggests_the_term_with_case_kept(
    write_site: Callable[[dict[str, str | bytes]], Path],
) -> None:
    found = _scan(write_site, "<h2>Лучшие продавцы недели</h2><p>лучшие продавцы</p>")
    assert ("calque", "Лучшие продавцы", "Хиты продаж") in found
    assert ("calque", "лучшие продавцы", "хиты продаж") in found


def test_substitution_entry_for_one_locale_only(
    write_site: Callable[[dict[str, str | bytes]], Path],
) -> None:
    body = "<p>Su orden fue enviada.</p>"
    assert any(rule == "calque" for rule, _, _ in _scan(write_site, body, "es-ES"))
    assert not any(rule == "calque" for rule, _, _ in _scan(write_site, body, "es-MX"))


def test_token_pattern_matches_tokens_not_substrings(
    write_site: Callable[[dict[str, str | bytes]], Path],
) -> None:
    found = _scan(write_site, "<p>Носки, 5 pcs</p><p>Модель PC 5</p><p>5pcs</p>")
    matches = sorted(m for rule, m, _ in found if rule == "english-quantity-unit")
    assert matches == ["5 pcs", "5pcs"]


def test_token_pattern_skips_languages_without_a_tokenizer(
    tmp_path: Path, write_site: Callable[[dict[str, str | bytes]], Path]
) -> None:
    rule = EXISTENCE.replace("kind: existence", "kind: token-pattern").replace(
        "tokens: [бонус, бонусы]", "patterns:\n  - - {LOWER: pcs}"
    )
    rule = rule.replace("markets: [ru]", "markets: [ja]")
    rule = rule.replace('bad: ["Получите бонусы за покупку"]', 'bad: ["5 pcs"]')
    folder = _rule_dir(tmp_path, {"r.yaml": rule})
    # Japanese needs an extra tokenizer package; without it the rule is quiet,
    # and the page is still checked by every other rule.
    site = write_site(
        {"index.html": '<html lang="ja"><body><p>5 pcs</p></body></html>'}
    )
    result = scan(site, "s", ScanOptions(locale="ja-JP", rule_paths=(str(folder),)), 1)
    assert not [n for n in result.notes if n.kind == "internal-error"]


def test_attribute_rule_reports_the_element(
    write_site: Callable[[dict[str, str | bytes]], Path],
) -> None:
    page = (
        '<html lang="ru"><head>\n<meta http-equiv="Content-Language" content="en">'
        "</head><body><p>Каталог</p></body></html>"
    )
    site = write_site({"index.html": page})
    result = scan(site, "s", ScanOptions(locale="ru-RU"), 1)
    (finding,) = [f for f in result.findings if f.rule == "content-language-mismatch"]
    assert finding.line == 2
    assert finding.found == {"content": "en"}
    assert finding.suggestion == '<meta http-equiv="Content-Language" content="ru-RU">'


# Python packs through entry points ----------------------------------------


def test_python_pack_from_an_entry_point(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    write_site: Callable[[dict[str, str | bytes]], Path],
) -> None:
    package = tmp_path / "site-packages"
    (package / "shoprules").mkdir(parents=True)
    (package / "shoprules" / "__init__.py").write_text(
        textwrap.dedent(
            '''
            from pathlib import Path
            from loccheck.checks.base import Check, bad, good
            from loccheck.model import Category, Severity

            class NoFreeWord(Check):
                """The word "free" appears on the page."""

                id = "no-free-word"
                category = Category.TRANSLATION
                severity = Severity.INFO
                why = "An example pack rule: it flags every English word free."
                examples = (bad("<p>free</p>"), good("<p>бесплатно</p>"))

                def check(self, ctx):
                    for segment in ctx.page.segments:
                        if "free" in segment.text.split():
                            yield self.at(ctx, segment.line, segment.text, "free!")

            def rules():
                return [NoFreeWord, Path(__file__).parent / "yaml"]
            '''
        ),
        encoding="utf-8",
    )
    (package / "shoprules" / "yaml").mkdir()
    (package / "shoprules" / "yaml" / "no-bonus-word.yaml").write_text(
        EXISTENCE, encoding="utf-8"
    )
    dist = package / "shoprules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Name: shoprules\nVersion: 1.0\n", "utf-8")
    (dist / "entry_points.txt").write_text(
        "[loccheck.rules]\nshop = shoprules:rules\n", "utf-8"
    )
    monkeypatch.syspath_prepend(str(package))
    registry = load_registry()
    assert {"no-free-word", "no-bonus-word"} <= registry.ids()
    found = _scan(write_site, "<p>free доставка, бонусы</p>")
    assert {"no-free-word", "no-bonus-word"} <= {rule for rule, _, _ in found}


# Commands ---------------------------------------------------------------


def test_rules_command_lists_every_rule_as_json(tmp_path: Path) -> None:
    folder = _rule_dir(tmp_path, {"no-bonus-word.yaml": EXISTENCE})
    result = CliRunner().invoke(
        main, ["rules", "--format", "json", "--rules", str(folder)]
    )
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in json.loads(result.output)}
    assert rows["no-bonus-word"]["kind"] == "existence"
    assert rows["no-bonus-word"]["markets"] == ["ru"]
    assert rows["calque"]["kind"] == "substitution"
    assert rows["missing-html-lang"]["kind"] == "python"
    assert len(rows) == len(load_registry((str(folder),)).ids())


def test_rules_command_filters_by_category() -> None:
    result = CliRunner().invoke(main, ["rules", "--category", "currency"])
    assert result.exit_code == 0
    assert "foreign-currency" in result.output and "calque" not in result.output
    result = CliRunner().invoke(main, ["rules", "--category", "colour"])
    assert result.exit_code == 2 and "unknown category" in result.output


def test_explain_shows_docs_and_examples() -> None:
    result = CliRunner().invoke(main, ["explain", "calque"])
    assert result.exit_code == 0
    assert "## Why is this bad?" in result.output
    assert "Лучшие продавцы недели" in result.output  # a bad example
    result = CliRunner().invoke(main, ["explain", "calq"])
    assert result.exit_code == 2 and "did you mean calque" in result.output


def test_test_rules_passes_fails_and_reports_broken_files(tmp_path: Path) -> None:
    good = _rule_dir(tmp_path / "a", {"no-bonus-word.yaml": EXISTENCE})
    result = CliRunner().invoke(main, ["test-rules", str(good)])
    assert result.exit_code == 0, result.output
    assert "ok   no-bonus-word (2 examples)" in result.output
    wrong = EXISTENCE.replace("Получите баллы за покупку", "Бонус за покупку")
    failing = _rule_dir(tmp_path / "b", {"no-bonus-word.yaml": wrong})
    result = CliRunner().invoke(main, ["test-rules", str(failing)])
    assert result.exit_code == 1
    assert "FAIL no-bonus-word" in result.output and "good example 1" in result.output
    broken = _rule_dir(tmp_path / "c", {"x.yaml": "id: [\n"})
    result = CliRunner().invoke(main, ["test-rules", str(broken)])
    assert result.exit_code == 2 and "x.yaml" in result.output


def test_scan_rules_option_config_and_unknown_ids(
    tmp_path: Path, write_site: Callable[[dict[str, str | bytes]], Path]
) -> None:
    folder = _rule_dir(tmp_path, {"no-bonus-word.yaml": EXISTENCE})
    site = write_site({"index.html": RUSSIAN_PAGE.format(body="<p>бонусы</p>")})
    runner = CliRunner()
    args = ["scan", str(site), "--locale", "ru-RU", "--format", "json"]
    result = runner.invoke(main, [*args, "--rules", str(folder)])
    assert any(
        f["rule"] == "no-bonus-word" for f in json.loads(result.output)["findings"]
    )
    # Without the pack its id is unknown: a usage error, not a silent no-op.
    result = runner.invoke(main, [*args, "--disable", "no-bonus-word"])
    assert result.exit_code == 2 and "unknown rule id" in result.output
    # The same pack named in the config, relative to the config file.
    (site / "loccheck.toml").write_text(
        f'rule_paths = ["{folder.as_posix()}"]\n[rules]\nno-bonus-word = "error"\n',
        encoding="utf-8",
    )
    result = runner.invoke(main, args)
    findings = json.loads(result.output)["findings"]
    assert [f["severity"] for f in findings if f["rule"] == "no-bonus-word"] == [
        "error"
    ]
    broken = _rule_dir(tmp_path / "broken", {"x.yaml": "id: x\n"})
    result = runner.invoke(main, [*args, "--rules", str(broken)])
    assert result.exit_code == 2 and "x.yaml" in result.output


def test_rule_docs_are_current() -> None:
    from loccheck.ruledocs import expected_files

    docs = Path(__file__).resolve().parents[2] / "docs" / "rules"
    expected = expected_files(rule.info() for rule in load_registry().rules())
    present = {p.name: p.read_text("utf-8") for p in docs.glob("*.md")}
    stale = sorted(
        name
        for name in expected.keys() | present.keys()
        if expected.get(name) != present.get(name)
    )
    assert not stale, (
        f"docs/rules is out of date ({', '.join(stale[:5])}): run "
        "`loccheck rules --write-docs docs/rules`"
    )


def test_test_rules_reports_a_pattern_spacy_rejects(tmp_path: Path) -> None:
    rule = EXISTENCE.replace("kind: existence", "kind: token-pattern").replace(
        "tokens: [бонус, бонусы]", "patterns:\n  - - {LOWER: {NOT_AN_OPERATOR: [x]}}"
    )
    folder = _rule_dir(tmp_path, {"r.yaml": rule})
    result = CliRunner().invoke(main, ["test-rules", str(folder)])
    assert result.exit_code == 1
    assert 'key "patterns"' in result.output


def test_suppressing_a_rule_of_the_runs_own_pack_is_not_unknown(
    tmp_path: Path, write_site: Callable[[dict[str, str | bytes]], Path]
) -> None:
    folder = _rule_dir(tmp_path, {"no-bonus-word.yaml": EXISTENCE})
    body = (
        "<!-- loccheck-disable-next-line no-bonus-word -->\n<p>бонусы</p>\n"
        "<!-- loccheck-disable-next-line no-such-rule -->\n<p>бонусы</p>"
    )
    found = _scan(write_site, body, rule_paths=(str(folder),))
    rules = [rule for rule, _, _ in found]
    assert rules.count("no-bonus-word") == 1  # the second one, not suppressed
    unknown = [text for rule, text, _ in found if rule == "unknown-suppression"]
    assert unknown == ["no-such-rule"]


NAMED_META = """\
id: described-meta
kind: attribute
category: markup
severity: warning
confidence: high
summary: A meta tag named "Описание" has no content.
message: 'The meta tag "Описание" is empty.'
why: The store's theme fills this tag for its own search box.
selector: 'meta[name="Описание"]'
attribute: content
must: be-present
markets: [ru]
examples:
  bad:
    - html: >-
        <html lang="ru"><head><meta name="Описание"></head>
        <body><p>Каталог</p></body></html>
      market: ru-RU
  good:
    - html: >-
        <html lang="ru"><head><meta name="Описание" content="x"></head>
        <body><p>Каталог</p></body></html>
      market: ru-RU
"""


def test_attribute_rules_find_elements_in_any_case_of_their_needles(
    tmp_path: Path, write_site: Callable[[dict[str, str | bytes]], Path]
) -> None:
    """ASCII needles are looked for in the source lowered byte by byte (tags
    written in capitals still match); a needle with other letters is looked
    for in the source lowered as text (a Cyrillic capital is lowered too)."""
    folder = _rule_dir(tmp_path, {"r.yaml": NAMED_META})
    page = (
        '<HTML LANG="ru"><HEAD><META HTTP-EQUIV="Content-Language" CONTENT="en">'
        '<META NAME="Описание"></HEAD><BODY><P>Каталог</P></BODY></HTML>'
    )
    site = write_site({"index.html": page})
    options = ScanOptions(locale="ru-RU", rule_paths=(str(folder),))
    rules = {f.rule for f in scan(site, "s", options, 1).findings}
    assert {"content-language-mismatch", "described-meta"} <= rules
