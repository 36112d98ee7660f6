"""Read sitemaps (plain, gzipped, sitemap indexes) and what their URLs tell."""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

_SITEMAP_MAX_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit, uncompressed
_MAX_BASE_DEPTH = 3
_ENTRIES = ("url", "sitemap")
_READ_BYTES = 1 << 16
_XML_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
}


def parse_sitemap(path: Path) -> tuple[str, list[str]]:
    """Return a sitemap's kind (urlset or sitemapindex) and its ``<loc>`` URLs.

    The file is read as a stream and each entry is dropped once its URL is
    taken, so a sitemap of 50,000 URLs never stands in memory as a tree.
    """
    with open(path, "rb") as handle:
        if handle.read(2) == b"\x1f\x8b":
            handle.seek(0)
            with gzip.GzipFile(fileobj=handle) as unzipped:
                return _read_locs(unzipped.read)
        handle.seek(0)
        return _read_locs(handle.read)


def _read_locs(read: Callable[[int], bytes]) -> tuple[str, list[str]]:
    parser = etree.XMLPullParser(("start", "end"), **_XML_OPTIONS)
    kind, depth, size, locs = "", 0, 0, []
    while chunk := read(_READ_BYTES):
        size += len(chunk)
        if size > _SITEMAP_MAX_BYTES:
            raise ValueError("it is larger than 50 MB")
        parser.feed(chunk)
        for event, element in parser.read_events():
            if event == "start":
                depth += 1
                if depth == 1:
                    kind = etree.QName(element).localname
                    if kind not in ("urlset", "sitemapindex"):
                        raise ValueError(f"its root element is <{kind}>, not <urlset>")
                continue
            depth -= 1
            if depth == 1:
                locs.extend(_entry_locs(element))
                element.clear()
                while element.getprevious() is not None:  # read: drop it
                    del element.getparent()[0]
    if not size:
        raise ValueError("it is empty")
    parser.close()
    return kind, locs


def _entry_locs(entry: etree._Element) -> list[str]:
    """The ``<loc>`` URLs of one ``<url>`` or ``<sitemap>`` entry."""
    if not isinstance(entry.tag, str) or etree.QName(entry).localname not in _ENTRIES:
        return []
    return [
        loc.text.strip()
        for loc in entry.iterchildren("{*}loc")
        if loc.text and loc.text.strip()
    ]


def learn_base_path(paths: Sequence[str], exists: Callable[[str], bool]) -> str:
    """Return the URL folder the export's root stands for ("" for the host root).

    A mirror of ``https://shop.example/ru-ru/`` keeps ``index.html`` at its
    root while its sitemap lists ``/ru-ru/index.html``. For each URL path,
    the shortest prefix whose removal names a file of the export wins a vote;
    the prefix with most votes is the base, the host root on a tie.
    """
    votes: Counter[str] = Counter()
    for path in paths:
        segments = [s for s in unquote(path).split("/") if s]
        if path.endswith("/"):
            segments.append("index.html")
        for depth in range(min(_MAX_BASE_DEPTH, len(segments) - 1) + 1):
            if exists("/".join(segments[depth:])):
                votes["/".join(segments[:depth])] += 1
                break
    if not votes:
        return ""
    best, count = votes.most_common(1)[0]
    return best if best and count > votes.get("", 0) else ""
