"""Rule untranslated-ui-key."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.translation.common import PAGE, Spot, TranslationCheck, blank
from loccheck.memo import ONE_PAGE_TEXTS
from loccheck.model import Category, Confidence, Severity
from loccheck.page import Segment

# One part of a key: lower case first, then snake_case, camelCase or kebab-case.
_PART = r"[a-z_][a-zA-Z0-9_]*(?:-[a-zA-Z0-9_]+)*"
# "products.product.add_to_cart", "checkout:cart.title" (an i18next namespace).
_DOTTED = re.compile(rf"(?:[a-z][\w-]*:)?{_PART}(?:\.{_PART})+")
_SNAKE = re.compile(r"[a-z]+(?:_[a-z]+){2,}")  # add_to_cart; not anna_k, olga_88
_SCREAMING = re.compile(r"[A-Z]+(?:_[A-Z]+)+")  # PRODUCT_ADD_TO_CART
# A key inside longer text: two dots at least, and a snake or camel part; not
# one in quotes or backticks, which a text mentions on purpose ("override the
# \"sylius.homepage.title\" key").
_EMBEDDED = re.compile(
    rf"(?<![\w.@/:\"'`“„«‘-]){_PART}(?:\.{_PART}){{2,}}(?![\w@/\"'`”“»’-]|\.\w)"
)
# What Rails and i18n-js print for a missing key.
_MISSING = re.compile(
    r"translation missing: ([\w.-]+)|\[missing \W([\w.-]+)\W translation\]",
    re.IGNORECASE,
)
# The endings of domain and file names ("shop.de", "photo.jpg", "vue.js"),
# which are written like keys but are shown on purpose.
_NOT_KEY_ENDINGS = frozenset({
    "com", "net", "org", "info", "biz", "shop", "store", "online", "site", "app",
    "dev", "io", "ai", "co", "me", "tv", "cc", "eu", "asia", "club", "xyz", "pro",
    "moscow", "rus", "market", "fashion", "boutique", "clothing", "sale", "deals",
    "jpg", "jpeg", "png", "gif", "webp", "svg", "avif", "bmp", "ico", "tif",
    "tiff", "pdf", "doc", "docx", "xls", "xlsx", "csv", "txt", "zip", "rar", "gz",
    "tar", "mp3", "mp4", "mov", "avi", "webm", "wav", "js", "mjs", "ts", "css",
    "scss", "html", "htm", "php", "asp", "aspx", "jsp", "json", "xml", "yml",
    "yaml", "md", "exe", "dmg", "apk",
})  # fmt: skip
_IDENTIFIER = re.compile(r"_|[a-z][A-Z]")


def _domain_or_file(parts: list[str]) -> bool:
    last = parts[-1]
    if last.lower() in _NOT_KEY_ENDINGS or parts[0] == "www":
        return True
    # ccTLDs are two letters ("shop.de", "mail.example.ru").
    return len(last) == 2 and last.isalpha() and last.islower()


def _key_confidence(text: str) -> Confidence | None:
    """Confidence that a whole text is an i18n key, or None if it is not one."""
    if _DOTTED.fullmatch(text):
        parts = text.split(":")[-1].split(".")
        if _domain_or_file(parts):
            return None
        if len(parts) > 2 or _IDENTIFIER.search(text):
            return Confidence.HIGH
        return Confidence.MEDIUM  # "cart.checkout" (or a user name "anna.k")
    if _SNAKE.fullmatch(text) or _SCREAMING.fullmatch(text):
        return Confidence.MEDIUM
    return None


@lru_cache(maxsize=ONE_PAGE_TEXTS)
def ui_keys(text: str) -> tuple[tuple[str, Confidence], ...]:
    """Return the i18n keys ``text`` shows instead of translations."""
    stripped = text.strip()
    whole = _key_confidence(stripped)
    if whole is not None:
        return ((stripped, whole),)
    found: list[tuple[str, Confidence]] = []
    for match in _MISSING.finditer(text):
        found.append((match.group(1) or match.group(2), Confidence.HIGH))
    for match in _EMBEDDED.finditer(blank(text)):
        key = match.group()
        if _IDENTIFIER.search(key) and not _domain_or_file(key.split(".")):
            found.append((key, Confidence.HIGH))
    return tuple(dict.fromkeys(found))


class UntranslatedUiKey(TranslationCheck):
    """A raw i18n key is shown instead of its translation ("cart.checkout")."""

    id = "untranslated-ui-key"
    category = Category.TRANSLATION
    severity = Severity.ERROR
    # Scripts swap raw keys in hidden elements for text at run time.
    reads_hidden = False
    why = """When a translation is missing, i18n libraries show the key itself, so
    the shopper meets a button labelled "products.product.add_to_cart" or
    "PRODUCT_ADD_TO_CART". The rule reads text that is wholly a key (the value
    "equals its own key"), keys with two dots or more inside longer text, and the
    "translation missing" notes of Rails and i18n-js. Domain and file names
    ("shop.de", "photo.jpg"), version numbers, SKUs and abbreviations such as
    "U.S.A.", "z.B." or "т.е." are not keys."""
    examples = (
        bad(PAGE.format("ru", "<button>products.product.add_to_cart</button>")),
        bad(PAGE.format("ru", "<h2>general.cart.title</h2>")),
        bad(PAGE.format("ru", "<a href='/cart'>cart.checkout</a>")),
        bad(PAGE.format("de", "<button>PRODUCT_ADD_TO_CART</button>"), "de-DE"),
        bad(
            PAGE.format(
                "en",
                '<span title="translation missing: en.cart.title">Title</span>',
            ),
            "en-US",
        ),
        good(PAGE.format("ru", "<p>shop.de</p><p>example.com</p><p>photo.jpg</p>")),
        good(PAGE.format("ru", "<p>v1.2.3</p><p>SKU 4471-XL</p><p>Х5-M</p>")),
        good(PAGE.format("de", "<p>z.B.</p><p>U.S.A.</p><p>Node.js</p>"), "de-DE"),
        good(PAGE.format("ru", "<p>т.е.</p><p>и т.д.</p><p>anna_k</p>")),
    )
    references = (
        "https://guides.rubyonrails.org/i18n.html#passing-variables-to-translations",
        "https://www.i18next.com/principles/fallback#key-not-found",
    )

    @staticmethod
    def candidate(text: str) -> bool:
        """Keys hold a "." or a "_"; the (memoised) search decides."""
        return ("." in text or "_" in text) and bool(ui_keys(text))

    def spots(self, ctx: PageContext, segment: Segment) -> Iterator[Spot]:
        """Yield the keys a segment shows."""
        for key, confidence in ui_keys(segment.text):
            yield Spot(
                key,
                f'The i18n key "{key}" is shown instead of its translation.',
                confidence,
                found=(("key", key),),
                suggestion=f'Add the missing translation of "{key}".',
            )
