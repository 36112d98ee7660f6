"""Run a rule's documented examples through the real pipeline."""

from __future__ import annotations

import tempfile
from pathlib import Path

from loccheck.engine import ScanOptions, scan
from loccheck.model import Example, Finding


def write_example(example: Example, folder: Path) -> None:
    """Write an example page (and its sibling pages) into ``folder``.

    Text is written as UTF-8; lone surrogates stand for raw undecodable bytes.
    """
    for name, html in ((example.path, example.html), *example.files):
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html.encode("utf-8", errors="surrogateescape"))


def run_example(
    example: Example, rule_id: str, rule_paths: tuple[str, ...] = ()
) -> list[Finding]:
    """Scan the example as a one-page (or few-page) site; return ``rule_id``'s findings.

    The example's market is passed as ``--locale``; an empty market lets the
    page resolve its own.
    """
    with tempfile.TemporaryDirectory(prefix="loccheck-example-") as tmp:
        folder = Path(tmp)
        write_example(example, folder)
        options = ScanOptions(locale=example.market or None, rule_paths=rule_paths)
        result = scan(folder, tmp, options, jobs=1)
    return [f for f in result.findings if f.rule == rule_id and f.page == example.path]
