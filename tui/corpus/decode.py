"""Bytes to text: byte-order marks, UTF-16 without one, UTF-8, a single-byte fallback, line ends."""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Bytes that never occur in text: C0 controls other than tab, newlines, form feed and escape.
_BINARY_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B)) | frozenset(range(0x1C, 0x20))
_TEXT_BYTES = bytes(b for b in range(256) if b not in _BINARY_BYTES)


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str = ""
    problem: str = ""  # "binary" or "undecodable" when text is None
    detail: str = ""


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so that offsets mean the same on every platform."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes) -> Decoded:
    """Decode a file's bytes as text, or say why they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], encoding)
    utf16 = _sniff_utf16(data)
    if utf16:
        return _strict(data, utf16)
    if _looks_binary(data):
        return Decoded(None, problem="binary", detail="control bytes in the first 8 KiB")
    try:
        return Decoded(normalise_newlines(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return Decoded(normalise_newlines(data.decode("cp1252")), "cp1252")
    except UnicodeDecodeError:
        return Decoded(normalise_newlines(data.decode("latin-1")), "latin-1")


def _strict(data: bytes, encoding: str) -> Decoded:
    try:
        return Decoded(normalise_newlines(data.decode(encoding)), encoding)
    except UnicodeDecodeError as error:
        return Decoded(None, problem="undecodable", detail=f"invalid {encoding} at byte {error.start}")


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII-range text leaves every other byte NUL."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    # Deleting every byte but the suspect ones counts them in C, not a Python loop.
    controls = len(sample.translate(None, _TEXT_BYTES))
    return controls > max(8, len(sample) // 100)


# A character reference as HTML writes it, with its semicolon: `&#163;`, `&#xE9;`, `&eacute;`. Bare
# ampersands and "&amp" without one are left alone (plain text uses them as written: "AT&T;").
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> str:
    """Plain text saved from a web page may hold HTML character references (`&#163;1.8m`): they
    become the characters they stand for, so the text reads and searches as written. Unknown names
    stay as they are; references to control characters become nothing or U+FFFD (html.unescape),
    so none reaches the terminal. Offsets then index the unescaped text, the text the article has."""
    if "&" not in text or not _ENTITY.search(text):
        return text
    return normalise_newlines(_ENTITY.sub(lambda match: html.unescape(match.group()), text))
