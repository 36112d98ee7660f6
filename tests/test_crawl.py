"""Tests for loccheck.crawl: finding pages and resolving links in real folders."""

from __future__ import annotations

import contextlib
import gzip
import os
import pickle
import threading
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from loccheck import crawl
from loccheck.crawl import (
    Discovery,
    LinkTarget,
    SiteIndex,
    discover,
    is_excluded,
    looks_like_html,
    resolve_link,
)
from loccheck.sitemaps import parse_sitemap

HTML = "<!DOCTYPE html><html><head><title>{0}</title></head><body>{0}</body></html>"
SHOP = "shop.example.com"


def write(root: Path, rel: str, text: str | None = None) -> Path:
    """Create a file under ``root``; pages get a small HTML body by default."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HTML.format(rel) if text is None else text, encoding="utf-8")
    return path


def symlink(link: Path, target: Path | str) -> None:
    """Create a symlink, or skip the test where the OS does not allow it."""
    link.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.symlink(target, link)
    except (OSError, NotImplementedError) as err:
        pytest.skip(f"symlinks are not available here: {err}")


def sitemap(*urls: str, index: bool = False) -> str:
    """Return a sitemap (or sitemap index) listing ``urls``."""
    tag, outer = ("sitemap", "sitemapindex") if index else ("url", "urlset")
    body = "".join(f"<{tag}><loc>{escape(url)}</loc></{tag}>" for url in urls)
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{outer} xmlns="{ns}">{body}</{outer}>'
    )


def kinds(found: Discovery) -> dict[str, str]:
    """Map each note's page to its kind."""
    return {note.page: note.kind for note in found.notes}


def test_lists_pages_case_insensitively_and_sorted(tmp_path: Path) -> None:
    for rel in ("index.html", "b/Page.HTM", "a/doc.xhtml", "style.css", "a/x.js"):
        write(tmp_path, rel)
    found = discover(tmp_path)
    assert found.pages == ("a/doc.xhtml", "b/Page.HTM", "index.html")
    assert found.entry_pages == ("index.html",)
    assert found.index.root == tmp_path.resolve()
    assert found.notes == ()


def test_orphan_pages_are_listed(tmp_path: Path) -> None:
    write(tmp_path, "index.html")
    write(tmp_path, "old/forgotten-promo.html")  # nothing links here
    assert "old/forgotten-promo.html" in discover(tmp_path).pages


def test_link_cycles_resolve_and_discovery_ends(tmp_path: Path) -> None:
    write(tmp_path, "a.html", '<a href="b.html">b</a>')
    write(tmp_path, "b.html", '<a href="a.html">a</a>')
    found = discover(tmp_path)
    assert found.pages == ("a.html", "b.html")
    assert resolve_link(found.index, "a.html", "b.html") == LinkTarget("page", "b.html")
    assert resolve_link(found.index, "b.html", "a.html") == LinkTarget("page", "a.html")
    assert resolve_link(found.index, "a.html", "") == LinkTarget("page", "a.html")
    assert resolve_link(found.index, "a.html", "#top") == LinkTarget("page", "a.html")


def test_links_climbing_above_root_escape(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site, "shop/index.html")
    write(tmp_path, "secret.html")
    index = discover(site).index
    assert resolve_link(index, "shop/index.html", "../../secret.html").kind == "escape"
    assert resolve_link(index, "shop/index.html", "../../../../etc/passwd") == (
        LinkTarget("escape", None)
    )
    assert resolve_link(index, "shop/index.html", "../index.html") == LinkTarget(
        "missing", "index.html"
    )
    # Root-relative ".." stops at the site root, as a browser stops at the host.
    assert resolve_link(index, "shop/index.html", "/../shop/index.html") == (
        LinkTarget("page", "shop/index.html")
    )


def test_symlinks_escaping_root_are_skipped_with_a_note(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write(outside, "private.html")
    site = tmp_path / "site"
    write(site, "index.html")
    symlink(site / "leak", outside)
    symlink(site / "leak.html", outside / "private.html")
    found = discover(site)
    assert found.pages == ("index.html",)
    assert kinds(found) == {"leak": "symlink-escape", "leak.html": "symlink-escape"}
    assert all("outside the site folder" in note.message for note in found.notes)
    assert resolve_link(found.index, "index.html", "leak/private.html").kind == "escape"
    assert resolve_link(found.index, "index.html", "leak.html").kind == "escape"


def test_symlink_loop_gets_a_note_not_endless_recursion(tmp_path: Path) -> None:
    write(tmp_path, "index.html")
    write(tmp_path, "shop/bag.html")
    symlink(tmp_path / "shop" / "again", tmp_path / "shop")
    symlink(tmp_path / "shop" / "home", tmp_path)
    found = discover(tmp_path)
    assert found.pages == ("index.html", "shop/bag.html")
    assert kinds(found) == {"shop/again": "symlink-loop", "shop/home": "symlink-loop"}


def test_file_reachable_twice_is_listed_under_the_smallest_path(
    tmp_path: Path,
) -> None:
    write(tmp_path, "z-real/bag.html")
    symlink(tmp_path / "a-link", tmp_path / "z-real")
    symlink(tmp_path / "latest.html", tmp_path / "z-real" / "bag.html")
    found = discover(tmp_path)
    assert found.pages == ("a-link/bag.html",)
    assert found.notes == ()
    for href in ("z-real/bag.html", "latest.html", "a-link/bag.html"):
        assert resolve_link(found.index, "index.html", href) == LinkTarget(
            "page", "a-link/bag.html"
        )


def test_absolute_links_to_the_shop_host_map_into_a_wget_export(
    tmp_path: Path,
) -> None:
    write(tmp_path, f"{SHOP}/index.html")
    write(tmp_path, f"{SHOP}/products/bag.html")
    write(tmp_path, f"{SHOP}/assets/app.css", "body{}")
    found = discover(tmp_path)
    assert found.index.host_dirs == frozenset({SHOP})
    assert SHOP in found.index.hosts
    assert found.entry_pages == (f"{SHOP}/index.html",)
    page = f"{SHOP}/products/bag.html"
    for href in (
        f"https://{SHOP}/products/bag.html",
        f"http://www.{SHOP}:8080/products/bag.html?utm_source=x#reviews",
        f"//{SHOP.upper()}/products/bag.html",
        f"https://user:pw@{SHOP}./products/bag.html",
        "/products/bag.html",
        "bag.html",
    ):
        assert resolve_link(found.index, page, href) == LinkTarget("page", page), href
    assert resolve_link(found.index, page, f"https://{SHOP}/") == LinkTarget(
        "page", f"{SHOP}/index.html"
    )
    assert resolve_link(found.index, page, "/assets/app.css") == LinkTarget(
        "asset", f"{SHOP}/assets/app.css"
    )
    assert resolve_link(found.index, page, f"https://{SHOP}/cart") == LinkTarget(
        "missing", f"{SHOP}/cart"
    )


@pytest.mark.parametrize(
    "href",
    [
        "https://other.example.org/bag.html",
        "//cdn.example.net/app.js",
        "mailto:shop@example.com",
        "tel:+74950000000",
        "javascript:void(0)",
        "data:image/png;base64,iVBORw0KGgo=",
        "HTTPS://elsewhere.example/",
        f"https://{SHOP}@evil.example/bag.html",  # the host comes after the "@"
        "http://[::1/bag.html",  # an unclosed IPv6 host: not a URL at all
    ],
)
def test_other_hosts_and_schemes_are_external(tmp_path: Path, href: str) -> None:
    write(tmp_path, "index.html")
    index = discover(tmp_path, hosts=["https://shop.example.com/"]).index
    assert index.hosts == frozenset({SHOP})
    assert resolve_link(index, "index.html", href) == LinkTarget("external", None)


def test_user_given_host_maps_absolute_links(tmp_path: Path) -> None:
    write(tmp_path, "index.html")
    write(tmp_path, "sale.html")
    index = discover(tmp_path, hosts=["Shop.Example.com:443"]).index
    assert resolve_link(index, "index.html", f"https://{SHOP}/sale.html") == (
        LinkTarget("page", "sale.html")
    )


def test_percent_encoded_names(tmp_path: Path) -> None:
    write(tmp_path, "café.html")
    write(tmp_path, "a%20b.html")  # saved with the escape in its name
    write(tmp_path, "catalog/сумки.html")
    index = discover(tmp_path).index
    assert resolve_link(index, "x.html", "caf%C3%A9.html") == LinkTarget(
        "page", "café.html"
    )
    assert resolve_link(index, "x.html", "a%20b.html") == LinkTarget(
        "page", "a%20b.html"
    )
    href = "/catalog/%D1%81%D1%83%D0%BC%D0%BA%D0%B8.html"
    assert resolve_link(index, "x.html", href) == LinkTarget(
        "page", "catalog/сумки.html"
    )
    assert resolve_link(index, "x.html", "caf%C3%A9s.html") == LinkTarget(
        "missing", "cafés.html"
    )


def test_query_and_fragment_normalisation(tmp_path: Path) -> None:
    write(tmp_path, "products/bag.html")
    write(tmp_path, "page.php?id=3")  # wget keeps the query in the name
    write(tmp_path, "list.php@page=2.html")  # wget --restrict-file-names=windows
    write(tmp_path, "collections/index.html?page=2")
    index = discover(tmp_path).index
    cases = {
        "products/bag.html?variant=1#reviews": "products/bag.html",
        "./products/./bag.html#x": "products/bag.html",
        "products/../products/bag.html": "products/bag.html",
        "page.php?id=3": "page.php?id=3",
        "list.php?page=2": "list.php@page=2.html",
        "collections/?page=2": "collections/index.html?page=2",
    }
    for href, path in cases.items():
        assert resolve_link(index, "index.html", href) == LinkTarget("page", path)
    assert resolve_link(index, "index.html", "page.php?id=4") == LinkTarget(
        "missing", "page.php"
    )
    assert "page.php?id=3" in discover(tmp_path).pages


def test_folders_map_to_their_index_and_names_to_html(tmp_path: Path) -> None:
    write(tmp_path, "index.html")
    write(tmp_path, "collections/index.html")
    write(tmp_path, "about.html")
    (tmp_path / "empty").mkdir()
    index = discover(tmp_path).index
    cases = {
        "collections/": "collections/index.html",
        "collections": "collections/index.html",
        "./": "index.html",
        "/": "index.html",
        "about": "about.html",  # wget --adjust-extension
    }
    for href, path in cases.items():
        assert resolve_link(
            index, "collections/index.html", "/" + href.lstrip("/")
        ) == (LinkTarget("page", path)), href
    assert resolve_link(index, "collections/index.html", "..") == LinkTarget(
        "page", "index.html"
    )
    assert resolve_link(index, "index.html", "empty/") == LinkTarget(
        "missing", "empty/index.html"
    )
    assert resolve_link(index, "index.html", "empty") == LinkTarget(
        "missing", "empty/index.html"
    )


def test_extensionless_page_named_by_a_sitemap(tmp_path: Path) -> None:
    write(tmp_path, "index.html")
    write(tmp_path, "products/bag")  # wget without --adjust-extension
    write(tmp_path, "catalog/item.1234")
    write(tmp_path, "feeds/prices.json", '{"not": "html"}')
    urls = (
        f"https://{SHOP}/products/bag",
        f"https://{SHOP}/catalog/item.1234",
        f"https://{SHOP}/feeds/prices.json",
        f"https://{SHOP}/gone.html",
    )
    write(tmp_path, "sitemap.xml", sitemap(*urls))
    found = discover(tmp_path)
    assert SHOP in found.index.hosts
    assert found.pages == ("catalog/item.1234", "index.html", "products/bag")
    assert found.entry_pages == found.pages
    assert kinds(found) == {"sitemap.xml": "sitemap-missing-pages"}
    assert resolve_link(found.index, "index.html", "catalog/item.1234").kind == "page"


def test_sitemap_index_is_followed_to_local_sitemaps(tmp_path: Path) -> None:
    for rel in ("index.html", "products/bag.html", "blog/news.html", "orphan.html"):
        write(tmp_path, rel)
    children = (
        f"https://{SHOP}/sitemap_products_1.xml?from=1&to=99",
        f"https://{SHOP}/blog-map.xml.gz",
    )
    write(tmp_path, "sitemap.xml", sitemap(*children, index=True))
    write(
        tmp_path,
        "sitemap_products_1.xml?from=1&to=99",
        sitemap(f"https://{SHOP}/products/bag.html"),
    )
    blog = sitemap(f"https://www.{SHOP}/blog/news.html").encode()
    (tmp_path / "blog-map.xml.gz").write_bytes(gzip.compress(blog))
    found = discover(tmp_path)
    assert found.entry_pages == ("blog/news.html", "index.html", "products/bag.html")
    assert "orphan.html" in found.pages
    assert found.notes == ()


def test_every_sitemap_url_counts_not_only_those_read_to_learn_the_base(
    tmp_path: Path,
) -> None:
    """The URLs are read again to find the pages: past the first 500 too,
    from every URL set, and missing pages are counted per sitemap."""
    for i in range(700):
        write(tmp_path, f"p/{i:04}.html")
    urls = [f"https://{SHOP}/p/{i:04}.html" for i in range(650)]
    write(tmp_path, "sitemap.xml", sitemap(*urls[:600], f"https://{SHOP}/gone.html"))
    write(tmp_path, "sitemap-more.xml", sitemap(*urls[600:]))
    found = discover(tmp_path)
    assert found.entry_pages == tuple(f"p/{i:04}.html" for i in range(650))
    assert len(found.pages) == 700
    assert kinds(found) == {"sitemap.xml": "sitemap-missing-pages"}
    assert found.notes[0].message.startswith("1 page(s) listed in sitemap")


def test_a_large_folder_mixed_with_links_keeps_path_order(tmp_path: Path) -> None:
    """Plain files are listed as the folder gives them; symlinks and
    subfolders still come in path order, and so do their notes."""
    for i in range(300):
        write(tmp_path, f"f/{i:03}.html")
    for name in ("m-leak", "b-leak", "z-leak"):
        symlink(tmp_path / "f" / f"{name}.html", tmp_path.parent / "nowhere.html")
    symlink(tmp_path / "f" / "a-alias.html", tmp_path / "f" / "007.html")
    write(tmp_path, "f/sub/in.html")
    found = discover(tmp_path)
    assert [note.page for note in found.notes] == [
        "f/b-leak.html",
        "f/m-leak.html",
        "f/z-leak.html",
    ]
    assert kinds(found) == dict.fromkeys(
        ("f/b-leak.html", "f/m-leak.html", "f/z-leak.html"), "symlink-escape"
    )
    # The alias is a second name of f/007.html, which is the smaller one.
    assert found.pages == (*(f"f/{i:03}.html" for i in range(300)), "f/sub/in.html")


def test_broken_sitemaps_get_notes(tmp_path: Path) -> None:
    write(tmp_path, "index.html")
    write(tmp_path, "sitemap.xml", "<urlset><url><loc>https://x/</loc></url>")
    write(tmp_path, "sitemap-feed.xml", "<rss><channel/></rss>")
    (tmp_path / "sitemap2.xml.gz").write_bytes(b"\x1f\x8bnot gzip")
    packed = gzip.compress(sitemap(f"https://{SHOP}/index.html").encode())
    corrupt = packed[:10] + bytes([0x07]) + packed[11:]  # an invalid deflate block
    (tmp_path / "sitemap3.xml.gz").write_bytes(corrupt)
    found = discover(tmp_path)
    assert kinds(found) == {
        "sitemap.xml": "broken-sitemap",
        "sitemap-feed.xml": "broken-sitemap",
        "sitemap2.xml.gz": "broken-sitemap",
        "sitemap3.xml.gz": "broken-sitemap",
    }
    assert found.pages == ("index.html",)


def test_sitemap_is_read_whole_across_chunks(tmp_path: Path) -> None:
    """Entries straddle read chunks; comments, other elements and deeper <loc> are
    skipped; every URL comes back, in order, plain or gzipped."""
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    urls = [f"https://{SHOP}/products/item-{n:05d}.html" for n in range(3000)]
    body = "".join(
        f"<!-- n{n} --><url><loc> {url} </loc><lastmod>2025-01-01</lastmod></url>"
        for n, url in enumerate(urls)
    )
    odd = "<image><loc>https://x/a.png</loc></image><url><x><loc>https://x/</loc></x></url>"
    text = f'<?xml version="1.0"?><urlset xmlns="{ns}">{odd}{body}</urlset>'
    assert len(text) > 3 * 65536
    (tmp_path / "plain.xml").write_text(text)
    (tmp_path / "zipped.xml.gz").write_bytes(gzip.compress(text.encode()))
    for name in ("plain.xml", "zipped.xml.gz"):
        assert parse_sitemap(tmp_path / name) == ("urlset", urls)
    index = sitemap(*urls[:2], index=True)
    (tmp_path / "index.xml").write_text(index)
    assert parse_sitemap(tmp_path / "index.xml") == ("sitemapindex", urls[:2])


def test_empty_and_foreign_sitemaps_are_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.xml").write_bytes(b"")
    (tmp_path / "feed.xml").write_text("<rss><channel/></rss>")
    with pytest.raises(ValueError, match="empty"):
        parse_sitemap(tmp_path / "empty.xml")
    with pytest.raises(ValueError, match="<rss>"):
        parse_sitemap(tmp_path / "feed.xml")


def test_sitemap_entities_are_not_expanded(tmp_path: Path) -> None:
    write(tmp_path, "index.html")
    evil = (
        '<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>https://shop.example.com/&e;</loc></url></urlset>"
    )
    write(tmp_path, "sitemap.xml", evil)
    found = discover(tmp_path)
    assert found.pages == ("index.html",)


def test_exclude_globs_apply_to_listing_and_sitemaps(tmp_path: Path) -> None:
    for rel in (
        "index.html",
        "drafts/new.html",
        "drafts/deep/older.html",
        "sale.bak.html",
        "ru/sale.bak.html",
        "ru/print/bag.html",
        "ru/bag.html",
    ):
        write(tmp_path, rel)
    write(tmp_path, "sitemap.xml", sitemap(f"https://{SHOP}/drafts/new.html"))
    globs = ["drafts/**", "*.bak.html", "**/print/*.html"]
    found = discover(tmp_path, exclude=globs)
    assert found.pages == ("index.html", "ru/bag.html")
    assert found.index.exclude == tuple(globs)


def test_is_excluded_glob_semantics() -> None:
    assert is_excluded("drafts/a.html", ["drafts/**"])
    assert is_excluded("drafts", ["drafts/**"])
    assert not is_excluded("drafts-2024/a.html", ["drafts/**"])
    assert not is_excluded("ru/drafts/a.html", ["drafts/**"])
    assert is_excluded("ru/drafts/a.html", ["**/drafts/**"])
    assert is_excluded("a.html", ["*.html"])
    assert is_excluded("x/y/a.html", ["*.html"])
    assert not is_excluded("x/a.html", ["/*.html"])
    assert is_excluded("ru/print/bag.html", ["**/print/*.html"])
    assert is_excluded("print/bag.html", ["**/print/*.html"])
    assert not is_excluded("ru/print/deep/bag.html", ["**/print/*.html"])
    assert is_excluded("ru/a1.html", ["ru/a[0-9].html"])
    assert not is_excluded("ru/ab.html", ["ru/a[!b].html"])
    assert is_excluded("ru/a+b.html", ["ru/a+b.html"])
    assert not is_excluded("anything.html", [])


def test_single_file_input(tmp_path: Path) -> None:
    write(tmp_path, "site/other.html")
    page = write(tmp_path, "site/landing.html")
    found = discover(page, exclude=["*.html"])
    assert found.pages == ("landing.html",)
    assert found.entry_pages == ("landing.html",)
    assert found.index.root == page.parent.resolve()
    assert resolve_link(found.index, "landing.html", "other.html").kind == "page"


def test_missing_root_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        discover(tmp_path / "nope")


def test_extensionless_files_are_sniffed(tmp_path: Path) -> None:
    write(tmp_path, "products/bag")
    write(tmp_path, "LICENSE", "MIT License\n")
    write(tmp_path, "CNAME", "shop.example.com\n")
    found = discover(tmp_path)
    assert found.pages == ("products/bag",)
    assert resolve_link(found.index, "index.html", "LICENSE") == LinkTarget(
        "asset", "LICENSE"
    )


def test_vcs_folders_are_not_walked(tmp_path: Path) -> None:
    write(tmp_path, "index.html")
    write(tmp_path, ".git/hooks/page.html")
    assert discover(tmp_path).pages == ("index.html",)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="needs a non-root POSIX user",
)
def test_unreadable_folder_gets_a_note(tmp_path: Path) -> None:
    write(tmp_path, "index.html")
    write(tmp_path, "locked/page.html")
    (tmp_path / "locked").chmod(0)
    try:
        found = discover(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert found.pages == ("index.html",)
    assert kinds(found) == {"locked": "unreadable-dir"}


def test_resolve_link_without_discovery(tmp_path: Path) -> None:
    write(tmp_path, "index.html")
    index = SiteIndex(tmp_path, frozenset({SHOP}))
    assert resolve_link(index, "index.html", f"https://{SHOP}/") == LinkTarget(
        "page", "index.html"
    )
    assert resolve_link(index, "index.html", "style.css") == LinkTarget(
        "missing", "style.css"
    )


def test_site_index_pickles_without_its_memos(tmp_path: Path) -> None:
    for rel in ("index.html", "a.html", "b.html"):
        write(tmp_path, rel)
    index = discover(tmp_path, hosts=[SHOP]).index
    assert resolve_link(index, "index.html", "a.html").kind == "page"
    copy = pickle.loads(pickle.dumps(index))
    assert copy == index
    assert copy._memo == {}
    assert copy._links == {}
    assert resolve_link(copy, "index.html", f"https://{SHOP}/b.html") == LinkTarget(
        "page", "b.html"
    )


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<!DOCTYPE html><html><head>", True),
        (b"\xef\xbb\xbf  <html lang='ru'>", True),
        (b"<!-- saved by wget -->\n<!doctype HTML>", True),
        ("<html><body>".encode("utf-16"), True),
        (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', True),
        (b'{"html": "<html>"}', False),
        (b"\x89PNG\r\n\x1a\n\x00\x00", False),
        (b"<?xml version='1.0'?><urlset>", False),
        (b"body { color: red }", False),
        (b"", False),
    ],
)
def test_looks_like_html(head: bytes, expected: bool) -> None:
    assert looks_like_html(head) is expected


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_pipe_named_like_a_page_is_never_read(tmp_path: Path) -> None:
    """Reading a named pipe blocks until something writes to it: a link to one
    resolves as missing, and one given as the page to scan gets a note. (A
    thread opens the pipe for writing after a while, so that a regression
    fails here instead of hanging.)"""
    from loccheck.engine import ScanOptions, scan

    write(tmp_path, "index.html", '<html lang="ru"><body><a href="pipe.html">x</a>')
    pipe = tmp_path / "pipe.html"
    os.mkfifo(pipe)
    index = discover(tmp_path).index
    assert resolve_link(index, "index.html", "pipe.html").kind == "missing"

    def unblock() -> None:
        with contextlib.suppress(OSError), open(pipe, "wb"):
            pass

    timer = threading.Timer(10, unblock)
    timer.start()
    try:
        whole = scan(tmp_path, "site", ScanOptions(), jobs=1)
        alone = scan(pipe, "pipe.html", ScanOptions(), jobs=1)
    finally:
        timer.cancel()
    assert [p.page for p in whole.pages] == ["index.html"]
    assert [(n.page, n.kind) for n in alone.notes] == [("pipe.html", "unreadable")]
    assert "not a regular file" in alone.notes[0].message


def test_the_link_memo_is_emptied_when_full_and_answers_stay_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(12):
        write(tmp_path, f"p{n}.html")
    index = discover(tmp_path).index
    monkeypatch.setattr(crawl, "_CACHED_LINKS", 4)
    for n in range(12):
        href = f"p{n}.html"
        expected = resolve_link(index, "p0.html", href, remember=False)
        assert resolve_link(index, "p0.html", href) == expected
        assert len(index._links) <= 4
        assert index._links[("", href)] == expected  # the newest is kept
    for n in range(12):  # asked again: from the memo or resolved anew
        assert resolve_link(index, "p0.html", f"p{n}.html") == LinkTarget(
            "page", f"p{n}.html"
        )
