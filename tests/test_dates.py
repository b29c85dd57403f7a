"""Time expressions: finding them and resolving them against the publication date."""
from __future__ import annotations

import pytest

from claimledger.extract.dates.dates import find_time_expressions, resolve_when


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("in November", None, None),
        ("Russian missiles struck Kharkiv overnight", "2024-05-24", "2024-05-23/2024-05-24"),
        ("repelled 15 attacks over the past 24 hours", "2024-05-24", "2024-05-23/2024-05-24"),
        ("in the past day", "2024-05-24", "2024-05-23/2024-05-24"),
        ("overnight", None, None),
        ("in November", "2024-12-03", "2024-11"),
        ("in December", "2024-12-03", "2024-12"),
        ("in January", "2024-12-03", "2024-01"),
        ("in March", "2024-02-10", "2023-03"),
        ("on March 5, 2022", None, "2022-03-05"),
        ("on 5 March 2022", None, "2022-03-05"),
        ("on March 5", "2022-04-01T10:00:00Z", "2022-03-05"),
        ("on December 30", "2022-02-12", "2021-12-30"),
        ("at their meeting on November 26", "2021-11-24", "2021-11-26"),
        ("today", "2021-11-15T21:30:00Z", "2021-11-15"),
        ("yesterday", "2024-05-12", "2024-05-11"),
        ("on Friday", "2024-12-03", "2024-11-29"),
        ("this week", "2024-05-19", "2024-05-13/2024-05-19"),
        ("last week", "2024-12-03", "2024-11-25/2024-12-01"),
        ("for two days now", "2024-05-11T19:26", "2024-05-10/2024-05-11"),
        ("since May 10", "2024-05-19", "2024-05-10/2024-05-19"),
        ("since May 10", None, None),
        ("since May 10, 2024", None, "2024-05-10/.."),
        ("in 2023", None, "2023"),
        ("November 2024", None, "2024-11"),
        ("in September 2022", "2024-05-20", "2022-09"),
        ("last month", "2024-01-15", "2023-12"),
        ("this year", "2024-01-15", "2024"),
        ("for the third day in a row", "2024-01-15", "2024-01-13/2024-01-15"),
        ("for a second straight day", "2024-01-15", "2024-01-14/2024-01-15"),
        ("on a second day of talks", "2024-01-15", None),  # no running count
        ("no date here", "2024-01-15", None),
        ("in November", "not a date", None),
    ],
)
def test_resolve_when(text, published, expected):
    assert resolve_when(text, published) == expected


def test_modal_may_is_not_a_month():
    assert find_time_expressions("Russia may attack again.", "2024-05-01") == []


def test_numbers_with_thousands_separators_are_not_years():
    assert find_time_expressions("the destruction of 2,229 buildings", None) == []


def test_find_time_expressions_gives_spans_and_values():
    text = "The talks held in Paris on November 12, 2021, and the call today were useful."
    found = find_time_expressions(text, "2021-11-15")
    assert [(text[s:e], v) for s, e, v in found] == [
        ("November 12, 2021", "2021-11-12"), ("today", "2021-11-15"),
    ]


def test_unresolvable_expression_is_found_with_none():
    text = "It happened in November."
    assert find_time_expressions(text) == [(12, 23, None)]
