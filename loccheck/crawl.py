"""Find the pages of an exported storefront and say where its links point."""

from __future__ import annotations

import os
import re
import stat
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from loccheck.model import Note
from loccheck.sitemaps import learn_base_path, parse_sitemap

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
# Files with these suffixes (or none) are pages only if their bytes look like
# HTML: wget without --adjust-extension saves "products/bag" or "page.php?id=3".
_SNIFF_SUFFIXES = frozenset(("", ".php", ".asp", ".aspx", ".jsp", ".shtml"))
_SKIP_DIRS = frozenset((".git", ".hg", ".svn"))
_INDEX_NAMES = ("index.html", "index.htm")
_SNIFF_BYTES = 1024
_CACHED_LINKS = 4096  # resolved links kept per index: menus, footers, …
_CACHED_PROBES = 4096  # file look-ups kept per index, likewise
_BASE_SAMPLE = 500  # sitemap URLs read to learn the export's URL folder
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")
_URL_NOISE = re.compile(r"[\t\n\r]")
# wget names host folders "shop.example.com" (with ":8080" or "+8080" for a port);
# a last label in _NOT_TLDS marks an ordinary folder ("jquery.ui", "app.min").
_HOST_NAME = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+([a-z]{2,63})\.?")
_PORT = re.compile(r"[:+]\d+$")
_NOT_TLDS = frozenset(("bak", "css", "htm", "html", "js", "json", "min", "old"))
_NOT_TLDS |= {"orig", "tmp", "txt", "ui", "xml"}
_GLOB_TOKEN = re.compile(r"(\*\*/|\*\*|\*|\?|\[[^\]/]+\])")
_GLOB_REGEX = {"**/": "(?:.*/)?", "**": ".*", "*": "[^/]*", "?": "[^/]"}
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<!--", b"<?xml")
_HTML_TAGS = (b"<html", b"<head", b"<body", b"<!doctype html")


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """Where an href points.

    ``kind`` is ``"page"``, ``"asset"``, ``"missing"`` (own-site file that is
    not in the export), ``"external"`` or ``"escape"`` (would leave the root).
    ``path`` is relative to the root for page, asset and missing.
    """

    kind: str
    path: str | None


_EXTERNAL = LinkTarget("external", None)
_ESCAPE = LinkTarget("escape", None)
_Dirs = list[tuple[str, str, tuple[str, ...]]]  # (real path, relative path, chain)


@dataclass(frozen=True)
class SiteIndex:
    """What link resolution needs to know about an export.

    ``root`` is resolved on creation. ``aliases`` maps the real path of a file
    listed under a symlinked path to that listed path. ``exclude`` holds the
    user's globs, for callers that follow links. File look-ups are memoised
    per index.
    """

    root: Path
    hosts: frozenset[str]
    host_dirs: frozenset[str] = frozenset()
    exclude: tuple[str, ...] = ()
    aliases: Mapping[str, str] = field(default_factory=dict, compare=False)
    base_path: str = ""  # URL folder the export's root was mirrored from: "ru-ru"
    _memo: dict[str, tuple[str, str]] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )
    _links: dict[tuple[str, str], LinkTarget] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        """Resolve the root, so symlink checks compare real paths."""
        object.__setattr__(self, "root", Path(os.path.realpath(self.root)))

    def __getstate__(self) -> dict[str, object]:
        """Pickle without the memos: each worker process builds its own."""
        return {**self.__dict__, "_memo": {}, "_links": {}}


@dataclass(frozen=True)
class Discovery:
    """The pages of an export, its entry points, and notes about skipped input."""

    index: SiteIndex
    pages: tuple[str, ...]
    entry_pages: tuple[str, ...]
    notes: tuple[Note, ...]


def discover(
    root: Path, exclude: Sequence[str] = (), hosts: Iterable[str] = ()
) -> Discovery:
    """List the pages of an export folder, or take a single HTML file.

    Pages are ``*.html``/``*.htm``/``*.xhtml`` files, extensionless (or
    ``.php``-like) files that look like HTML, and pages named by sitemaps.
    Symlinks leaving the root are skipped, symlinked folders are followed once,
    and a file reachable by several paths is listed under the smallest one.

    Raises:
        FileNotFoundError: ``root`` does not exist.
    """
    if not os.path.exists(root):
        raise FileNotFoundError(f"No such file or folder: {root}")
    real, exclude = os.path.realpath(root), tuple(exclude)
    given = frozenset(filter(None, map(_clean_host, hosts)))
    if not os.path.isdir(real):
        name = os.path.basename(real)
        index = SiteIndex(Path(real).parent, given, exclude=exclude)
        return Discovery(index, (name,), (name,), ())
    listing = _Listing(real, exclude)
    host_dirs = frozenset(filter(_is_host_name, listing.top_dirs))
    learnt = {_clean_host(name) for name in (*host_dirs, os.path.basename(real))}
    learnt = {host for host in learnt if _is_host_name(host)}
    index = SiteIndex(Path(real), given | learnt, host_dirs, exclude)
    notes = listing.notes
    more_hosts, urlsets, sample = _read_sitemaps(index, listing.sitemaps, notes)
    hosts_all = index.hosts | more_hosts
    index = SiteIndex(index.root, hosts_all, host_dirs, exclude, listing.aliases())
    base = _given_base(hosts) or _learn_base(index, sample)
    if base:
        index = replace(index, base_path=base)
    entries = set(_sitemap_pages(index, urlsets, notes))
    listed = listing.pages(index)
    del listing  # its file table is as large as the site: gone before the union
    pages = entries.union(listed)
    del listed
    for folder in ("", *host_dirs):
        first = [p for p in (_child(folder, n) for n in _INDEX_NAMES) if p in pages]
        entries.update(first[:1])
    return Discovery(index, tuple(sorted(pages)), tuple(sorted(entries)), tuple(notes))


class _Listing:
    """One walk of the export folder: depth first, in path order.

    Symlinks inside the root are followed, each real folder once. Sorting
    folders as "name/" makes the walk visit paths in plain string order, so
    the first path seen for a folder is its smallest.
    """

    def __init__(self, root: str, exclude: tuple[str, ...]) -> None:
        self.root, self.exclude = root, exclude
        # real path from the root -> smallest listed path (one string when
        # they are equal); the real paths whose listed name needs sniffing
        self.files: dict[str, str] = {}
        self.sniffed: set[str] = set()
        self.sitemaps: list[str] = []
        self.top_dirs: list[str] = []
        self.notes: list[Note] = []
        stack: _Dirs = [(root, "", (root,))]
        walked: set[str] = set()
        while stack:
            real_dir, rel_dir, chain = stack.pop()
            if real_dir not in walked:  # else: an alias of a folder already listed
                walked.add(real_dir)
                subdirs = self._scan(real_dir, rel_dir, chain)
                stack.extend(reversed(subdirs))

    def _scan(self, real_dir: str, rel_dir: str, chain: tuple[str, ...]) -> _Dirs:
        # Plain files are taken as they come: which name of a file is kept
        # does not depend on the order. Folders, symlinks and sitemaps wait
        # to be taken in path order, so that the first path seen for a folder
        # is its smallest, and notes and sitemaps come in path order. A folder
        # of 100,000 pages is never held as a list of entries.
        waiting: list[os.DirEntry[str]] = []
        try:
            with os.scandir(real_dir) as scan:
                for entry in scan:
                    if _plain_file(entry):
                        rel = _child(rel_dir, entry.name)
                        if not is_excluded(rel, self.exclude):
                            self._add_file(rel, entry.path, entry.name.lower())
                    else:
                        waiting.append(entry)
        except OSError as err:
            reason = err.strerror or type(err).__name__
            self._note(rel_dir or ".", "unreadable-dir", f"cannot be read ({reason})")
            return []
        subdirs = []
        for entry in sorted(waiting, key=_entry_key):
            rel = _child(rel_dir, entry.name)
            real = self._real(entry, rel)
            if real is None or is_excluded(rel, self.exclude):
                continue
            if entry.is_dir():
                if real in chain:
                    self._note(rel, "symlink-loop", "loops back to a parent folder")
                elif entry.name not in _SKIP_DIRS:
                    subdirs.append((real, rel, (*chain, real)))
                    if not rel_dir:
                        self.top_dirs.append(entry.name)
            elif entry.is_file():
                self._add_file(rel, real, entry.name.lower())
        return subdirs

    def _real(self, entry: os.DirEntry[str], rel: str) -> str | None:
        """Return the entry's real path, or None (with a note) to skip it."""
        if not entry.is_symlink():
            return entry.path
        real = os.path.realpath(entry.path)
        if not _inside(real, self.root):
            self._note(rel, "symlink-escape", "points outside the site folder")
        elif not os.path.exists(real):
            self._note(rel, "broken-symlink", "points to nothing")
        else:
            return real
        return None

    def _note(self, rel: str, kind: str, why: str) -> None:
        what = "folder" if kind == "unreadable-dir" else "symlink"
        self.notes.append(Note(rel, kind, f"Skipped {what} {rel}: it {why}."))

    def _add_file(self, rel: str, real: str, lower: str) -> None:
        if lower.startswith("sitemap") and lower.endswith((".xml", ".xml.gz")):
            self.sitemaps.append(rel)
            return
        suffix = _suffix(lower)
        page = suffix in PAGE_SUFFIXES
        if page or suffix in _SNIFF_SUFFIXES:
            real_rel = _relative(real, self.root)
            real_rel = rel if real_rel == rel else real_rel  # keep one string
            best = self.files.get(real_rel)
            if best is None or rel < best:
                self.files[real_rel] = rel
                if page:
                    self.sniffed.discard(real_rel)
                else:
                    self.sniffed.add(real_rel)

    def aliases(self) -> dict[str, str]:
        """Map real relative paths to listed paths where the two differ."""
        return {real: rel for real, rel in self.files.items() if real != rel}

    def pages(self, index: SiteIndex) -> list[str]:
        """Return the listed pages, sniffing files without a page suffix."""
        found = []
        sniffed = self.sniffed
        for real, rel in self.files.items():
            if real not in sniffed or _sniff(os.path.join(self.root, real)):
                if len(index._memo) < _CACHED_PROBES:
                    index._memo[rel] = ("page", rel)
                found.append(rel)
        return found


def _plain_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, not a symlink, whose name is not a sitemap's."""
    return (
        not entry.is_symlink()
        and entry.is_file()
        and not entry.name.lower().startswith("sitemap")
    )


def _entry_key(entry: os.DirEntry[str]) -> str:
    return entry.name + "/" if entry.is_dir() else entry.name


def _suffix(name: str) -> str:
    """Return the lower-case suffix of a file name, ignoring a saved query."""
    base = name[name.rfind("/") + 1 :].partition("?")[0]
    dot = base.rfind(".")
    return base[dot:].partition("@")[0].lower() if dot > 0 else ""


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _sniff(real: str) -> bool:
    try:
        with open(real, "rb") as handle:
            return looks_like_html(handle.read(_SNIFF_BYTES))
    except OSError:
        return False


def looks_like_html(head: bytes) -> bool:
    """Return True if the first bytes of a file look like an HTML document."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("ascii", "ignore")
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()[:_SNIFF_BYTES].lower()
    if b"\x00" in head or not head.startswith(_HTML_STARTS):
        return False
    return any(tag in head for tag in _HTML_TAGS)


def is_excluded(path: str, exclude: Sequence[str]) -> bool:
    """Return True if ``path`` (relative, POSIX) matches one of the globs.

    ``**`` matches any number of folders and ``*`` stays within one. A pattern
    without ``/`` matches a name at any depth ("*.bak.html"); one with ``/``
    is relative to the root ("drafts/**"). A pattern that matches a folder
    excludes everything below it.
    """
    return bool(exclude) and _glob_regex(tuple(exclude)).fullmatch(path) is not None


@lru_cache(maxsize=64)
def _glob_regex(patterns: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for glob in patterns:
        glob = glob.strip().removeprefix("./")
        anchored = "/" in glob.rstrip("/")
        glob = glob.strip("/")
        while glob.endswith("/**"):
            glob = glob[:-3]  # "x/**" excludes the folder x and all below it
        body = "".join(map(_glob_token, _GLOB_TOKEN.split(glob)))
        parts.append(body if anchored else f"(?:.*/)?{body}")
    return re.compile(f"(?:{'|'.join(parts)})(?:/.*)?", re.S)


def _glob_token(token: str) -> str:
    if token in _GLOB_REGEX:
        return _GLOB_REGEX[token]
    if token.startswith("[") and len(token) > 2:  # [abc] or [!abc]
        inner = token[1:-1].replace("\\", "\\\\")
        return f"[^{inner[1:]}]" if inner.startswith("!") else f"[{inner}]"
    return re.escape(token)


def _given_base(hosts: Iterable[str]) -> str:
    """The URL folder of a ``--host https://shop.example/ru-ru/`` given as a URL."""
    for host in hosts:
        if "//" in host:
            path = urlsplit(host.strip()).path.strip("/")
            if path:
                return path
    return ""


def _learn_base(index: SiteIndex, urls: list[tuple[str, str]]) -> str:
    """Learn the URL folder the export was mirrored from, from sitemap URLs."""
    if index.host_dirs:
        return ""  # wget kept host folders: paths start at the host's root
    own = _own_hosts(index.hosts)
    paths = [
        urlsplit(url).path
        for _, url in urls[:_BASE_SAMPLE]
        if _clean_host(url).removeprefix("www.") in own
    ]
    return learn_base_path(paths, lambda rel: _probe(index, rel)[0] != "missing")


def _clean_host(text: str) -> str:
    """Return the host of a name or URL: lower-case, no port, no final dot."""
    text = text.strip().lower()
    try:
        netloc = urlsplit(text).netloc if "//" in text else text.split("/", 1)[0]
    except ValueError:
        return ""
    return _clean_netloc(netloc)


def _clean_netloc(netloc: str) -> str:
    """The host of a lower-case URL authority: no user, port or final dot."""
    return _PORT.sub("", netloc.rsplit("@", 1)[-1]).rstrip(".")


def _is_host_name(name: str) -> bool:
    found = _HOST_NAME.fullmatch(_PORT.sub("", name.lower()))
    return found is not None and found.group(1) not in _NOT_TLDS


@lru_cache(maxsize=64)
def _own_hosts(hosts: frozenset[str]) -> frozenset[str]:
    return frozenset(host.removeprefix("www.") for host in hosts)


@lru_cache(maxsize=64)
def _host_dir_map(host_dirs: frozenset[str]) -> dict[str, str]:
    bare = ((_clean_host(d).removeprefix("www."), d) for d in sorted(host_dirs))
    return dict(reversed(list(bare)))  # the smallest folder name wins


def resolve_link(
    index: SiteIndex, from_page: str, href: str, *, remember: bool = True
) -> LinkTarget:
    """Say where ``href`` on page ``from_page`` points within the export.

    The fragment is dropped and the path percent-decoded (the literal name is
    tried too). A query maps to a file saved with it (``page.php?id=3``,
    ``page.php@id=3.html``), else is dropped. Folders map to their
    ``index.html``, and ``name`` to ``name.html`` when only that exists.
    Absolute URLs on one of ``index.hosts`` (ignoring ``www.`` and the port)
    map into the export, root-relative ones into the page's host folder.
    ``remember=False`` leaves the link memo as it is, for links met once.
    """
    href = href.strip()
    folder, _, name = from_page.rpartition("/")
    # Pages of one folder share most links (menus, footers): cache per folder.
    key = (from_page if not href or href[0] in "#?" else folder, href)
    found = index._links.get(key) if remember else None
    if found is None:
        found = _resolve(index, from_page, href, folder, name)
        if remember:
            # Bounded: when full it is emptied, and what recent pages link
            # (menus, footers, neighbouring products) is back after a page.
            if len(index._links) >= _CACHED_LINKS:
                index._links.clear()
            index._links[key] = found
    return found


def _resolve(
    index: SiteIndex, from_page: str, href: str, folder: str, name: str
) -> LinkTarget:
    if not href.isprintable():
        href = _URL_NOISE.sub("", href)
    href = href.replace("\\", "/")
    if href.startswith("//"):
        href = "http:" + href
    scheme = _SCHEME.match(href) if ":" in href else None
    if scheme:
        if scheme.group().lower() in ("http:", "https:"):
            return _resolve_url(index, from_page, href)
        return _EXTERNAL
    path, _, query = href.partition("#")[0].partition("?")
    if path.startswith("/"):
        inside = _strip_base(index, path)
        if inside is None:
            return _EXTERNAL  # the shop's own site, outside the exported part
        return _locate(index, _host_base(index, from_page, ""), inside, query)
    # "", "#top" and "?page=2" point to this page (maybe saved with the query).
    return _locate(index, folder, path or name, query)


def _resolve_url(index: SiteIndex, from_page: str, url: str) -> LinkTarget:
    try:
        parts = urlsplit(url)
    except ValueError:  # an invalid host ("http://[::1")
        return _EXTERNAL
    host = _clean_netloc(parts.netloc.lower()).removeprefix("www.")
    if not host or host not in _own_hosts(index.hosts):
        return _EXTERNAL
    inside = _strip_base(index, parts.path or "/")
    if inside is None:
        return _EXTERNAL  # the shop's own site, outside the exported part
    base = _host_base(index, from_page, host)
    return _locate(index, base, inside, parts.query)


def _strip_base(index: SiteIndex, path: str) -> str | None:
    """Map a URL path to a path from the export's root; None if outside it."""
    if not index.base_path:
        return path
    prefix = "/" + index.base_path
    if path in (prefix, prefix + "/"):
        return "/"
    if path.startswith(prefix + "/"):
        return path[len(prefix) :]
    return None


def _host_base(index: SiteIndex, from_page: str, host: str) -> str:
    """Return the folder a root-relative path starts from: a host folder or ""."""
    found = _host_dir_map(index.host_dirs).get(host)
    if found is not None:
        return found
    top = from_page.split("/", 1)[0] if "/" in from_page else ""
    return top if top in index.host_dirs else ""


def _locate(index: SiteIndex, base: str, path: str, query: str) -> LinkTarget:
    """Find the file a link path names, trying the names wget gives it."""
    decoded = unquote(path)
    joined = _join(base, decoded)
    if joined is None:
        return _ESCAPE
    folder_link = path.rsplit("/", 1)[-1] in ("", ".", "..")
    literal = _join(base, path) if decoded != path else None
    for stem in (joined,) if literal in (None, joined) else (joined, literal):
        for candidate in _candidates(stem, query, folder_link):
            found = _probe_file(index, candidate)
            if found is not None:
                return found
    if folder_link or _probe(index, joined)[0] == "dir":
        return LinkTarget("missing", _child(joined, _INDEX_NAMES[0]))
    return LinkTarget("missing", joined)


def _candidates(stem: str, query: str, folder_link: bool) -> list[str]:
    names = [_child(stem, name) for name in _INDEX_NAMES] if folder_link else [stem]
    if not folder_link and _suffix(stem) not in PAGE_SUFFIXES:
        names.append(stem + ".html")  # wget --adjust-extension
    if not query:
        return names
    first = names[0]
    saved = [f"{first}{sep}{query}{ext}" for sep in "?@" for ext in ("", ".html")]
    return saved + names


def _child(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder and name else folder or name


def _join(base: str, path: str) -> str | None:
    """Normalise ``path`` against folder ``base``; None if it climbs above root.

    A root-relative path starts at ``base`` (a host folder or the root) and its
    ``..`` stop there, as a browser stops at the host's root.
    """
    clamp = path.startswith("/")
    segments = [] if clamp or not base else base.split("/")
    for segment in path.split("/"):
        if segment not in ("", ".", ".."):
            segments.append(segment)
        elif segment == ".." and segments:
            segments.pop()
        elif segment == ".." and not clamp:
            return None
    joined = "/".join(segments)
    return _child(base, joined) if clamp else joined


def _probe_file(index: SiteIndex, rel: str) -> LinkTarget | None:
    kind, path = _probe(index, rel)
    for name in _INDEX_NAMES if kind == "dir" else ():
        kind, path = _probe(index, _child(rel, name))
        if kind != "missing":
            break
    if kind in ("page", "asset"):
        return LinkTarget(kind, path)
    return _ESCAPE if kind == "escape" else None


def _probe(index: SiteIndex, rel: str) -> tuple[str, str]:
    found = index._memo.get(rel)
    if found is None:
        found = _probe_fs(index, rel)
        if len(index._memo) < _CACHED_PROBES:
            index._memo[rel] = found
    return found


def _probe_fs(index: SiteIndex, rel: str) -> tuple[str, str]:
    """Return (kind, canonical path) of ``rel``: page, asset, dir, missing, escape."""
    root = str(index.root)
    full = f"{root}/{rel}" if rel else root
    try:
        mode = os.lstat(full).st_mode
        if stat.S_ISLNK(mode):
            real = os.path.realpath(full)
            if not _inside(real, root):
                return ("escape", rel)
            mode, real_rel = os.stat(real).st_mode, _relative(real, root)
        else:
            # The real path of its (memoised) folder: only symlinks cost a realpath.
            folder, _, name = rel.rpartition("/")
            kind, real_folder = _probe(index, folder) if folder else ("dir", "")
            if kind != "dir":
                return (kind, rel)
            real_rel = _child(real_folder, name)
    except (OSError, ValueError):
        return ("missing", rel)
    if stat.S_ISDIR(mode):
        return ("dir", real_rel)
    if not stat.S_ISREG(mode):
        return ("missing", rel)  # a pipe, socket or device: reading it may block
    path = index.aliases.get(real_rel, real_rel)
    suffix = _suffix(path)
    if suffix in _SNIFF_SUFFIXES and _sniff(f"{root}/{real_rel}"):
        suffix = ".html"
    return ("page" if suffix in PAGE_SUFFIXES else "asset", path)


def _relative(real: str, root: str) -> str:
    """Return a real path inside ``root`` relative to it, POSIX style."""
    return real[len(root) + 1 :].replace(os.sep, "/") if real != root else ""


def _read_sitemaps(
    index: SiteIndex, sitemaps: list[str], notes: list[Note]
) -> tuple[frozenset[str], list[str], list[tuple[str, str]]]:
    """Return the hosts of all sitemap URLs, the URL sets among the sitemaps,
    and the first ``_BASE_SAMPLE`` (sitemap, page URL) pairs.

    The page URLs are not kept: ``_sitemap_pages`` reads each URL set again,
    so a site's URLs never stand in memory all at once.
    """
    hosts: set[str] = set()
    urlsets: list[str] = []
    sample: list[tuple[str, str]] = []
    queue, done = list(sitemaps), set()
    while queue:
        rel = queue.pop(0)
        if rel in done:
            continue
        done.add(rel)
        read = _read_sitemap(index, rel, notes)
        if read is None:
            continue
        kind, locs = read
        hosts.update(filter(None, map(_clean_host, locs)))
        if kind == "urlset":
            urlsets.append(rel)
            sample.extend((rel, loc) for loc in locs[: _BASE_SAMPLE - len(sample)])
            continue
        known = SiteIndex(index.root, index.hosts | hosts, index.host_dirs)
        for loc in locs:
            target = resolve_link(known, rel, loc)
            path = target.path
            if path and target.kind == "asset" and not is_excluded(path, index.exclude):
                queue.append(path)
    return frozenset(hosts), urlsets, sample


def _read_sitemap(
    index: SiteIndex, rel: str, notes: list[Note]
) -> tuple[str, list[str]] | None:
    """A sitemap's kind and URLs; None, with a note, if it cannot be read."""
    try:
        return parse_sitemap(index.root / rel)
    except (OSError, EOFError, ValueError, etree.XMLSyntaxError, zlib.error) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        message = f"Sitemap {rel} could not be read: {reason}."
        notes.append(Note(rel, "broken-sitemap", message))
        return None


def _sitemap_pages(
    index: SiteIndex, urlsets: list[str], notes: list[Note]
) -> list[str]:
    """Return the pages that the URL sets' URLs name and the export holds."""
    found: list[str] = []
    missing: dict[str, int] = {}
    for sitemap in urlsets:
        read = _read_sitemap(index, sitemap, notes)  # read a second time
        for url in read[1] if read else ():
            # Each URL is met once: remembering it would only fill the memo.
            target = resolve_link(index, sitemap, url, remember=False)
            path = target.path
            if target.kind == "missing":
                missing[sitemap] = missing.get(sitemap, 0) + 1
            if path is None or target.kind not in ("page", "asset"):
                continue
            if target.kind == "asset":  # the bytes decide, not the name
                if not _sniff(str(index.root / path)):
                    continue
                index._memo[path] = ("page", path)
            if not is_excluded(path, index.exclude):
                found.append(path)
    for sitemap, count in missing.items():
        message = f"{count} page(s) listed in sitemap {sitemap} are not in the export."
        notes.append(Note(sitemap, "sitemap-missing-pages", message))
    return found
