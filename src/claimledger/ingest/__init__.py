"""Ingest: files, directories, standard input, HTML pages, RSS/Atom feeds and JSONL records in;
articles (with language and stable ids) and rejections (file, line, reason) out.
"""
from __future__ import annotations

from .decoding import MAX_INPUT_BYTES, MAX_RECORD_BYTES
from .files import read_articles
from .identity import text_fingerprint
from .language import identify_language

__all__ = ["MAX_INPUT_BYTES", "MAX_RECORD_BYTES", "identify_language", "read_articles", "text_fingerprint"]
