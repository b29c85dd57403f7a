"""Quotations: their spans, direct and mixed attributions, and transcript turns.

A quote left open runs to the end of its paragraph; a content inside a quotation becomes
the whole quotation (``direct``), a content holding a quoted fragment is ``mixed``; a line
that opens with a speaker label ("President of Russia Vladimir Putin: ...") is a turn.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..language.clauses import Candidate, char_span, trim_span
from .headlines import names_town
from .speakers import TITLE_WORDS

# Quotation marks: an opener and the closers that end it. A straight double quote opens or closes
# by turns; a single quote opens only before a word and after a space, a line start or "(:", and
# closes only after a word (so "it's" and "O'Hagan" are apostrophes).
_CLOSERS = {"“": "”", "«": "»", "„": "“”", '"': '"”', "'": "'"}
_MARK_ROLES = {**dict.fromkeys("“«„", "open"), **dict.fromkeys("”»", "close"), '"': "either"}
_DOUBLE_MARKS = re.compile("[" + "".join(_MARK_ROLES) + "]")
_SINGLE_OPENS = re.compile(r"(?:^|(?<=[\s(\[:—–-]))'(?=[\w\"“])")
_SINGLE_CLOSES = re.compile(r"(?<=[\w.,!?\"”])'(?=[\s.,;:!?)\]—–-]|$)")
# A quotation still open at a line break goes on over the following lines when one of them closes
# it (a quoted statement split into one line per sentence or paragraph), or when the next line
# opens with a quotation mark (the news convention for a quote over several paragraphs); this many
# lines at most, beyond which it ends with its own line, as a quote left open always did.
MAX_QUOTE_LINES = 10
# A quotation shorter than this many words inside a paraphrase makes it "mixed", not direct.
MIN_DIRECT_QUOTE_WORDS = 1


def _marks(line: str, offset: int) -> list[tuple[int, str, str]]:
    """Return the quotation marks of one line as (position, mark, role): role is "open",
    "close" or "either" (a straight double quote)."""
    found = [(offset + m.start(), m.group(), _MARK_ROLES[m.group()]) for m in _DOUBLE_MARKS.finditer(line)]
    for match in _SINGLE_OPENS.finditer(line):
        found.append((offset + match.start(), "'", "open"))
    for match in _SINGLE_CLOSES.finditer(line):
        found.append((offset + match.start(), "'", "close"))
    return sorted(found)


def _closes(marks: list[tuple[int, str, str]], opener: str) -> bool:
    """Return whether a line's marks close a quotation opened by ``opener`` on an earlier line."""
    own = [(role, mark) for _, mark, role in marks if mark in opener + _CLOSERS[opener]]
    if opener == '"':
        return sum(1 for role, mark in own if mark == '"') % 2 == 1 or bool(own and own[0][0] == "close")
    return bool(own) and own[0][0] == "close"


def _continues(lines: list[tuple[int, str]], number: int, opener: str) -> tuple[int, int | None] | None:
    """For a quotation open at the end of line ``number``, return the line where it goes on (the
    line that closes it, or one that reopens it) and the position of a reopening mark to pass over;
    None when the quotation ends with its own line."""
    for ahead in range(number + 1, min(len(lines), number + 1 + MAX_QUOTE_LINES)):
        offset, line = lines[ahead]
        marks = _marks(line, offset)
        family = [m for m in marks if m[1] in opener + _CLOSERS[opener]]
        if not family:
            continue  # a line wholly inside the quotation
        first = family[0]
        if first[0] == offset + len(line) - len(line.lstrip()) and first[2] in ("open", "either"):
            # reopened at the start of the next paragraph: runs on when that paragraph is quoted to its
            # end; one that closes before a reporting clause is a new quotation (the first was left open)
            closing = [m for m in family[1:] if m[2] in ("close", "either") and m[1] in _CLOSERS[opener]]
            if not closing or not line[closing[0][0] - offset + 1:].strip():
                return ahead, first[0]
            return None
        if _closes(marks, opener):
            return ahead, None
        return None
    return None


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Return the spans of quotations, marks included. A quote left open runs to the end of its
    line, or over the next lines up to the mark that closes it (see MAX_QUOTE_LINES)."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, line))
        offset += len(line) + 1
    spans: list[tuple[int, int]] = []
    opened: tuple[int, str] | None = None
    skip = None
    number = 0
    while number < len(lines):
        offset, line = lines[number]
        for position, mark, role in _marks(line, offset):
            if position == skip:
                continue
            if opened is None:
                if role in ("open", "either"):
                    opened = (position, mark)
            elif mark in _CLOSERS[opened[1]] and role in ("close", "either"):
                spans.append((opened[0], position + 1))
                opened = None
        if opened is None:
            number += 1
            continue
        follow = _continues(lines, number, opened[1])
        if follow is None:
            spans.append((opened[0], offset + len(line)))
            opened = None
            number += 1
        else:
            number, skip = follow
    return [(start, end) for start, end in spans if end - start > 2]


# A transcript turn starts a line with a speaker label: "President of Russia Vladimir Putin: ...".
_TURN_LABEL = re.compile(r"(?m)(?:^|(?<=[.!?*] ))[ \t]*([A-Z][^\n:.!?*]{2,120}?):[ \t]+(?=\S)")
# Longest speaker label, in words: longer openings before a colon are sentences, not labels.
MAX_TURN_LABEL_WORDS = 14


def find_turn_candidates(doc: Doc, text: str) -> list[Candidate]:
    """Transcript turns: a line-initial label naming a person, then the turn up to the next label."""
    if ":" not in text:  # every label ends with one; the label pattern is slow to run over a text
        return []
    labels = []
    for match in _TURN_LABEL.finditer(text):
        start, end = match.span(1)
        label = doc.char_span(start, end, alignment_mode="expand")
        if label is None or len(label) > MAX_TURN_LABEL_WORDS or any(t.pos_ in ("VERB", "AUX") for t in label):
            continue  # a headline or a sentence before a colon ("Police said: ...") is no label
        person = next((e for e in label.ents if e.label_ == "PERSON"), None)
        if person is None:  # NER missed the name: the label ends with two or three proper nouns
            tail = 0
            while tail < min(3, len(label)) and label[len(label) - 1 - tail].pos_ == "PROPN" \
                    and label[len(label) - 1 - tail].is_title and label[len(label) - 1 - tail].lower_ not in TITLE_WORDS:
                tail += 1
            if tail < 2:
                continue
            person = label[len(label) - tail:]
        if len(person) < 2 or any(t.is_lower for t in label[person.end - label.start:]):
            continue  # one word ("Brexit: ...") or a name in a headline ("Wayde Sims shooting: ...")
        if label.start == person.start and names_town(person.text):
            continue  # a town a headline is about ("Kryvyi Rih: Missiles hit ..."), not a speaker
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
            following = text[end:end + 2].strip()
            if following[:1].islower():
                return None  # a quoted name inside the clause: 'tell "60 Minutes" whether ...'
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


def split_quote(text: str, cue_end: int, clause_start: int,
                quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the quotation a reporting clause without a clause of its own reports: the one after
    it ("said: “...”") or before it ("“...,” he said"). Of a split quotation ("“X,” he said, “Y”")
    the first fragment, which holds the start of the statement, stands for the whole."""
    after = quote_after(text, cue_end, quotes)
    before = quote_before(text, clause_start, quotes)
    if after and before and text[before[0]:before[1]].rstrip("\"”'").endswith(",") \
            and re.fullmatch(r"\s*,\s*", text[cue_end:after[0]]):
        return before
    return after or before


def unquote(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Return a quotation's span without its own opening and closing marks (single ones too)."""
    start, end = span
    if text[start] in "\"“«„'":
        start += 1
    if end > start and text[end - 1] in "\"”»“'":
        end -= 1
    return start, end


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
            inner = trim_span(text, unquote(text, (q_start, q_end)))
            if inner and candidate.cue and q_start >= candidate.cue[1] and text[inner[1]:inner[1] + 1] in ".!?" \
                    and inner[1] < q_end:
                inner = (inner[0], inner[1] + 1)  # 'said: “... .”' keeps the quote's own full stop
            if inner:
                # keep a question or exclamation mark, drop a closing comma or full stop
                candidate.content = inner
                candidate.kind = "direct"
            return
    for q_start, q_end in quotes:
        if start < q_start < end and len(text[q_start:q_end].split()) >= MIN_DIRECT_QUOTE_WORDS:
            # a quoted fragment inside a paraphrase; a fragment that closes the content keeps its marks
            if q_end > end and q_end - end <= len('."') and text[end] != ",":
                candidate.content = (start, q_end)
            candidate.kind = "mixed"
            return
