"""Articles from HTML pages (trafilatura: main text and metadata) and plain text from HTML fragments."""
from __future__ import annotations

import re
import warnings

import lxml.html
from lxml import etree

from ..errors import InputError
from ..models import Article
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

_BLANK_LINES = re.compile(r"\n{3,}")
_INLINE_SPACE = re.compile(r"[^\S\n]+")
_ANY_SPACE = re.compile(r"\s+")


def _clean_lines(text: str) -> str:
    lines = (_INLINE_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def strip_html(fragment: str) -> str:
    """Return the visible text of an HTML fragment, one line per block element, entities resolved."""
    if "<" not in fragment and "&" not in fragment:
        return _clean_lines(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _clean_lines(fragment)
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


def article_from_html(page: str, origin: str, stem: str) -> Article:
    """Return the Article of an HTML page: main text, title, date, site name as outlet, canonical url.

    The id is the file stem plus a short hash of the text's fingerprint.

    Raises InputError when the page has no extractable main text.
    """
    try:
        document = _extract(page)
    except Exception as error:  # trafilatura/lxml raise many kinds on broken markup: each is bad input
        raise InputError(origin, f"HTML could not be parsed ({type(error).__name__})") from None
    text = _clean_lines(getattr(document, "text", None) or "") if document is not None else ""
    if len(text) < MIN_HTML_TEXT_CHARS:
        raise InputError(origin, "no extractable text in HTML" + (f" (only {len(text)} characters)" if text else ""))
    return Article(
        id=make_article_id(stem, text),
        text=text,
        outlet=getattr(document, "sitename", None) or None,
        url=getattr(document, "url", None) or None,
        published=getattr(document, "date", None) or None,
        title=getattr(document, "title", None) or None,
        origin=origin,
    )
