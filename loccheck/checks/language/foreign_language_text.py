"""Rule foreign-language-text."""

from __future__ import annotations

from collections.abc import Iterator

from loccheck.checks.base import PageContext, bad, good
from loccheck.checks.language.common import LanguageCheck, judged_segments
from loccheck.model import Category, Finding, Severity

_RU = '<html lang="ru"><head><meta charset="utf-8"></head><body>{}</body></html>'
_DE = '<html lang="de"><head><meta charset="utf-8"></head><body>{}</body></html>'


class ForeignLanguageText(LanguageCheck):
    """Text is not in the market's language (nor one the market accepts)."""

    id = "foreign-language-text"
    category = Category.LANGUAGE
    severity = Severity.WARNING
    why = """A button, label or description left in English (or in the seller's
    language) on a Russian store tells the buyer the shop was not made for them:
    they hesitate, mistrust the checkout and leave. Short strings are judged by
    several signals (script, masking of brands and codes, interface-word
    lexicons, a restricted statistical detector) so that brand names, codes and
    loanwords are not flagged."""
    examples = (
        bad(_RU.format("<button>Add to cart</button>")),
        bad(_RU.format('<input type="search" placeholder="Search products">')),
        bad(_RU.format("<p>Free shipping on all orders over 3 000 ₽</p>")),
        bad(_DE.format("<p>Add to cart</p>"), "de-DE"),
        good(_RU.format("<button>В корзину</button>")),
        good(_RU.format("<p>Кроссовки Nike Air Max 90, SKU 4471-XL, размер XL</p>")),
        good(_RU.format("<p>Кабель USB-C, 1 м</p>")),
        good(_RU.format("<h2>Adidas Ultraboost</h2><p>Galaxy S24 Ultra</p>")),
        good(_RU.format('<blockquote lang="en">Made with love</blockquote>')),
        good(_DE.format("<p>Leggings</p><p>Workshop</p><p>Sneaker</p>"), "de-DE"),
        good(_DE.format("<button>In den Warenkorb</button>"), "de-DE"),
    )

    def check(self, ctx: PageContext) -> Iterator[Finding]:
        """Flag each foreign text (or the page, when most of it is foreign)."""
        judged, total = judged_segments(ctx, self.id)
        yield from self.report(ctx, judged, total)
