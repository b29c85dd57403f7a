"""Articles from JSONL: one record of DESIGN.md's format per line, streamed; a bad line never stops the rest."""
from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from ..errors import InputError
from ..models import Article, InputNotice, Rejection
from ..record import ARTICLE_KEYS, article_from_record
from .decoding import MAX_RECORD_BYTES, storable
from .identity import make_article_id

# Record keys whose value is text; a number given for one (a year as "published") is kept as its string.
TEXT_KEYS = tuple(key for key in ARTICLE_KEYS if key != "text")


def iter_lines(stream: BinaryIO, first: bytes = b"") -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, bytes without the newline) for each line of a stream, None for a line over
    MAX_RECORD_BYTES (the rest of it is skipped unread into memory).

    ``first`` is data already read from the stream's start; its lines come first.
    """
    pieces = first.split(b"\n")
    tail = pieces.pop()  # the unfinished last line of ``first``, continued in the stream
    number = 0
    for raw in pieces:
        number += 1
        yield number, (raw if len(raw) <= MAX_RECORD_BYTES else None)
    while True:
        room = MAX_RECORD_BYTES + 1 - len(tail)
        piece = tail + (stream.readline(room) if room > 0 else b"")
        tail = b""
        if not piece:
            return
        number += 1
        if piece.endswith(b"\n"):
            yield number, piece[:-1]
        elif len(piece) <= MAX_RECORD_BYTES:
            yield number, piece  # the last line, without a newline
        else:
            yield number, None
            _skip_line(stream)


def _skip_line(stream: BinaryIO) -> None:
    while True:
        rest = stream.readline(1 << 20)
        if not rest or rest.endswith(b"\n"):
            return


def parse_record(raw: bytes, origin: str, line: int) -> dict[str, Any] | None:
    """Return the JSON object of one line, None for a blank line; InputError for anything else."""
    if line == 1 and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8):]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(origin, "line is not valid UTF-8", line) from None
    if not text.strip():
        return None
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        message = error.msg.removesuffix(" at")  # "Unterminated string starting at"
        raise InputError(origin, f"invalid JSON ({message} at column {error.colno})", line) from None
    except RecursionError:  # Python's parser recurses once per level of arrays and objects
        raise InputError(origin, "JSON nested too deeply", line) from None
    if not isinstance(record, dict):
        raise InputError(origin, f"not a JSON object (a {type(record).__name__})", line)
    return record


def article_from_json(record: dict[str, Any], origin: str, line: int, stem: str) -> Article:
    """Return the Article of one record; InputError when it has no usable text or a malformed field."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "record has no text" if text is None else "record's text is empty or not a string", line)
    clean = {"text": text}
    for key in TEXT_KEYS:
        value = record.get(key)
        if isinstance(value, (dict, list)):
            raise InputError(origin, f"record's {key!r} must be a string, not a {type(value).__name__}", line)
        if isinstance(value, bool) or value is None or value == "":
            continue
        clean[key] = str(value)
    if "language" in clean:
        clean["language"] = clean["language"].strip().lower()
    if "id" not in clean:
        clean["id"] = make_article_id(f"{stem}-{line}", text)
    return article_from_record(clean, origin=f"{origin}:{line}")


def replace_unstorable(record: dict[str, Any]) -> int:
    """Replace lone UTF-16 surrogates and NULs in a record's string values with U+FFFD
    (decoding.storable); return how many."""
    count = 0
    for key, value in record.items():
        if isinstance(value, str):
            record[key], replaced = storable(value)
            count += replaced
    return count


def read_records(lines: Iterable[tuple[int, bytes | None]], origin: str,
                 stem: str) -> Iterator[Article | Rejection | InputNotice]:
    """Yield an Article or a Rejection for each non-blank JSONL line, an Article whose strings
    held a NUL or a lone surrogate followed by its InputNotice."""
    for line, raw in lines:
        if raw is None:
            yield Rejection(origin, f"line too long (over {MAX_RECORD_BYTES // 2**20} MB)", line)
            continue
        try:
            record = parse_record(raw, origin, line)
            if record is None:
                continue
            replaced = replace_unstorable(record)
            yield article_from_json(record, origin, line, stem)
            if replaced:
                yield InputNotice(f"{origin}:{line}", "NUL or lone UTF-16 surrogate escaped in a JSON string; replaced "
                                                      f"with U+FFFD in {replaced} place{'s' * (replaced != 1)}")
        except InputError as error:
            yield Rejection(error.origin, error.reason, error.line)


def is_jsonl(text: str) -> bool:
    """Whether every non-blank line of a text is a JSON object (and there is at least one)."""
    seen = False
    for line in text.splitlines():
        if not line.strip():
            continue
        stripped = line.strip()
        if not (stripped.startswith("{") and stripped.endswith("}")):
            return False
        try:
            if not isinstance(json.loads(stripped), dict):
                return False
        except (json.JSONDecodeError, RecursionError):
            return False
        seen = True
    return seen
