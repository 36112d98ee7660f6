"""Read sitemaps (plain, gzipped, sitemap indexes) and what their URLs tell."""

from __future__ import annotations

import gzip
import io
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

_SITEMAP_MAX_BYTES = 50 * 1024 * 1024  # the sitemaps.org limit, uncompressed
_MAX_BASE_DEPTH = 3
_ENTRIES = ("url", "sitemap")
_XML_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


def parse_sitemap(path: Path) -> tuple[str, list[str]]:
    """Return a sitemap's kind (urlset or sitemapindex) and its ``<loc>`` URLs."""
    with open(path, "rb") as handle:
        data = handle.read(_SITEMAP_MAX_BYTES + 1)
    if data.startswith(b"\x1f\x8b"):
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
            data = unzipped.read(_SITEMAP_MAX_BYTES + 1)
    if len(data) > _SITEMAP_MAX_BYTES:
        raise ValueError("it is larger than 50 MB")
    root = etree.fromstring(data, _XML_PARSER)
    kind = etree.QName(root).localname
    if kind not in ("urlset", "sitemapindex"):
        raise ValueError(f"its root element is <{kind}>, not <urlset>")
    return kind, [
        loc.text.strip()
        for entry in root
        if isinstance(entry.tag, str) and etree.QName(entry).localname in _ENTRIES
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
