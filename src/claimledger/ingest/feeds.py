"""Articles from RSS and Atom feeds (feedparser), one per entry, after an XML safety check (defusedxml)."""
from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from ..errors import InputError
from ..models import Article, InputNotice, Rejection
from .html import check_tag_attributes, strip_html
from .identity import make_article_id

# How far into a file to look for a feed's root element (past the XML declaration, stylesheet
# instructions and comments). The Atom feed in examples/raw has its <feed> at byte 140.
FEED_SNIFF_BYTES = 2048

_FEED_ROOT = re.compile(r"<(rss|feed|rdf:rdf)[\s>/]")
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.I)
_UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _head_text(data: bytes, size: int) -> str:
    head = data[: size * 4]
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if head.startswith(bom):
            return head[len(bom):].decode(encoding, "ignore")[:size]
    return head[:size].decode("latin-1").lstrip("\ufeff\xef\xbb\xbf")


def looks_like_feed(data: bytes) -> bool:
    """Whether bytes start like an RSS, RDF or Atom document (markup first, a feed root element early)."""
    head = _head_text(data, FEED_SNIFF_BYTES).lower()
    return head.lstrip().startswith("<") and _FEED_ROOT.search(head) is not None


def _check_xml_safety(data: bytes, origin: str) -> ParseError | None:
    """Raise InputError for entity declarations; return the XML's parse error (None when it is
    well-formed)."""
    if any(data.startswith(bom) for bom in _UTF16_32_BOMS):
        declares_entities = "<!entity" in _head_text(data, len(data)).lower()
    else:
        declares_entities = _ENTITY_DECLARATION.search(data) is not None
    if declares_entities:
        raise InputError(origin, "feed declares XML entities (refused: entity expansion risk)")
    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise InputError(origin, f"feed refused by the XML safety check ({type(error).__name__})") from None
    except ParseError as error:
        return error
    return None


def _describe(fault: ParseError) -> str:
    """The parser's message without its line (the origin names it): "mismatched tag at column 11"."""
    message = str(fault).split(": line ", 1)[0]
    if message.startswith("not well-formed (") and message.endswith(")"):
        message = message[len("not well-formed ("):-1]  # expat's "not well-formed (invalid token)"
    return f"{message} at column {fault.position[1]}"


def _iso_date(entry: Any, key: str) -> str | None:
    raw = entry.get(key)
    if raw:
        try:
            return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).isoformat()
        except ValueError:
            pass
        try:
            return parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
    parsed = entry.get(f"{key}_parsed")
    if parsed:
        return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
    return raw or None


def _entry_text(entry: Any) -> str:
    parts = [c for c in entry.get("content") or () if c.get("value")]
    if parts:
        best = max(parts, key=lambda c: len(c["value"]))
        value, kind = best["value"], best.get("type", "")
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary") or "", detail.get("type", "text/html")
    return strip_html(value) if "html" in kind or "xml" in kind else value.strip()


def read_feed(data: bytes, origin: str, stem: str) -> Iterator[Article | Rejection | InputNotice]:
    """Yield one Article per feed entry, or a Rejection for an entry without text; after them an
    InputNotice when the feed is not well-formed XML (a cut download, a stray "&"): feedparser reads
    such a feed leniently, and the entries after the fault may be lost or merged.

    Raises InputError for a feed that declares entities, is not well-formed and has no entries, or
    has a tag with too many attributes.
    """
    import feedparser  # imported here: it is only needed when a feed comes in

    check_tag_attributes(data, origin)
    fault = _check_xml_safety(data, origin)
    try:
        parsed = feedparser.parse(data)  # bytes, never a str: feedparser would take a str for a URL or path
    except Exception as error:  # feedparser is lenient, but a parser failure is still bad input
        if fault is not None:  # the reason it failed, most likely
            raise InputError(origin, f"not a feed: not well-formed XML ({_describe(fault)})", fault.position[0]) from None
        raise InputError(origin, f"feed could not be parsed ({type(error).__name__})") from None
    entries = parsed.entries
    if not entries:
        if fault is None:
            raise InputError(origin, "no entries in feed")
        raise InputError(origin, f"not a feed: not well-formed XML ({_describe(fault)})", fault.position[0])
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(entries, start=1):
        entry_origin = f"{origin}#{number}"
        text = _entry_text(entry)
        if not text:
            yield Rejection(entry_origin, "feed entry has no text")
            continue
        yield Article(
            id=entry.get("id") or entry.get("link") or make_article_id(f"{stem}-{number}", text),
            text=text,
            outlet=outlet,
            url=entry.get("link") or None,
            published=_iso_date(entry, "published") or _iso_date(entry, "updated"),
            title=strip_html(entry.get("title") or "") or None,
            origin=entry_origin,
        )
    if fault is not None:
        read = sum(1 for entry in entries if _entry_text(entry))
        yield InputNotice(origin, f"not well-formed XML ({_describe(fault)}): read leniently, {read} of its "
                                  f"{len(entries)} entries kept; entries after the fault may be missing",
                          fault.position[0])
