"""Event polarity as its claimant presents it, the same for every language: a content under a denying cue
("the governor denied that the plant was hit", "опровергли информацию о наступлении") is denied. The language
rules that read an event's own negation are in event_polarity_en.py and event_polarity_ru_uk.py.

A polarity, the event's ``claimed_by`` and the document's attributions in, a polarity out; pure.
:func:`innermost_claimant` gives that ``claimed_by``: the attribution whose content holds the trigger.
:func:`denials_of_reports` adds, for a source that denies what another reported ("Y denied the claim"), the
denied copies of the events of that report.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...models import Attribution, Event
from ..attribution.cues import REPORT_ANAPHOR, REPORT_ANAPHOR_RU_UK


def innermost_claimant(start: int, end: int, attributions: Sequence[Attribution]) -> str | None:
    """The id of the attribution with the innermost content holding characters [start, end), on a tie the nested
    one ("X со ссылкой на Y сообщил": Y's); None when none holds them (the outlet's claim)."""
    inside = [a for a in attributions if a.content[0] <= start and end <= a.content[1]]
    return min(inside, key=lambda a: (a.content[1] - a.content[0], a.parent is None)).id if inside else None


def claimed_polarity(polarity: str, claimed_by: str | None, attributions: Sequence[Attribution]) -> str:
    """Denied when the claimant's cue denies its content, else ``polarity``. A denied negation ("denied that it
    did not ...") is rare and stays denied: the cue may already have negated the span."""
    claimant = next((a for a in attributions if a.id == claimed_by), None)
    return "denied" if claimant is not None and claimant.evidentiality == "denied" else polarity


SENTENCE_END = re.compile(r"[.!?](?:\s|$)")  # a stop before a space or the text's end
DENIAL_REACH_SENTENCES = 1  # sentence ends between a report and the denial that names it


def denials_of_reports(events: Sequence[Event], attributions: Sequence[Attribution], text: str) -> tuple[Event, ...]:
    """The events with, for each denial of an earlier report ("X said its forces took Bakhmut. Y denied the claim"),
    a copy of each event that report claims, claimed by the denial and denied: the annotation guide keeps both
    entries when one source asserts an event and another denies it. Events, attributions and their text in."""
    out = list(events)
    for denial in attributions:
        if denial.evidentiality != "denied" or denial.cue is None:
            continue
        report = _report_denied(denial, attributions, text)
        if report is None:
            continue
        reports = {report.id}
        if _names_a_report(denial, text):  # ("denied this": all it told there)
            reports |= {a.id for a in _told_with(report, attributions, text)}
        for event in events:
            if event.claimed_by in reports and event.polarity == "asserted" and not any(
                    e.claimed_by == denial.id and e.trigger == event.trigger for e in out):
                out.append(replace(event, claimed_by=denial.id, polarity="denied"))
    return tuple(sorted(out, key=lambda e: e.trigger))


def _told_with(report: Attribution, attributions: Sequence[Attribution], text: str) -> list[Attribution]:
    """The other reports its speaker makes in the report's sentence ("Russia accused Ukraine of attacking the
    Kremlin ..., and said it reserved the right to retaliate"), which a denial of the last one denies too."""
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, report.content[0])), default=0)
    return [a for a in attributions if a is not report and a.speaker == report.speaker and a.cue is not None
            and a.evidentiality != "denied" and start <= a.content[0] < report.content[0]]


def _report_denied(denial: Attribution, attributions: Sequence[Attribution], text: str) -> Attribution | None:
    """The report a denial denies: one of the same content said before it, the one report its content holds, or,
    for a content that only names a report, the latest report of another speaker before it, at most
    DENIAL_REACH_SENTENCES sentences back."""
    before = [a for a in attributions if a is not denial and a.evidentiality != "denied" and a.cue is not None
              and a.cue[0] < denial.cue[0]]
    same = [a for a in before if a.content == denial.content]
    if same:
        return same[-1]
    inside = [a for a in attributions if a is not denial and a.cue is not None and a.evidentiality != "denied"
              and denial.content[0] <= a.cue[0] and a.cue[1] <= denial.content[1] and a.content[1] <= denial.content[1]]
    if len(inside) == 1:
        return inside[0]  # "Russia claims capture of Toretsk, Ukraine denies": the report it holds
    if not _names_a_report(denial, text):
        return None
    report = max(before, key=lambda a: a.content[1], default=None)  # the latest report before the denial
    if report is None or report.speaker == denial.speaker:
        return None
    between = text[report.content[1]:denial.cue[0]]
    return report if len(SENTENCE_END.findall(between)) <= DENIAL_REACH_SENTENCES else None


def _names_a_report(denial: Attribution, text: str) -> bool:
    """True for a denial whose content only names the report it denies (REPORT_ANAPHOR: "denied the claim", "Kyiv
    denied this", "эту информацию")."""
    named = text[denial.content[0]:denial.content[1]].strip(" .,;:")
    return bool(REPORT_ANAPHOR.match(named) or REPORT_ANAPHOR_RU_UK.match(named))
