"""Articles from paths: walk files and directories, dispatch by type, stream the results.

Every bad input becomes a ``Rejection`` (file, line, one-line reason) and the batch goes on. A path
that does not exist is bad input like any other: it is yielded as a Rejection, not raised, so that a
shell glob with one stale name does not stop the rest.
"""
from __future__ import annotations

import errno
import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..models import Article, InputNotice, Rejection
from .decoding import (MAX_TEXT_CHARS, decode_bytes, declared_encoding, origin_of, read_limited_bytes,
                       read_limited_stream)
from .feeds import FEED_SNIFF_BYTES, looks_like_feed, read_feed
from .html import read_html
from .identity import make_article_id
from .language import identify_language
from .records import is_jsonl, iter_lines, read_records

# File types by extension (lower-cased). Any other file is read only when it starts like a feed.
FILE_TYPES = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}

STDIN_PATH = "-"
STDIN_ORIGIN = "<stdin>"

# A plain-text file's first line is taken for its title only when it is obviously a headline: at most
# this long, not ending like a sentence, and followed by a blank line and more text. Wire stories such
# as examples/kharkiv_buffer_zone.txt start with a full sentence and so get no title.
TITLE_MAX_CHARS = 200
SENTENCE_ENDINGS = (".", "!", "?", "…", ":", ";", ",")

# Bytes read from a JSONL file's start to refuse a binary file whole instead of line by line.
BINARY_SNIFF_BYTES = 8192


def read_articles(
    paths: Iterable[str | Path], *, outlet: str | None = None, published: str | None = None,
    language: str | None = None, stdin: BinaryIO | None = None, identify_languages: bool = True,
) -> Iterator[Article | Rejection | InputNotice]:
    """Yield an Article for each report read from the paths, a Rejection for each bad input and an
    InputNotice after an article read from a damaged input (invalid UTF-8 replaced, a page nested
    too deep read flat, a feed read leniently).

    Paths are files or directories (walked recursively in sorted order, hidden names skipped); ``-``
    reads ``stdin`` (default: standard input). ``outlet``, ``published`` and ``language`` set that
    field on every article; otherwise language comes from the record, else from identify_language
    (else None with ``identify_languages`` False: the analysis identifies it, in its worker processes).
    Nothing is raised for bad input, and articles are yielded as they are read. JSONL is streamed
    line by line (no total size limit; MAX_RECORD_BYTES a line); any other file over MAX_INPUT_BYTES
    is refused before it is read, and an article whose text is over MAX_TEXT_CHARS is rejected.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]  # one path given bare, not an iterable of its characters
    rejected_where = None
    for item in _read_paths(paths, stdin):
        if isinstance(item, Article):
            item = _reject_too_long(item) or _complete_article(item, outlet, published, language,
                                                               identify_languages)
            rejected_where = item.where if isinstance(item, Rejection) else None
        elif isinstance(item, InputNotice) and item.where == rejected_where:
            continue  # the notice of an article rejected after all: its rejection says enough
        yield item


def _reject_too_long(article: Article) -> Rejection | None:
    """Return the rejection of an article whose text or title (both analysed) is over
    MAX_TEXT_CHARS, else None."""
    for field, value in (("text", article.text), ("title", article.title or "")):
        if len(value) > MAX_TEXT_CHARS:
            return Rejection(article.origin, f"{field} of {len(value):,} characters, over the "
                                             f"{MAX_TEXT_CHARS:,} analysed (split it into articles)")
    return None


def _complete_article(article: Article, outlet: str | None, published: str | None, language: str | None,
                      identify: bool) -> Article:
    changes: dict[str, str | None] = {}
    if outlet is not None:
        changes["outlet"] = outlet
    if published is not None:
        changes["published"] = published
    if language is not None:
        changes["language"] = language
    elif identify and not article.language:
        changes["language"] = identify_language(article.text)
    return replace(article, **changes) if changes else article


def _read_paths(paths: Iterable[str | Path], stdin: BinaryIO | None) -> Iterator[Article | Rejection | InputNotice]:
    for path in paths:
        if str(path) == STDIN_PATH:
            yield from read_stream(stdin if stdin is not None else sys.stdin.buffer)
            continue
        if str(path) == "":  # Path("") is ".": an unset shell variable would ingest the working folder
            yield Rejection("''", "empty path (not read: it would name the current folder)")
            continue
        path = Path(path)
        if path.is_dir():
            for item in walk_files(path):
                yield from (read_file(item) if isinstance(item, Path) else (item,))
        elif path.exists():
            yield from read_file(path)
        else:
            yield Rejection(origin_of(path), _unreadable_reason(path))


def _unreadable_reason(path: Path) -> str:
    """Why a path that is no regular file cannot be read: a symbolic link loop, a link to nothing,
    no such file, or another kind of file (a FIFO, a socket, a device)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        if error.errno == errno.ENOENT and path.is_symlink():
            return f"broken symbolic link (to {os.readlink(path)})"
        if error.errno == errno.ENOENT:
            return "no such file or directory"
        return f"cannot read file: {error.strerror or error}"
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device")):
        if test(mode):
            return f"not a regular file ({kind})"
    return "not a regular file"


def walk_files(directory: Path) -> Iterator[Path | Rejection]:
    """Yield the files under a directory, recursively, in sorted order, skipping hidden names.

    Symbolic links to directories are not followed (a Rejection says so); links to files are read.
    """
    try:
        with os.scandir(directory) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as error:
        yield Rejection(origin_of(directory), f"cannot list directory: {error.strerror or error}")
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            linked_dir = not is_dir and entry.is_symlink() and entry.is_dir()
        except OSError:
            is_dir = linked_dir = False
        if is_dir:
            yield from walk_files(path)
        elif linked_dir:  # not followed: a link to an ancestor would loop forever
            yield Rejection(origin_of(path), "symbolic link to a directory (not followed)")
        else:
            yield path


def read_file(path: Path) -> Iterator[Article | Rejection | InputNotice]:
    """Yield the Article(s) of one file (each damaged one followed by its InputNotice), or a
    Rejection saying why it cannot be read."""
    origin = origin_of(path)
    try:
        if not path.is_file():
            raise InputError(origin, _unreadable_reason(path))
        kind = FILE_TYPES.get(path.suffix.lower())
        if kind == "jsonl":
            yield from _read_jsonl_file(path)
            return
        if kind is None:
            with open(path, "rb") as handle:
                head = handle.read(FEED_SNIFF_BYTES * 4)
            if not looks_like_feed(head):
                raise InputError(origin, f"unsupported file type {path.suffix or '(no extension)'}")
            kind = "feed"
        yield from read_bytes(read_limited_bytes(path), origin, path.stem, kind)
    except InputError as error:
        yield Rejection(error.origin, error.reason, error.line)
    except OSError as error:
        yield Rejection(origin, f"cannot read file: {error.strerror or error}")


def read_bytes(data: bytes, origin: str, stem: str, kind: str) -> Iterator[Article | Rejection | InputNotice]:
    """Yield the Article(s) of a whole input of a kind (text, html or feed), each followed by its
    InputNotice when the input was damaged; InputError when it is bad.

    Content that starts like a feed is read as a feed whatever its kind.
    """
    if not data.strip():
        raise InputError(origin, "empty input" if not data else "empty input (whitespace only)")
    if kind == "feed" or looks_like_feed(data):
        yield from read_feed(data, origin, stem)
        return
    if kind == "html":
        page, decoding = decode_bytes(data, origin, declared=declared_encoding(data))
        article, flat = read_html(page, origin, stem)
        notices = (decoding, flat)
    else:
        text, decoding = decode_bytes(data, origin)
        article, notices = article_from_text(text, origin, stem), (decoding,)
    yield article
    yield from (notice for notice in notices if notice is not None)


def article_from_text(text: str, origin: str, stem: str) -> Article:
    """Return the Article of a plain text; its first line is the title only when obviously a headline."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    title = None
    first, separator, rest = text.partition("\n\n")
    rest = rest.strip()
    if (
        separator and rest and "\n" not in first and len(first) <= TITLE_MAX_CHARS
        and not first.rstrip().endswith(SENTENCE_ENDINGS)
    ):
        title, text = first.strip(), rest
    if not text:
        raise InputError(origin, "empty input")
    return Article(id=make_article_id(stem, text), text=text, title=title, origin=origin)


def _read_jsonl_file(path: Path) -> Iterator[Article | Rejection]:
    origin = origin_of(path)
    with open(path, "rb") as handle:
        head = handle.read(BINARY_SNIFF_BYTES)
        if b"\x00" in head:
            raise InputError(origin, "binary data (NUL bytes), not JSONL")
        if not head.strip():
            raise InputError(origin, "empty input")
        yield from read_records(iter_lines(handle, first=head), origin, path.stem)


def read_stream(stream: BinaryIO, origin: str = STDIN_ORIGIN) -> Iterator[Article | Rejection | InputNotice]:
    """Yield the Article(s) of a byte stream: JSONL when every non-blank line is a JSON object, a feed
    or HTML page when it starts like one, plain text otherwise.

    Input over MAX_INPUT_BYTES is streamed as JSONL when its first line is a JSON object, else refused.
    """
    stem = "stdin"
    try:
        data, more = read_limited_stream(stream, origin)
        if more:
            first_line = data.lstrip().split(b"\n", 1)[0].strip()
            if not (first_line.startswith(b"{") and first_line.endswith(b"}")):
                raise InputError(origin, "input too large and not JSONL")
            yield from read_records(iter_lines(stream, first=data), origin, stem)
            return
        if looks_like_feed(data):
            yield from read_feed(data, origin, stem)
            return
        if _looks_like_html(data):
            yield from read_bytes(data, origin, stem, "html")
            return
        if not data.strip():
            raise InputError(origin, "empty input")
        text, notice = decode_bytes(data, origin)
        if is_jsonl(text):
            yield from read_records(iter_lines(io.BytesIO(text.encode("utf-8"))), origin, stem)
        else:
            yield article_from_text(text, origin, stem)
        if notice is not None:
            yield notice
    except InputError as error:
        yield Rejection(error.origin, error.reason, error.line)


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:256]

