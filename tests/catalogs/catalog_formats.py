"""Small catalog pairs in every supported format, with known defects or clean.

One logical set of messages is written in each format: a source in English
and a Russian translation. The defective translation has exactly one defect
per catalog rule; the clean one has none.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

FORMATS = (
    "shopify-json",
    "json",
    "symfony-json",
    "rails-yaml",
    "symfony-yaml",
    "po",
    "xliff-1.2",
    "xliff-2.0",
    "csv",
)
# How each format writes the placeholder "name".
PLACEHOLDER = {
    "shopify-json": "{{ name }}",
    "json": "{{name}}",
    "symfony-json": "%name%",
    "rails-yaml": "%{name}",
    "symfony-yaml": "%name%",
    "po": "%(name)s",
    "xliff-1.2": "{name}",
    "xliff-2.0": "{name}",
    "csv": "{name}",
}
ICU_EN = "{count, plural, one {# item} other {# items}}"
ICU_RU_BAD = "{count, plural, one {# товар} other {# товаров}}"
ICU_RU_GOOD = (
    "{count, plural, one {# товар} few {# товара} many {# товаров} other {# товара}}"
)

# (key, English, Russian with a defect or None, clean Russian, rule it raises)
Message = tuple[str, str, str | None, str, str | None]


def messages(fmt: str) -> list[Message]:
    """The messages of one format: key, source, bad and good translation."""
    name = PLACEHOLDER[fmt]
    renamed = name.replace("name", "imya")
    return [
        ("shop.greeting", f"Hello, {name}!", f"Здравствуйте, {renamed}!",
         f"Здравствуйте, {name}!", "placeholder-mismatch"),
        ("shop.cart", "Your cart", "Your cart", "Корзина", "untranslated-value"),
        ("shop.checkout", "Check out", None, "Оформить заказ", "missing-translation"),
        ("shop.continue", "Continue shopping", "", "Продолжить покупки",
         "empty-translation"),
        ("shop.terms", "Accept the <b>terms</b>", "Примите <b>условия",
         "Примите <b>условия</b>", "markup-mismatch"),
        ("shop.view", "View basket", "Einkaufswagen anzeigen", "Открыть корзину",
         "wrong-language-value"),
        ("shop.ok", "OK", "OK", "OK", None),
        ("shop.sku", "SKU: {0}".replace("{0}", name), f"SKU: {name}",
         f"SKU: {name}", None),
    ]  # fmt: skip


@dataclass(frozen=True)
class Pair:
    """A source and a translation file, and how to name a message's key."""

    files: dict[str, str]
    target: str
    key: Callable[[str, str], str]  # (logical key, English) -> catalog key


def _nest(flat: dict[str, object]) -> dict[str, object]:
    tree: dict[str, object] = {}
    for key, value in flat.items():
        node = tree
        *parents, leaf = key.split(".")
        for part in parents:
            node = node.setdefault(part, {})  # type: ignore[assignment]
        node[leaf] = value
    return tree


def _plural_json(fmt: str, lang: str, good: bool) -> dict[str, object]:
    if fmt == "shopify-json" or fmt == "rails-yaml":
        if lang == "en":
            forms = {"one": "%{count} item", "other": "%{count} items"}
        elif good:
            forms = {
                "one": "%{count} товар",
                "few": "%{count} товара",
                "many": "%{count} товаров",
                "other": "%{count} товара",
            }
        else:
            forms = {"one": "%{count} товар", "other": "%{count} товаров"}
        if fmt == "shopify-json":
            forms = {k: v.replace("%{count}", "{{ count }}") for k, v in forms.items()}
        return {"shop.items": forms}
    if fmt == "json":  # i18next v4 suffixes
        if lang == "en":
            return {
                "shop.items_one": "{{count}} item",
                "shop.items_other": "{{count}} items",
            }
        if good:
            return {
                "shop.items_one": "{{count}} товар",
                "shop.items_few": "{{count}} товара",
                "shop.items_many": "{{count}} товаров",
                "shop.items_other": "{{count}} товара",
            }
        return {
            "shop.items_one": "{{count}} товар",
            "shop.items_other": "{{count}} товаров",
        }
    icu = ICU_EN if lang == "en" else ICU_RU_GOOD if good else ICU_RU_BAD
    return {"shop.items": icu}


def _values(fmt: str, lang: str, good: bool) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, en, bad_ru, good_ru, _ in messages(fmt):
        value = en if lang == "en" else good_ru if good else bad_ru
        if value is not None:
            values[key] = value
    if lang == "ru" and not good:
        values["shop.obsolete"] = "Старое"  # extra-key
    values.update(_plural_json(fmt, lang, good))
    return values


def _yaml(tree: object, indent: int = 0) -> str:
    lines = []
    assert isinstance(tree, dict)
    for key, value in tree.items():
        if isinstance(value, dict):
            lines.append(" " * indent + f"{key}:")
            lines.append(_yaml(value, indent + 2))
        else:
            lines.append(
                " " * indent + f"{key}: {json.dumps(value, ensure_ascii=False)}"
            )
    return "\n".join(lines)


def _po_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


_RU_PLURALS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)


def _po(fmt: str, lang: str, good: bool) -> str:
    header = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"']
    if lang == "ru":
        header += ['"Language: ru\\n"', f'"Plural-Forms: {_RU_PLURALS}\\n"']
    blocks = ["\n".join(header)]
    for _key, en, bad_ru, good_ru, _ in messages(fmt):
        value = "" if lang == "en" else good_ru if good else bad_ru
        if value is None:
            continue
        blocks.append(f"msgid {_po_string(en)}\nmsgstr {_po_string(value)}")
    if lang == "ru" and not good:
        blocks.append('msgid "Obsolete"\nmsgstr "Старое"')
    forms = (
        ["", ""]
        if lang == "en"
        else ["%d товар", "%d товара", "%d товаров"]
        if good
        else ["%d товар", "%d товара"]
    )
    lines = ['msgid "%d item"', 'msgid_plural "%d items"']
    lines += [f"msgstr[{i}] {_po_string(v)}" for i, v in enumerate(forms)]
    blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xliff(fmt: str, lang: str, good: bool) -> str:
    values = _values(fmt, "en" if lang == "en" else "ru", good)
    sources = _values(fmt, "en", good)
    units = []
    for key, value in values.items() if lang != "en" else sources.items():
        source = _escape(str(sources.get(key, "Obsolete")))
        target = "" if lang == "en" else f"<target>{_escape(str(value))}</target>"
        if fmt == "xliff-1.2":
            units.append(
                f'<trans-unit id="{key}" resname="{key}"><source>{source}</source>'
                f"{target}</trans-unit>"
            )
        else:
            units.append(
                f'<unit id="{key}" name="{key}"><segment><source>{source}</source>'
                f"{target}</segment></unit>"
            )
    body = "\n".join(units)
    if fmt == "xliff-1.2":
        trg = ' target-language="ru"' if lang != "en" else ""
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            f'<file source-language="en"{trg} datatype="plaintext" original="app">'
            f"<body>\n{body}\n</body></file></xliff>\n"
        )
    trg = ' trgLang="ru"' if lang != "en" else ""
    return (
        '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" '
        f'srcLang="en"{trg}>\n<file id="f1">\n{body}\n</file></xliff>\n'
    )


def _csv(fmt: str, lang: str, good: bool) -> str:
    sources = _values(fmt, "en", good)
    values = _values(fmt, lang, good)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for key, value in values.items():
        writer.writerow([sources.get(key, "Obsolete"), value])
    return out.getvalue()


def pair(fmt: str, good: bool) -> Pair:
    """The source and translation files of ``fmt`` (clean or defective)."""

    def by_key(key: str, en: str) -> str:
        return key

    def by_source(key: str, en: str) -> str:
        return en

    if fmt in ("shopify-json", "json", "symfony-json"):
        folder, source, target = {
            "shopify-json": ("locales", "en.default.json", "ru.json"),
            "json": ("locales", "en/translation.json", "ru/translation.json"),
            "symfony-json": ("translations", "messages.en.json", "messages.ru.json"),
        }[fmt]

        def dump(lang: str) -> str:
            tree = _nest(_values(fmt, lang, good))
            return json.dumps(tree, ensure_ascii=False, indent=2)

        files = {f"{folder}/{source}": dump("en"), f"{folder}/{target}": dump("ru")}
        return Pair(files, f"{folder}/{target}", by_key)
    if fmt == "rails-yaml":
        files = {
            f"config/locales/{lang}.yml": _yaml({lang: _nest(_values(fmt, lang, good))})
            + "\n"
            for lang in ("en", "ru")
        }
        return Pair(files, "config/locales/ru.yml", by_key)
    if fmt == "symfony-yaml":
        files = {
            f"translations/messages.{lang}.yaml": _yaml(_nest(_values(fmt, lang, good)))
            + "\n"
            for lang in ("en", "ru")
        }
        return Pair(files, "translations/messages.ru.yaml", by_key)
    if fmt == "po":
        files = {"po/shop.pot": _po(fmt, "en", good), "po/ru.po": _po(fmt, "ru", good)}
        return Pair(files, "po/ru.po", by_source)
    if fmt.startswith("xliff"):
        files = {
            "src/locale/messages.xlf": _xliff(fmt, "en", good),
            "src/locale/messages.ru.xlf": _xliff(fmt, "ru", good),
        }
        return Pair(files, "src/locale/messages.ru.xlf", by_key)
    files = {
        "i18n/en-US.csv": _csv(fmt, "en", good),
        "i18n/ru-RU.csv": _csv(fmt, "ru", good),
    }
    return Pair(files, "i18n/ru-RU.csv", by_source)
