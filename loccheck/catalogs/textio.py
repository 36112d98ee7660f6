"""Read a catalog file as text: byte-order marks, UTF-8, clear errors."""

from __future__ import annotations

import codecs
from pathlib import Path

from loccheck.catalogs.model import CatalogError

__all__ = ["decode_strict", "read_bytes", "read_text"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts the same
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAX_BYTES = 64 * 1024 * 1024  # a catalog this large is a mistake, not a catalog


def read_bytes(path: Path, name: str) -> bytes:
    """Return a file's bytes, or raise CatalogError naming ``name``."""
    try:
        size = path.stat().st_size
        if size > _MAX_BYTES:
            raise CatalogError(name, f"file too large ({size // 1_000_000} MB)")
        return path.read_bytes()
    except OSError as error:
        raise CatalogError(name, f"cannot read: {error.strerror or error}") from None


def read_text(path: Path, name: str, encoding: str = "utf-8") -> str:
    """Read and decode a file; see :func:`decode_strict`."""
    return decode_strict(read_bytes(path, name), name, encoding)


def decode_strict(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """Decode bytes that must be text in ``encoding`` (a BOM overrides it).

    The BOM is removed, so columns on the first line count from the first
    visible character, as editors do.

    Raises:
        CatalogError: NUL bytes outside UTF-16/32, or bytes invalid in the
            encoding; the message gives the line of the first bad byte.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], codec
            break
    else:
        if b"\x00" in data[:8192]:
            raise CatalogError(name, "binary file (NUL bytes), not text")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start : error.start + 1].hex()
        problem = f"not valid {encoding.upper()} text (byte 0x{byte})"
        raise CatalogError(name, problem, line) from None
    except LookupError:
        raise CatalogError(name, f'unknown encoding "{encoding}"') from None
