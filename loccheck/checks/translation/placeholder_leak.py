"""Rule placeholder-leak."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.translation.common import (
    PAGE,
    Spot,
    TranslationCheck,
    blank,
)
from loccheck.memo import ONE_PAGE_TEXTS
from loccheck.model import Category, Confidence, Severity
from loccheck.page import Segment

# Names that Laravel, Rails and Symfony validation and cart messages use after a
# colon (":attribute", ":count"); any other ":word" needs an underscore or an
# inner capital to count as a placeholder, since ":word" is also a typo.
_COLON_NAMES = (
    "amount|attribute|count|currency|date|email|item|limit|max|min|name|number"
    "|other|price|product|qty|quantity|size|total|value|values"
)
# (syntax, pattern, confidence). Every pattern needs a character that plain
# shop text rarely holds next to an identifier: "{", "%", "$", "_", "[", ":".
_SYNTAXES: tuple[tuple[str, str, Confidence], ...] = (
    ("Liquid/Jinja/Twig/Handlebars output", r"\{\{.{0,80}?\}\}", Confidence.HIGH),
    ("Liquid/Jinja/Twig tag", r"\{%.{0,80}?%\}|\{#.{0,80}?#\}", Confidence.HIGH),
    ("ERB/ASP tag", r"<%.{0,80}?%>", Confidence.HIGH),
    ("template literal", r"\$\{[^{}]{1,60}\}", Confidence.HIGH),
    ("Ruby format", r"%\{\w{1,40}\}|%<\w{1,40}>[sd]", Confidence.HIGH),
    (
        "ICU message argument",
        # {0}, {name}, { count }, {count, plural, one {…} other {…}}
        r"\{\s*(?:\d{1,2}|[A-Za-z_][\w.]{0,40})\s*"
        r"(?:,\s*(?:plural|select|selectordinal|number|date|time)"
        r"(?:[^{}]|\{[^{}]*\}){0,200})?\}",
        Confidence.HIGH,
    ),
    # %s, %d, %1$s, %.2f, %@; not "50% off" or "100%": the conversion letter
    # follows the "%" directly and no Latin letter or digit touches it (CJK
    # text may: "送料%s円").
    (
        "printf placeholder",
        r"(?<![A-Za-z0-9_%])%(?:\d{1,2}\$)?[-+0#]?\d{0,3}(?:\.\d{1,2})?(?:ll|l|h)?"
        r"[sdifuxXcp@](?![A-Za-z0-9])",
        Confidence.HIGH,
    ),
    (
        "Symfony/Shopware placeholder",
        r"(?<![A-Za-z0-9_%])%[A-Za-z_]\w{0,40}%(?![A-Za-z0-9_])",
        Confidence.HIGH,
    ),
    (
        "placeholder key",
        r"(?<![A-Za-z0-9_])__[A-Za-z][A-Za-z0-9_]{0,40}?__(?![A-Za-z0-9_])",
        Confidence.HIGH,
    ),
    ("placeholder key", r"\[\[\s*[\w.-]{1,60}\s*\]\]", Confidence.MEDIUM),
    (
        "named placeholder",
        # after a space: "(:count_on_hand, value)" is a Ruby symbol in code
        rf"(?<!\S):(?:{_COLON_NAMES}|[a-z]+_[a-z_]+|[a-z]+[A-Z][A-Za-z]+)"
        r"(?![\w:/])",
        Confidence.MEDIUM,
    ),
)
_PATTERN = re.compile(
    "|".join(f"(?P<s{i}>{pattern})" for i, (_, pattern, _) in enumerate(_SYNTAXES))
)
# The characters every syntax above needs; most shop strings have none.
_TRIGGER = re.compile(r"[{%$\[:]|__")


@lru_cache(maxsize=ONE_PAGE_TEXTS)
def placeholders(text: str) -> tuple[tuple[str, str, Confidence], ...]:
    """Return (token, syntax, confidence) of each template placeholder in ``text``."""
    text = blank(text)
    found = []
    for match in _PATTERN.finditer(text):
        index = int((match.lastgroup or "s0")[1:])
        syntax, _, confidence = _SYNTAXES[index]
        found.append((match.group(), syntax, confidence))
    return tuple(found)


class PlaceholderLeak(TranslationCheck):
    """Template or format code shown as text ("{{ product.title }}", "%s", "{0}")."""

    id = "placeholder-leak"
    category = Category.TRANSLATION
    severity = Severity.ERROR
    # Client-side templates wait, hidden, for a script to fill their
    # placeholders in.
    reads_hidden = False
    why = """A placeholder that reaches the page means a template or a translation
    was rendered without its value: the shopper reads "В корзине %s товара" or a
    product called "{{ product.title }}". Translators often break placeholders
    (a changed name, a missing brace), and the template engine then prints them
    as they are. E-mail addresses, URLs, "50% off", "100%", prices and times are
    not placeholders; ":name" counts only for the names message catalogues use."""
    examples = (
        bad(PAGE.format("ru", "<nav>Главная / {{ product.title }}</nav>")),
        bad(PAGE.format("ru", "<p>В корзине %s товара</p>")),
        bad(PAGE.format("ru", "<p>Осталось {0} шт. по этой цене</p>")),
        bad(PAGE.format("de", '<img src="a.jpg" alt="Bild von %1$s">'), "de-DE"),
        bad(
            PAGE.format("en", "<p>{count, plural, one {# item} other {# items}}</p>"),
            "en-US",
        ),
        bad(PAGE.format("fr", "<p>Le champ :attribute est obligatoire.</p>"), "fr-FR"),
        bad(PAGE.format("ru", "<p>Скидка %{percent} на всё</p>")),
        bad(PAGE.format("ru", "<p>Привет, ${user.name}!</p>")),
        bad(PAGE.format("ru", "<button>__ADD_TO_CART__</button>")),
        good(PAGE.format("ru", "<p>Скидка 50% на всё, 100% хлопок</p>")),
        good(
            PAGE.format(
                "ru",
                "<p>Пишите на shop@example.com или https://example.com/a%20b?id={id}</p>",
            )
        ),
        good(PAGE.format("ru", "<p>Цена: $45.99, время: 10:30, размер 42:44</p>")),
        good(PAGE.format("fr", "<p>Prix : 20 € — 30 % de remise</p>"), "fr-FR"),
        good(PAGE.format("en", "<p>Save 20%, ends at 5:30 PM</p>"), "en-US"),
    )
    references = (
        "https://docs.weblate.org/en/latest/user/checks.html#placeholders",
        "https://unicode-org.github.io/icu/userguide/format_parse/messages/",
    )

    @staticmethod
    def candidate(text: str) -> bool:
        """Only text with "{", "%", "$", "[", ":" or "__" can hold a placeholder,
        and only text where the (memoised) search finds one does."""
        return _TRIGGER.search(text) is not None and bool(placeholders(text))

    def spots(self, ctx: PageContext, segment: Segment) -> Iterator[Spot]:
        """Yield each placeholder of the segment."""
        for token, syntax, confidence in placeholders(segment.text):
            yield Spot(
                token,
                f'Template placeholder "{token}" ({syntax}) is shown to the '
                "shopper instead of its value.",
                confidence,
                found=(("placeholder", token), ("syntax", syntax)),
            )
