"""Extraction: pure functions from a text to the record layers, one subpackage per stage (language,
attribution, events, event_places, places, dates)."""
