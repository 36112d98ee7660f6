"""The HTML report: escaping, its data block, the readiness score, and a browser."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from loccheck.engine import ScanOptions, scan
from loccheck.model import (
    Category,
    Confidence,
    Example,
    Finding,
    LocaleSource,
    Note,
    PageSummary,
    RuleInfo,
    RunResult,
    Severity,
)
from loccheck.reporters.base import reporters
from loccheck.reporters.html import (
    HtmlReporter,
    market_views,
    readiness_band,
    readiness_score,
    report_data,
)

HOSTILE_SCRIPT = "<script>window.__pwned=1</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_LINK = "javascript:window.__pwned=1"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _ru_page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="ru">\n<head><meta charset="utf-8">'
        f"<title>{title}</title></head>\n<body>\n{body}\n</body>\n</html>\n"
    )


# "Add to cart" is on three pages: the grouped view shows it once, "3 pages".
SITE = {
    "index.html": _ru_page(
        "Кожаные сумки",
        "<h1>Кожаные сумки ручной работы</h1>\n"
        "<p>Добро пожаловать в наш магазин. Мы шьём сумки из натуральной кожи.</p>\n"
        '<p class="price">Цена: $45.99</p>\n'
        "<button>Add to cart</button>\n"
        "<p>Доставка 12/05/2025 в 3:30 PM</p>",
    ),
    "bags.html": _ru_page(
        "Рюкзаки",
        "<h1>Рюкзаки</h1>\n"
        "<p>Рюкзаки для города и путешествий из прочной ткани.</p>\n"
        "<button>Add to cart</button>",
    ),
    "hostile.html": _ru_page(
        "Товар",
        "<h1>Best leather bag &lt;script&gt;window.__pwned=1&lt;/script&gt;"
        " for every day</h1>\n"
        "<p>Сумка из натуральной кожи с внутренним карманом на молнии.</p>\n"
        '<img src="bag.jpg" alt="Leather bag &lt;img src=x '
        'onerror=&quot;window.__pwned=1&quot;&gt; with strap">\n'
        '<a href="#">javascript:window.__pwned=1 Click here to buy now</a>\n'
        "<button>Add to cart</button>",
    ),
    "about.html": _ru_page(
        "О магазине",
        "<h1>О магазине</h1>\n<p>Мы шьём сумки и рюкзаки в Твери с 2009 года.</p>",
    ),
}


def _render(result: RunResult) -> str:
    buffer = io.StringIO()
    HtmlReporter().render(result, buffer)
    return buffer.getvalue()


@pytest.fixture
def scanned(write_site: Callable[[dict[str, str | bytes]], Path]) -> RunResult:
    return scan(write_site(dict(SITE)), "shop", ScanOptions(), jobs=1)


def _data_block(html: str) -> str:
    match = re.search(
        r'<script type="application/json" id="loccheck-data">(.*?)</script>',
        html,
        re.S,
    )
    assert match, "the report has no data block"
    return match.group(1)


def _finding(page: str, severity: Severity, text: str = "Add to cart") -> Finding:
    return Finding(
        rule="foreign-language-text",
        category=Category.LANGUAGE,
        severity=severity,
        confidence=Confidence.HIGH,
        page=page,
        line=3,
        column=5,
        selector="button",
        text=text,
        message=f'"{text}" is in English, not Russian.',
        locale="ru-RU",
    )


def _summary(page: str, locale: str | None = "ru-RU") -> PageSummary:
    return PageSummary(page, locale, LocaleSource.HTML_LANG, 10, 0)


# --- plain tests: the HTML text itself ---------------------------------------


def test_html_is_a_registered_format() -> None:
    assert reporters()["html"] is HtmlReporter
    assert HtmlReporter.extension == ".html"


def test_report_of_a_scan_has_real_findings_and_escapes_page_text(
    scanned: RunResult,
) -> None:
    texts = {f.text for f in scanned.findings}
    assert any(HOSTILE_SCRIPT in t for t in texts)
    assert any(HOSTILE_IMG in t for t in texts)
    assert any(t.startswith(HOSTILE_LINK) for t in texts)
    html = _render(scanned)
    html.encode("utf-8")  # raw bytes in rule examples are shown, not kept
    assert "window.__pwned" in html  # the hostile text is in the report …
    for raw in (HOSTILE_SCRIPT, "<script>window", HOSTILE_IMG, "<img"):
        assert raw not in html  # … but never as markup
    assert "\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e" in html
    assert "javascript:" not in html.replace(HOSTILE_LINK, "")
    assert len(re.findall(r"<script\b", html)) == 2  # data block + report script
    # Nothing is loaded from anywhere: no src, no stylesheet link, no CSS url().
    tags = re.findall(r"<[a-zA-Z][^<>]*>", html.replace(_data_block(html), ""))
    loading = r"\ssrc=|^<(link|iframe|object|embed|img|base)\b"
    assert [t for t in tags if re.search(loading, t)] == []
    style = html[html.index("<style>") : html.index("</style>")]
    assert "url(" not in style and "@import" not in style


def test_server_rendered_values_are_autoescaped() -> None:
    page = '<img src=x onerror="window.__pwned=1">.html'
    finding = Finding(
        rule="foreign-currency",
        category=Category.CURRENCY,
        severity=Severity.ERROR,
        confidence=Confidence.HIGH,
        page=page,
        line=1,
        column=1,
        selector="<b>sel</b>",
        text="$5 " + HOSTILE_SCRIPT,
        message="<i>message</i>",
        locale="ru-RU",
        expected={"currency": "<u>RUB</u>"},
        found={"currency": "USD", "context": f"Price {HOSTILE_SCRIPT} now"},
        suggestion=HOSTILE_SCRIPT,
    )
    rule = RuleInfo(
        id="foreign-currency",
        category=Category.CURRENCY,
        severity=Severity.ERROR,
        summary="A price in a <b>foreign</b> currency.",
        why="Because <script>window.__pwned=1</script>.",
        examples=(
            Example(html='<p onclick="x()">$45.99</p>', market="ru-RU", bad=True),
        ),
        references=("javascript:window.__pwned=1", "https://cldr.unicode.org/"),
    )
    result = RunResult(
        root="<script>window.__pwned=1</script>",
        version="1.0",
        pages=(PageSummary(page, "ru-RU", LocaleSource.CLI, 3, 1),),
        findings=(finding,),
        notes=(Note(page, "escaping-link", f"{page}: link <a> skipped."),),
        rules=(rule,),
    )
    html = _render(result)
    for raw in ("<script>window", "<img", "<b>", "<i>", "<u>", "<p onclick"):
        assert raw not in html
    assert "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;.html" in html
    assert "&lt;p onclick=&#34;x()&#34;&gt;$45.99&lt;/p&gt;" in html  # example code
    assert 'href="javascript:' not in html  # a non-web reference is not a link
    assert '<a href="https://cldr.unicode.org/"' in html


def test_data_block_cannot_be_broken_out_of() -> None:
    nasty = "</script><script>window.__pwned=1</script><!-- \u2028 & ]]> \udcff"
    result = RunResult(
        root="shop",
        version="1.0",
        pages=(_summary("index.html"),),
        findings=(_finding("index.html", Severity.WARNING, nasty),),
    )
    html = _render(result)
    block = _data_block(html)
    assert "<" not in block and ">" not in block and "&" not in block
    assert "\u2028" not in block
    html.encode("utf-8")  # a lone surrogate is escaped, so the file can be written
    data = json.loads(block)
    assert data["findings"][0][8] == nasty  # the text column, intact
    assert html.count("</script>") == 2


def test_readiness_score_is_computed_as_documented() -> None:
    # 100 x (clean + 0.5 x warning-only) / pages, rounded half up.
    assert readiness_score(clean=1, warning_only=1, pages=4) == 38  # 37.5
    assert readiness_score(clean=2, warning_only=0, pages=3) == 67  # 66.7
    assert readiness_score(clean=0, warning_only=0, pages=5) == 0
    assert readiness_score(clean=7, warning_only=0, pages=7) == 100
    assert readiness_score(clean=0, warning_only=0, pages=0) is None
    assert [readiness_band(s) for s in (100, 90, 89, 60, 59, None)] == [
        "ready",
        "ready",
        "needs-work",
        "needs-work",
        "not-ready",
        "no-pages",
    ]
    findings = (
        _finding("info-only.html", Severity.INFO),  # counts as clean
        _finding("warned.html", Severity.WARNING),
        _finding("broken.html", Severity.ERROR),
        _finding("broken.html", Severity.WARNING),
        _finding("de.html", Severity.ERROR),
    )
    pages = ("broken.html", "clean.html", "info-only.html", "warned.html")
    result = RunResult(
        root="shop",
        version="1.0",
        pages=(*(_summary(p) for p in pages), _summary("de.html", "de-DE")),
        findings=findings,
    )
    ru, de = market_views(result)
    assert (ru.market, ru.pages, ru.clean, ru.warning_only, ru.with_errors) == (
        "ru-RU",
        4,
        2,
        1,
        1,
    )
    assert ru.score == 63 and ru.band == "needs-work"  # (2 + 0.5) / 4 = 62.5
    assert (de.market, de.score, de.band) == ("de-DE", 0, "not-ready")
    html = _render(result)
    assert re.search(r'class="gauge-number"[^>]*>63<', html)
    assert "score = 100 × (clean pages + ½ × pages with warnings only)" in html
    docs = (Path(__file__).parent.parent / "docs" / "report.md").read_text("utf-8")
    assert "100 × (clean pages + ½ × pages with warnings only) ÷ pages checked" in docs


def test_grouped_view_data_counts_pages_per_text(scanned: RunResult) -> None:
    data = report_data(scanned)
    rule = data["rules"].index("foreign-language-text")
    groups = [i for i, g in enumerate(data["groups"]) if g[0] == rule]
    add_to_cart = [i for i in groups if data["groups"][i][2] == "Add to cart"]
    assert len(add_to_cart) == 1
    pages = {row[0] for row in data["findings"] if row[14] == add_to_cart[0]}
    assert len(pages) == 3


def test_an_empty_scan_still_renders() -> None:
    html = _render(RunResult(root="empty", version="1.0", pages=(), findings=()))
    assert "No page was checked." in html
    assert json.loads(_data_block(html))["findings"] == []


def test_output_is_deterministic(scanned: RunResult) -> None:
    assert _render(scanned) == _render(scanned)


# --- the report in a real browser --------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed"
    )
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("no chromium on PATH (Debian: apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


class _Watch:
    """Console errors, page errors and non-file requests of one browser page."""

    def __init__(self, page: Any) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("request", self._request)
        # Keep the test offline even if the report tried to reach out.
        page.route(re.compile(r"^(?!file:)"), lambda route: route.abort())

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def _request(self, request: Any) -> None:
        if not request.url.startswith("file:"):
            self.requests.append(request.url)


def _open(browser: Any, report: Path, width: int) -> tuple[Any, _Watch]:
    page = browser.new_page(viewport={"width": width, "height": 900})
    watch = _Watch(page)
    page.goto(report.as_uri())
    page.wait_for_selector("#findings-body tr")
    return page, watch


@pytest.fixture
def report_file(scanned: RunResult, tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    path.write_text(_render(scanned), encoding="utf-8")
    return path


def _rows(page: Any) -> int:
    return int(page.locator("#findings-body tr").count())


def _column(page: Any, selector: str) -> list[str]:
    return [str(t) for t in page.locator(selector).all_text_contents()]


def test_report_works_in_a_browser(
    browser: Any, report_file: Path, scanned: RunResult, tmp_path: Path
) -> None:
    page, watch = _open(browser, report_file, 1280)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # Hostile page text is shown as literal text, never as markup.
    marks = _column(page, "#findings-body mark")
    assert any(HOSTILE_SCRIPT in t for t in marks)
    assert any(HOSTILE_IMG in t for t in marks)
    assert any(t.startswith(HOSTILE_LINK) for t in marks)
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    total = len(scanned.findings)
    assert _rows(page) == total

    page.select_option("#f-severity", label="error")
    assert 0 < _rows(page) < total
    assert set(_column(page, "#findings-body .c-sev .badge")) == {"error"}
    page.select_option("#f-category", label="currency")
    assert set(_column(page, "#findings-body .c-rule .sub")) == {"currency"}
    page.click("#f-reset")
    assert _rows(page) == total
    page.locator("#f-search").press_sequentially("add to CART")
    assert _rows(page) == 3
    assert "Showing 1–3 of 3 findings" in page.inner_text("#result-count")
    page.fill("#f-search", "")

    page.click("#findings-table th button[data-sort='page']")
    pages = _column(page, "#findings-body .c-page .page-link")
    assert pages == sorted(pages) and len(set(pages)) > 1
    page.click("#findings-table th button[data-sort='page']")
    assert _column(page, "#findings-body .c-page .page-link") == sorted(
        pages, reverse=True
    )
    page.click("#findings-table th button[data-sort='rule']")
    rules = _column(page, "#findings-body .rule-link")
    assert rules == sorted(rules)

    page.click("#findings-body .rule-link >> nth=0")
    assert page.locator(f"#rule-{rules[0]}").get_attribute("open") is not None

    page.click("#view-groups")
    row = page.locator(
        "#groups-body tr", has=page.locator("mark", has_text="Add to cart")
    )
    assert row.count() == 1
    assert row.locator(".page-count").inner_text() == "3 pages"
    row.locator("button.show-group").click()
    assert _rows(page) == 3

    page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.errors == []
    assert watch.requests == []
    page.close()


def test_report_fits_a_phone_screen(
    browser: Any, report_file: Path, tmp_path: Path
) -> None:
    page, watch = _open(browser, report_file, 390)
    overflow = (
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert page.evaluate(overflow) <= 0
    page.click("#view-groups")
    assert page.evaluate(overflow) <= 0
    page.screenshot(path=str(tmp_path / "report-phone.png"), full_page=True)
    assert watch.errors == [] and watch.requests == []
    page.close()
