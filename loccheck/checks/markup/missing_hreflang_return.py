"""Rule missing-hreflang-return."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from loccheck.checks.base import PageFacts, SiteCheck, bad, good
from loccheck.checks.markup.examples import hreflang_page
from loccheck.model import Category, Confidence, Finding, Severity


def _page(lang: str, *links: tuple[str, str]) -> str:
    return hreflang_page(*links, lang=lang)


class MissingHreflangReturn(SiteCheck):
    """A page named as an hreflang alternate does not link back."""

    id = "missing-hreflang-return"
    category = Category.MARKUP
    severity = Severity.WARNING
    why = """Hreflang annotations must be confirmed from both sides: if the Russian
    page lists the German one but the German page does not list the Russian one,
    search engines ignore the pair."""
    examples = (
        bad(_page("de", ("de", "de.html")), path="de.html").with_files(
            ("ru.html", _page("ru", ("ru", "ru.html"), ("de", "de.html")))
        ),
        good(
            _page("de", ("de", "de.html"), ("ru", "ru.html")), path="de.html"
        ).with_files(("ru.html", _page("ru", ("ru", "ru.html"), ("de", "de.html")))),
    )
    references = (
        "https://developers.google.com/search/docs/specialty/international/localized-versions",
    )

    def check_site(self, pages: Sequence[PageFacts]) -> Iterator[Finding]:
        """Flag each page of the export that a sibling lists but that omits it."""
        by_path = {facts.page: facts for facts in pages}
        for source in pages:
            for alt in source.alternates:
                if alt.hreflang.lower() == "x-default":
                    continue
                target = by_path.get(alt.target)
                if target is None or target.page == source.page:
                    continue
                if any(back.target == source.page for back in target.alternates):
                    continue
                yield self._missing(source, target)

    def _missing(self, source: PageFacts, target: PageFacts) -> Finding:
        line = target.first_line
        return self.make(
            page=target.page,
            locale=target.locale,
            text=source.page,
            message=f"{source.page} lists this page as an hreflang alternate, "
            "but this page does not link back to it.",
            line=line,
            selector="link[hreflang]",
            scope="markup",
            confidence=Confidence.HIGH,
            expected={"return_link": source.page},
            found={"hreflang": [a.hreflang for a in target.alternates]},
        )
