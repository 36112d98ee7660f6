"""Findings as the main process keeps them until the report is written."""

from __future__ import annotations

import pickle

from loccheck.engine import _shared_parts
from loccheck.model import Category, Confidence, Finding, Severity


def _finding(page: str, href: str) -> Finding:
    return Finding(
        "broken-hreflang-link",
        Category.MARKUP,
        Severity.WARNING,
        Confidence.MEDIUM,
        page,
        9,
        46,
        'link[hreflang="ru-RU"]',
        href,
        f'hreflang="ru-RU" points to {href}, which is not a page of this export.',
        "ru-RU",
        scope="markup",
        expected={"target": href.rsplit("/", 1)[-1]},
        found={"hreflang": "ru-RU", "href": href},
    )


def test_findings_from_workers_share_their_repeated_strings_and_stay_equal() -> None:
    path = "c1/cart.html"  # the crawl's own copy of the page's path
    # Each comes from its own worker chunk: its strings are its own copies.
    received = [
        pickle.loads(pickle.dumps(_finding("c1/cart.html", f"https://x.test/{n}")))
        for n in range(3)
    ]
    assert len({id(f.rule) for f in received}) == 3
    kept = [_shared_parts(f, "c1/cart.html", path) for f in received]
    assert kept == received  # the same findings, field by field
    assert [f.to_dict() for f in kept] == [f.to_dict() for f in received]
    assert all(f.page is path for f in kept)
    for name in ("rule", "selector", "locale", "scope"):
        assert len({id(getattr(f, name)) for f in kept}) == 1, name
    for field in ("expected", "found"):
        keys = [next(iter(getattr(f, field))) for f in kept]
        assert len({id(k) for k in keys}) == 1, field
    assert len({id(f.found["hreflang"]) for f in kept}) == 1  # a short value
    assert len({id(f.found["href"]) for f in kept}) == 3  # long values stay


def test_a_finding_of_another_page_keeps_its_page() -> None:
    finding = _finding("other.html", "https://x.test/a")
    assert _shared_parts(finding, "c1/cart.html", "c1/cart.html").page == "other.html"
