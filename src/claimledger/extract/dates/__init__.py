"""Dates: time expressions normalised to ISO dates and ranges against publication, and the date of each
event (English and Russian/Ukrainian)."""
