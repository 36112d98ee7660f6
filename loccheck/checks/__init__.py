"""Built-in checks, listed explicitly (no import side effects, no decorators)."""

from __future__ import annotations

from loccheck.checks.base import Check, SiteCheck
from loccheck.checks.catalog.base import CatalogCheck
from loccheck.checks.catalog.empty_translation import EmptyTranslation
from loccheck.checks.catalog.extra_key import ExtraKey
from loccheck.checks.catalog.markup_mismatch import MarkupMismatch
from loccheck.checks.catalog.missing_translation import MissingTranslation
from loccheck.checks.catalog.placeholder_mismatch import PlaceholderMismatch
from loccheck.checks.catalog.plural_forms import PluralForms
from loccheck.checks.catalog.untranslated_value import UntranslatedValue
from loccheck.checks.catalog.wrong_language_value import WrongLanguageValue
from loccheck.checks.currency.ambiguous_currency_symbol import AmbiguousCurrencySymbol
from loccheck.checks.currency.foreign_currency import ForeignCurrency
from loccheck.checks.currency.mixed_currencies import MixedCurrencies
from loccheck.checks.currency.price_format import PriceFormat
from loccheck.checks.currency.structured_currency_mismatch import (
    StructuredCurrencyMismatch,
)
from loccheck.checks.currency.structured_price_mismatch import StructuredPriceMismatch
from loccheck.checks.format.date_format import DateFormat
from loccheck.checks.format.imperial_units import ImperialUnits
from loccheck.checks.format.number_format import NumberFormat
from loccheck.checks.format.time_format import TimeFormat
from loccheck.checks.language.foreign_language_text import ForeignLanguageText
from loccheck.checks.language.foreign_script import ForeignScript
from loccheck.checks.markup.broken_hreflang_link import BrokenHreflangLink
from loccheck.checks.markup.charset_mismatch import CharsetMismatch
from loccheck.checks.markup.duplicate_hreflang import DuplicateHreflang
from loccheck.checks.markup.html_lang_market_mismatch import HtmlLangMarketMismatch
from loccheck.checks.markup.html_lang_mismatch import HtmlLangMismatch
from loccheck.checks.markup.invalid_hreflang import InvalidHreflang
from loccheck.checks.markup.invalid_html_lang import InvalidHtmlLang
from loccheck.checks.markup.invalid_jsonld import InvalidJsonld
from loccheck.checks.markup.missing_charset import MissingCharset
from loccheck.checks.markup.missing_hreflang_return import MissingHreflangReturn
from loccheck.checks.markup.missing_hreflang_self import MissingHreflangSelf
from loccheck.checks.markup.missing_html_lang import MissingHtmlLang
from loccheck.checks.markup.missing_rtl_dir import MissingRtlDir
from loccheck.checks.markup.og_locale_mismatch import OgLocaleMismatch
from loccheck.checks.markup.undecodable_bytes import UndecodableBytes
from loccheck.checks.markup.unknown_suppression import UnknownSuppression
from loccheck.checks.markup.unresolved_market import UnresolvedMarket
from loccheck.checks.translation.cjk_punctuation import CjkPunctuation
from loccheck.checks.translation.doubled_word import DoubledWord
from loccheck.checks.translation.homoglyph import Homoglyph
from loccheck.checks.translation.html_entity_leak import HtmlEntityLeak
from loccheck.checks.translation.mojibake import Mojibake
from loccheck.checks.translation.placeholder_leak import PlaceholderLeak
from loccheck.checks.translation.quote_style import QuoteStyle
from loccheck.checks.translation.replacement_character import ReplacementCharacter
from loccheck.checks.translation.untranslated_ui_key import UntranslatedUiKey

PAGE_CHECKS: tuple[type[Check], ...] = (
    AmbiguousCurrencySymbol,
    BrokenHreflangLink,
    CharsetMismatch,
    CjkPunctuation,
    DateFormat,
    DoubledWord,
    DuplicateHreflang,
    ForeignCurrency,
    ForeignLanguageText,
    ForeignScript,
    Homoglyph,
    HtmlEntityLeak,
    HtmlLangMarketMismatch,
    HtmlLangMismatch,
    ImperialUnits,
    InvalidHreflang,
    InvalidHtmlLang,
    InvalidJsonld,
    MissingCharset,
    MissingHreflangSelf,
    MissingHtmlLang,
    MissingRtlDir,
    MixedCurrencies,
    Mojibake,
    NumberFormat,
    OgLocaleMismatch,
    PlaceholderLeak,
    PriceFormat,
    QuoteStyle,
    ReplacementCharacter,
    StructuredCurrencyMismatch,
    StructuredPriceMismatch,
    TimeFormat,
    UndecodableBytes,
    UnknownSuppression,
    UnresolvedMarket,
    UntranslatedUiKey,
)
SITE_CHECKS: tuple[type[SiteCheck], ...] = (MissingHreflangReturn,)
# Catalog checks; the translation family above also runs on catalog values.
CATALOG_CHECKS: tuple[type[CatalogCheck], ...] = (
    EmptyTranslation,
    ExtraKey,
    MarkupMismatch,
    MissingTranslation,
    PlaceholderMismatch,
    PluralForms,
    UntranslatedValue,
    WrongLanguageValue,
)
