"""Turn the bytes of an exported page into text, the way a browser would."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# WHATWG Encoding Standard, "Names and labels", mapped to the Python codec that
# decodes the same bytes. Browsers ignore any other label, so a label missing
# here is "not a known encoding" even if Python has a codec of that name.
# The "replacement" labels (iso-2022-kr, hz-gb-2312, ...) are left out on
# purpose: browsers refuse to decode them.
_WHATWG = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "cp866": "866 cp866 csibm866 ibm866",
    "iso8859-2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 "
    "iso_8859-2 iso_8859-2:1987 l2 latin2",
    "iso8859-3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 "
    "iso_8859-3 iso_8859-3:1988 l3 latin3",
    "iso8859-4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 "
    "iso_8859-4 iso_8859-4:1988 l4 latin4",
    "iso8859-5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 "
    "iso88595 iso_8859-5 iso_8859-5:1988",
    "iso8859-6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic "
    "ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 "
    "iso88596 iso_8859-6 iso_8859-6:1987",
    "iso8859-7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 "
    "iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso8859-8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e "
    "iso-ir-138 iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual "
    "csiso88598i iso-8859-8-i logical",
    "iso8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso8859-13": "iso-8859-13 iso8859-13 iso885913",
    "iso8859-14": "iso-8859-14 iso8859-14 iso885914",
    "iso8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso8859-16": "iso-8859-16",
    "koi8-r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8-u": "koi8-ru koi8-u",
    "mac-roman": "csmacintosh mac macintosh x-mac-roman",
    "cp874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "cp1250": "cp1250 windows-1250 x-cp1250",
    "cp1251": "cp1251 windows-1251 x-cp1251",
    # Browsers read every Latin-1 and ASCII label as windows-1252.
    "cp1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 "
    "iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 "
    "us-ascii windows-1252 x-cp1252",
    "cp1253": "cp1253 windows-1253 x-cp1253",
    "cp1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 "
    "iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254",
    "cp1255": "cp1255 windows-1255 x-cp1255",
    "cp1256": "cp1256 windows-1256 x-cp1256",
    "cp1257": "cp1257 windows-1257 x-cp1257",
    "cp1258": "cp1258 windows-1258 x-cp1258",
    "mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    # The WHATWG GBK decoder is the gb18030 decoder.
    "gb18030": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk "
    "iso-ir-58 x-gbk gb18030",
    # WHATWG Big5 includes the HKSCS extensions.
    "big5hkscs": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc_jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso2022_jp": "csiso2022jp iso-2022-jp",
    # WHATWG Shift_JIS is Microsoft's code page 932, as is EUC-KR's 949.
    "cp932": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "cp949": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 "
    "ks_c_5601-1989 ksc5601 ksc_5601 windows-949",
    "utf-16-be": "unicodefffe utf-16be",
    "utf-16-le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
    "x-user-defined": "x-user-defined",
}
_LABELS = {label: codec for codec, text in _WHATWG.items() for label in text.split()}

_PRESCAN_BYTES = 8192
_SNIFF_BYTES = 8192
_CONTROL = bytes([*range(0, 9), 11, *range(14, 27), *range(28, 32)])
_BINARY_CONTROL_RATIO = 0.1

# The encodings the detector may answer: the WHATWG ones.
_DETECTABLE = [
    "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256",
    "cp1257", "cp1258", "cp874", "koi8_r", "koi8_u", "mac_cyrillic", "cp866",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_15", "gb18030",
    "big5hkscs", "euc_jp", "iso2022_jp", "cp932", "cp949", "mac_roman",
]  # fmt: skip
# When the detector scores several encodings the same (windows-1250 and
# windows-1252 often tie on Czech or French text), take the one a browser in
# the page's <html lang> locale falls back to: the HTML standard's table of
# suggested default encodings ("determining the character encoding").
_LOCALE_DEFAULTS = {
    "ar": "cp1256", "ba": "cp1251", "be": "cp1251", "bg": "cp1251",
    "cs": "cp1250", "el": "iso8859_7", "et": "cp1257", "fa": "cp1256",
    "he": "cp1255", "hr": "cp1250", "hu": "iso8859_2 cp1250", "ja": "cp932",
    "kk": "cp1251", "ko": "cp949", "ku": "cp1254", "ky": "cp1251",
    "lt": "cp1257", "lv": "cp1257", "mk": "cp1251", "pl": "iso8859_2 cp1250",
    "ru": "cp1251", "sah": "cp1251", "sk": "cp1250", "sl": "iso8859_2 cp1250",
    "sr": "cp1251", "tg": "cp1251", "th": "cp874", "tr": "cp1254",
    "tt": "cp1251", "uk": "cp1251", "vi": "cp1258", "zh": "gb18030",
    "zh-hk": "big5hkscs", "zh-mo": "big5hkscs", "zh-tw": "big5hkscs",
    "zh-hant": "big5hkscs",
}  # fmt: skip
_HTML_LANG = re.compile(
    rb"<html\b[^>]*?\slang\s*=\s*[\"']?([a-z]{2,3}(?:[-_][a-z]+)?)", re.I
)

_COMMENT = re.compile(rb"<!--.*?(?:-->|\Z)", re.S)
_META = re.compile(rb"<meta[\s/]([^>]*)>?", re.I)
_XML_DECL = re.compile(rb"\A\s*<\?xml[^>]*?\bencoding\s*=\s*[\"']([^\"'>]+)", re.I)
_ATTR = re.compile(
    rb"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""", re.S
)
_CONTENT_CHARSET = re.compile(rb"""charset\s*=\s*["']?([^\s"';]+)""", re.I)
_MARKUP = re.compile(rb"<(script|style)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.S | re.I)
_HTML_OPEN = re.compile(r"<html[\s>]", re.I)
_HTML_CLOSE = re.compile(r"</html\s*>", re.I)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of one page and how its encoding was decided.

    ``source`` is ``"bom"``, ``"declared"``, ``"detected"`` or ``"default"``.
    ``declared`` is the label as written in the page; ``declared_valid`` says
    whether it is a WHATWG label. ``mismatch`` means the declaration disagrees
    with the bytes. ``replaced`` counts byte sequences turned into U+FFFD.
    """

    text: str | None
    encoding: str | None
    source: str
    declared: str | None
    declared_valid: bool
    mismatch: bool
    replaced: int
    problem: str | None
    truncated: bool


def codec_for_label(label: str) -> str | None:
    """Return the Python codec for a WHATWG encoding label, or None if unknown."""
    return _LABELS.get(label.strip().lower())


def decode_html(data: bytes) -> Decoded:
    """Decode one HTML file: BOM, then declaration, then detection, then UTF-8.

    Never raises on bad bytes. Empty and binary files come back with
    ``text=None`` and a one-line ``problem``.
    """
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return _from_bom(data[len(bom) :], bom_codec)
    if not data.strip():
        return _unreadable("empty file")
    problem = _binary_problem(data[:_SNIFF_BYTES])
    if problem:
        return _unreadable(problem)
    label = declared_label(data[:_PRESCAN_BYTES])
    codec = _meta_codec(label)
    if data.isascii():
        return _finish(
            data, codec or "utf-8", "declared" if codec else "default", label
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _not_utf8(data, label, codec)
    if codec in (None, "utf-8"):
        source = "declared" if codec else "detected"
        return _result(text, "utf-8", source, label, mismatch=False, replaced=0)
    # Valid UTF-8 with multi-byte sequences is practically never legacy text.
    return _result(text, "utf-8", "detected", label, mismatch=True, replaced=0)


def declared_label(head: bytes) -> str | None:
    """Return the charset label a page declares in its first bytes, if any.

    Looks at ``<meta charset>``, ``<meta http-equiv="Content-Type">`` (outside
    comments, first match wins) and an XML declaration.
    """
    found = _XML_DECL.match(head)
    if found:
        return found.group(1).decode("latin-1").strip()
    if b"<meta" not in head.lower():
        return None
    for tag in _META.finditer(_COMMENT.sub(b"", head)):
        label = _label_from_meta(tag.group(1))
        if label:
            return label
    return None


def _label_from_meta(attrs: bytes) -> str | None:
    values: dict[bytes, bytes] = {}
    for match in _ATTR.finditer(attrs):
        name = match.group(1).lower()
        value = match.group(2) or match.group(3) or match.group(4) or b""
        values.setdefault(name, value)
    if b"charset" in values:
        return values[b"charset"].decode("latin-1").strip() or None
    if values.get(b"http-equiv", b"").strip().lower() != b"content-type":
        return None
    found = _CONTENT_CHARSET.search(values.get(b"content", b""))
    return found.group(1).decode("latin-1") if found else None


def _meta_codec(label: str | None) -> str | None:
    codec = codec_for_label(label) if label else None
    # WHATWG prescan: a page that reached the prescan is not UTF-16, and
    # x-user-defined in a <meta> means windows-1252.
    if codec in ("utf-16-le", "utf-16-be"):
        return "utf-8"
    if codec == "x-user-defined":
        return "cp1252"
    return codec


def _from_bom(body: bytes, codec: str) -> Decoded:
    text, replaced = _decode(body, codec)
    if not text.strip():
        return _unreadable("empty file")
    head = body[: _PRESCAN_BYTES * 2]
    if codec != "utf-8":
        head = head.decode(codec, "replace").encode("ascii", "replace")
    label = declared_label(head[:_PRESCAN_BYTES])
    declared = codec_for_label(label) if label else None
    mismatch = declared is not None and _family(declared) != _family(codec)
    return _result(text, codec, "bom", label, mismatch=mismatch, replaced=replaced)


def _family(codec: str) -> str:
    return "utf-16" if codec.startswith("utf-16") else codec


def _not_utf8(data: bytes, label: str | None, codec: str | None) -> Decoded:
    """Decode bytes that are not valid UTF-8."""
    if codec not in (None, "utf-8"):
        return _finish(data, codec, "declared", label)
    if not _mostly_utf8(data):
        detected = detect_encoding(data)
        if detected and detected != "utf-8":
            return _finish(
                data, detected, "detected", label, mismatch=codec is not None
            )
    return _finish(data, "utf-8", "declared" if codec else "default", label)


def _mostly_utf8(data: bytes) -> bool:
    """Return True if the bytes are UTF-8 with a few damaged sequences.

    Legacy text (cp1251, Shift_JIS, ...) forms a valid UTF-8 multi-byte
    sequence only by chance, a few per hundred non-ASCII bytes; so when valid
    sequences are at least a quarter as many as invalid ones, it is UTF-8.
    """
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - bad
    return valid * 4 >= bad


def detect_encoding(data: bytes) -> str | None:
    """Guess the encoding of undeclared, non-UTF-8 bytes with charset-normalizer.

    Only WHATWG encodings are considered and markup is stripped first, so tags
    and scripts do not drown the text. Ties go to the default encoding of the
    page's ``<html lang>``. Returns a Python codec name, or None.
    """
    text = _MARKUP.sub(b" ", data)
    matches = from_bytes(data if text.isascii() else text, cp_isolation=_DETECTABLE)
    if not matches:
        return None
    top = matches[0]
    tied = {
        str(match.encoding)
        for match in matches
        if match.chaos == top.chaos and match.coherence == top.coherence
    }
    preferred = [codec for codec in _lang_defaults(data) if codec in tied]
    return _canonical_codec(preferred[0] if preferred else str(top.encoding))


def _lang_defaults(data: bytes) -> list[str]:
    found = _HTML_LANG.search(data, 0, _PRESCAN_BYTES)
    if not found:
        return []
    tag = found.group(1).decode("ascii").lower().replace("_", "-")
    codecs_ = _LOCALE_DEFAULTS.get(tag) or _LOCALE_DEFAULTS.get(tag.split("-")[0])
    return (codecs_ or "cp1252").split()


@lru_cache(maxsize=128)
def _canonical_codec(name: str) -> str:
    for label in (name, name.replace("_", "-"), name.replace("_", "")):
        codec = codec_for_label(label)
        if codec:
            return codec
    return codecs.lookup(name).name


def _finish(
    data: bytes, codec: str, source: str, label: str | None, *, mismatch: bool = False
) -> Decoded:
    text, replaced = _decode(data, codec)
    return _result(text, codec, source, label, mismatch=mismatch, replaced=replaced)


def _decode(data: bytes, codec: str) -> tuple[str, int]:
    """Decode ``data`` and count the byte sequences replaced with U+FFFD."""
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, "replace")
    try:
        genuine = data.count("\ufffd".encode(codec))
    except UnicodeEncodeError:
        genuine = 0
    return text, text.count("\ufffd") - genuine


def _result(
    text: str,
    codec: str,
    source: str,
    label: str | None,
    *,
    mismatch: bool,
    replaced: int,
) -> Decoded:
    return Decoded(
        text=text,
        encoding=codec,
        source=source,
        declared=label,
        declared_valid=label is not None and codec_for_label(label) is not None,
        mismatch=mismatch,
        replaced=replaced,
        problem=None,
        truncated=looks_truncated(text),
    )


def _unreadable(problem: str) -> Decoded:
    return Decoded(None, None, "default", None, False, False, 0, problem, False)


def _binary_problem(head: bytes) -> str | None:
    if b"\x00" in head:
        return "binary file (NUL bytes)"
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > len(head) * _BINARY_CONTROL_RATIO:
        return "binary file (control characters)"
    return None


def looks_truncated(text: str) -> bool:
    """Return True if the HTML seems cut off.

    It ends inside a tag or a comment, or it opens ``<html`` but never closes it.
    """
    tail = text[-4096:].rstrip()
    if tail.rfind("<") > tail.rfind(">"):
        return True
    if tail.rfind("<!--") > tail.rfind("-->"):
        return True
    if "</html" in text or "</HTML" in text:  # the common case, without a regex
        return False
    return _HTML_OPEN.search(text) is not None and _HTML_CLOSE.search(text) is None
