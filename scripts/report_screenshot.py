"""Screenshot the HTML report of ``sample_sites/marketplace-ru`` for the docs.

Run from anywhere in a checkout (one command)::

    python scripts/report_screenshot.py [--out docs/img/report.png]

It scans the sample site, writes the HTML report to a temporary folder, opens it
from disk in headless Chromium through Playwright and saves a PNG of the
dashboard. It needs the ``playwright`` package (a test dependency) and a
Chromium on the PATH, e.g. Debian's ``chromium`` package; it never downloads a
browser.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # use this checkout's loccheck, installed or not

from loccheck.engine import ScanOptions, scan  # noqa: E402
from loccheck.reporters.html import HtmlReporter  # noqa: E402

SITE = "sample_sites/marketplace-ru"
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
VIEWPORT = {"width": 1280, "height": 2400}


def write_report(folder: Path) -> Path:
    """Scan the sample site and write its HTML report into ``folder``."""
    result = scan(ROOT / SITE, SITE, ScanOptions(), jobs=1)
    report = folder / "report.html"
    with report.open("w", encoding="utf-8", newline="\n") as handle:
        HtmlReporter().render(result, handle)
    return report


def screenshot(report: Path, out: Path) -> None:
    """Open ``report`` from disk in headless Chromium and save a PNG to ``out``."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium is not on the PATH (Debian: apt-get install chromium)")
    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(report.as_uri())
        page.wait_for_selector("#findings-body tr")
        # The dashboard, down to the score's explanation.
        box = page.locator("#score-formula").bounding_box()
        height = VIEWPORT["height"] if box is None else box["y"] + box["height"] + 24
        page.screenshot(
            path=str(out), clip={"x": 0, "y": 0, "width": 1280, "height": height}
        )
        browser.close()


def main() -> None:
    """Write the report to a temporary folder and screenshot it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "img" / "report.png"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="loccheck-report-") as folder:
        screenshot(write_report(Path(folder)), args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
