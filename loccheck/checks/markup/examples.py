"""Pages for the documented examples of the hreflang rules."""

from __future__ import annotations

_ALT = '<link rel="alternate" hreflang="{}" href="{}">'


def hreflang_page(*links: tuple[str, str], lang: str = "ru", text: str = "") -> str:
    """A page declaring ``lang`` with the given (hreflang, href) alternates."""
    head = "".join(_ALT.format(code, href) for code, href in links)
    body = text or ("Каталог" if lang == "ru" else lang)
    return f'<html lang="{lang}"><head>{head}</head><body><p>{body}</p></body></html>'
