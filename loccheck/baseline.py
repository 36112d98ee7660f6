"""Baseline files: accept a site's known findings and report only new ones.

A baseline lists the fingerprints of the findings of one run (``scan
--write-baseline FILE``). A later run given ``--baseline FILE`` marks each
finding ``known`` or ``new``; only new findings decide the exit code, and
entries no finding matches any more are reported as ``fixed``.

Matching counts: an entry recorded for two findings with one fingerprint (the
same text flagged twice on a page) absorbs at most two findings.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from loccheck.model import BaselineEntry, RunResult, json_escape_surrogates

VERSION = 1
_FINGERPRINT = re.compile(r"^[0-9a-f]{20}$")
_MAX_TEXT = 120  # the text is for humans; the fingerprint does the matching


class BaselineError(ValueError):
    """A baseline file cannot be read; the message names the file and problem."""


def load_baseline(path: Path) -> tuple[BaselineEntry, ...]:
    """Read and validate the baseline file at ``path``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BaselineError(
            f"{path}: baseline file not found (create it with --write-baseline)"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        problem = exc.strerror if isinstance(exc, OSError) else str(exc)
        raise BaselineError(f"{path}: cannot read baseline: {problem}") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"{path}: not a loccheck baseline: invalid JSON at line {exc.lineno}:"
            f" {exc.msg}"
        ) from exc
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise BaselineError(
            f'{path}: not a loccheck baseline: expected an object with "version":'
            f" {VERSION}"
        )
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(f'{path}: "findings" should be a list')
    return tuple(_entry(path, index, item) for index, item in enumerate(entries, 1))


def _entry(path: Path, index: int, item: Any) -> BaselineEntry:
    def fail(problem: str) -> BaselineError:
        return BaselineError(f'{path}: entry {index} of "findings": {problem}')

    if not isinstance(item, Mapping):
        raise fail("should be an object")
    fingerprint = item.get("fingerprint")
    if not isinstance(fingerprint, str) or not _FINGERPRINT.match(fingerprint):
        raise fail('"fingerprint" should be 20 hexadecimal digits')
    for key in ("rule", "page"):
        if not isinstance(item.get(key), str):
            raise fail(f'"{key}" should be a string')
    line, count = item.get("line"), item.get("count", 1)
    if line is not None and (not isinstance(line, int) or isinstance(line, bool)):
        raise fail('"line" should be an integer or null')
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise fail('"count" should be a positive integer')
    text = item.get("text", "")
    return BaselineEntry(
        fingerprint,
        item["rule"],
        item["page"],
        line,
        text if isinstance(text, str) else str(text),
        count,
    )


def entries_of(result: RunResult) -> tuple[BaselineEntry, ...]:
    """Return the baseline entries recording every finding of ``result``."""
    counts = Counter(f.fingerprint for f in result.findings)
    first: dict[str, BaselineEntry] = {}
    for finding in result.findings:  # sorted: the first occurrence gives the line
        if finding.fingerprint not in first:
            text = finding.text
            if len(text) > _MAX_TEXT:
                text = text[: _MAX_TEXT - 1] + "…"
            first[finding.fingerprint] = BaselineEntry(
                finding.fingerprint,
                finding.rule,
                finding.page,
                finding.line,
                text,
                counts[finding.fingerprint],
            )
    return tuple(
        sorted(first.values(), key=lambda e: (e.page, e.rule, e.text, e.fingerprint))
    )


def dump_baseline(entries: tuple[BaselineEntry, ...]) -> str:
    """Serialise entries one per line, so a baseline change reads well in a diff.

    A file name that is not UTF-8 holds its raw bytes as lone surrogates:
    they are written as JSON escapes, so the file is UTF-8 and reads back to
    the very same name.
    """
    lines = ",\n".join(
        f"    {json.dumps(e.to_dict(), ensure_ascii=False)}" for e in entries
    )
    lines = json_escape_surrogates(lines)
    body = f"[\n{lines}\n  ]" if entries else "[]"
    return f'{{\n  "version": {VERSION},\n  "findings": {body}\n}}\n'


def write_baseline(result: RunResult, path: Path) -> int:
    """Write the baseline of ``result`` to ``path``; return the findings recorded.

    The file is replaced atomically, so a baseline may be read and rewritten
    in one run.

    Raises:
        BaselineError: the file cannot be written.
    """
    text = dump_baseline(entries_of(result))
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8", newline="\n")
        os.replace(temporary, path)
    except OSError as exc:
        raise BaselineError(
            f"{path}: cannot write baseline: {exc.strerror or exc}"
        ) from exc
    return len(result.findings)


def apply_baseline(result: RunResult, entries: tuple[BaselineEntry, ...]) -> RunResult:
    """Mark each finding ``known`` or ``new`` and list the entries now fixed.

    Findings are taken in report order, so when a fingerprint occurs more often
    than the baseline recorded, the later occurrences are the new ones. An
    entry is reported fixed only if its page was checked and its rule ran in
    this run (scanning one page or disabling a rule does not "fix" the rest).
    """
    budget: Counter[str] = Counter()
    for entry in entries:
        budget[entry.fingerprint] += entry.count
    marked = []
    for finding in result.findings:
        if budget[finding.fingerprint] > 0:
            budget[finding.fingerprint] -= 1
            marked.append(replace(finding, baseline="known"))
        else:
            marked.append(replace(finding, baseline="new"))
    pages = {summary.page for summary in result.pages}
    rules = {rule.id for rule in result.rules}
    fixed = []
    for entry in sorted(entries, key=lambda e: (e.page, e.rule, e.text, e.fingerprint)):
        left = min(entry.count, budget[entry.fingerprint])
        judged = entry.page in pages and (not rules or entry.rule in rules)
        if left > 0 and judged:
            budget[entry.fingerprint] -= left
            fixed.append(replace(entry, count=left))
    return replace(result, findings=tuple(marked), fixed=tuple(fixed))
