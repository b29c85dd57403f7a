"""Articles from HTML pages (trafilatura: main text and metadata) and plain text from HTML fragments."""
from __future__ import annotations

import re
import warnings
from html.parser import HTMLParser

import lxml.html
from lxml import etree

from ..errors import InputError
from ..models import Article, InputNotice
from .identity import make_article_id

# What trafilatura is asked for: the publication date rather than the last modification, found in the
# page's metadata and markup, not guessed from any date mentioned in the running text.
DATE_EXTRACTION_PARAMS = {"original_date": True, "extensive_search": False}

# Fewer characters of main text than this and a page counts as having none: what trafilatura falls back
# to on a page without an article is a menu or a link ("Home"); the shortest page in examples/raw
# (a 4-sentence news item) has 474 characters, a one-sentence wire flash about 60.
MIN_HTML_TEXT_CHARS = 40

# Elements after which a line break is kept when an HTML fragment (a feed entry) is flattened to text.
BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article header footer figcaption dd dt"
    .split()
)
# Elements whose content is never text a reader sees.
DROPPED_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "svg")

# libxml2 (under lxml and trafilatura) stops building a page's tree at this depth of nested
# elements and drops everything after it: a page nested deeper would keep only its first text.
# Such a page is read flat instead (FlatText), at any depth. The error libxml2 logs says so.
LIBXML2_MAX_DEPTH = 256
_TOO_DEEP = "Excessive depth"

# The most attributes one tag may have. libxml2 (under lxml and trafilatura) and feedparser check
# each new attribute of an element against the ones before it, so their time grows with the square
# of the count: 20,000 attributes on one element took 2.8 s in lxml and 22 s in feedparser, and
# 100,000 (a 1 MB page) ten minutes in trafilatura. Real pages have a few dozen (data-* included).
MAX_TAG_ATTRIBUTES = 1000
# Only a tag at least this long can hold that many attributes (each at least ' a=x').
_LONG_TAG_CHARS = 4 * MAX_TAG_ATTRIBUTES
_LONG_TAG = {str: re.compile(r"<[A-Za-z][^<>]{%d,}" % _LONG_TAG_CHARS),
             bytes: re.compile(rb"<[A-Za-z][^<>]{%d,}" % _LONG_TAG_CHARS)}
_ATTRIBUTE = {str: re.compile(r"\s[^\s=<>/\"']+\s*="), bytes: re.compile(rb"\s[^\s=<>/\"']+\s*=")}

_BLANK_LINES = re.compile(r"\n{3,}")
_INLINE_SPACE = re.compile(r"[^\S\n]+")
_ANY_SPACE = re.compile(r"\s+")


def _clean_lines(text: str) -> str:
    lines = (_INLINE_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class FlatText(HTMLParser):
    """The visible text of HTML read as a stream of tags (the standard library's parser), with no
    tree and so no depth limit: text of dropped elements skipped, a line break after each block
    element, the <title> kept apart. Slower than lxml (about 1 s for 3 MB); used when lxml's tree
    would be cut (LIBXML2_MAX_DEPTH)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self._dropped = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in DROPPED_TAGS:
            self._dropped += 1
        elif tag == "title":
            self._in_title = True
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_TAGS:
            self._dropped = max(0, self._dropped - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._dropped:
            self.parts.append(_ANY_SPACE.sub(" ", data))

    @classmethod
    def read(cls, markup: str) -> tuple[str, str]:
        """Return (title, text) of a page or fragment, whitespace tidied."""
        parser = cls()
        parser.feed(markup)
        parser.close()
        return _ANY_SPACE.sub(" ", "".join(parser.title_parts)).strip(), _clean_lines("".join(parser.parts))


def check_tag_attributes(markup: str | bytes, origin: str) -> None:
    """Raise InputError when a tag of the markup (HTML or XML) has over MAX_TAG_ATTRIBUTES
    attributes, before any parser spends minutes on it."""
    kind = type(markup)
    for tag in _LONG_TAG[kind].finditer(markup):
        count = len(_ATTRIBUTE[kind].findall(tag.group()))
        if count > MAX_TAG_ATTRIBUTES:
            raise InputError(origin, f"a tag with {count:,} attributes (over {MAX_TAG_ATTRIBUTES:,}): refused, "
                                     "parsing it would take minutes")


def _cut_by_depth(parser: etree.HTMLParser) -> bool:
    return any(_TOO_DEEP in entry.message for entry in parser.error_log)


def strip_html(fragment: str) -> str:
    """Return the visible text of an HTML fragment, one line per block element, entities resolved
    (at any depth of nesting)."""
    if "<" not in fragment and "&" not in fragment:
        return _clean_lines(fragment)
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError):
        return _clean_lines(fragment)
    if _cut_by_depth(parser):
        return FlatText.read(fragment)[1]
    for element in root.iter(*DROPPED_TAGS):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        tag = element.tag.lower()
        # Line breaks in the markup are collapsible space; only block elements end lines (<pre> keeps its own).
        if element.text and tag != "pre":
            element.text = _ANY_SPACE.sub(" ", element.text)
        if element.tail:
            element.tail = _ANY_SPACE.sub(" ", element.tail)
        if tag in BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    return _clean_lines(root.text_content())


def _extract(page: str):
    import trafilatura  # imported here: loading it (and its jusText/lxml_html_clean parts) takes ~0.5 s

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # lxml FutureWarnings from inside trafilatura
        return trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_images=False,
            date_extraction_params=DATE_EXTRACTION_PARAMS,
        )


def _require_text(text: str, origin: str) -> None:
    if len(text) < MIN_HTML_TEXT_CHARS:
        raise InputError(origin, "no extractable text in HTML" + (f" (only {len(text)} characters)" if text else ""))


def _nested_too_deep(page: str) -> bool:
    """Whether libxml2 would cut the page's tree (nested over LIBXML2_MAX_DEPTH elements deep)."""
    parser = etree.HTMLParser(encoding="utf-8")
    try:
        etree.fromstring(page.encode("utf-8", "replace"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        pass  # nothing parsed: trafilatura says so below
    return _cut_by_depth(parser)


def read_html(page: str, origin: str, stem: str) -> tuple[Article, InputNotice | None]:
    """Return the Article of an HTML page (main text, title, date, site name as outlet, canonical
    url; the id is the file stem plus a short hash of the text's fingerprint) and a notice when the
    page was read flat: nested deeper than LIBXML2_MAX_DEPTH, its whole visible text is kept
    (menus too) rather than the start that trafilatura would see.

    Raises InputError when the page has no extractable main text or a tag with too many attributes.
    """
    check_tag_attributes(page, origin)
    if _nested_too_deep(page):
        title, text = FlatText.read(page)
        notice = InputNotice(origin, f"HTML nested over {LIBXML2_MAX_DEPTH} elements deep: read flat "
                                     "(all visible text, no boilerplate removal, no metadata)")
        _require_text(text, origin)
        return Article(id=make_article_id(stem, text), text=text, title=title or None, origin=origin), notice
    return article_from_html(page, origin, stem), None


def article_from_html(page: str, origin: str, stem: str) -> Article:
    """Return the Article of an HTML page through trafilatura: main text, title, date, site name as
    outlet, canonical url. The id is the file stem plus a short hash of the text's fingerprint.

    Raises InputError when the page has no extractable main text.
    """
    try:
        document = _extract(page)
    except Exception as error:  # trafilatura/lxml raise many kinds on broken markup: each is bad input
        raise InputError(origin, f"HTML could not be parsed ({type(error).__name__})") from None
    text = _clean_lines(getattr(document, "text", None) or "") if document is not None else ""
    _require_text(text, origin)
    return Article(
        id=make_article_id(stem, text),
        text=text,
        outlet=getattr(document, "sitename", None) or None,
        url=getattr(document, "url", None) or None,
        published=getattr(document, "date", None) or None,
        title=getattr(document, "title", None) or None,
        origin=origin,
    )
