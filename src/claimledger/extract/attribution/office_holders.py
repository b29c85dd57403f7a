"""The office-holder registry: who held which office from when to when, and the names each goes by.

``data/registries/office_holders.tsv`` in, :class:`OfficeTerm` rows out; read once. The English and Cyrillic speaker
resolvers, the document voice and the title-case reader ask it who held an office on a day.
"""
from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources

TERMS_MEMO = 512  # publication days whose office terms are kept (a corpus spans some hundreds of days)


@dataclass(frozen=True)
class OfficeTerm:
    """One person's term in one office, with the names each goes by."""

    office: str
    person: str
    since: str
    until: str
    office_names: frozenset[str]  # lower-cased office name and aliases
    person_names: frozenset[str]  # the person's name and aliases, as written

    def valid_on(self, day: str | None) -> bool:
        if day is None:
            return not self.until
        return self.since <= day and (not self.until or day < self.until)


@functools.lru_cache(maxsize=1)
def load_office_holders() -> tuple[OfficeTerm, ...]:
    """Return the office-holder registry shipped in data/registries/office_holders.tsv."""
    raw = resources.files("claimledger").joinpath("data/registries/office_holders.tsv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO("".join(l for l in raw.splitlines(True) if not l.startswith("#"))),
                          delimiter="\t")
    terms = []
    for row in rows:
        office_names = {row["office"].lower(), *(a.lower() for a in row["office_aliases"].split("|") if a)}
        person_names = {row["person"], *(a for a in row["person_aliases"].split("|") if a)}
        terms.append(OfficeTerm(row["office"], row["person"], row["since"], row["until"] or "",
                                frozenset(office_names), frozenset(person_names)))
    return tuple(terms)


@functools.lru_cache(maxsize=TERMS_MEMO)
def terms_on(day: str | None) -> tuple[tuple[OfficeTerm, ...], frozenset[str]]:
    """The office terms held on a day (all current ones when none is), and every name of their holders."""
    terms = load_office_holders()
    held = tuple(t for t in terms if t.valid_on(day)) or tuple(t for t in terms if not t.until)
    return held, frozenset(name for t in held for name in t.person_names)


def office_titled(person: str, title: str) -> str | None:
    """The current office called ``title`` ("President") of some state that ``person`` (a name or alias) holds
    ("President of Ukraine" for Volodymyr Zelenskyy), else None."""
    return next((t.office for t in load_office_holders()
                 if not t.until and person in t.person_names and t.office.startswith(title + " of ")), None)
