#!/usr/bin/env python3
"""Compare candidate HTML parsers for loccheck (see docs/decisions/0001-html-parser.md).

Usage:
    python benchmarks/parsers.py SITE_DIR [--limit N] [--repeat N] [--only a,b]
                                          [--no-memory] [--json FILE]

SITE_DIR is an exported storefront (every *.html / *.htm below it is used),
for example one made by the shared generator:

    python make_site.py out/site-ru --pages 2000 --locale ru-RU --seed 1

The script prints Markdown tables:

1. speed: parse only, and parse + a full walk that collects every visible
   text node (outside script/style/noscript/template and [hidden] subtrees)
   with its line, per page and as a ratio to lxml; peak RSS while streaming
   every page through parse + walk, and RSS per tree kept alive (both
   measured in a fresh child process per library, because tracemalloc does
   not see memory that libxml2 or lexbor allocate);
2. positions: what each library reports, and how often its text lines agree
   with the positions that the standard library's html.parser reports
   (html.parser's getpos() is exact, so it is the reference);
3. robustness: broken and extreme documents;
4. lxml behaviour checks (line-number limits, encodings, comments, ...)
   that docs/decisions/0001-html-parser.md relies on.

Libraries that are not installed (or do not import) are reported as
skipped. Files are read and decoded (UTF-8) once up-front, so the timings
exclude I/O and decoding.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import html
import json
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
    | {"source", "track", "wbr"}
)
MARKER = "ZZ-END-MARKER"
Segment = tuple[Any, str]  # (line or None, raw text of the text node)


# --------------------------------------------------------------------------
# helpers shared by the walkers


def line_starts(src: str) -> list[int]:
    """Offsets at which each line starts (line 1 at index 0)."""
    starts = [0]
    find = src.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def leading_newlines(text: str) -> int:
    """Newlines before the first non-space character of a text node."""
    if not text[0].isspace():
        return 0
    return text[: len(text) - len(text.lstrip())].count("\n")


def _find_after_gt(src: str, needle: str, start: int) -> int:
    """First hit of ``needle`` at/after ``start`` that follows a ``>``.

    A text node starts right after a ``>`` (plus white space), so hits
    elsewhere (inside an attribute value, say) are passed over; after 20
    such hits the first one is taken.
    """
    i = first = src.find(needle, start)
    tries = 0
    while i != -1 and tries < 20:
        j = i - 1
        while j >= 0 and src[j] in " \t\r\n":
            j -= 1
        if j < 0 or src[j] == ">":
            return i
        tries += 1
        i = src.find(needle, i + 1)
    return first


def find_text(src: str, text: str, start: int) -> int:
    """Offset of ``text`` (as decoded by a parser) in ``src`` at/after start.

    The text is tried as it is, then escaped the way HTML writers escape it,
    then its first word alone (for ``&nbsp;``, ``&#8381;``, ...).
    """
    s = text.strip()[:32]
    i = _find_after_gt(src, s, start)
    if i != -1:
        return i
    words = s.split()
    tried = {s}
    for needle in (
        html.escape(s, quote=False),
        html.escape(s),
        words[0] if words else "",
        html.escape(words[0]) if words else "",
    ):
        if needle and needle not in tried:
            tried.add(needle)
            i = _find_after_gt(src, needle, start)
            if i != -1:
                return i
    return -1


_TAG_RE: dict[str, re.Pattern[str]] = {}


def tag_re(tag: str) -> re.Pattern[str]:
    r = _TAG_RE.get(tag)
    if r is None:
        r = _TAG_RE[tag] = re.compile("<" + re.escape(tag) + r"(?=[\s/>])", re.I)
    return r


# --------------------------------------------------------------------------
# lxml


_XML_DECL = re.compile(r"^(\ufeff?\s*)<\?xml[^>]*\?>", re.I)
_END_HTML = re.compile(r"</html\s*>", re.I)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def strip_xml_declaration(src: str) -> str:
    """Blank out a leading XML declaration, keeping every line and column."""
    m = _XML_DECL.match(src)
    if not m:
        return src
    return m.group(1) + " " * (m.end() - m.end(1)) + src[m.end() :]


def prepare(src: str) -> str:
    """The source fixes loccheck applies before lxml (see the ADR).

    - CR LF and lone CR become LF (libxml2 2.14 turns a lone CR into LF in
      text but does not count it as a line);
    - a leading ``<?xml ... encoding=...?>`` is blanked (lxml refuses str
      input with an encoding declaration);
    - every ``</html>`` is blanked (libxml2 2.14 drops everything after it;
      HTML5 parsers carry on in <body>, which is what blanking gives).
    Blanking keeps every line and column where it was.
    """
    if "\r" in src:
        src = src.replace("\r\n", "\n").replace("\r", "\n")
    return _END_HTML.sub(_blank, strip_xml_declaration(src))


def make_lxml(fixes: bool = False, **parser_kw: Any) -> dict[str, Callable[..., Any]]:
    from lxml import etree

    parser = etree.HTMLParser(**parser_kw)
    fromstring = etree.fromstring
    iterwalk = etree.iterwalk
    events = ("start", "end", "comment", "pi")

    if fixes:

        def parse(src: str | bytes) -> Any:
            return fromstring(prepare(src), parser)  # type: ignore[arg-type]
    else:

        def parse(src: str | bytes) -> Any:
            return fromstring(src, parser)

    def segments(root: Any) -> list[Segment]:
        """Text nodes with exact lines (running newline count).

        An element's ``sourceline`` is the line where its start tag ENDS
        (libxml2 records it at the ``>``), which is exactly where its
        ``.text`` starts. From there, newlines in the text nodes are counted.
        ``sourceline`` saturates at 65535, so only a value larger than the
        running count is trusted: past line 65535 the count carries on alone.
        """
        out: list[Segment] = []
        append = out.append
        if root is None:
            return out
        line = 1
        skip = 0
        for ev, el in iterwalk(root, events=events):
            if ev == "start":
                sl = el.sourceline
                if sl is not None and sl > line:
                    line = sl
                if skip or el.tag in SKIP_TAGS or el.get("hidden") is not None:
                    skip += 1
                text = el.text
            elif ev == "end":
                if skip:
                    skip -= 1
                text = el.tail
            else:  # comment or PI: its text is verbatim, its TAIL is page text
                c = el.text
                if c:
                    line += c.count("\n")
                text = el.tail
            if text:
                if not skip and not text.isspace():
                    append((line + leading_newlines(text), text))
                line += text.count("\n")
        return out

    def walk(src: str | bytes) -> list[Segment]:
        return segments(parse(src))

    def naive(src: str) -> list[Segment]:
        """Text line = sourceline of the element that holds it (no counting)."""
        root = parse(src)
        out: list[Segment] = []
        for ev, el in iterwalk(root, events=("start", "end")):
            if el.tag in SKIP_TAGS:
                continue
            if ev == "start" and el.text and not el.text.isspace():
                out.append((el.sourceline, el.text))
            elif ev == "end" and el.tail and not el.tail.isspace():
                parent = el.getparent()
                out.append((parent.sourceline if parent is not None else None, el.tail))
        return out

    def walk_columns(
        src: str,
    ) -> tuple[list[tuple[str, int, int | None]], list[tuple[int, int | None, str]]]:
        """Element and text positions as (line, column), found in the source.

        Elements: search ``<tag`` forward from a cursor (document order);
        a hit that starts after the line where lxml says the start tag ends
        means the element is not in the source (implied html/head/body/tbody)
        and gets no column. Texts: the line comes from ``segments``; the
        column is found by searching the text from the start of that line.
        """
        root = parse(src)
        starts = line_starts(src)
        elements: list[tuple[str, int, int | None]] = []
        if root is None:
            return elements, []
        cursor = 0
        for el in root.iter(etree.Element):
            tag = el.tag
            sl = el.sourceline or 0
            m = tag_re(tag).search(src, cursor)
            if m is None:
                elements.append((tag, sl, None))
                continue
            pos = m.start()
            ln = bisect.bisect_right(starts, pos)
            if sl < 65535 and ln > sl:
                elements.append((tag, sl, None))
                continue
            cursor = m.end()
            elements.append((tag, ln, pos - starts[ln - 1] + 1))
        texts: list[tuple[int, int | None, str]] = []
        cursor = 0
        for ln, text in segments(root):
            start = max(cursor, starts[min(ln, len(starts)) - 1])
            pos = find_text(src, text, start)
            if pos == -1:
                texts.append((ln, None, text))
                continue
            cursor = pos + 1
            ln2 = bisect.bisect_right(starts, pos)
            texts.append((ln2, pos - starts[ln2 - 1] + 1, text))
        return elements, texts

    return {
        "parse": parse,
        "walk": walk,
        "naive": naive,
        "columns": walk_columns,
        "segments": segments,
    }


# --------------------------------------------------------------------------
# html5-parser (gumbo building an lxml tree)


def make_html5_parser() -> dict[str, Callable[..., Any]]:
    import html5_parser

    lx = make_lxml()  # same tree type: reuse the lxml walker
    h5parse = html5_parser.parse

    def parse(src: str) -> Any:
        return h5parse(src)  # sourceline = line of "<", wraps modulo 65536

    def walk(src: str) -> list[Segment]:
        return lx["segments"](parse(src))

    return {"parse": parse, "walk": walk}


# --------------------------------------------------------------------------
# selectolax (lexbor)


def make_selectolax(derive_lines: bool = False) -> dict[str, Callable[..., Any]]:
    from selectolax.lexbor import LexborHTMLParser

    skip = list(SKIP_TAGS)

    def parse(src: str) -> Any:
        return LexborHTMLParser(src)

    def walk(src: str) -> list[Segment]:
        tree = LexborHTMLParser(src)
        tree.strip_tags(skip)  # drops script/style/... subtrees
        for node in tree.css("[hidden]"):
            node.decompose()
        out: list[Segment] = []
        root = tree.root
        if root is None:
            return out
        for node in root.traverse(include_text=True):
            if node.tag == "-text":
                t = node.text_content
                if t and not t.isspace():
                    out.append((None, t))
        if derive_lines:  # no positions in the API: search each text in order
            cursor = 0
            line = 1
            derived: list[Segment] = []
            for _, t in out:
                pos = find_text(src, t, cursor)
                if pos == -1:
                    derived.append((None, t))
                    continue
                line += src.count("\n", cursor, pos)
                cursor = pos + 1
                derived.append((line, t))
            out = derived
        return out

    return {"parse": parse, "walk": walk}


# --------------------------------------------------------------------------
# html5lib (pure Python, xml.etree tree)


def etree_segments(root: Any, comment_tag: Any) -> list[Segment]:
    out: list[Segment] = []
    if root is None:
        return out
    stack = [(root, False)]
    while stack:
        el, done = stack.pop()
        if done:
            if el.tail and not el.tail.isspace():
                out.append((None, el.tail))
            continue
        tag = el.tag
        if tag is comment_tag or not isinstance(tag, str):
            if el.tail and not el.tail.isspace():
                out.append((None, el.tail))
            continue
        stack.append((el, True))
        if tag in SKIP_TAGS or el.get("hidden") is not None:
            continue
        if el.text and not el.text.isspace():
            out.append((None, el.text))
        for child in reversed(el):
            stack.append((child, False))
    return out


def make_html5lib() -> dict[str, Callable[..., Any]]:
    import xml.etree.ElementTree as ET

    import html5lib

    builder = html5lib.getTreeBuilder("etree", ET)

    def parse(src: str) -> Any:
        p = html5lib.HTMLParser(tree=builder, namespaceHTMLElements=False)
        return p.parse(src)

    def walk(src: str) -> list[Segment]:
        return etree_segments(parse(src), ET.Comment)

    return {"parse": parse, "walk": walk}


# --------------------------------------------------------------------------
# standard library html.parser (tokenizer only, getpos() = exact positions)


def make_stdlib() -> dict[str, Callable[..., Any]]:
    from html.parser import HTMLParser

    class Null(HTMLParser):
        pass

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.out: list[tuple[int, int, str]] = []
            self.tags: list[tuple[str, int, int]] = []
            self.stack: list[tuple[str, bool]] = []
            self.skip = 0

        def handle_starttag(
            self, tag: str, attrs: list[tuple[str, str | None]]
        ) -> None:
            line, col = self.getpos()
            self.tags.append((tag, line, col + 1))
            if tag in VOID_TAGS:
                return
            hidden = tag in SKIP_TAGS or any(k == "hidden" for k, _ in attrs)
            self.stack.append((tag, hidden))
            if hidden:
                self.skip += 1

        def handle_startendtag(
            self, tag: str, attrs: list[tuple[str, str | None]]
        ) -> None:
            line, col = self.getpos()
            self.tags.append((tag, line, col + 1))

        def handle_endtag(self, tag: str) -> None:
            stack = self.stack
            for i in range(len(stack) - 1, -1, -1):
                if stack[i][0] == tag:
                    self.skip -= sum(1 for _, h in stack[i:] if h)
                    del stack[i:]
                    return

        def handle_data(self, data: str) -> None:
            if self.skip or data.isspace():
                return
            line, col = self.getpos()
            lead = len(data) - len(data.lstrip())
            if lead:
                nl = data.count("\n", 0, lead)
                if nl:
                    line += nl
                    col = lead - data.rfind("\n", 0, lead) - 1
                else:
                    col += lead
            self.out.append((line, col + 1, data))

    def parse(src: str) -> Any:
        p = Null(convert_charrefs=True)
        p.feed(src)
        p.close()
        return p

    def collect(src: str) -> Collect:
        p = Collect()
        p.feed(src)
        p.close()
        return p

    def walk(src: str) -> list[Segment]:
        return [(line, text) for line, _col, text in collect(src).out]

    return {"parse": parse, "walk": walk, "collect": collect}


# --------------------------------------------------------------------------
# BeautifulSoup over html.parser (Tag.sourceline = line of "<")


def make_bs4() -> dict[str, Callable[..., Any]]:
    from bs4 import BeautifulSoup, Comment, NavigableString, Tag

    def parse(src: str) -> Any:
        return BeautifulSoup(src, "html.parser")

    def walk(src: str) -> list[Segment]:
        soup = BeautifulSoup(src, "html.parser")
        out: list[Segment] = []
        line = 1
        stack = [iter(soup.contents)]
        while stack:
            for node in stack[-1]:
                if isinstance(node, Tag):
                    sl = node.sourceline
                    if sl is not None and sl > line:
                        line = sl
                    if node.name in SKIP_TAGS or node.has_attr("hidden"):
                        continue
                    stack.append(iter(node.contents))
                    break
                if type(node) is NavigableString:
                    if not node.isspace():
                        out.append((line + leading_newlines(node), str(node)))
                    line += node.count("\n")
                elif isinstance(node, Comment):
                    line += node.count("\n")
            else:
                stack.pop()
        return out

    return {"parse": parse, "walk": walk}


# --------------------------------------------------------------------------
# the candidates


@dataclass
class Backend:
    name: str
    make: Callable[[], dict[str, Callable[..., Any]]]
    version: Callable[[], str]
    elem_line: str
    text_line: str
    column: str
    bytes_input: bool = False
    slow: bool = False
    fns: dict[str, Callable[..., Any]] = field(default_factory=dict)
    skipped: str | None = None
    version_str: str = ""


def _v(mod: str, attr: str = "__version__") -> Callable[[], str]:
    def get() -> str:
        m = __import__(mod, fromlist=["x"])
        v = getattr(m, attr, "?")
        return ".".join(map(str, v[:3])) if isinstance(v, tuple) else str(v)

    return get


def _lxml_version() -> str:
    from lxml import etree

    return "{} (libxml2 {})".format(
        ".".join(map(str, etree.LXML_VERSION[:3])),
        ".".join(map(str, etree.LIBXML_VERSION)),
    )


def _h5p_version() -> str:
    import html5_parser

    return ".".join(map(str, html5_parser.version))


def _make_lxml_bytes() -> dict[str, Callable[..., Any]]:
    return make_lxml(encoding="utf-8")


def _make_lxml_fixes() -> dict[str, Callable[..., Any]]:
    return make_lxml(fixes=True, huge_tree=True)


def _make_selectolax_lines() -> dict[str, Callable[..., Any]]:
    return make_selectolax(derive_lines=True)


BACKENDS = [
    Backend(
        "lxml",
        make_lxml,
        _lxml_version,
        "yes: `sourceline` (line of the `>`; max 65535)",
        "derived: running newline count from `sourceline`",
        "search `<tag` / text (below)",
    ),
    Backend(
        "lxml-bytes",
        _make_lxml_bytes,
        _lxml_version,
        "same as lxml",
        "same as lxml",
        "same as lxml",
        bytes_input=True,
    ),
    Backend(
        "lxml+fixes",
        _make_lxml_fixes,
        _lxml_version,
        "same as lxml",
        "same as lxml",
        "same as lxml",
    ),
    Backend(
        "html5-parser",
        make_html5_parser,
        _h5p_version,
        "yes: `sourceline` (line of the `<`; wraps at 65536)",
        "derived: running count",
        "no",
    ),
    Backend("selectolax", make_selectolax, _v("selectolax"), "no", "no", "no"),
    Backend(
        "selectolax+search",
        _make_selectolax_lines,
        _v("selectolax"),
        "no",
        "derived: search each text in the source",
        "derivable the same way",
    ),
    Backend("html5lib", make_html5lib, _v("html5lib"), "no", "no", "no", slow=True),
    Backend(
        "html.parser",
        make_stdlib,
        lambda: platform.python_version(),
        "yes: `getpos()` at `<`",
        "yes: `getpos()`",
        "yes (0-based, in code points)",
        slow=True,
    ),
    Backend(
        "bs4(html.parser)",
        make_bs4,
        _v("bs4"),
        "yes: `Tag.sourceline/sourcepos`",
        "derived: running count",
        "elements only (`sourcepos`)",
        slow=True,
    ),
]


def load(only: set[str] | None = None) -> list[Backend]:
    out = []
    for b in BACKENDS:
        if only and b.name not in only:
            continue
        try:
            b.fns = b.make()
            b.version_str = b.version()
        except Exception as e:
            b.skipped = f"{type(e).__name__}: {str(e).splitlines()[0][:110]}"
        out.append(b)
    return out


# --------------------------------------------------------------------------
# corpus


def corpus_files(site: Path, limit: int | None) -> list[Path]:
    files = sorted(
        p for p in site.rglob("*") if p.suffix in (".html", ".htm") and p.is_file()
    )
    return files[:limit] if limit else files


def read_corpus(files: list[Path]) -> tuple[list[bytes], list[str]]:
    raw = [p.read_bytes() for p in files]
    return raw, [b.decode("utf-8", "replace") for b in raw]


# --------------------------------------------------------------------------
# timing


CLOCK = time.process_time  # CPU time: other jobs on the machine distort it less


def time_pass(fn: Callable[[Any], Any], docs: list[Any]) -> float:
    gc.collect()
    t0 = CLOCK()
    for d in docs:
        fn(d)
    return CLOCK() - t0


def best_of(fn: Callable[[Any], Any], docs: list[Any], repeat: int) -> float:
    return min(time_pass(fn, docs) for _ in range(max(1, repeat)))


# --------------------------------------------------------------------------
# memory (child process per library)


def _proc_kb(field_name: str) -> int | None:
    """VmRSS / VmHWM of this process in KB (Linux), None elsewhere."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _read_bytes(p: Path) -> Any:
    return p.read_bytes()


def _read_text(p: Path) -> Any:
    return p.read_bytes().decode("utf-8", "replace")


def mem_child(name: str, mode: str, site: Path, limit: int | None) -> None:
    """Measure one library in a fresh process.

    ru_maxrss would be inherited from the parent across exec on Linux;
    VmHWM, the high-water mark of this process's own memory, is not.
    """
    (b,) = load({name})
    if b.skipped:
        print(json.dumps({"skipped": b.skipped}))
        return
    files = corpus_files(site, limit)
    fn = b.fns["walk"]
    read = _read_bytes if b.bytes_input else _read_text
    fn(read(files[0]))  # warm up: lazy imports, caches
    gc.collect()
    base = _proc_kb("VmHWM")
    if base is None:
        print(json.dumps({"error": "needs /proc (Linux)"}))
        return
    if mode == "stream":  # read, parse, walk, discard: page after page
        for p in files:
            fn(read(p))
        print(json.dumps({"peak_kb": _proc_kb("VmHWM"), "base_kb": base}))
    else:  # keep K trees alive, look at the RSS growth
        docs = [read(p) for p in files[:100]]
        gc.collect()
        before = _proc_kb("VmRSS") or 0
        keep = [b.fns["parse"](d) for d in docs]
        gc.collect()
        after = _proc_kb("VmRSS") or 0
        src_kb = sum(len(d) for d in docs) / len(docs) / 1024
        out = {"per_tree_kb": (after - before) / len(keep), "src_kb": src_kb}
        print(json.dumps(out))


def run_mem(name: str, mode: str, site: Path, limit: int | None) -> dict[str, Any]:
    cmd = [
        sys.executable,
        os.path.abspath(__file__),
        "--mem-child",
        name,
        mode,
        str(site),
    ]
    if limit:
        cmd += ["--limit", str(limit)]
    res = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        return json.loads(res.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return {"error": (res.stderr.strip().splitlines() or ["?"])[-1][:100]}


# --------------------------------------------------------------------------
# position accuracy against html.parser


def accuracy(
    segs: list[Segment], truth: list[tuple[int, int, str]]
) -> tuple[int, int, int]:
    """(segments, matched in the reference by text, same line)."""
    ref: dict[tuple[str, int], int] = {}
    seen: dict[str, int] = {}
    for line, _col, text in truth:
        k = text.strip()
        n = seen[k] = seen.get(k, 0) + 1
        ref[(k, n)] = line
    seen = {}
    matched = same = 0
    for line, text in segs:
        k = text.strip()
        n = seen[k] = seen.get(k, 0) + 1
        r = ref.get((k, n))
        if r is not None:
            matched += 1
            same += r == line
    return len(segs), matched, same


# --------------------------------------------------------------------------
# robustness cases


def robustness_cases(sample: str) -> list[tuple[str, str]]:
    """(label, document) pairs; every document ends with MARKER text."""
    end = f"<p>{MARKER}</p></body></html>"
    head, _, body = sample.partition("<body")
    body_inner = body.split(">", 1)[1].rsplit("</body>", 1)[0]
    cases = [
        (
            "truncated page (cut at 50 %, inside a tag)",
            sample[: len(sample) // 2].rsplit("<", 1)[0]
            + '<div class="card" data-x="y',
        ),
        (
            "unclosed <p>/<li>/<span> x 200",
            "<html><body>" + "<ul><li><p>Товар <span>цена" * 200 + "</ul>" * 200 + end,
        ),
        (
            "300 unclosed <div> (template bug)",
            "<html><body>" + "<div class=card><p>Товар</p>" * 300 + end,
        ),
        (
            "2,500 unclosed <div>",
            "<html><body>" + "<div class=card><p>Товар</p>" * 2500 + end,
        ),
        (
            "stray </div></td></html>",
            "<html><body></div></td><p>до</p></html></div><p>после</p>" + end,
        ),
        (
            "text and JSON-LD after </html>",
            "<html><body><p>x</p></body></html>\n"
            '<script type="application/ld+json">{}</script>' + end,
        ),
        ("NUL byte in text", "<html><body><p>a\x00b</p>" + end),
        ("control chars \\x01\\x0b\\x1f", "<html><body><p>a\x01\x0b\x1fb</p>" + end),
        (
            "5 MB page",
            head
            + "<body>"
            + body_inner * (5_000_000 // max(1, len(body_inner.encode())) + 1)
            + end,
        ),
        (
            "70,000-line page",
            "<html><body>\n"
            + "".join(f"<p>строка {i}</p>\n" for i in range(2, 70_001))
            + end,
        ),
        (
            "11 MB single text node",
            "<html><body><p>" + "abc def " * 1_400_000 + "</p>" + end,
        ),
        ("empty document", ""),
        ("whitespace only", " \n\t\n"),
        ("comment only", "<!-- nothing -->"),
        (
            "XML declaration with encoding (str)",
            '<?xml version="1.0" encoding="utf-8"?>\n<html><body>' + end,
        ),
        (
            "<meta charset=windows-1251> (str)",
            '<html><head><meta charset="windows-1251"></head><body><p>Привет</p>' + end,
        ),
    ]
    return cases


def run_case(b: Backend, doc: str) -> tuple[str, float]:
    fn = b.fns["walk"]
    src: Any = doc.encode("utf-8") if b.bytes_input else doc
    t0 = CLOCK()
    try:
        segs = fn(src)
    except Exception as e:
        return f"raises {type(e).__name__}", CLOCK() - t0
    dt = CLOCK() - t0
    if MARKER not in doc:
        return f"ok, {len(segs)} texts", dt
    tail = [s for s in segs if MARKER in s[1]]
    if not tail:
        return f"**content lost** ({len(segs)} texts)", dt
    line = tail[-1][0]
    return ("ok" + (f", marker line {line}" if line is not None else "")), dt


# --------------------------------------------------------------------------
# lxml behaviour checks


def lxml_checks() -> list[tuple[str, str]]:
    try:
        from lxml import etree
    except ImportError:
        return [("lxml", "not installed")]
    out: list[tuple[str, str]] = []

    def parse(src: Any, **kw: Any) -> tuple[Any, Any]:
        p = etree.HTMLParser(**kw)
        return etree.fromstring(src, p), p

    def res(fn: Callable[[], Any]) -> str:
        try:
            return str(fn())
        except Exception as e:
            return f"raises {type(e).__name__}: {str(e)[:90]}"

    big = (
        "<html><body>\n"
        + "".join(f"<p>{i}</p>\n" for i in range(2, 70_001))
        + "</body></html>"
    )
    for kw in ({}, {"huge_tree": True}):
        root, _ = parse(big, **kw)
        ps = root.findall(".//p")
        out.append(
            (
                "sourceline of <p> on lines 65534 / 65536 / 70000, "
                f"HTMLParser({kw or ''})",
                f"{ps[65532].sourceline} / {ps[65534].sourceline} / "
                f"{ps[-1].sourceline}",
            )
        )
    root, _ = parse("<html><body>\n<div\n  class=x\n>text</div></body></html>")
    out.append(
        (
            "sourceline of a start tag written on lines 2-4",
            str(root.find(".//div").sourceline),
        )
    )
    out.append(
        (
            "fromstring('') / (' ') / ('<!-- c -->')",
            " / ".join(res(lambda s=s: parse(s)[0]) for s in ("", " ", "<!-- c -->")),
        )
    )
    from lxml import html as lhtml

    out.append(("lxml.html.fromstring('')", res(lambda: lhtml.fromstring(""))))
    decl = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>x</p></body></html>'
    out.append(("str with <?xml ... encoding=...?>", res(lambda: parse(decl)[0])))
    out.append(
        (
            "  same, declaration blanked out (same length)",
            res(lambda: parse(strip_xml_declaration(decl))[0].find(".//p").sourceline),
        )
    )
    out.append(
        (
            "  same, as bytes + HTMLParser(encoding='utf-8')",
            res(lambda: parse(decl.encode(), encoding="utf-8")[0].find(".//p").text),
        )
    )
    ru = "<p>Привет</p></body></html>"
    meta = '<html><head><meta charset="windows-1251"></head><body>' + ru
    out.append(
        (
            "str + <meta charset=windows-1251>",
            res(lambda: parse(meta)[0].findtext(".//p")),
        )
    )
    out.append(
        (
            "UTF-8 bytes + <meta charset=windows-1251>",
            res(lambda: parse(meta.encode())[0].findtext(".//p")),
        )
    )
    out.append(
        (
            "  same + HTMLParser(encoding='utf-8')",
            res(lambda: parse(meta.encode(), encoding="utf-8")[0].findtext(".//p")),
        )
    )
    out.append(
        (
            "UTF-8 bytes, no charset declared",
            res(
                lambda: repr(parse(("<html><body>" + ru).encode())[0].findtext(".//p"))
            ),
        )
    )
    root, _ = parse(
        "<html><body><p>a<!-- note -->visible<?php x ?>more</p></body></html>"
    )
    out.append(
        (
            "iter() over <p>a<!-- note -->visible<?php x ?>more</p>",
            str(
                [
                    (e.tag if isinstance(e.tag, str) else type(e).__name__, e.tail)
                    for e in root.find(".//p").iter()
                ]
            ),
        )
    )
    root, _ = parse(
        "<html><body><p>a<!-- note -->visible</p></body></html>", remove_comments=True
    )
    out.append(
        ("  same with remove_comments=True: p.text", repr(root.findtext(".//p")))
    )
    after = "<html><body><p>a</p></body></html>\n<p>after</p>"
    out.append(
        (
            "text after </html>: kept? (default / after prepare())",
            f"{'after' in ''.join(parse(after)[0].itertext())} / "
            f"{'after' in ''.join(parse(prepare(after))[0].itertext())}",
        )
    )
    root, _ = parse("<html><body>\r<p>a\rb</p>\r<p>c</p></body></html>")
    out.append(
        (
            "lone CR line ends: sourceline of 2nd <p> (3 in an editor) / its text",
            f"{root.findall('.//p')[1].sourceline} / {root.find('.//p').text!r}",
        )
    )
    deep = (
        "<html><body>"
        + "<div>" * 300
        + "deep"
        + "</div>" * 300
        + f"<p>{MARKER}</p></body></html>"
    )
    for kw in ({}, {"huge_tree": True}):
        root, p = parse(deep, **kw)
        found = MARKER in "".join(root.itertext())
        errs = {e.message.strip()[:60] for e in p.error_log}
        out.append(
            (
                f"300 nested <div>, HTMLParser({kw or ''}): text after them kept?",
                f"{found}; error_log: {sorted(errs) or '-'}",
            )
        )
    deep = (
        "<html><body>"
        + "<div>" * 3000
        + "</div>" * 3000
        + f"<p>{MARKER}</p></body></html>"
    )
    root, p = parse(deep, huge_tree=True)
    out.append(
        (
            "3000 nested <div>, huge_tree=True: text after them kept?",
            f"{MARKER in ''.join(root.itertext())}; error_log: "
            f"{sorted({e.message.strip()[:60] for e in p.error_log}) or '-'}",
        )
    )
    return out


# --------------------------------------------------------------------------
# report


def ms(x: float) -> str:
    return f"{x * 1000:.2f}" if x < 0.1 else f"{x * 1000:.0f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument(
        "--limit", type=int, default=None, help="use only the first N pages"
    )
    ap.add_argument(
        "--repeat", type=int, default=3, help="best of N passes (default 3)"
    )
    ap.add_argument("--only", default="", help="comma-separated library names")
    ap.add_argument("--no-memory", action="store_true")
    ap.add_argument("--no-robustness", action="store_true")
    ap.add_argument(
        "--json", type=Path, default=None, help="also write raw results here"
    )
    ap.add_argument(
        "--mem-child", nargs=2, metavar=("LIB", "MODE"), help=argparse.SUPPRESS
    )
    args = ap.parse_args()

    if args.mem_child:
        mem_child(args.mem_child[0], args.mem_child[1], args.site, args.limit)
        return 0

    only = {s.strip() for s in args.only.split(",") if s.strip()} or None
    backends = load(only)
    files = corpus_files(args.site, args.limit)
    if not files:
        print(f"no .html files under {args.site}", file=sys.stderr)
        return 2
    raw, docs = read_corpus(files)
    mb = sum(map(len, raw)) / 1e6
    nlines = sum(d.count("\n") + 1 for d in docs)
    print(
        f"# HTML parser benchmark: {len(docs)} pages, {mb:.1f} MB, "
        f"{nlines / len(docs):.0f} lines/page on average"
    )
    print(
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start. "
        f"Times are CPU time of this process (time.process_time), best of "
        f"{args.repeat} passes taken round-robin over the libraries (one pass "
        f"when a pass takes over 20 s); text decoded once up-front (str input) "
        f"unless noted.\n"
    )
    results: dict[str, Any] = {"pages": len(docs), "mb": mb, "libs": {}}

    # reference positions from html.parser
    std = next((b for b in backends if b.name == "html.parser" and not b.skipped), None)
    std_fns = make_stdlib() if std is None else std.fns
    truth = [std_fns["collect"](d) for d in docs]

    # timing: passes go round-robin over the libraries, so that a noisy
    # moment on the machine does not land on one library only
    live = [b for b in backends if not b.skipped]
    times: dict[str, dict[str, float]] = {b.name: {} for b in live}
    for rep in range(args.repeat):
        for b in live:
            inp = raw if b.bytes_input else docs
            for what in ("parse", "walk"):
                best = times[b.name].get(what)
                if rep and b.slow and best is not None and best * len(docs) > 20:
                    continue  # one pass is enough for the slow ones
                print(f"- {b.name} {what} pass {rep + 1}", file=sys.stderr, flush=True)
                t = time_pass(b.fns[what], inp) / len(docs)
                times[b.name][what] = t if best is None else min(best, t)

    rows = []
    base = None
    for b in backends:
        if b.skipped:
            rows.append((b, None))
            print(f"- {b.name}: skipped ({b.skipped})", file=sys.stderr)
            continue
        inp = raw if b.bytes_input else docs
        t_parse = times[b.name]["parse"]
        t_walk = times[b.name]["walk"]
        segs = [b.fns["walk"](d) for d in inp]
        n_seg = sum(map(len, segs))
        if segs and segs[0] and segs[0][0][0] is not None:
            acc = [accuracy(s, t.out) for s, t in zip(segs, truth, strict=True)]
            _, matched, same = (sum(x) for x in zip(*acc, strict=True))
            acc_s = f"{same / matched:.2%} of {matched}" if matched else "-"
        else:
            acc_s = "no lines"
        r = {
            "version": b.version_str,
            "parse_s": t_parse,
            "walk_s": t_walk,
            "texts": n_seg,
            "line_accuracy": acc_s,
        }
        if not args.no_memory:
            print(f"- {b.name}: memory ...", file=sys.stderr, flush=True)
            r["mem_stream"] = run_mem(b.name, "stream", args.site, args.limit)
            r["mem_keep"] = run_mem(b.name, "keep", args.site, args.limit)
        if b.name == "lxml":
            base = r
        results["libs"][b.name] = r
        rows.append((b, r))

    # column finding in lxml
    lx = next((b for b in backends if b.name == "lxml" and not b.skipped), None)
    col_info = None
    if lx is not None:
        print("- lxml: column search ...", file=sys.stderr, flush=True)
        # walk and walk + columns alternate, so both see the same machine
        t_walk_c = t_cols = float("inf")
        for _ in range(max(1, args.repeat)):
            t_walk_c = min(t_walk_c, time_pass(lx.fns["walk"], docs) / len(docs))
            t_cols = min(t_cols, time_pass(lx.fns["columns"], docs) / len(docs))
        t_starts = best_of(line_starts, docs, args.repeat) / len(docs)
        e_ok = e_n = e_none = t_ok = t_n = 0
        for d, t in zip(docs, truth, strict=True):
            elements, texts = lx.fns["columns"](d)
            ref_tags: dict[tuple[str, int], tuple[int, int]] = {}
            seen: dict[str, int] = {}
            for tag, line, col in t.tags:
                seen[tag] = seen.get(tag, 0) + 1
                ref_tags[(tag, seen[tag])] = (line, col)
            seen = {}
            for tag, line, col in elements:
                seen[tag] = seen.get(tag, 0) + 1
                if col is None:
                    e_none += 1
                    continue
                e_n += 1
                e_ok += ref_tags.get((tag, seen[tag])) == (line, col)
            ref_txt: dict[tuple[str, int], tuple[int, int]] = {}
            seen = {}
            for line, col, text in t.out:
                k = text.strip()
                seen[k] = seen.get(k, 0) + 1
                ref_txt[(k, seen[k])] = (line, col)
            seen = {}
            for line, col, text in texts:
                k = text.strip()
                seen[k] = seen.get(k, 0) + 1
                r_ = ref_txt.get((k, seen[k]))
                if r_ is not None:
                    t_n += 1
                    t_ok += r_ == (line, col)
        naive = [lx.fns["naive"](d) for d in docs]
        acc = [accuracy(s, t.out) for s, t in zip(naive, truth, strict=True)]
        _, n_m, n_same = (sum(x) for x in zip(*acc, strict=True))
        col_info = {
            "t_cols": t_cols,
            "t_starts": t_starts,
            "t_walk": t_walk_c,
            "elem_ok": e_ok,
            "elem_n": e_n,
            "elem_none": e_none,
            "text_ok": t_ok,
            "text_n": t_n,
            "naive_acc": n_same / n_m if n_m else 0.0,
        }
        results["lxml_columns"] = col_info

    # ---- table 1: speed and memory
    print("## Speed and memory\n")
    print(
        "| library | version | parse ms/page | × lxml | parse+walk ms/page | × lxml "
        "| texts found | peak RSS streaming, MB | RSS per kept tree, KB |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for b, r in rows:
        if r is None:
            print(f"| {b.name} | skipped: {b.skipped} | | | | | | | |")
            continue
        rp = f"{r['parse_s'] / base['parse_s']:.2f}" if base else "-"
        rw = f"{r['walk_s'] / base['walk_s']:.2f}" if base else "-"
        ms_ = r.get("mem_stream", {})
        mk = r.get("mem_keep", {})
        if "peak_kb" in ms_:
            grow = (ms_["peak_kb"] - ms_["base_kb"]) / 1024
            peak = f"{ms_['peak_kb'] / 1024:.0f} (+{grow:.0f})"
        else:
            peak = ms_.get("error", "-")
        if b.name == "html.parser":
            keep = "no tree"
        elif "per_tree_kb" in mk:
            keep = f"{mk['per_tree_kb']:.0f}"
        else:
            keep = mk.get("error", "-")
        print(
            f"| {b.name} | {r['version']} | {ms(r['parse_s'])} | {rp} "
            f"| {ms(r['walk_s'])} | {rw} | {r['texts']} | {peak} | {keep} |"
        )
    some = next(
        (r for _, r in rows if r and "mem_keep" in r and "src_kb" in r["mem_keep"]),
        None,
    )
    if some:
        print(
            "\nPeak RSS: whole child process (interpreter + library) reading, "
            "parsing and walking every page one at a time; in brackets the growth "
            "over the RSS before the first page. Kept trees: RSS growth / 100 while "
            "the first 100 trees are alive (those pages average "
            f"{some['mem_keep']['src_kb']:.0f} KB)."
        )

    # ---- table 2: positions
    print("\n## Source positions\n")
    print(
        "| library | element line | text line | column | text lines equal to "
        "html.parser's |"
    )
    print("|---|---|---|---|---|")
    for b, r in rows:
        if r is None:
            continue
        print(
            f"| {b.name} | {b.elem_line} | {b.text_line} | {b.column} "
            f"| {r['line_accuracy']} |"
        )
    if col_info:
        ci = col_info
        print(
            f"\nlxml, text line = `sourceline` of the element holding the text (no "
            f"counting): {ci['naive_acc']:.2%} equal to html.parser's."
        )
        print(
            f"\nlxml column search (parse + walk + element and text columns): "
            f"{ms(ci['t_cols'])} ms/page, vs {ms(ci['t_walk'])} for parse + walk "
            f"timed alternately with it (+{(ci['t_cols'] / ci['t_walk'] - 1):.0%}); "
            "of which the line-start "
            f"table {ms(ci['t_starts'])} ms/page. Elements placed: {ci['elem_n']} "
            f"({ci['elem_ok'] / max(1, ci['elem_n']):.2%} equal to html.parser's "
            f"line and column), {ci['elem_none']} without a column (not in the "
            f"source). Texts: {ci['text_ok'] / max(1, ci['text_n']):.2%} of "
            f"{ci['text_n']} equal."
        )

    # ---- table 3: robustness
    if not args.no_robustness:
        print("\n## Robustness\n")
        print("Parse + walk of each document; every document ends with a marker text.")
        print("lxml+fixes = HTMLParser(huge_tree=True) after `prepare()`.\n")
        sample = max(docs, key=len)
        cases = robustness_cases(sample)
        live = [b for b, r in rows if r is not None]
        print("| case | " + " | ".join(b.name for b in live) + " |")
        print("|---|" + "---|" * len(live))
        results["robustness"] = {}
        for label, doc in cases:
            cells = []
            for b in live:
                print(f"- robustness {label} / {b.name}", file=sys.stderr, flush=True)
                outcome, dt = run_case(b, doc)
                cells.append(f"{outcome} ({ms(dt)} ms)")
                results["robustness"][f"{label} / {b.name}"] = [outcome, dt]
            print(f"| {label} | " + " | ".join(cells) + " |")

    # ---- table 4: lxml behaviour
    print("\n## lxml behaviour checks\n")
    print("| check | result |")
    print("|---|---|")
    checks = lxml_checks()
    results["lxml_checks"] = checks
    for k, v in checks:
        print(f"| {k} | {v.replace('|', '/')} |")

    if args.json:
        args.json.write_text(
            json.dumps(results, indent=1, ensure_ascii=False, default=str)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
