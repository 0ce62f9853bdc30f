"""Bytes to text: size-capped reading, binary detection, encoding detection, newline normalisation.

The text is kept exactly as the file holds it, except that a byte-order mark is dropped and
``"\\r\\n"`` / ``"\\r"`` become ``"\\n"``. UTF-8 is tried first; a UTF-8 file with a few stray
legacy bytes (more valid multi-byte sequences than invalid bytes) is read as UTF-8 with those
bytes read as Windows-1252; anything else goes through
charset_normalizer, which must find a confident reading (:func:`_detect`): a mostly-ASCII text
(Latin-script news with accents or curly quotes) takes the least chaotic single-byte reading, preferring
Windows-1252 (by far the most common legacy encoding of English-language news;
charset_normalizer's language-coherence tie-break is unreliable on short texts); a text mostly of
non-ASCII bytes (Cyrillic, Greek, Arabic, CJK ...) needs a reading without mess that is also
coherent in some language, else it is E_ENCODING (random bytes otherwise come out as Cyrillic or
CJK "text").
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import IO

import charset_normalizer

from saidwhat.errors import SaidwhatError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# control bytes that never occur in text (TAB, LF, VT, FF, CR and ESC excluded)
_CONTROL = frozenset(set(range(0x20)) - {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B}) | {0x7F}
_SNIFF = 8192
_NEWLINES = re.compile(r"\r\n?")


def normalize_newlines(text: str) -> str:
    """``"\\r\\n"`` and lone ``"\\r"`` become ``"\\n"``; nothing else changes."""
    return _NEWLINES.sub("\n", text)


def has_bom(data: bytes) -> bool:
    return any(data.startswith(bom) for bom, _ in _BOMS)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or over 10% control bytes in the first 8 KB (BOM-marked UTF-16/32 is not binary)."""
    if has_bom(data):
        return False
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.10


def read_capped(path: Path, limit: int, source: str) -> bytes:
    """The bytes of ``path``; E_TOO_LARGE (checked on the size, before reading) over ``limit``."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise SaidwhatError("E_TOO_LARGE", f"the file is {size} bytes, over the limit of {limit}", source)
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise SaidwhatError("E_READ", f"cannot read the file: {exc.strerror or exc}", source) from exc
    if len(data) > limit:  # it grew while we looked (or is a pipe/device)
        raise SaidwhatError("E_TOO_LARGE", f"the input is over the limit of {limit} bytes", source)
    return data


def read_stream_capped(stream: IO[bytes], limit: int, source: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise SaidwhatError("E_TOO_LARGE", f"the input is over the limit of {limit} bytes", source)
    return data


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ESCAPED = re.compile("[\udc80-\udcff]")


def _legacy_char(m: re.Match[str]) -> str:
    byte = bytes([ord(m.group()) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return byte.decode("latin-1")


def _mostly_utf8(data: bytes) -> str | None:
    """A UTF-8 text with a few stray legacy bytes (e.g. cp1252 quotes pasted in), else None.

    It counts as UTF-8 when its valid multi-byte sequences outnumber its invalid bytes; those are
    then read as Windows-1252.
    """
    text = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED.findall(text))
    if len(_UTF8_SEQ.findall(data)) <= bad:
        return None
    return _ESCAPED.sub(_legacy_char, text)


# a text with at most this share of non-ASCII bytes (among non-blank bytes) is "mostly ASCII":
# Latin-script languages (English, French, German, Polish 5%, Czech 21%) written in a legacy encoding
MOSTLY_ASCII = 0.30
# a mostly non-ASCII reading is confident when charset_normalizer finds (almost) no mess in it ...
CONFIDENT_CHAOS = 0.05
# ... and it is coherent in some language (real Russian, Greek, Arabic, Hebrew texts: 0.56-0.71;
# random bytes: 0.0-0.48, and then with mess over 0.05), or it is a multi-byte CJK encoding (no
# coherence model: charset_normalizer gives 0.0) over enough bytes for its byte structure to count
CONFIDENT_COHERENCE = 0.30
CJK_MIN_BYTES = 32
_CJK = frozenset(
    {
        "big5",
        "big5hkscs",
        "cp932",
        "cp949",
        "cp950",
        "euc_jis_2004",
        "euc_jisx0213",
        "euc_jp",
        "euc_kr",
        "gb18030",
        "gb2312",
        "gbk",
        "hz",
        "iso2022_jp",
        "iso2022_kr",
        "johab",
        "shift_jis",
        "shift_jis_2004",
        "shift_jisx0213",
    }
)
_BLANK_BYTES = frozenset(b" \t\n\r\x0b\x0c")
_HIGH = bytes(range(0x80, 0x100))


def _high_bytes(data: bytes) -> int:
    return len(data) - len(data.translate(None, _HIGH))


def non_ascii_share(data: bytes) -> float:
    """The share of bytes over 0x7F among the non-blank bytes."""
    blank = sum(data.count(bytes([b])) for b in _BLANK_BYTES)
    return _high_bytes(data) / max(1, len(data) - blank)


def _confident(match: charset_normalizer.models.CharsetMatch, high_bytes: int) -> bool:
    if match.chaos > CONFIDENT_CHAOS:
        return False
    if match.coherence >= CONFIDENT_COHERENCE:
        return True
    return match.encoding in _CJK and high_bytes >= CJK_MIN_BYTES


def _detect(data: bytes, source: str) -> str:
    # UTF-16/32 without a byte-order mark would hold NUL bytes for any Latin text (refused as binary
    # before we get here): such a reading of NUL-free bytes is noise
    matches = [m for m in charset_normalizer.from_bytes(data) if not m.encoding.startswith("utf_")]
    if not matches:
        raise SaidwhatError(
            "E_ENCODING", "the input is neither UTF-8 nor text in an encoding we can detect", source
        )
    single_byte = [m for m in matches if m.encoding not in _CJK]
    if single_byte and non_ascii_share(data) <= MOSTLY_ASCII:
        best = single_byte[0]
        # the coherence score is noise on short texts: among the least chaotic readings prefer cp1252
        if any(m.chaos <= best.chaos + 0.01 and "cp1252" in m.could_be_from_charset for m in single_byte):
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                pass
        return str(best)
    high = _high_bytes(data)
    confident = [m for m in matches if _confident(m, high)]
    if not confident:
        raise SaidwhatError(
            "E_ENCODING",
            "the input is not UTF-8, and no encoding gives a confident reading of it "
            "(random or binary bytes?); convert it to UTF-8",
            source,
        )
    return str(confident[0])


def decode_bytes(data: bytes, source: str, *, check_limit: int | None = None) -> str:
    """Decode a text file's bytes (E_BINARY / E_ENCODING / E_EMPTY / E_TOO_LARGE on failure)."""
    if looks_binary(data):
        raise SaidwhatError(
            "E_BINARY", "the input looks like a binary file (control bytes), not text", source
        )
    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise SaidwhatError(
                    "E_ENCODING", f"the input has a {codec} mark but is not {codec}", source
                ) from exc
            text = text.removeprefix("\ufeff")
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _mostly_utf8(data) or _detect(data, source)
    text = normalize_newlines(text)
    check_text(text, source, check_limit)
    return text


def check_text(text: str, source: str, limit: int | None, line: int | None = None) -> None:
    """E_EMPTY for blank text, E_TOO_LARGE when its UTF-8 size is over ``limit``."""
    if not text.strip():
        raise SaidwhatError("E_EMPTY", "the input holds no text (empty or only whitespace)", source, line)
    if limit is not None:
        size = len(text.encode("utf-8"))
        if size > limit:
            raise SaidwhatError(
                "E_TOO_LARGE", f"the text is {size} bytes, over the limit of {limit}", source, line
            )
