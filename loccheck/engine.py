"""Check pages (a pure function of page and settings) and merge the results."""

from __future__ import annotations

import contextlib
import gc
import os
import stat
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from loccheck import __version__, suppress
from loccheck.checks.base import AlternateFact, PageContext, PageFacts
from loccheck.crawl import (
    PAGE_SUFFIXES,
    LinkTarget,
    SiteIndex,
    discover,
    is_excluded,
    resolve_link,
)
from loccheck.decode import Decoded, decode_html
from loccheck.extract import build_page
from loccheck.glossary import terms_for
from loccheck.markets import load_market
from loccheck.model import (
    Finding,
    LocaleSource,
    Note,
    PageSummary,
    RunResult,
    Severity,
    sort_findings,
)
from loccheck.registry import load_registry
from loccheck.resolve import resolve_market

_CHUNK = 16  # pages per task sent to a worker process
_IN_PROCESS_BELOW = 24  # smaller sites are not worth starting processes for
# Checking a page allocates many short-lived objects and no reference cycles
# worth collecting often; the default threshold (700) runs the cycle collector
# dozens of times a page, over the language models too. Measured: 7-8 % of a
# page's time (benchmarks/bench_scan.py).
_GC_THRESHOLD = (50_000, 50, 100)


@dataclass(frozen=True)
class ScanOptions:
    """What the user asked for (command line and config merged)."""

    locale: str | None = None
    markets: tuple[tuple[str, str], ...] = ()
    exclude: tuple[str, ...] = ()
    disabled: frozenset[str] = frozenset()
    severities: tuple[tuple[str, Severity], ...] = ()
    hosts: tuple[str, ...] = ()
    glossary: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rule_paths: tuple[str, ...] = ()  # the user's YAML rule files and folders
    source_locale: str | None = None  # language of the catalogs' source strings


@dataclass(frozen=True)
class ScanSettings:
    """Everything that decides a page's result besides the page itself."""

    index: SiteIndex
    options: ScanOptions


@dataclass(frozen=True)
class PageResult:
    """What checking one page produced; results of pages merge by concatenation."""

    summary: PageSummary
    findings: tuple[Finding, ...]
    notes: tuple[Note, ...]
    facts: PageFacts
    linked_pages: tuple[str, ...] = ()


_glossary_terms = lru_cache(maxsize=256)(terms_for)


def _notes_for(path: str, decoded: Decoded) -> list[Note]:
    notes: list[Note] = []
    if decoded.problem:
        notes.append(Note(path, "unreadable", f"{path}: {decoded.problem}; skipped."))
    if decoded.truncated:
        notes.append(
            Note(
                path,
                "truncated",
                f"{path}: the HTML looks truncated; checked as far as it goes.",
            )
        )
    return notes


def _follow_links(
    path: str, hrefs: Iterable[str], resolve: Callable[[str], LinkTarget]
) -> tuple[tuple[str, ...], list[Note]]:
    pages: dict[str, None] = {}
    notes: dict[str, Note] = {}
    for href in dict.fromkeys(hrefs):  # cards link their product twice
        target = resolve(href)
        if target.kind == "page" and target.path:
            pages[target.path] = None
        elif target.kind == "escape" and href not in notes:
            notes[href] = Note(
                path,
                "escaping-link",
                f"{path}: link {href!r} leads outside the scanned folder; "
                "not followed.",
            )
    return tuple(pages), list(notes.values())


def check_page(path: str, data: bytes, settings: ScanSettings) -> PageResult:
    """Check one page; a pure function of its path, bytes and the settings."""
    decoded = decode_html(data)
    notes = _notes_for(path, decoded)
    if decoded.text is None:
        summary = PageSummary(path, None, LocaleSource.NONE, 0, 0, decoded.encoding)
        return PageResult(summary, (), tuple(notes), PageFacts(path, None, ()))
    page = build_page(path, decoded.text, decoded.encoding)
    if page.parse_problem:
        message = f"{path}: {page.parse_problem}; the rest of the page was not checked."
        notes.append(Note(path, "parse-stopped", message))

    resolved: dict[str, LinkTarget] = {}  # several rules resolve the same links

    def resolve(href: str) -> LinkTarget:
        found = resolved.get(href)
        if found is None:
            found = resolved[href] = resolve_link(settings.index, path, href)
        return found

    market_id, source = resolve_market(
        page,
        cli_locale=settings.options.locale,
        mapping=settings.options.markets,
        resolve=resolve,
    )
    market = load_market(market_id) if market_id else None  # cached per id
    terms = (
        _glossary_terms(settings.options.glossary, market.id, market.language)
        if market
        else frozenset()
    )
    ctx = PageContext(
        page, market, source, decoded, resolve, terms, settings.options.rule_paths
    )
    findings, suppressed = suppress.apply(page, list(_run_checks(ctx, settings)))
    linked, link_notes = _follow_links(path, page.links, resolve)
    alternates = tuple(
        AlternateFact(a.hreflang, t.path)
        for a in page.alternates
        for t in (resolve(a.href),)
        if t.kind == "page" and t.path
    )
    summary = PageSummary(
        path,
        market.id if market else None,
        source,
        len(page.segments),
        len(findings),
        decoded.encoding,
        sum(page.skipped.values()),
        suppressed,
    )
    facts = PageFacts(
        path,
        summary.locale,
        alternates,
        page.alternates[0].line if page.alternates else 1,
    )
    return PageResult(
        summary, tuple(findings), tuple(notes + link_notes), facts, linked
    )


def _with_severities(
    findings: Iterable[Finding], options: ScanOptions
) -> Iterator[Finding]:
    """Apply the config's per-rule severities."""
    overrides = dict(options.severities)
    for finding in findings:
        severity = overrides.get(finding.rule)
        yield replace(finding, severity=severity) if severity else finding


def _run_checks(ctx: PageContext, settings: ScanSettings) -> Iterator[Finding]:
    registry = load_registry(settings.options.rule_paths)  # cached per process
    for check_class in registry.page_checks:
        if check_class.id not in settings.options.disabled:
            yield from _with_severities(check_class().check(ctx), settings.options)


def check_file(path: str, settings: ScanSettings) -> PageResult:
    """Read one page of the export (never outside its root) and check it."""
    full = settings.index.root / path
    try:
        if not stat.S_ISREG(os.stat(full).st_mode):
            # A pipe, socket or device named like a page: reading may block.
            problem = "it is not a regular file"
        else:
            problem, data = "", full.read_bytes()
    except OSError as exc:
        problem = f"cannot read: {exc.strerror or exc}"
    if problem:
        summary = PageSummary(path, None, LocaleSource.NONE, 0, 0)
        note = Note(path, "unreadable", f"{path}: {problem}.")
        return PageResult(summary, (), (note,), PageFacts(path, None, ()))
    try:
        return check_page(path, data, settings)
    except Exception as exc:  # one bad page must not stop the run
        summary = PageSummary(path, None, LocaleSource.NONE, 0, 0)
        message = (
            f"{path}: could not be checked ({type(exc).__name__}: {exc}); "
            "please report this page."
        )
        note = Note(path, "internal-error", message)
        return PageResult(summary, (), (note,), PageFacts(path, None, ()))


def _check_chunk(paths: Sequence[str], settings: ScanSettings) -> list[PageResult]:
    warm = _first_equal(settings, tuple(sorted(settings.index.aliases.items())))
    return [check_file(path, warm) for path in paths]


@lru_cache(maxsize=4)
def _first_equal(
    settings: ScanSettings, aliases: tuple[tuple[str, str], ...]
) -> ScanSettings:
    """The first settings equal to ``settings`` that this process was sent.

    Each task unpickles its own copy, whose link memos start empty; the first
    copy's have been filled by every page checked since (menus and footers
    link the same files from every page).
    """
    return settings


@dataclass
class _Collector:
    """Merges page results as they arrive and queues newly linked pages.

    It holds a summary line and the site-wide facts of every page until the
    report is written, so both are kept small: page paths are the ones the
    crawl already holds, and locales, encodings and hreflang codes are shared
    strings, not one copy per page unpickled from a worker.
    """

    settings: ScanSettings
    seen: dict[str, str]  # every page queued, mapped to itself (one copy)
    queue: deque[str]
    summaries: list[PageSummary] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    facts: list[PageFacts] = field(default_factory=list)

    def add(self, result: PageResult) -> None:
        summary, facts = result.summary, result.facts
        path = self.seen.get(summary.page, summary.page)
        locale, encoding = _shared(summary.locale), _shared(summary.encoding)
        self.summaries.append(
            replace(summary, page=path, locale=locale, encoding=encoding)
        )
        if result.findings:
            self.findings.extend(
                _shared_parts(f, summary.page, path) for f in result.findings
            )
        self.notes.extend(result.notes)
        alternates = tuple(
            AlternateFact(sys.intern(a.hreflang), self.seen.get(a.target, a.target))
            for a in facts.alternates
        )
        self.facts.append(PageFacts(path, locale, alternates, facts.first_line))
        exclude = self.settings.options.exclude
        for linked in result.linked_pages:
            if linked not in self.seen and not is_excluded(linked, exclude):
                self.seen[linked] = linked
                self.queue.append(linked)


_SHORT = 32  # string values of findings' details shared when no longer


def _shared(text: str | None) -> str | None:
    return None if text is None else sys.intern(text)


def _shared_parts(finding: Finding, page: str, path: str) -> Finding:
    """``finding`` as the main process keeps it until the report: its page
    is the crawl's copy of the path, and the strings that repeat from finding
    to finding (rule, selector, locale, scope, the keys of ``expected`` and
    ``found``) are shared, not one copy each unpickled from a worker."""
    return replace(
        finding,
        rule=sys.intern(finding.rule),
        page=path if finding.page == page else finding.page,
        selector=sys.intern(finding.selector),
        locale=_shared(finding.locale),
        scope=sys.intern(finding.scope),
        expected=_shared_keys(finding.expected),
        found=_shared_keys(finding.found),
    )


def _shared_keys(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    """``mapping`` with its keys, and its short string values ("ru", "en-US",
    "detector"), shared."""
    if not mapping:
        return mapping
    return {
        sys.intern(k): sys.intern(v) if isinstance(v, str) and len(v) <= _SHORT else v
        for k, v in mapping.items()
    }


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the cycle collector less often while pages are checked."""
    before = gc.get_threshold()
    gc.set_threshold(*_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _worker_setup() -> None:
    gc.set_threshold(*_GC_THRESHOLD)


def _run_serial(collector: _Collector, progress: Callable[[int], None]) -> None:
    while collector.queue:
        path = collector.queue.popleft()
        collector.add(check_file(path, collector.settings))
        progress(1)


def _take_chunk(queue: deque[str]) -> list[str]:
    return [queue.popleft() for _ in range(min(_CHUNK, len(queue)))]


@contextmanager
def _early_workers(root: Path, jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """Worker processes started before the crawl, if the site looks big enough.

    A forked worker maps this process's memory as it is at the fork: forked
    before the crawl, that is the same small heap for a site of any size, not
    the crawl's per-page structures as well.
    """
    if jobs <= 1 or not _many_pages(root):
        yield None
        return
    with ProcessPoolExecutor(jobs, initializer=_worker_setup) as pool:
        with contextlib.suppress(BrokenProcessPool):  # the run goes on in this process
            pool.submit(int)  # the fork start method starts every worker at once
        yield pool


def _many_pages(root: Path) -> bool:
    """True if the folder ``root`` holds enough page files to share out."""
    if not root.is_dir():
        return False
    count = 0
    for _folder, _subfolders, files in os.walk(root):  # symlinks are not followed
        count += sum(1 for name in files if name.lower().endswith(PAGE_SUFFIXES))
        if count >= _IN_PROCESS_BELOW:
            return True
    return False


@contextmanager
def _workers(
    started: ProcessPoolExecutor | None, jobs: int
) -> Iterator[ProcessPoolExecutor]:
    if started is not None:
        yield started
        return
    with ProcessPoolExecutor(jobs, initializer=_worker_setup) as pool:
        yield pool


def _run_parallel(
    collector: _Collector,
    jobs: int,
    progress: Callable[[int], None],
    started: ProcessPoolExecutor | None = None,
) -> None:
    running: dict[Future[list[PageResult]], list[str]] = {}
    try:
        with _workers(started, jobs) as pool:
            while collector.queue or running:
                while collector.queue and len(running) < jobs * 4:
                    chunk = _take_chunk(collector.queue)
                    try:
                        future = pool.submit(_check_chunk, chunk, collector.settings)
                    except BrokenProcessPool:
                        collector.queue.extendleft(reversed(chunk))
                        raise
                    running[future] = chunk
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    del running[future]
                    results = future.result()
                    for result in results:
                        collector.add(result)
                    progress(len(results))
    except BrokenProcessPool:
        # A worker died (killed for memory, say): finish in this process, so
        # that no page is lost and the run still ends with a report.
        for chunk in running.values():
            collector.queue.extendleft(reversed(chunk))
        _run_serial(collector, progress)


def _crawl_and_check(
    root: Path,
    options: ScanOptions,
    workers: int,
    started: ProcessPoolExecutor | None,
    progress: Callable[[int, int], None] | None,
) -> _Collector:
    """Find the pages of ``root`` and check each, following the links found."""
    from loccheck.catalog_scan import is_catalog_file

    discovery = discover(root, options.exclude, options.hosts)
    if is_catalog_file(root):  # one catalog file: there is no page to check
        discovery = replace(discovery, pages=(), entry_pages=())
    settings = ScanSettings(discovery.index, options)
    pages = list(discovery.pages)
    collector = _Collector(
        settings, {p: p for p in pages}, deque(pages), notes=list(discovery.notes)
    )
    done = 0

    def tick(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, len(collector.seen))

    with _fewer_collections():
        if workers <= 1 or len(pages) < _IN_PROCESS_BELOW:
            _run_serial(collector, tick)
        else:
            _run_parallel(collector, workers, tick, started)
    return collector


def scan(
    root: Path,
    root_label: str,
    options: ScanOptions,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Scan the export at ``root`` and return the merged, sorted result.

    Translation catalogs in the folder (or ``root`` itself, when it is one)
    are checked too (``loccheck.catalog_scan``) and merge into the result.
    """
    from loccheck.catalog_scan import scan_catalogs

    workers = jobs or os.cpu_count() or 1
    with _early_workers(root, workers) as started:
        collector = _crawl_and_check(root, options, workers, started, progress)
    settings = collector.settings
    findings = collector.findings + list(_site_findings(collector.facts, settings))
    catalogs = scan_catalogs(root, options, jobs)
    findings.extend(catalogs.findings)
    collector.notes.extend(catalogs.notes)
    return RunResult(
        root=root_label,
        version=__version__,
        pages=tuple(sorted(collector.summaries, key=lambda s: s.page)),
        findings=tuple(sort_findings(findings)),
        notes=tuple(
            sorted(set(collector.notes), key=lambda n: (n.page, n.kind, n.message))
        ),
        rules=tuple(
            rule.info()
            for rule in load_registry(options.rule_paths).rules()
            if rule.id not in options.disabled
        ),
        catalogs=catalogs.summaries,
    )


def _site_findings(
    facts: Sequence[PageFacts], settings: ScanSettings
) -> Iterator[Finding]:
    ordered = sorted(facts, key=lambda f: f.page)
    for check_class in load_registry(settings.options.rule_paths).site_checks:
        if check_class.id not in settings.options.disabled:
            found = check_class().check_site(ordered)
            yield from _with_severities(found, settings.options)
