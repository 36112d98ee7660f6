"""Shared material for the reporter tests: a hostile storefront and a scan of it.

The site has real findings (English text, a dollar price, a US date, invalid
hreflang values) and text an attacker controls: markup, quotes, commas, a line
break that tries to start a GitHub command, a terminal escape, a control
character XML cannot carry, a cell that starts a spreadsheet formula, and a
page whose file name starts with "=" and holds a comma and quotes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from loccheck.cli import main
from loccheck.model import (
    Category,
    Confidence,
    Finding,
    LocaleSource,
    Note,
    PageSummary,
    RunResult,
    Severity,
    sort_findings,
)
from loccheck.registry import load_registry

Site = Callable[[dict[str, "str | bytes"]], Path]
HOSTILE_PAGE = '=promo, "summer".html'
SCRIPT = "<script>alert(1)</script>"

INDEX = """<html lang="ru-RU"><head><meta charset="utf-8"><title>Каталог сумок</title>
</head><body>
<h1>Сумки и аксессуары из натуральной кожи</h1>
<p>Мы доставляем заказы по всей России за три дня.</p>
<h2>Leather bag "Classic", black</h2>
<p class="price">$45.99</p>
<p>Дата доставки: 12/05/2025</p>
<button>Add to cart</button>
<p>Ремень &laquo;Классика&raquo;, коричневый</p>
<p class="price">2 490 ₽</p>
</body></html>
"""

PROMO = """<html lang="ru-RU"><head><meta charset="utf-8"><title>Акция</title>
<link rel="alternate" hreflang="=cmd|' /C calc'!A0,&quot;x&quot;" href="index.html">
<link rel="alternate" hreflang="en&#10;::error file=x::pwned" href="index.html">
<link rel="alternate" hreflang="de&#27;[2J&#1;" href="index.html">
</head><body>
<h1>Летняя распродажа</h1>
<p>Скидки на сумки и кошельки до конца месяца.</p>
<p>Leather bag &lt;script&gt;alert(1)&lt;/script&gt; with a long strap</p>
<button>Add to cart</button>
</body></html>
"""

PLAIN = "<html><head></head><body><p>x</p></body></html>\n"

SITE: dict[str, str | bytes] = {
    "index.html": INDEX,
    HOSTILE_PAGE: PROMO,
    "misc/plain.html": PLAIN,
    "empty.html": b"",
}

EXTENSIONS = {
    "sarif": "sarif",
    "junit": "xml",
    "github": "txt",
    "csv": "csv",
    "xliff": "xlf",
    "text": "txt",
    "json": "json",
}


def scan_formats(
    root: Path,
    *extra: str,
    fail_on: str = "error",
    relative: bool = True,
    out: Path | None = None,
) -> dict[str, Path]:
    """Scan ``root`` once, writing every format into ``out`` (by default a
    folder beside ``root``, which must then be a temporary one).

    With ``relative``, the scan runs from ``root``'s parent and names the root
    by its folder name, as a CI job in the repository would.
    """
    out = out or root.parent / f"out-{root.name}"
    paths = {name: out / f"report.{name}.{ext}" for name, ext in EXTENSIONS.items()}
    args = ["scan", root.name if relative else str(root), "--jobs", "1"]
    args += ["--fail-on", fail_on, *extra]
    for name, path in paths.items():
        args += ["--format", f"{name}:{path}"]
    cwd = Path.cwd()
    os.chdir(root.parent if relative else cwd)
    try:
        result = CliRunner().invoke(main, args, catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code in (0, 1), result.output
    return paths


def json_report(paths: dict[str, Path]) -> dict[str, Any]:
    """The JSON report written by ``scan_formats``."""
    data: dict[str, Any] = json.loads(paths["json"].read_text(encoding="utf-8"))
    return data


def finding(**fields: Any) -> Finding:
    """A finding with sensible defaults for the fields a test does not care about."""
    base: dict[str, Any] = {
        "rule": "foreign-language-text",
        "category": Category.LANGUAGE,
        "severity": Severity.WARNING,
        "confidence": Confidence.HIGH,
        "page": "index.html",
        "line": 1,
        "column": 1,
        "selector": "p",
        "text": "Add to cart",
        "message": '"Add to cart" is in English, not Russian.',
        "locale": "ru-RU",
        "scope": "text",
        "found": {"language": "en"},
        "expected": {"language": "ru"},
        "suggestion": "Translate into Russian.",
    }
    base.update(fields)
    return Finding(**base)


def run_result(
    findings: list[Finding], root: str = "site", notes: tuple[Note, ...] = ()
) -> RunResult:
    """A RunResult around ``findings``, with a page entry for each of their pages."""
    pages = {f.page: f.locale for f in findings}
    pages.update({n.page: None for n in notes if n.page and n.page not in pages})
    summaries = tuple(
        PageSummary(
            page,
            locale,
            LocaleSource.HTML_LANG if locale else LocaleSource.NONE,
            segments=3,
            findings=sum(f.page == page for f in findings),
            encoding="utf-8",
        )
        for page, locale in sorted(pages.items())
    )
    used = {f.rule for f in findings}
    rules = tuple(rule.info() for rule in load_registry().rules() if rule.id in used)
    return RunResult(
        root=root,
        version="0.0.0",
        pages=summaries,
        findings=tuple(sort_findings(findings)),
        notes=notes,
        rules=rules,
    )
