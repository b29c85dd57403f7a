"""Bytes to text, safely: size limits, binary detection, encodings.

Every failure is raised as ``InputError`` naming the file (and line); the readers turn it into a
``Rejection`` so that one bad file never stops a batch.
"""
from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from typing import BinaryIO, NamedTuple

from charset_normalizer import from_bytes

from ..errors import InputError
from ..models import InputNotice

# Largest single input (a file, or standard input when it is not streamed as JSONL) read into memory.
# A long news page is well under 1 MB; 50 MB leaves room for big feed dumps while keeping a mistaken
# `claimledger ingest /var/log` or a video file from being read whole.
MAX_INPUT_BYTES = 50 * 1024 * 1024

# Largest single JSONL line (one record). JSONL files are streamed line by line, so they have no total
# limit; one record still is read whole. The longest record in shared/data/corpus is about 60 kB.
MAX_RECORD_BYTES = 10 * 1024 * 1024
# The longest article text analysed: spaCy's parser refuses texts over its max_length (1,000,000
# characters, error E088), which ended the whole run. A longer text (a book, a merged dump) is
# rejected with one line naming its file, and the run goes on.
MAX_TEXT_CHARS = 1_000_000

# Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Legacy encodings charset-normalizer may choose among when a file is not UTF-8, in order of preference
# when several decode it equally cleanly: Cyrillic first (this project's Russian and Ukrainian sources),
# then Western and Central European. Single-byte Latin encodings are often indistinguishable on short
# texts (cp1252 French and cp1250 decode the same bytes with equal chaos), hence the explicit order.
LEGACY_ENCODINGS = (
    "cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_5", "mac_cyrillic",
    "cp1252", "cp1250", "iso8859_2", "cp1257", "cp1253",
)

# Highest "chaos" (charset-normalizer's measure of mess in the decoded text, 0 clean .. 1 noise) a legacy
# decoding may have to be accepted. Clean cp1251/koi8-r/cp1252 news sentences score 0.0; the runner-up
# wrong decodings of the same bytes score 0.08-0.2 (checked on short ru/uk/de/fr/pl sentences).
MAX_DECODING_CHAOS = 0.05

# Share of control characters (other than tab, newline, carriage return, form feed) above which decoded
# text is taken for binary data: text has none; a binary file decoded as cp1251 has many.
MAX_CONTROL_CHAR_RATIO = 0.01

# A text without a byte order mark that is not valid UTF-8 is still read as UTF-8, its bad bytes
# replaced with U+FFFD and a notice naming the first, when its valid multi-byte characters are at
# least this many per invalid sequence: UTF-8 damaged here and there (a file cut mid-character, a
# stray byte pasted in, one paragraph in another encoding). Text in a legacy encoding is far below:
# the 98 articles of examples/corpus in cp1251, koi8-r, koi8-u, cp866, iso8859-5, mac-cyrillic,
# cp1252, cp1250 and iso8859-2 have at most 0.006 such characters per invalid sequence. Below it,
# a legacy encoding is looked for as before (a whole text mis-decoded would be mojibake).
MIN_UTF8_CHARS_PER_ERROR = 1.0

# Largest share of a text with a byte order mark (UTF-8, UTF-16, UTF-32) that may be undecodable
# for the rest to be kept, the bad units replaced with U+FFFD and a notice given; one bad unit is
# always allowed (a UTF-16 file cut at an odd byte loses one). More and the file is rejected.
MAX_DAMAGED_SHARE = 0.01

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")


def origin_of(path: Path | str) -> str:
    """Return a path as the text that names it in rejections, notices and the store: its name, with
    bytes that are not UTF-8 (a name from another system, kept by Python as lone surrogates that no
    database or terminal takes) written as escapes ("bad\\xffname.txt")."""
    text = str(path)
    if not any("\udc80" <= char <= "\udcff" for char in text):
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def read_limited_bytes(path: Path) -> bytes:
    """Return the bytes of a regular file, refusing one over MAX_INPUT_BYTES before reading it."""
    origin = origin_of(path)
    try:
        size = os.stat(path).st_size
    except OSError as error:
        raise InputError(origin, f"cannot read file: {error.strerror or error}") from None
    if size > MAX_INPUT_BYTES:
        raise InputError(origin, f"file too large ({size / 2**20:.1f} MB; limit {MAX_INPUT_BYTES // 2**20} MB)")
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_INPUT_BYTES + 1)
    except OSError as error:
        raise InputError(origin, f"cannot read file: {error.strerror or error}") from None


def read_limited_stream(stream: BinaryIO, origin: str) -> tuple[bytes, bool]:
    """Return up to MAX_INPUT_BYTES of a stream and whether more is left in it."""
    data = stream.read(MAX_INPUT_BYTES + 1)
    if not isinstance(data, bytes):
        raise InputError(origin, "standard input must be opened in binary mode")
    return data[:MAX_INPUT_BYTES], len(data) > MAX_INPUT_BYTES


def declared_encoding(data: bytes) -> str | None:
    """Return the encoding an HTML meta tag or XML declaration names in the first bytes, if valid."""
    head = data[:4096]
    match = _XML_ENCODING.search(head) or _DECLARED_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _check_controls(text: str, origin: str, line: int | None) -> str:
    if text and len(_CONTROL.findall(text)) > MAX_CONTROL_CHAR_RATIO * len(text):
        raise InputError(origin, "binary data (control characters), not text", line)
    return text


# Characters no store takes, replaced with U+FFFD: NUL (PostgreSQL text refuses it; UTF-16/32 text may
# hold one, a JSON string may escape one as "\\u0000") and a UTF-16 surrogate left alone ("\\ud83d" of
# an emoji cut in half by a tool that truncates strings, escaped in JSON; UTF-8 cannot encode it). A whole
# surrogate pair ("\\ud83d\\ude00") is decoded by json into one character and never matches.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> tuple[str, int]:
    """Return ``text`` with every character no store takes (:data:`_UNSTORABLE`) replaced with
    U+FFFD, and how many were replaced."""
    return _UNSTORABLE.subn("\ufffd", text) if _UNSTORABLE.search(text) else (text, 0)


class Decoded(NamedTuple):
    """The text of some bytes, and the notice saying what was replaced when they were damaged."""

    text: str
    notice: InputNotice | None = None


def _without_nul(text: str, origin: str, line: int | None) -> Decoded:
    """Return decoded ``text`` made :func:`storable` (UTF-16/32 text may hold a NUL), with a notice
    saying how many characters were replaced."""
    text, count = storable(text)
    if not count:
        return Decoded(text)
    return Decoded(text, InputNotice(
        origin, f"NUL character replaced with U+FFFD in {count} place{'s' * (count != 1)}", line))


def decode_bytes(data: bytes, origin: str, line: int | None = None, declared: str | None = None) -> Decoded:
    """Return the text of bytes: BOM, then UTF-8, then a declared encoding, then UTF-8 with a few
    damaged bytes (replaced, with a notice naming the first), then a detected legacy encoding.

    Raises InputError for empty input, binary data (NUL bytes without a UTF-16/32 BOM, control
    characters) and bytes no encoding decodes confidently.
    """
    if not data.strip():
        raise InputError(origin, "empty input" if not data else "empty input (whitespace only)", line)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return _without_nul(_check_controls(data[len(bom):].decode(encoding), origin, line),
                                    origin, line)
            except UnicodeDecodeError as error:
                damaged = _decode_damaged(data, len(bom), encoding, error, origin, line)
                if damaged is None:
                    raise InputError(origin, f"invalid {encoding} after its byte order mark: {error.reason}",
                                     line) from None
                return damaged
    if b"\x00" in data:
        raise InputError(origin, "binary data (NUL bytes), not text", line)
    try:
        return Decoded(_check_controls(data.decode("utf-8"), origin, line))
    except UnicodeDecodeError as error:
        utf8_error = error
    if declared and declared not in ("utf-8", "ascii"):
        try:
            return Decoded(_check_controls(data.decode(declared), origin, line))
        except UnicodeDecodeError:
            pass
    damaged = _decode_damaged(data, 0, "utf-8", utf8_error, origin, line)
    if damaged is not None:
        return damaged
    return Decoded(_check_controls(_decode_legacy(data, origin, line), origin, line))


def _decode_damaged(data: bytes, skip: int, encoding: str, error: UnicodeDecodeError, origin: str,
                    line: int | None) -> Decoded | None:
    """Return the text of ``data[skip:]`` in ``encoding`` with its bad bytes replaced and a notice
    naming the first (line and byte offset in the file), or None when the damage is too great to
    take it for that encoding (MIN_UTF8_CHARS_PER_ERROR without a BOM, MAX_DAMAGED_SHARE with).
    Without a BOM, a line that is itself in a legacy encoding (pasted from another file) is decoded
    in it rather than replaced."""
    text, errors = _replaced(data[skip:], encoding)
    if skip:
        if errors > max(1, MAX_DAMAGED_SHARE * len(text)):
            return None
        recoded: list[tuple[int, str]] = []
    elif _looks_legacy(text, errors):
        return None
    else:
        text, errors, recoded = _decode_lines(data)
    first = skip + error.start
    where = line if line is not None else data[skip:first].decode(encoding, "replace").count("\n") + 1
    done = [f"line {number} decoded as {name}" for number, name in recoded]
    if errors or not done:
        done.append(f"replaced with U+FFFD in {errors} place{'s' * (errors != 1)}")
    notice = InputNotice(origin, f"invalid {encoding.upper()} at byte {first} ({error.reason}); "
                                 f"{', '.join(done)}; the rest of the text kept", where)
    return Decoded(_check_controls(text, origin, line), notice)


def _replaced(data: bytes, encoding: str) -> tuple[str, int]:
    """Return the text of bytes with invalid sequences replaced by U+FFFD, and how many were."""
    text = data.decode(encoding, "replace")
    return text, text.count("\ufffd") - data.decode(encoding, "ignore").count("\ufffd")


def _looks_legacy(text: str, errors: int) -> bool:
    """Whether UTF-8 decoding with ``errors`` replacements looks like another encoding altogether."""
    return sum(1 for char in text if ord(char) > 0x7f) - errors < MIN_UTF8_CHARS_PER_ERROR * errors


def _decode_lines(data: bytes) -> tuple[str, int, list[tuple[int, str]]]:
    """Return the text of mostly-UTF-8 bytes line by line: a line that looks like a legacy encoding
    decoded in it when one fits confidently, other bad bytes replaced; with the replacements made
    and the (line number, encoding) of the lines decoded otherwise."""
    parts, errors, recoded = [], 0, []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        piece, bad = _replaced(raw, "utf-8")
        if bad and _looks_legacy(piece, bad):
            match = _legacy_match(raw)
            if match is not None:
                piece, bad = str(match), 0
                recoded.append((number, match.encoding))
        parts.append(piece)
        errors += bad
    return "\n".join(parts), errors, recoded


def _legacy_match(data: bytes):
    """Return charset-normalizer's best legacy decoding of the bytes (LEGACY_ENCODINGS, chaos at
    most MAX_DECODING_CHAOS, the preferred encoding among equals), or None."""
    matches = [m for m in from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)) if m.chaos <= MAX_DECODING_CHAOS]
    if not matches:
        return None
    best_chaos = min(m.chaos for m in matches)
    preference = {name: rank for rank, name in enumerate(LEGACY_ENCODINGS)}
    return min((m for m in matches if m.chaos <= best_chaos + 1e-9),
               key=lambda m: preference.get(m.encoding, len(preference)))


def _decode_legacy(data: bytes, origin: str, line: int | None) -> str:
    match = _legacy_match(data)
    if match is None:
        raise InputError(origin, "not UTF-8 and no other encoding decodes it confidently", line)
    return str(match)
