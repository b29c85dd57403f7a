"""Quotations: their spans, direct and mixed attributions, and transcript turns.

A quote left open runs to the end of its paragraph; a content inside a quotation becomes
the whole quotation (``direct``), a content holding a quoted fragment is ``mixed``; a line
that opens with a speaker label ("President of Russia Vladimir Putin: ...") is a turn.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .clauses import Candidate, char_span, trim_span
from .speakers import TITLE_WORDS

_QUOTE_RE = re.compile(r"“[^”\n]*(?:”|$)|«[^»\n]*(?:»|$)|„[^“”\n]*(?:[“”]|$)|\"[^\"\n]*(?:\"|$)", re.MULTILINE)
# A quotation shorter than this many words inside a paraphrase makes it "mixed", not direct.
MIN_DIRECT_QUOTE_WORDS = 1


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Return the spans of quotations, marks included; a quote left open runs to its paragraph end."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text) if m.end() - m.start() > 2]


# A transcript turn starts a line with a speaker label: "President of Russia Vladimir Putin: ...".
_TURN_LABEL = re.compile(r"(?m)(?:^|(?<=[.!?*] ))[ \t]*([A-Z][^\n:.!?*]{2,120}?):[ \t]+(?=\S)")
# Longest speaker label, in words: longer openings before a colon are sentences, not labels.
MAX_TURN_LABEL_WORDS = 14


def find_turn_candidates(doc: Doc, text: str) -> list[Candidate]:
    """Transcript turns: a line-initial label naming a person, then the turn up to the next label."""
    labels = []
    for match in _TURN_LABEL.finditer(text):
        start, end = match.span(1)
        label = doc.char_span(start, end, alignment_mode="expand")
        if label is None or len(label) > MAX_TURN_LABEL_WORDS:
            continue
        person = next((e for e in label.ents if e.label_ == "PERSON"), None)
        if person is None:  # NER missed the name: the label ends with two or three proper nouns
            tail = 0
            while tail < min(3, len(label)) and label[len(label) - 1 - tail].pos_ == "PROPN" \
                    and label[len(label) - 1 - tail].is_title and label[len(label) - 1 - tail].lower_ not in TITLE_WORDS:
                tail += 1
            if tail < 2:
                continue
            person = label[len(label) - tail:]
        # the label may repeat itself in page furniture ("Sergei Shoigu Shoigu Sergei..."): keep title + name
        source = doc[label.start: person.end]
        labels.append((source, person, match.end()))
    turns = []
    for number, (source, person, content_start) in enumerate(labels):
        end = labels[number + 1][0].start_char if number + 1 < len(labels) else len(text)
        content = (content_start, len(text[:end].rstrip()))
        if content[1] > content[0]:
            turns.append(Candidate(None, content, "direct", list(source), speaker_tokens=list(person)))
    return turns


_QUOTE_AFTER_CUE = re.compile(r"\s*[:,]?\s*(?=[\"“«„])")


def quote_after(text: str, position: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the quotation that starts right after a cue ("said: “...”")."""
    match = _QUOTE_AFTER_CUE.match(text, position)
    if not match:
        return None
    for start, end in quotes:
        if start == match.end():
            return start, end
    return None


# What may stand between a quotation and the reporting clause after it ("...,” he said").
_BETWEEN_QUOTE_AND_CLAUSE = re.compile(r"[\s,.:;—–-]*")


def quote_before(text: str, position: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the quotation that ends right before a reporting clause ("“...,” he said")."""
    for start, end in quotes:
        if end <= position and _BETWEEN_QUOTE_AND_CLAUSE.fullmatch(text, end, position):
            return start, end
    return None


def apply_quotes(text: str, candidate: Candidate, quotes: list[tuple[int, int]]) -> None:
    """Set a candidate's kind to direct or mixed, and widen a content to the whole quotation."""
    start, end = candidate.content
    marks = [candidate.cue] if candidate.cue else []
    if candidate.source_tokens:
        marks.append(char_span(candidate.source_tokens))
    for q_start, q_end in quotes:
        if any(q_start <= m_start < q_end for m_start, _ in marks):
            continue  # a cue inside the quotation: a report within the quote, not the quote itself
        if q_start <= start and end <= q_end:
            inner = trim_span(text, (q_start, q_end))
            if inner:
                # keep a question or exclamation mark, drop a closing comma or full stop
                candidate.content = inner
                candidate.kind = "direct"
            return
    for q_start, q_end in quotes:
        if start < q_start < end and len(text[q_start:q_end].split()) >= MIN_DIRECT_QUOTE_WORDS:
            # a quoted fragment inside a paraphrase; a fragment that closes the content keeps its marks
            if q_end > end and q_end - end <= len('."'):
                candidate.content = (start, q_end)
            candidate.kind = "mixed"
            return
