"""Decide which market a page is for, and say which source decided."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from loccheck.crawl import LinkTarget, is_excluded
from loccheck.langtags import is_valid_bcp47, locale_from_path_segment
from loccheck.markets import canonical_tag
from loccheck.model import LocaleSource
from loccheck.page import Page


def _from_tag(tag: str | None) -> str | None:
    if not tag:
        return None
    tag = tag.strip()
    if not is_valid_bcp47(tag):
        return None
    return canonical_tag(tag)


def _from_og_locale(page: Page) -> str | None:
    meta = page.meta("og:locale")
    if meta is None or not meta.value:
        return None
    return _from_tag(meta.value.replace("_", "-"))


def _from_hreflang(page: Page, resolve: Callable[[str], LinkTarget]) -> str | None:
    for alt in page.alternates:
        if alt.hreflang.lower() == "x-default":
            continue
        if resolve(alt.href).path == page.path:
            found = _from_tag(alt.hreflang)
            if found:
                return found
    return None


def _from_path(path: str) -> str | None:
    for segment in path.split("/")[:-1]:
        tag = locale_from_path_segment(segment)
        if tag:
            found = canonical_tag(tag)
            if found:
                return found
    return None


def resolve_market(
    page: Page,
    *,
    cli_locale: str | None,
    mapping: Sequence[tuple[str, str]],
    resolve: Callable[[str], LinkTarget],
) -> tuple[str | None, LocaleSource]:
    """Return the page's market id and the source that decided it.

    First match wins: ``--locale``; the config's path globs (in config
    order); ``<html lang>``; ``og:locale``; the page's hreflang self-link; a
    locale-like folder in its path. Market ids from the command line and the
    config are validated before the scan starts.
    """
    if cli_locale:
        return cli_locale, LocaleSource.CLI
    for pattern, market in mapping:
        if is_excluded(page.path, (pattern,)):
            return market, LocaleSource.CONFIG
    candidates: tuple[tuple[LocaleSource, Callable[[], str | None]], ...] = (
        (LocaleSource.HTML_LANG, lambda: _from_tag(page.html_lang)),
        (LocaleSource.OG_LOCALE, lambda: _from_og_locale(page)),
        (LocaleSource.HREFLANG, lambda: _from_hreflang(page, resolve)),
        (LocaleSource.PATH, lambda: _from_path(page.path)),
    )
    for source, find in candidates:
        found = find()
        if found:
            return found, source
    return None, LocaleSource.NONE
