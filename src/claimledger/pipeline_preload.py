"""Imported once by the worker pool's fork server (pipeline_workers.py): the English model and the gazetteer
are loaded there, so each analysis worker forked from it starts with them (shared copy-on-write) instead of
importing spaCy and loading them again. A model that cannot be loaded is left for the worker to report
when a batch needs it, with its own error."""
from __future__ import annotations

try:
    from .extract.gazetteer import load_gazetteer
    from .extract.nlp import load_english

    load_english()
    load_gazetteer()
except Exception:  # noqa: BLE001 - reported by the worker that needs the model
    pass
