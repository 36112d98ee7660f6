"""Tests for loccheck.decode: every page decodes, the way a browser reads it."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from loccheck.decode import Decoded, codec_for_label, declared_label, decode_html

BAG = "Кожаная сумка"
RUSSIAN = (
    "<p>Кожаная сумка ручной работы из натуральной кожи. Бесплатная доставка "
    "по Москве при заказе от 3000 рублей. Возврат товара в течение 14 дней.</p>"
)


def page(body: str, head: str = "") -> str:
    """Return a small storefront page."""
    head = f"<head>{head}<title>Shop</title></head>"
    return f"<!DOCTYPE html><html>{head}<body>{body}</body></html>\n"


def decode_file(tmp_path: Path, name: str, data: bytes) -> Decoded:
    """Write ``data`` as a real file and decode what is read back."""
    path = tmp_path / name
    path.write_bytes(data)
    return decode_html(path.read_bytes())


def test_utf8_declared_is_read_as_is(tmp_path: Path) -> None:
    html = page(f"<h1>{BAG}</h1>", '<meta charset="utf-8">')
    got = decode_file(tmp_path, "index.html", html.encode("utf-8"))
    assert (got.text, got.encoding, got.source) == (html, "utf-8", "declared")
    assert (got.declared, got.declared_valid, got.mismatch) == ("utf-8", True, False)
    assert (got.replaced, got.problem, got.truncated) == (0, None, False)


def test_utf8_without_declaration_is_detected_from_the_bytes(tmp_path: Path) -> None:
    html = page(f"<h1>{BAG}</h1>")
    got = decode_file(tmp_path, "index.html", html.encode("utf-8"))
    assert (got.text, got.encoding, got.source, got.declared) == (
        html,
        "utf-8",
        "detected",
        None,
    )


def test_ascii_page_without_declaration_defaults_to_utf8(tmp_path: Path) -> None:
    got = decode_file(tmp_path, "index.html", page("<h1>Bag</h1>").encode())
    assert (got.encoding, got.source, got.mismatch) == ("utf-8", "default", False)


def test_utf8_bom_wins_and_is_stripped(tmp_path: Path) -> None:
    html = page(f"<h1>{BAG}</h1>")
    got = decode_file(tmp_path, "bom.html", codecs.BOM_UTF8 + html.encode("utf-8"))
    assert (got.text, got.encoding, got.source) == (html, "utf-8", "bom")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_utf16_with_bom_is_text_not_binary(
    tmp_path: Path, bom: bytes, codec: str
) -> None:
    html = page(f"<h1>{BAG}</h1>", '<meta charset="utf-16">')
    got = decode_file(tmp_path, "utf16.html", bom + html.encode(codec))
    assert (got.text, got.encoding, got.source, got.problem) == (
        html,
        codec,
        "bom",
        None,
    )
    assert got.declared == "utf-16"
    assert not got.mismatch


def test_declared_windows_1251_reads_as_clean_cyrillic(tmp_path: Path) -> None:
    html = page(f"<h1>{BAG}</h1>{RUSSIAN}", '<meta charset="windows-1251">')
    got = decode_file(tmp_path, "cp1251.html", html.encode("cp1251"))
    assert got.text == html
    assert BAG in (got.text or "")
    assert (got.encoding, got.source, got.mismatch, got.replaced) == (
        "cp1251",
        "declared",
        False,
        0,
    )


def test_undeclared_windows_1251_is_detected(tmp_path: Path) -> None:
    html = page(f"<h1>{BAG}</h1>{RUSSIAN}")
    got = decode_file(tmp_path, "cp1251.html", html.encode("cp1251"))
    assert (got.text, got.encoding, got.source) == (html, "cp1251", "detected")
    assert got.declared is None
    assert not got.mismatch


def test_undeclared_koi8_r_is_detected(tmp_path: Path) -> None:
    html = page(f"<h1>{BAG}</h1>{RUSSIAN}")
    got = decode_file(tmp_path, "koi8.html", html.encode("koi8-r"))
    assert (got.text, got.encoding, got.source) == (html, "koi8-r", "detected")


@pytest.mark.parametrize("label", ["windows-1251", "windows-1252", "iso-8859-1"])
def test_utf8_falsely_declared_legacy_is_read_as_utf8(
    tmp_path: Path, label: str
) -> None:
    html = page(f"<h1>{BAG}</h1>", f'<meta charset="{label}">')
    got = decode_file(tmp_path, "lie.html", html.encode("utf-8"))
    assert (got.text, got.encoding, got.source) == (html, "utf-8", "detected")
    assert (got.declared, got.declared_valid, got.mismatch) == (label, True, True)


def test_declared_utf8_with_stray_bytes_counts_replacements(tmp_path: Path) -> None:
    head = '<meta charset="utf-8">'
    data = page(f"<h1>{BAG}</h1><p>café @@</p>", head).encode("utf-8")
    data = data.replace(b"@@", b"\xff\xfe\x80")
    got = decode_file(tmp_path, "stray.html", data)
    assert (got.encoding, got.source, got.mismatch) == ("utf-8", "declared", False)
    assert got.replaced == 3
    assert BAG in (got.text or "")
    assert "café \ufffd\ufffd\ufffd" in (got.text or "")


def test_genuine_replacement_characters_are_not_counted(tmp_path: Path) -> None:
    data = page("<p>\ufffd ok \ufffd @</p>", '<meta charset="utf-8">').encode("utf-8")
    data = data.replace(b"@", "é".encode() + b"\xc3")
    got = decode_file(tmp_path, "fffd.html", data)
    assert got.replaced == 1


def test_declared_utf8_but_bytes_are_cp1251_uses_the_detected_one(
    tmp_path: Path,
) -> None:
    html = page(f"<h1>{BAG}</h1>{RUSSIAN}", '<meta charset="utf-8">')
    got = decode_file(tmp_path, "mislabelled.html", html.encode("cp1251"))
    assert (got.text, got.encoding, got.source) == (html, "cp1251", "detected")
    assert (got.declared, got.mismatch, got.replaced) == ("utf-8", True, 0)


def test_unknown_label_is_flagged_and_detection_decides(tmp_path: Path) -> None:
    html = page(f"<h1>{BAG}</h1>", '<meta charset="utf-9">')
    got = decode_file(tmp_path, "unknown.html", html.encode("utf-8"))
    assert (got.declared, got.declared_valid, got.mismatch) == ("utf-9", False, False)
    assert (got.text, got.encoding) == (html, "utf-8")


def test_http_equiv_content_type_declares_the_charset(tmp_path: Path) -> None:
    head = '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=KOI8-R">'
    html = page(f"<h1>{BAG}</h1>", head)
    got = decode_file(tmp_path, "koi8.html", html.encode("koi8-r"))
    assert (got.text, got.encoding, got.source) == (html, "koi8-r", "declared")
    assert (got.declared, got.declared_valid) == ("KOI8-R", True)


def test_labels_map_the_whatwg_way() -> None:
    assert codec_for_label("ISO-8859-1") == "cp1252"
    assert codec_for_label("latin1") == "cp1252"
    assert codec_for_label("us-ascii") == "cp1252"
    assert codec_for_label(" utf8 ") == "utf-8"
    assert codec_for_label("windows-1251") == "cp1251"
    assert codec_for_label("x-mac-cyrillic") == "mac-cyrillic"
    assert codec_for_label("shift_jis") == "cp932"
    assert codec_for_label("gb2312") == "gb18030"
    assert codec_for_label("GBK") == "gb18030"
    assert codec_for_label("euc-kr") == "cp949"
    assert codec_for_label("big5") == "big5hkscs"
    assert codec_for_label("latin-1") is None  # not a WHATWG label
    assert codec_for_label("utf-9") is None


def test_declaration_is_found_in_its_many_spellings() -> None:
    assert declared_label(b"<meta charset=windows-1251>") == "windows-1251"
    assert declared_label(b"<meta charset='utf-8' />") == "utf-8"
    assert declared_label(b'<?xml version="1.0" encoding="Shift_JIS"?>') == (
        "Shift_JIS"
    )
    content = b'<meta content="text/html;charset=gbk" http-equiv=content-type>'
    assert declared_label(content) == "gbk"
    assert declared_label(b'<meta name="description" content="charset=x">') is None
    assert declared_label(b'<!-- <meta charset="koi8-r"> --><meta charset=utf-8>') == (
        "utf-8"
    )


@pytest.mark.parametrize(
    ("label", "codec", "text"),
    [
        ("shift_jis", "cp932", "カートに入れる"),
        ("gb2312", "gb18030", "加入购物车"),
        ("euc-kr", "cp949", "장바구니에 담기"),
        ("big5", "big5hkscs", "加入購物車"),
        ("x-mac-cyrillic", "mac-cyrillic", BAG),
        ("iso-8859-1", "cp1252", "Prix : 129 € — « café »"),
    ],
)
def test_declared_legacy_encodings_round_trip(
    tmp_path: Path, label: str, codec: str, text: str
) -> None:
    html = page(f"<h1>{text}</h1>", f'<meta charset="{label}">')
    got = decode_file(tmp_path, "legacy.html", html.encode(codec))
    assert (got.text, got.encoding, got.source, got.replaced) == (
        html,
        codec,
        "declared",
        0,
    )


def test_undeclared_shift_jis_is_detected(tmp_path: Path) -> None:
    text = (
        "本革の手作りバッグです。お支払いはクレジットカード、代金引換、"
        "コンビニ払いがご利用いただけます。商品到着後十四日以内であれば返品を承ります。"
    )
    html = page(f"<h1>カートに入れる</h1><p>{text}</p>")
    got = decode_file(tmp_path, "sjis.html", html.encode("shift_jis"))
    assert (got.text, got.encoding, got.source) == (html, "cp932", "detected")


def test_png_bytes_named_html_are_binary(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01" + bytes(range(256))
    got = decode_file(tmp_path, "logo.html", png)
    assert got.text is None
    assert got.encoding is None
    assert got.problem == "binary file (NUL bytes)"


def test_control_characters_without_nul_are_binary(tmp_path: Path) -> None:
    got = decode_file(tmp_path, "noise.html", bytes(range(1, 32)) * 20)
    assert got.text is None
    assert got.problem == "binary file (control characters)"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", codecs.BOM_UTF8 + b"\n "])
def test_empty_or_blank_file(tmp_path: Path, data: bytes) -> None:
    got = decode_file(tmp_path, "empty.html", data)
    assert (got.text, got.problem) == (None, "empty file")


@pytest.mark.parametrize(
    "html",
    [
        '<html><head><meta charset="utf-8"></head><body><p>Кожаная сум',
        '<html><body><p>Сумка</p><img src="bag.jpg" alt="Сум',
        "<html><body><p>Сумка</p><!-- footer starts",
        "<p>Сумка</p><a href='x'",
    ],
)
def test_truncated_html_is_flagged_but_still_decoded(tmp_path: Path, html: str) -> None:
    got = decode_file(tmp_path, "cut.html", html.encode("utf-8"))
    assert got.truncated
    assert got.text == html
    assert got.problem is None


def test_fragment_without_html_element_is_not_truncated(tmp_path: Path) -> None:
    got = decode_file(tmp_path, "partial.html", "<div><p>Сумка</p></div>\n".encode())
    assert not got.truncated


def test_random_bytes_never_crash() -> None:
    seed = bytes((i * 7919 + 13) % 256 for i in range(5000)).replace(b"\x00", b" ")
    for start in range(0, 5000, 500):
        got = decode_html(b"<html>" + seed[start:] + b"</html>")
        assert got.text is not None or got.problem is not None
